import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as zmq from "zeromq";
import * as ref from "../../reference";
import { failure, text, waitForAsync, within } from "./helpers/behaviour-env";
import { explain } from "./helpers/behaviour-env";
import { loadReferenceSource, runChild } from "./helpers/behaviour-child";
import { useFixture } from "./helpers/behaviour-fixture";

/**
 * Binding where something already exists. A socket file (live or stale, whoever made it) is
 * overridden, as zmq_ipc(7) says; anything else is refused with EADDRINUSE and left as it was
 * (libzmq would unlink a regular file there: the reference deliberately does not).
 */
const fixture = useFixture();

/** "connected", or the error code of a plain connect to the path. */
function connectOutcome(socketPath: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.createConnection({ path: socketPath });
    socket.on("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.on("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? "error"));
  });
}

function inode(path: string): number {
  return fs.lstatSync(path).ino;
}

async function receiveText(socket: { receive(): Promise<Buffer[]> }, what: string): Promise<string[]> {
  return text(await within(socket.receive(), what));
}

describe("a socket file at the path is overridden", () => {
  test("live, from the reference: the new binder takes new connections, the first keeps its established ones", async () => {
    const endpoint = fixture.endpoint("shared.sock");
    const first = fixture.track(new ref.Pull());
    await first.bind(endpoint);
    const early = fixture.track(new ref.Push());
    early.connect(endpoint);
    await early.send("early-1");
    expect(await receiveText(first, "early-1 at the first binder")).toEqual(["early-1"]);
    const firstInode = inode(fixture.path("shared.sock"));

    const second = fixture.track(new ref.Pull());
    await second.bind(endpoint);
    expect(second.lastEndpoint).toBe(endpoint);
    const stat = fs.lstatSync(fixture.path("shared.sock"));
    expect(stat.isSocket()).toBe(true);
    expect(stat.ino).not.toBe(firstInode);
    // Nothing but the socket is left behind in the directory (no temporary names).
    expect(fixture.list()).toEqual(["shared.sock"]);

    const late = fixture.track(new ref.Push());
    late.connect(endpoint);
    await late.send("late");
    expect(await receiveText(second, "late at the second binder")).toEqual(["late"]);

    await early.send("early-2");
    expect(await receiveText(first, "early-2 at the first binder")).toEqual(["early-2"]);
  });

  test("live, from libzmq: the reference binds over it and takes the new connections", async () => {
    const endpoint = fixture.endpoint("libzmq.sock");
    const libzmqPull = fixture.track(new zmq.Pull());
    await libzmqPull.bind(endpoint);
    const libzmqPush = fixture.track(new zmq.Push());
    libzmqPush.connect(endpoint);
    await libzmqPush.send("to libzmq");
    expect(await receiveText(libzmqPull, "the first message at libzmq")).toEqual(["to libzmq"]);
    const libzmqInode = inode(fixture.path("libzmq.sock"));

    const pull = fixture.track(new ref.Pull());
    await pull.bind(endpoint);
    expect(inode(fixture.path("libzmq.sock"))).not.toBe(libzmqInode);

    const push = fixture.track(new ref.Push());
    push.connect(endpoint);
    await push.send("to the reference");
    expect(await receiveText(pull, "the message at the reference")).toEqual(["to the reference"]);

    await libzmqPush.send("still to libzmq");
    expect(await receiveText(libzmqPull, "the established connection at libzmq")).toEqual(["still to libzmq"]);
  });

  test("stale (left by a closed libzmq socket): replaced, and the new binder is reachable", async () => {
    const socketPath = fixture.path("stale.sock");
    const libzmqPull = new zmq.Pull();
    await libzmqPull.bind(`ipc://${socketPath}`);
    libzmqPull.close(); // libzmq >= 4.2.3 leaves the file
    expect(fs.lstatSync(socketPath).isSocket()).toBe(true);
    // libzmq closes its listener in its I/O thread: wait until the file refuses connections.
    await waitForAsync(async () => (await connectOutcome(socketPath)) === "ECONNREFUSED", "the libzmq listener to go");

    const pull = fixture.track(new ref.Pull());
    await pull.bind(`ipc://${socketPath}`);
    const push = fixture.track(new ref.Push());
    push.connect(`ipc://${socketPath}`);
    await push.send("over a stale file");
    expect(await receiveText(pull, "the message")).toEqual(["over a stale file"]);
  });

  test("stale (a socket file nobody listens on any more): replaced", async () => {
    // Listen on another name, rename the socket onto the target, close: the target stays, dead.
    const socketPath = fixture.path("dead.sock");
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(fixture.path("temporary.sock"), resolve));
    fs.renameSync(fixture.path("temporary.sock"), socketPath);
    await new Promise((resolve) => server.close(resolve));
    expect(await connectOutcome(socketPath)).toBe("ECONNREFUSED");

    const pull = fixture.track(new ref.Pull());
    await pull.bind(`ipc://${socketPath}`);
    expect(fixture.list()).toEqual(["dead.sock"]);
    const push = fixture.track(new ref.Push());
    push.connect(`ipc://${socketPath}`);
    await push.send("over a dead file");
    expect(await receiveText(pull, "the message")).toEqual(["over a dead file"]);
  });
});

describe("anything that is not a socket is refused with EADDRINUSE and left untouched", () => {
  test("a regular file with content", async () => {
    const target = fixture.path("data.txt");
    fs.writeFileSync(target, "precious data\n");
    const pull = fixture.track(new ref.Pull());
    const err = await failure(pull.bind(`ipc://${target}`));
    expect(err.code).toBe("EADDRINUSE");
    // The message says what is in the way, so the user knows which file to look at and why.
    expect(explain(err)).toBe(`a file that is not a socket exists at the bind path; refusing to replace it: ipc://${target}`);
    expect(fs.readFileSync(target, "utf8")).toBe("precious data\n");
    expect(fixture.list()).toEqual(["data.txt"]);
    expect(pull.lastEndpoint).toBeNull();
  });

  test("an empty regular file", async () => {
    const target = fixture.path("empty");
    fs.writeFileSync(target, "");
    const pull = fixture.track(new ref.Pull());
    expect((await failure(pull.bind(`ipc://${target}`))).code).toBe("EADDRINUSE");
    expect(fs.lstatSync(target).isFile()).toBe(true);
  });

  test("a symbolic link (to a file, dangling, or to a live socket)", async () => {
    fs.writeFileSync(fixture.path("target.txt"), "behind the link");
    fs.symlinkSync(fixture.path("target.txt"), fixture.path("to-file"));
    fs.symlinkSync(fixture.path("nowhere"), fixture.path("dangling"));
    const live = fixture.track(new ref.Pull());
    await live.bind(fixture.endpoint("live.sock"));
    fs.symlinkSync(fixture.path("live.sock"), fixture.path("to-socket"));

    const pull = fixture.track(new ref.Pull());
    for (const name of ["to-file", "dangling", "to-socket"]) {
      const err = await failure(pull.bind(fixture.endpoint(name)));
      expect(err.code).toBe("EADDRINUSE");
      expect(explain(err)).toContain("a symbolic link exists at the bind path");
      expect(fs.lstatSync(fixture.path(name)).isSymbolicLink()).toBe(true);
    }
    expect(fs.readlinkSync(fixture.path("to-socket"))).toBe(fixture.path("live.sock"));
    expect(fs.readFileSync(fixture.path("target.txt"), "utf8")).toBe("behind the link");
    expect(fixture.list()).toEqual(["dangling", "live.sock", "target.txt", "to-file", "to-socket"]);

    // The socket behind the link is still the first binder's and still answers.
    const push = fixture.track(new ref.Push());
    push.connect(fixture.endpoint("to-socket"));
    await push.send("through the link");
    expect(await receiveText(live, "the message via the link")).toEqual(["through the link"]);
  });

  test("a FIFO", async () => {
    const target = fixture.path("fifo");
    const made = spawnSync("mkfifo", [target]);
    expect(made.status).toBe(0);
    const pull = fixture.track(new ref.Pull());
    const err = await failure(pull.bind(`ipc://${target}`));
    expect(err.code).toBe("EADDRINUSE");
    expect(explain(err)).toContain("a FIFO exists at the bind path");
    expect(fs.lstatSync(target).isFIFO()).toBe(true);
  });

  test("a directory (with something in it)", async () => {
    const target = fixture.path("dir");
    fs.mkdirSync(target);
    fs.writeFileSync(`${target}/inside`, "x");
    const pull = fixture.track(new ref.Pull());
    const err = await failure(pull.bind(`ipc://${target}`));
    expect(err.code).toBe("EADDRINUSE");
    expect(explain(err)).toContain("a directory exists at the bind path");
    expect(fs.readdirSync(target)).toEqual(["inside"]);
  });
});

describe("a relative path without a directory part", () => {
  test("binds in the working directory, a peer reaches it there, close removes it", async () => {
    // No other test binds a name without a directory part; its parent directory is ".", not a
    // prefix of the name (docs/mutation.md: the line-133 survivors this was written for).
    fixture.chdir(fixture.dir);
    const pull = fixture.track(new ref.Pull());
    await pull.bind("ipc://bare.sock");
    expect(fixture.list()).toEqual(["bare.sock"]);
    expect(fs.lstatSync(fixture.path("bare.sock")).isSocket()).toBe(true);
    const push = fixture.track(new ref.Push());
    push.connect(fixture.endpoint("bare.sock"));
    await push.send("by its absolute path");
    expect(await receiveText(pull, "the message at the relative binder")).toEqual(["by its absolute path"]);
    pull.close();
    expect(fixture.list()).toEqual([]);
  });
});

describe("unusable directories", () => {
  test("missing parent directory: ENOENT, nothing created", async () => {
    const pull = fixture.track(new ref.Pull());
    expect((await failure(pull.bind(fixture.endpoint("missing", "sock")))).code).toBe("ENOENT");
    expect(fixture.list()).toEqual([]);
  });

  test("parent is a regular file: ENOTDIR (as libzmq), the file untouched", async () => {
    fs.writeFileSync(fixture.path("plain"), "content");
    const pull = fixture.track(new ref.Pull());
    expect((await failure(pull.bind(fixture.endpoint("plain", "sock")))).code).toBe("ENOTDIR");
    expect(fs.readFileSync(fixture.path("plain"), "utf8")).toBe("content");
  });

  test("a directory the user cannot write: EACCES, nothing created", async () => {
    // Root may write anywhere, so as root the bind runs in a child process as nobody (65534).
    const locked = fixture.path("locked");
    fs.mkdirSync(locked, { mode: 0o755 });
    fs.chmodSync(locked, 0o555);
    const endpoint = `ipc://${locked}/sock`;
    let outcome: { code?: string; lastEndpoint?: string | null; uid?: number };
    if (process.getuid?.() === 0) {
      const NOBODY = 65534;
      // nobody must be able to reach the script (the test's directory is 0700) and read the project.
      fs.chmodSync(fixture.dir, 0o711);
      const child = runChild(
        fixture,
        `${loadReferenceSource()}
(async () => {
  const pull = new ref.Pull();
  try {
    await pull.bind(${JSON.stringify(endpoint)});
    process.send({ uid: process.getuid(), lastEndpoint: pull.lastEndpoint });
  } catch (err) {
    process.send({ uid: process.getuid(), code: err.code });
  } finally {
    pull.close();
  }
})();
`,
        { uid: NOBODY, gid: NOBODY },
      );
      outcome = await child.message((m) => typeof m === "object", "the bind outcome");
      expect(outcome.uid).toBe(NOBODY);
      expect(await child.exited).toBe(0);
    } else {
      const pull = fixture.track(new ref.Pull());
      outcome = await pull.bind(endpoint).then(
        () => ({ lastEndpoint: pull.lastEndpoint }),
        (err: { code?: string }) => ({ code: err.code }),
      );
    }
    expect(outcome.code).toBe("EACCES");
    expect(fs.readdirSync(locked)).toEqual([]);
  });
});
