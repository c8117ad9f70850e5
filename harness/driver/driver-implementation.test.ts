/**
 * DriverImplementation: a good driver (serve-driver for the reference) serves real sockets; a
 * driver's answers become the runner's verdicts (unsupported -> Unsupported, error -> an
 * ImplementationError with the errno name, a fault -> outcome "error" with its stderr); a driver
 * that broke is started again for the next socket; setenv and chdir reach the driver's process.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { platformLimits } from "../model/platform-limits";
import { ImplementationError, type ProcessImplementation } from "../model/implementation";
import { scenario } from "../model/scenario";
import type { ScenarioContext } from "../model/scenario-context";
import { runScenario } from "../runner/run-scenario";
import { Unsupported } from "../runner/verdicts";
import { DriverFault } from "./driver-connection";
import { spawnChildImplementation } from "../adapters/child-implementation";
import { DriverImplementation, startDriver } from "./driver-implementation";
import { announcedPid, expectGone, faultOf, fixtureCommand, HANG_MS, LIMITS } from "./__tests__/helpers";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "zic-driver-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const settings = { platformId: "host", platform: platformLimits(), multiplier: 1 };

function probe(run: (ctx: ScenarioContext) => Promise<void>, extra: { exclusive?: boolean } = {}) {
  return scenario({ id: "endpoint-lifecycle.driver-probe", clause: "ipc.bind.pathname", level: "MUST", title: "driver probe", run, ...extra });
}

describe("a good driver: serve-driver for the reference", () => {
  let driver: ProcessImplementation;
  // Starting serve-driver under ts-node (it transpiles the reference) takes ~3 s: once, here.
  beforeAll(async () => {
    driver = await spawnChildImplementation("reference");
  }, 30_000);
  afterAll(async () => {
    const pid = driver.pid;
    await driver.kill();
    await expectGone(pid);
  });

  test("completes hello and preflight, and reports what it said", () => {
    const hello = (driver as DriverImplementation).hello;
    expect(hello.protocol).toBe(1);
    expect(hello.pid).toBe(driver.pid);
    expect(driver.name).toMatch(/reference/);
    expect(driver.capabilities).toEqual(expect.arrayContaining(["wildcard", "pubsub", "reqrep", "last-endpoint"]));
    expect(() => process.kill(driver.pid, 0)).not.toThrow();
  });

  test("serves a PUSH/PULL exchange: multipart, empty and binary frames intact, in order", async () => {
    const endpoint = `ipc://${path.join(dir, "exchange.sock")}`;
    const pull = await driver.createSocket("PULL", { linger: 0 });
    const push = await driver.createSocket("PUSH", { linger: 0 });
    try {
      await pull.bind(endpoint);
      expect(await pull.lastEndpoint()).toBe(endpoint);
      await push.connect(endpoint);
      const binary = Buffer.from([0x00, 0xff, 0x0a, 0x7b, 0x22, 0x80]); // NUL, a newline, `{"`: base64 carries anything
      await push.send(["one"]);
      await push.send(["two", "", binary]);
      expect((await pull.receive(2000)).map(String)).toEqual(["one"]);
      const second = await pull.receive(2000);
      expect(second.map((frame) => frame.toString("hex"))).toEqual([Buffer.from("two").toString("hex"), "", binary.toString("hex")]);
    } finally {
      await push.close();
      await pull.close();
    }
  });

  test("a refusal arrives as an ImplementationError with the errno name", async () => {
    const pull = await driver.createSocket("PULL", { linger: 0 });
    try {
      const refused = await pull.bind(`ipc://${path.join(dir, "no-such-dir", "x.sock")}`).catch((err: unknown) => err);
      expect(refused).toBeInstanceOf(ImplementationError);
      expect((refused as ImplementationError).code).toBe("ENOENT");
      const nothing = await pull.receive(50).catch((err: unknown) => err);
      expect((nothing as ImplementationError).code).toBe("EAGAIN");
    } finally {
      await pull.close();
    }
  });
});

describe("a driver's answers become the runner's verdicts", () => {
  let driver: DriverImplementation;
  beforeEach(async () => {
    driver = await startDriver("scripted", fixtureCommand("scripted"), LIMITS);
  });
  afterEach(() => driver.kill());

  test('"unsupported" becomes the runner\'s Unsupported, and the outcome unsupported', async () => {
    const refused = await driver.createSocket("XPUB").catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(Unsupported);
    expect((refused as Error).message).toBe("scripted answered unsupported: no XPUB sockets in the fake library");
    const row = await runScenario(
      probe(async (ctx) => void (await ctx.socket(ctx.impl, "XPUB"))),
      { binder: driver, connecter: driver },
      settings,
    );
    expect(row.outcome).toBe("unsupported");
    expect(row.observed.summary).toContain("no XPUB sockets");
  });

  test('"error" becomes an ImplementationError carrying the errno name, which scenarios judge', async () => {
    const endpoint = `ipc://${path.join(dir, "taken.sock")}`;
    const first = await driver.createSocket("PULL");
    const second = await driver.createSocket("PULL");
    await first.bind(endpoint);
    const refused = await second.bind(endpoint).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(ImplementationError);
    expect((refused as ImplementationError).code).toBe("EADDRINUSE");
    expect((refused as ImplementationError).message).toMatch(/^EADDRINUSE: .*is bound already/);

    const twice = (expectRefusal: boolean) =>
      probe(async (ctx) => {
        const a = await ctx.socket(ctx.impl, "PULL");
        const b = await ctx.socket(ctx.impl, "PULL");
        await a.bind(ctx.endpoint("twice.sock"));
        if (expectRefusal) await ctx.expectError("second bind", () => b.bind(ctx.endpoint("twice.sock")), ["EADDRINUSE"]);
        else await ctx.expectSuccess("second bind", () => b.bind(ctx.endpoint("twice.sock")));
      });
    const roles = { binder: driver, connecter: driver };
    expect((await runScenario(twice(true), roles, settings)).outcome).toBe("pass");
    const failed = await runScenario(twice(false), roles, settings);
    expect(failed.outcome).toBe("fail");
    expect(failed.observed.summary).toMatch(/error EADDRINUSE/);
  });

  test("setenv and chdir reach the driver's process (ipc://* under its TMPDIR, relative paths in its cwd)", async () => {
    const pull = await driver.createSocket("PULL");
    await driver.setEnv({ TMPDIR: dir });
    await pull.bind("ipc://*");
    expect(await pull.lastEndpoint()).toMatch(new RegExp(`^ipc://${dir}/fake-\\d+-1$`));
    await driver.chdir(dir);
    await pull.bind("ipc://relative.sock");
    expect(await pull.lastEndpoint()).toBe(`ipc://${dir}/relative.sock`);
  });
});

describe("a driver that broke", () => {
  test("is started again for the next socket, which works; the broken process is gone", async () => {
    const driver = await startDriver("scripted", fixtureCommand("scripted"), LIMITS);
    try {
      const doomed = await driver.createSocket("PULL");
      const { fault } = await faultOf(doomed.bind(`ipc://${path.join(dir, "crash.sock")}`));
      expect(fault.message).toMatch(/^driver scripted: exited \(code 1\)/);
      expect(fault.stderr).toMatch(/TypeError: Cannot read properties of undefined \(reading 'fd'\) in fake_zmq_bind/);
      expect(driver.restarts).toBe(0);
      await doomed.close(); // a socket of the dead driver closes quietly

      const pull = await driver.createSocket("PULL");
      expect(driver.restarts).toBe(1);
      const push = await driver.createSocket("PUSH");
      const endpoint = `ipc://${path.join(dir, "after.sock")}`;
      await pull.bind(endpoint);
      await push.connect(endpoint);
      await push.send(["still here"]);
      expect((await pull.receive(1000)).map(String)).toEqual(["still here"]);
      await expectGone(announcedPid(fault.stderr));
    } finally {
      await driver.kill();
    }
  });

  test("mid-scenario: that scenario is error with the driver's stderr; the next one runs on a fresh driver", async () => {
    const driver = await startDriver("scripted", fixtureCommand("scripted"), { ...LIMITS, requestMs: HANG_MS });
    const roles = { binder: driver, connecter: driver };
    const exchange = (name: string) =>
      probe(async (ctx) => {
        const pull = await ctx.socket(ctx.impl, "PULL");
        await pull.bind(ctx.endpoint(name));
        const push = await ctx.socket(ctx.impl, "PUSH");
        await push.connect(ctx.endpoint(name));
        await push.send(["m"]);
        await ctx.expectMessage(pull, "the message", ["m"]);
      });
    try {
      const hung = await runScenario(exchange("hang.sock"), roles, settings);
      expect(hung.outcome).toBe("error");
      expect(hung.observed.summary).toMatch(new RegExp(`^driver scripted: no answer to request \\d+ \\(bind\\) within ${HANG_MS} ms`));
      expect(hung.observed.summary).toContain("--- driver stderr (last lines) ---");
      expect(hung.observed.summary).toContain("fake_zmq: deadlock in bind");
      expect(hung.durationMs).toBeLessThan(HANG_MS + 1000);
      const next = await runScenario(exchange("fine.sock"), roles, settings);
      expect(next.outcome).toBe("pass");
      expect(driver.restarts).toBe(1);
      await expectGone(announcedPid(hung.observed.summary));
    } finally {
      await driver.kill();
    }
  });

  // Once a bug: setEnv()/chdir() used the dead connection and failed with the previous
  // scenario's fault; now every call starts a broken driver afresh, as createSocket() does.
  test("an exclusive scenario that sets the environment first, right after a crash, runs on a fresh driver", async () => {
    const driver = await startDriver("scripted", fixtureCommand("scripted"), LIMITS);
    const roles = { binder: driver, connecter: driver };
    try {
      const crash = await runScenario(
        probe(async (ctx) => void (await (await ctx.socket(ctx.impl, "PULL")).bind(ctx.endpoint("crash.sock")))),
        roles,
        settings,
      );
      expect(crash.outcome).toBe("error");
      const wildcard = probe(
        async (ctx) => {
          await ctx.setEnv({ TMPDIR: ctx.dir });
          const pull = await ctx.socket(ctx.impl, "PULL");
          await pull.bind("ipc://*");
          ctx.check("bound under TMPDIR", (await pull.lastEndpoint())?.startsWith(`ipc://${ctx.dir}/`), true);
        },
        { exclusive: true },
      );
      const row = await runScenario(wildcard, roles, settings);
      expect(row.observed.summary).toBe("every check held"); // today: the crash's "exited (code 1)" fault, again
    } finally {
      await driver.kill();
    }
  });
});

test("DriverFault is what the runner reports as error, never as the implementation's verdict", async () => {
  const fault = new DriverFault("x", "exited (code 1)", "boom");
  const row = await runScenario(
    probe(async () => {
      throw fault;
    }),
    { binder: { id: "x" } as never, connecter: { id: "x" } as never },
    settings,
  );
  expect(row.outcome).toBe("error");
  expect(row.observed.summary).toBe("driver x: exited (code 1)\n--- driver stderr (last lines) ---\nboom");
});
