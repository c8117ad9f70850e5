import * as fs from "node:fs";
import * as ref from "../../reference";
import { failure, syncFailure, text, waitFor, within } from "./helpers/behaviour-env";
import { useFixture } from "./helpers/behaviour-fixture";

/**
 * Endpoint strings through the public socket API: what bind (rejects) and connect (throws at once)
 * say about malformed, foreign and over-long endpoints, and that the length is counted in UTF-8
 * bytes BEFORE Node sees the path (Node 20 silently truncates a long path and binds that).
 */
const fixture = useFixture();
const LIMIT = ref.platformIpc().maxPathBytes;

/** An absolute path in the test's directory exactly `bytes` UTF-8 bytes long, its last part made of `fill`. */
function pathOfBytes(bytes: number, fill = "x"): string {
  const prefix = `${fixture.dir}/`;
  const room = bytes - Buffer.byteLength(prefix);
  const unit = Buffer.byteLength(fill);
  if (room % unit !== 0) throw new Error(`cannot fill ${room} bytes with ${fill}`);
  return prefix + fill.repeat(room / unit);
}

// The third column is unbind's and disconnect's: they check the syntax and the transport, as
// libzmq's do, then look the string up; "ipc://@" is well formed there, and only not bound (ENOENT).
describe.each([
  ["ipc://", "EINVAL", "EINVAL"],
  ["ipc://@", "EINVAL", "ENOENT"],
  ["tcp://127.0.0.1:5555", "EPROTONOSUPPORT", "EPROTONOSUPPORT"],
  ["inproc://name", "EPROTONOSUPPORT", "EPROTONOSUPPORT"],
  ["garbage", "EINVAL", "EINVAL"],
  ["ipc:/missing-slash", "EINVAL", "EINVAL"],
  ["", "EINVAL", "EINVAL"],
])("endpoint %j", (endpoint, code, lookupCode) => {
  test(`bind rejects with ${code}`, async () => {
    const pull = fixture.track(new ref.Pull());
    expect((await failure(pull.bind(endpoint))).code).toBe(code);
    expect(pull.lastEndpoint).toBeNull();
  });

  test(`connect throws ${code} synchronously`, () => {
    const push = fixture.track(new ref.Push());
    expect(syncFailure(() => push.connect(endpoint)).code).toBe(code);
  });

  test(`unbind rejects with ${lookupCode}, disconnect throws it synchronously`, async () => {
    const pull = fixture.track(new ref.Pull());
    expect((await failure(pull.unbind(endpoint))).code).toBe(lookupCode);
    expect(syncFailure(() => pull.disconnect(endpoint)).code).toBe(lookupCode);
  });
});

describe("path length against the platform's sun_path", () => {
  test(`a path of exactly ${LIMIT} bytes binds, and a peer reaches it`, async () => {
    const socketPath = pathOfBytes(LIMIT);
    const pull = fixture.track(new ref.Pull());
    await pull.bind(`ipc://${socketPath}`);
    expect(pull.lastEndpoint).toBe(`ipc://${socketPath}`);
    expect(fs.lstatSync(socketPath).isSocket()).toBe(true);
    const push = fixture.track(new ref.Push());
    push.connect(`ipc://${socketPath}`);
    await push.send("at the limit");
    expect(text(await within(pull.receive(), "the message"))).toEqual(["at the limit"]);
  });

  test(`a ${LIMIT}-byte path whose directory leaves no room for a temporary name beside it still binds`, async () => {
    // The last component is 2 bytes: the implementation's temporary socket name cannot be a
    // sibling of the same length class, so this takes its other (relative-name) route.
    const directory = pathOfBytes(LIMIT - 3);
    fs.mkdirSync(directory);
    const socketPath = `${directory}/ab`;
    expect(Buffer.byteLength(socketPath)).toBe(LIMIT);
    const cwd = process.cwd();
    const pull = fixture.track(new ref.Pull());
    await pull.bind(`ipc://${socketPath}`);
    expect(process.cwd()).toBe(cwd);
    expect(fs.readdirSync(directory)).toEqual(["ab"]);
    const push = fixture.track(new ref.Push());
    push.connect(`ipc://${socketPath}`);
    await push.send("short name");
    expect(text(await within(pull.receive(), "the message"))).toEqual(["short name"]);
    pull.close();
    expect(fs.readdirSync(directory)).toEqual([]);
  });

  test.each([8, 10])(`a ${LIMIT}-byte path whose last component is %i bytes binds: the temporary name beside it is no longer than that`, async (length) => {
    // The temporary sibling takes the room the last component leaves, up to 16 bytes: one byte
    // more would be a path over the limit, which Node would silently truncate.
    const directory = pathOfBytes(LIMIT - length - 1);
    fs.mkdirSync(directory);
    const socketPath = `${directory}/${"s".repeat(length)}`;
    expect(Buffer.byteLength(socketPath)).toBe(LIMIT);
    const pull = fixture.track(new ref.Pull());
    await pull.bind(`ipc://${socketPath}`);
    expect(fs.readdirSync(directory)).toEqual(["s".repeat(length)]);
    const push = fixture.track(new ref.Push());
    push.connect(`ipc://${socketPath}`);
    await push.send("room for the sibling");
    expect(text(await within(pull.receive(), "the message"))).toEqual(["room for the sibling"]);
  });

  test(`a ${LIMIT}-byte path whose last component is 1 byte (no room at all beside it) still binds`, async () => {
    // One byte of room: a sibling temporary name would be the directory itself ("dir/.").
    const directory = pathOfBytes(LIMIT - 2);
    fs.mkdirSync(directory);
    const socketPath = `${directory}/a`;
    expect(Buffer.byteLength(socketPath)).toBe(LIMIT);
    const pull = fixture.track(new ref.Pull());
    await pull.bind(`ipc://${socketPath}`);
    expect(fs.readdirSync(directory)).toEqual(["a"]);
    const push = fixture.track(new ref.Push());
    push.connect(`ipc://${socketPath}`);
    await push.send("one byte of room");
    expect(text(await within(pull.receive(), "the message"))).toEqual(["one byte of room"]);
  });

  test("that relative route binds its temporary name in the target's directory, never in the working directory", async () => {
    // A temporary socket in the working directory would be renamed across directories (or file
    // systems: EXDEV) and, for a moment, be a stray file where the user runs the program.
    const directory = pathOfBytes(LIMIT - 3);
    fs.mkdirSync(directory);
    const elsewhere = fixture.path("working-directory");
    fs.mkdirSync(elsewhere);
    fixture.chdir(elsewhere);
    const created: string[] = [];
    const watcher = fs.watch(elsewhere, (_event, name) => created.push(String(name)));
    try {
      const pull = fixture.track(new ref.Pull());
      await pull.bind(`ipc://${directory}/ab`);
      // inotify delivers events in order: once the sentinel's arrives, any earlier one has too.
      fs.writeFileSync(`${elsewhere}/sentinel`, "");
      await waitFor(() => created.includes("sentinel"), "the sentinel's watch event");
      expect(created.filter((name) => name !== "sentinel")).toEqual([]);
      expect(fs.readdirSync(directory)).toEqual(["ab"]);
    } finally {
      watcher.close();
    }
  });

  test.each([1, 2])(`a path of ${LIMIT} + %i bytes: bind ENAMETOOLONG and nothing created`, async (extra) => {
    const socketPath = pathOfBytes(LIMIT + extra);
    const pull = fixture.track(new ref.Pull());
    expect((await failure(pull.bind(`ipc://${socketPath}`))).code).toBe("ENAMETOOLONG");
    expect(pull.lastEndpoint).toBeNull();
    // Node would have bound a name truncated to sun_path: nothing of the kind may exist.
    expect(fixture.list()).toEqual([]);
  });

  test("length is counted in UTF-8 bytes, not characters", async () => {
    // "é" is 2 bytes: this path has fewer characters than the limit but more bytes.
    const prefixBytes = Buffer.byteLength(`${fixture.dir}/`);
    const chars = Math.floor((LIMIT - prefixBytes) / 2) + 1;
    const socketPath = `${fixture.dir}/${"é".repeat(chars)}`;
    expect(socketPath.length).toBeLessThanOrEqual(LIMIT);
    expect(Buffer.byteLength(socketPath)).toBeGreaterThan(LIMIT);
    const pull = fixture.track(new ref.Pull());
    expect((await failure(pull.bind(`ipc://${socketPath}`))).code).toBe("ENAMETOOLONG");
    const push = fixture.track(new ref.Push());
    expect(syncFailure(() => push.connect(`ipc://${socketPath}`)).code).toBe("ENAMETOOLONG");
    expect(fixture.list()).toEqual([]);
  });

  test("a multi-byte path within the limit binds and keeps its name", async () => {
    const socketPath = pathOfBytes(LIMIT - ((LIMIT - Buffer.byteLength(`${fixture.dir}/`)) % 2), "é");
    const pull = fixture.track(new ref.Pull());
    await pull.bind(`ipc://${socketPath}`);
    expect(pull.lastEndpoint).toBe(`ipc://${socketPath}`);
    expect(fs.lstatSync(socketPath).isSocket()).toBe(true);
  });

  test("connect to an over-long path throws ENAMETOOLONG synchronously and creates nothing", async () => {
    const push = fixture.track(new ref.Push());
    expect(syncFailure(() => push.connect(`ipc://${pathOfBytes(LIMIT + 1)}`)).code).toBe("ENAMETOOLONG");
    // The same endpoint at the limit is accepted (the check is the length, not the directory).
    expect(() => push.connect(`ipc://${pathOfBytes(LIMIT)}`)).not.toThrow();
    expect(fixture.list()).toEqual([]);
  });

  test("an abstract name counts its '@' against the limit too", async () => {
    const platform = ref.platformIpc();
    const push = fixture.track(new ref.Push());
    const name = `@${"n".repeat(platform.maxPathBytes)}`; // one byte too many with the '@'
    expect(syncFailure(() => push.connect(`ipc://${name}`)).code).toBe("ENAMETOOLONG");
  });
});

describe("relative paths", () => {
  test("bind a relative path: resolved against the working directory, lastEndpoint exactly as given", async () => {
    fixture.chdir(fixture.dir);
    fs.mkdirSync("sub");
    const pull = fixture.track(new ref.Pull());
    await pull.bind("ipc://sub/relative.sock");
    expect(pull.lastEndpoint).toBe("ipc://sub/relative.sock");
    expect(fs.lstatSync(fixture.path("sub", "relative.sock")).isSocket()).toBe(true);
    // A peer that knows the absolute path reaches it.
    const push = fixture.track(new ref.Push());
    push.connect(fixture.endpoint("sub", "relative.sock"));
    await push.send("relative");
    expect(text(await within(pull.receive(), "the message"))).toEqual(["relative"]);
  });

  test("connect to a relative path reaches the binder in the working directory", async () => {
    fixture.chdir(fixture.dir);
    const pull = fixture.track(new ref.Pull());
    await pull.bind(fixture.endpoint("abs.sock"));
    const push = fixture.track(new ref.Push());
    push.connect("ipc://abs.sock");
    await push.send("via relative");
    expect(text(await within(pull.receive(), "the message"))).toEqual(["via relative"]);
  });
});
