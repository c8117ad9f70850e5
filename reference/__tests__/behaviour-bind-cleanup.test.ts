import * as fs from "node:fs";
import net = require("node:net"); // the module object itself, so that a spy on it is what the reference calls
import * as zmq from "zeromq";
import * as ref from "../../reference";
import { failure, text, within } from "./helpers/behaviour-env";
import { useFixture } from "./helpers/behaviour-fixture";

/**
 * close() and unbind() remove the socket file only while it is still the inode this socket
 * created: never a successor's file (libuv's unlink-on-close, and libzmq 3.2-4.2.2, would).
 */
const fixture = useFixture();

function inode(path: string): number {
  return fs.lstatSync(path).ino;
}

async function roundTrip(endpoint: string, receiver: { receive(): Promise<Buffer[]> }, body: string): Promise<string[]> {
  const push = fixture.track(new ref.Push());
  push.connect(endpoint);
  await push.send(body);
  return text(await within(receiver.receive(), `"${body}"`));
}

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

test.each(["close", "unbind"] as const)("%s removes the socket file it created", async (how) => {
  const endpoint = fixture.endpoint("own.sock");
  const pull = fixture.track(new ref.Pull());
  await pull.bind(endpoint);
  expect(fixture.list()).toEqual(["own.sock"]);
  if (how === "close") pull.close();
  else await pull.unbind(endpoint);
  expect(fixture.list()).toEqual([]);
});

test("after unbind nobody listens, and the same path can be bound again", async () => {
  const endpoint = fixture.endpoint("again.sock");
  const pull = fixture.track(new ref.Pull());
  await pull.bind(endpoint);
  await pull.unbind(endpoint);
  expect(await connectOutcome(fixture.path("again.sock"))).toBe("ENOENT");
  await pull.bind(endpoint);
  expect(await roundTrip(endpoint, pull, "rebound")).toEqual(["rebound"]);
});

test.each(["close", "unbind"] as const)("%s of an overridden first binder leaves the second binder's file, and the second keeps working", async (how) => {
  const endpoint = fixture.endpoint("shared.sock");
  const first = fixture.track(new ref.Pull());
  await first.bind(endpoint);
  const second = fixture.track(new ref.Pull());
  await second.bind(endpoint);
  const secondInode = inode(fixture.path("shared.sock"));

  if (how === "close") first.close();
  else await first.unbind(endpoint);

  expect(fixture.list()).toEqual(["shared.sock"]);
  expect(inode(fixture.path("shared.sock"))).toBe(secondInode);
  expect(await roundTrip(endpoint, second, "to the second")).toEqual(["to the second"]);

  second.close();
  expect(fixture.list()).toEqual([]);
});

test("closing the current owner removes the file even while the overridden first binder lives on", async () => {
  const endpoint = fixture.endpoint("shared.sock");
  const first = fixture.track(new ref.Pull());
  await first.bind(endpoint);
  const second = fixture.track(new ref.Pull());
  await second.bind(endpoint);
  second.close();
  expect(fixture.list()).toEqual([]);
  first.close(); // nothing of its own is left to remove; must not throw
  expect(fixture.list()).toEqual([]);
});

test("a libzmq binder that replaced the reference's socket keeps its file when the reference closes", async () => {
  const endpoint = fixture.endpoint("handover.sock");
  const pull = fixture.track(new ref.Pull());
  await pull.bind(endpoint);
  const libzmqPull = fixture.track(new zmq.Pull());
  await libzmqPull.bind(endpoint);
  const libzmqInode = inode(fixture.path("handover.sock"));

  pull.close();

  expect(inode(fixture.path("handover.sock"))).toBe(libzmqInode);
  expect(await roundTrip(endpoint, libzmqPull, "to libzmq")).toEqual(["to libzmq"]);
});

test("a regular file someone put at the path after the bind survives close", async () => {
  const target = fixture.path("replaced.sock");
  const pull = fixture.track(new ref.Pull());
  await pull.bind(`ipc://${target}`);
  fs.unlinkSync(target);
  fs.writeFileSync(target, "not yours");
  pull.close();
  expect(fs.readFileSync(target, "utf8")).toBe("not yours");
});

test("close after someone else removed the file does not fail", async () => {
  const target = fixture.path("gone.sock");
  const pull = fixture.track(new ref.Pull());
  await pull.bind(`ipc://${target}`);
  fs.unlinkSync(target);
  expect(() => pull.close()).not.toThrow();
  expect(pull.closed).toBe(true);
  expect(fixture.list()).toEqual([]);
});

test("after close the path is free: a new peer finds nothing there", async () => {
  const target = fixture.path("stopped.sock");
  const pull = fixture.track(new ref.Pull());
  await pull.bind(`ipc://${target}`);
  expect(await connectOutcome(target)).toBe("connected");
  pull.close();
  expect(await connectOutcome(target)).toBe("ENOENT");
});

/** Every server the reference creates to listen (it uses net.createServer). */
function watchServers(): net.Server[] {
  const servers: net.Server[] = [];
  const original = net.createServer;
  const spy = jest.spyOn(net, "createServer").mockImplementation(((...args: Parameters<typeof net.createServer>) => {
    const server = (original as (...a: Parameters<typeof net.createServer>) => net.Server)(...args);
    servers.push(server);
    return server;
  }) as typeof net.createServer);
  fixture.defer(() => spy.mockRestore());
  return servers;
}

test.each(["close", "unbind"] as const)(
  "the same path bound twice by one socket: both binds succeed (as libzmq) and %s leaves no listener behind",
  async (how) => {
    const endpoint = fixture.endpoint("twice.sock");
    const servers = watchServers();
    const pull = fixture.track(new ref.Pull());
    await pull.bind(endpoint);
    const early = fixture.track(new ref.Push());
    early.connect(endpoint);
    await early.send("before");
    expect(text(await within(pull.receive(), "the first message"))).toEqual(["before"]);
    await pull.bind(endpoint);
    expect(servers).toHaveLength(2);
    expect(await roundTrip(endpoint, pull, "after the second bind")).toEqual(["after the second bind"]);
    // The connection accepted by the first listener is kept.
    await early.send("early again");
    expect(text(await within(pull.receive(), "the early peer's second message"))).toEqual(["early again"]);
    if (how === "close") pull.close();
    else await pull.unbind(endpoint);
    // A listener still open here would keep the process alive with a socket nobody can reach.
    expect(servers.map((server) => server.listening)).toEqual([false, false]);
    expect(fixture.list()).toEqual([]);
  },
);

describe("unbind of what was never bound", () => {
  test("ENOENT for a path never bound, for a connected endpoint, and for a second unbind", async () => {
    const pull = fixture.track(new ref.Pull());
    expect((await failure(pull.unbind(fixture.endpoint("never.sock")))).code).toBe("ENOENT");

    pull.connect(fixture.endpoint("connected.sock"));
    expect((await failure(pull.unbind(fixture.endpoint("connected.sock")))).code).toBe("ENOENT");

    await pull.bind(fixture.endpoint("once.sock"));
    await pull.unbind(fixture.endpoint("once.sock"));
    expect((await failure(pull.unbind(fixture.endpoint("once.sock")))).code).toBe("ENOENT");
  });

  test("unbind must name the endpoint as bound: another spelling of the same file is ENOENT", async () => {
    fixture.chdir(fixture.dir);
    const pull = fixture.track(new ref.Pull());
    await pull.bind("ipc://spelled.sock");
    expect((await failure(pull.unbind(fixture.endpoint("spelled.sock")))).code).toBe("ENOENT");
    expect(fixture.list()).toEqual(["spelled.sock"]);
    await pull.unbind("ipc://spelled.sock");
    expect(fixture.list()).toEqual([]);
  });
});
