/**
 * drivers/template/driver.js, as an implementer first runs it: it passes the harness's hello and
 * preflight, serves sockets over its fake library, and answers refusals in the protocol's forms.
 * And docs/driver-protocol.md keeps naming every op and every capability there is.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ImplementationError } from "../model/implementation";
import { CAPABILITIES } from "../model/capability";
import { Unsupported } from "../runner/verdicts";
import schema from "./protocol.schema.json";
import { DriverConnection } from "./driver-connection";
import { startDriver } from "./driver-implementation";
import { expectGone, LIMITS } from "./__tests__/helpers";

const ROOT = path.join(__dirname, "..", "..");
const TEMPLATE = path.join(ROOT, "drivers", "template", "driver.js");

test("the template passes hello and preflight, and says a valid hello", async () => {
  const connection = await DriverConnection.start("template", [process.execPath, TEMPLATE], LIMITS);
  try {
    expect(connection.broken).toBe(false);
    expect(connection.hello.protocol).toBe(1);
    expect(connection.hello.pid).toBe(connection.pid);
    expect(connection.hello.name).toMatch(/template/);
    for (const capability of connection.hello.capabilities) expect(CAPABILITIES).toContain(capability);
  } finally {
    const pid = connection.pid!;
    await connection.kill();
    await expectGone(pid);
  }
});

describe("the template as --driver runs it (through the shell, from the project root)", () => {
  const command = `node ${path.relative(ROOT, TEMPLATE)}`;
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "zic-template-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("serves a PUSH/PULL exchange over the fake library, and answers refusals as errno names or unsupported", async () => {
    const driver = await startDriver("mylib", command, LIMITS, ROOT);
    try {
      const endpoint = `ipc://${path.join(dir, "a.sock")}`;
      const pull = await driver.createSocket("PULL", { linger: 0 });
      const push = await driver.createSocket("PUSH", { linger: 0 });
      await pull.bind(endpoint);
      expect(await pull.lastEndpoint()).toBe(endpoint);
      await push.connect(endpoint);
      await push.send(["hello", "", Buffer.from([0, 10, 255])]);
      expect((await pull.receive(1000)).map((frame) => frame.toString("hex"))).toEqual(["68656c6c6f", "", "000aff"]);

      const code = (promise: Promise<unknown>) =>
        promise.then(
          () => "success",
          (err: ImplementationError) => err.code,
        );
      expect(await code(pull.receive(20))).toBe("EAGAIN");
      expect(await code((await driver.createSocket("PULL")).bind(endpoint))).toBe("EADDRINUSE");
      expect(await code(pull.bind(`foo://${dir}/b.sock`))).toBe("EPROTONOSUPPORT");
      expect(await code(pull.unbind(`ipc://${dir}/never.sock`))).toBe("ENOENT");

      await expect(driver.createSocket("XPUB")).rejects.toBeInstanceOf(Unsupported);
      await expect(driver.createSocket("PUSH", { immediate: true })).rejects.toThrow(/socket option immediate is not supported/);

      // A receive still waiting when its socket is closed is answered, not left pending.
      const waiting = code(pull.receive(5000));
      await pull.close();
      expect(await waiting).toBe("ENOTSOCK");
      expect(driver.restarts).toBe(0);
    } finally {
      await driver.kill();
    }
  });

  test("setenv reaches it: ipc://* binds under the TMPDIR the harness sets", async () => {
    const driver = await startDriver("mylib", command, LIMITS, ROOT);
    try {
      await driver.setEnv({ TMPDIR: dir });
      const pull = await driver.createSocket("PULL");
      await pull.bind("ipc://*");
      expect(await pull.lastEndpoint()).toMatch(new RegExp(`^ipc://${dir}/fake-\\d+-1$`));
    } finally {
      await driver.kill();
    }
  });
});

test("docs/driver-protocol.md names every op of the schema and every capability", () => {
  const doc = fs.readFileSync(path.join(ROOT, "docs", "driver-protocol.md"), "utf8");
  for (const op of schema.definitions.request.properties.op.enum) expect(doc).toContain(`| \`${op}\` |`);
  for (const capability of CAPABILITIES) expect(doc).toContain(`| \`${capability}\` |`);
  expect(doc).toContain("(../harness/driver/protocol.schema.json)");
});
