import * as fs from "node:fs";
import * as path from "node:path";
import * as ref from "../../reference";
import { failure, text, within } from "./helpers/behaviour-env";
import { explain } from "./helpers/behaviour-env";
import { loadZeromqSource, runChild } from "./helpers/behaviour-child";
import { useFixture } from "./helpers/behaviour-fixture";

/**
 * `ipc://*`: a private directory from TMPDIR, TEMPDIR, TMP (the first set AND a directory) or,
 * with none, relative to the working directory; the socket is `<dir>/tmpXXXXXX/socket`.
 * Every test points those variables into its own directory.
 */
const fixture = useFixture();
const LIMIT = ref.platformIpc().maxPathBytes;

function clearTemporaryVariables(): void {
  for (const name of ["TMPDIR", "TEMPDIR", "TMP"]) fixture.setEnv(name, undefined);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The socket path of a wildcard lastEndpoint under `parent` ("" = relative), checked for shape. */
function wildcardPath(lastEndpoint: string | null, parent: string): string {
  const prefix = parent === "" ? "" : `${parent}/`;
  expect(lastEndpoint).toMatch(new RegExp(`^ipc://${escape(prefix)}tmp[A-Za-z0-9]{6}/socket$`));
  return (lastEndpoint as string).slice("ipc://".length);
}

async function roundTrip(endpoint: string, receiver: ref.Pull, body: string): Promise<string[]> {
  const push = fixture.track(new ref.Push());
  push.connect(endpoint);
  await push.send(body);
  return text(await within(receiver.receive(), `"${body}"`));
}

test("TMPDIR: a 0700 directory tmpXXXXXX holding 'socket'; lastEndpoint names it; peers reach it", async () => {
  clearTemporaryVariables();
  fixture.setEnv("TMPDIR", fixture.dir);
  const pull = fixture.track(new ref.Pull());
  await pull.bind("ipc://*");
  const socketPath = wildcardPath(pull.lastEndpoint, fixture.dir);
  const directory = path.dirname(socketPath);
  expect(fs.statSync(directory).mode & 0o777).toBe(0o700);
  expect(fs.readdirSync(directory)).toEqual(["socket"]);
  expect(fs.lstatSync(socketPath).isSocket()).toBe(true);
  expect(await roundTrip(pull.lastEndpoint as string, pull, "wild")).toEqual(["wild"]);
});

test("TMPDIR with a trailing slash gives no double slash", async () => {
  clearTemporaryVariables();
  fixture.setEnv("TMPDIR", `${fixture.dir}/`);
  const pull = fixture.track(new ref.Pull());
  await pull.bind("ipc://*");
  wildcardPath(pull.lastEndpoint, fixture.dir);
});

test("two wildcard binds get two different directories", async () => {
  clearTemporaryVariables();
  fixture.setEnv("TMPDIR", fixture.dir);
  const a = fixture.track(new ref.Pull());
  const b = fixture.track(new ref.Pull());
  await a.bind("ipc://*");
  await b.bind("ipc://*");
  expect(a.lastEndpoint).not.toBe(b.lastEndpoint);
  expect(fixture.list()).toHaveLength(2);
});

describe("which variable is used", () => {
  test("TEMPDIR when TMPDIR is unset", async () => {
    clearTemporaryVariables();
    fs.mkdirSync(fixture.path("tempdir"));
    fixture.setEnv("TEMPDIR", fixture.path("tempdir"));
    fixture.setEnv("TMP", fixture.dir);
    const pull = fixture.track(new ref.Pull());
    await pull.bind("ipc://*");
    wildcardPath(pull.lastEndpoint, fixture.path("tempdir"));
  });

  test("TMP when TMPDIR names a file and TEMPDIR a missing directory", async () => {
    clearTemporaryVariables();
    fs.writeFileSync(fixture.path("not-a-dir"), "");
    fs.mkdirSync(fixture.path("tmp"));
    fixture.setEnv("TMPDIR", fixture.path("not-a-dir"));
    fixture.setEnv("TEMPDIR", fixture.path("missing"));
    fixture.setEnv("TMP", fixture.path("tmp"));
    const pull = fixture.track(new ref.Pull());
    await pull.bind("ipc://*");
    wildcardPath(pull.lastEndpoint, fixture.path("tmp"));
    expect(fs.readFileSync(fixture.path("not-a-dir"), "utf8")).toBe("");
  });

  test("none usable: a relative tmpXXXXXX in the working directory, lastEndpoint relative", async () => {
    clearTemporaryVariables();
    fixture.setEnv("TMPDIR", ""); // set but empty counts as unset
    fixture.chdir(fixture.dir);
    const pull = fixture.track(new ref.Pull());
    await pull.bind("ipc://*");
    const socketPath = wildcardPath(pull.lastEndpoint, "");
    expect(fs.lstatSync(fixture.path(socketPath)).isSocket()).toBe(true);
    expect(fs.statSync(fixture.path(path.dirname(socketPath))).mode & 0o777).toBe(0o700);
    expect(await roundTrip(fixture.endpoint(socketPath), pull, "relative wild")).toEqual(["relative wild"]);
    pull.close();
    expect(fixture.list()).toEqual([]);
  });
});

describe("length", () => {
  /** A directory under the test's directory whose path is exactly `bytes` long. */
  function directoryOfBytes(bytes: number): string {
    let dir = fixture.dir;
    while (Buffer.byteLength(dir) < bytes) {
      const room = bytes - Buffer.byteLength(dir) - 1;
      dir = `${dir}/${"d".repeat(Math.max(1, Math.min(room, 40)))}`;
    }
    expect(Buffer.byteLength(dir)).toBe(bytes);
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  }

  // "/tmpXXXXXX/socket" adds 17 bytes to the directory.
  test(`a TMPDIR that makes the socket path exactly ${LIMIT} bytes works`, async () => {
    clearTemporaryVariables();
    const dir = directoryOfBytes(LIMIT - 17);
    fixture.setEnv("TMPDIR", dir);
    const pull = fixture.track(new ref.Pull());
    await pull.bind("ipc://*");
    const socketPath = wildcardPath(pull.lastEndpoint, dir);
    expect(Buffer.byteLength(socketPath)).toBe(LIMIT);
    expect(await roundTrip(pull.lastEndpoint as string, pull, "long wild")).toEqual(["long wild"]);
    pull.close();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test("a TMPDIR one byte longer: ENAMETOOLONG and nothing created", async () => {
    clearTemporaryVariables();
    const dir = directoryOfBytes(LIMIT - 16);
    fixture.setEnv("TMPDIR", dir);
    const pull = fixture.track(new ref.Pull());
    const err = await failure(pull.bind("ipc://*"));
    expect(err.code).toBe("ENAMETOOLONG");
    // The user did not write the path: the message shows the one the wildcard would have made.
    expect(explain(err)).toMatch(new RegExp(`^wildcard path ${dir}/\\S+ would be ${LIMIT + 1} bytes; ${ref.platformIpc().name} allows ${LIMIT}: ipc://\\*$`));
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(pull.lastEndpoint).toBeNull();
  });
});

describe("cleanup", () => {
  test.each(["close", "unbind"] as const)("%s removes the socket and its directory", async (how) => {
    clearTemporaryVariables();
    fixture.setEnv("TMPDIR", fixture.dir);
    const pull = fixture.track(new ref.Pull());
    await pull.bind("ipc://*");
    expect(fixture.list()).toHaveLength(1);
    if (how === "close") pull.close();
    else await pull.unbind(pull.lastEndpoint as string);
    expect(fixture.list()).toEqual([]);
  });

  test("unbind('ipc://*') is ENOENT and leaves the binding alone; unbind(lastEndpoint) works", async () => {
    clearTemporaryVariables();
    fixture.setEnv("TMPDIR", fixture.dir);
    const pull = fixture.track(new ref.Pull());
    await pull.bind("ipc://*");
    const endpoint = pull.lastEndpoint as string;
    expect((await failure(pull.unbind("ipc://*"))).code).toBe("ENOENT");
    expect(await roundTrip(endpoint, pull, "still bound")).toEqual(["still bound"]);
    await pull.unbind(endpoint);
    expect(fixture.list()).toEqual([]);
  });

  test("a wildcard directory someone else put files into is left in place on close", async () => {
    clearTemporaryVariables();
    fixture.setEnv("TMPDIR", fixture.dir);
    const pull = fixture.track(new ref.Pull());
    await pull.bind("ipc://*");
    const directory = path.dirname(wildcardPath(pull.lastEndpoint, fixture.dir));
    fs.writeFileSync(`${directory}/foreign`, "kept");
    pull.close();
    expect(fs.readdirSync(directory)).toEqual(["foreign"]);
  });
});

test("libzmq, given the same environment in its own process, produces the same shape", async () => {
  // libzmq reads the real environment (getenv), which jest's process.env does not reach: ask a child.
  const child = runChild(
    fixture,
    `${loadZeromqSource()}
(async () => {
  const pull = new zmq.Pull();
  await pull.bind("ipc://*");
  const endpoint = pull.lastEndpoint;
  await pull.unbind(endpoint);
  pull.close();
  process.send({ endpoint });
})();
`,
    { env: { ...process.env, TMPDIR: fixture.dir, TEMPDIR: "", TMP: "" } },
  );
  const { endpoint } = await child.message<{ endpoint: string }>((m) => typeof m === "object", "libzmq's lastEndpoint");
  wildcardPath(endpoint, fixture.dir);
  expect(await child.exited).toBe(0);
  expect(fixture.list().filter((name) => !name.startsWith("child-"))).toEqual([]);
});
