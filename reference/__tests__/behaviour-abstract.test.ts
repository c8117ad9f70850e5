import { randomBytes } from "node:crypto";
import * as fs from "node:fs";
import * as net from "node:net";
import * as zmq from "zeromq";
import * as ref from "../../reference";
import { exactAbstractNames } from "../endpoint/abstract-support";
import { failure, syncFailure, text, within } from "./helpers/behaviour-env";
import { useFixture } from "./helpers/behaviour-fixture";

/**
 * `ipc://@name`: Linux's abstract namespace. The name is the bytes after '@' with no trailing NUL,
 * exactly as libzmq spells it; there is no file, hence no override. Elsewhere it is EINVAL.
 *
 * Meeting libzmq needs Node to pass the exact address length to bind/connect: libuv < 1.48
 * (all of Node 20) passes sizeof(sockaddr_un), so the kernel name is '@name' padded with NULs to
 * 108 bytes and a libzmq peer, which uses the exact length, never finds it (nodejs/node#50889,
 * fixed by libuv/libuv#4266). On such a Node the reference refuses abstract endpoints (ENOTSUP);
 * the tests check whichever applies to the Node running them.
 */
const fixture = useFixture();
const platform = ref.platformIpc();

/** A name no other test run on this machine uses. */
function uniqueName(): string {
  return `zmq-ipc-behaviour-${process.pid}-${randomBytes(6).toString("hex")}`;
}

/** The kernel's names of listening abstract sockets whose name starts with `name` (as in /proc/net/unix, '@' for NUL). */
function kernelNames(name: string): string[] {
  return fs
    .readFileSync("/proc/net/unix", "utf8")
    .split("\n")
    .map((line) => line.trim().split(/\s+/)[7] ?? "")
    .filter((path) => path.startsWith(`@${name}`));
}

async function roundTrip(
  endpoint: string,
  sender: { connect(e: string): void; send(m: string): Promise<void> },
  receiver: { receive(): Promise<Buffer[]> },
  body: string,
): Promise<string[]> {
  sender.connect(endpoint);
  await sender.send(body);
  return text(await within(receiver.receive(), `"${body}"`));
}

if (platform.abstractNamespace && exactAbstractNames()) {
  describe("between reference sockets", () => {
    test("bind: lastEndpoint as given, no file anywhere, a peer connecting to the same name meets it", async () => {
      const endpoint = `ipc://@${uniqueName()}`;
      fixture.chdir(fixture.dir);
      const pull = fixture.track(new ref.Pull());
      await pull.bind(endpoint);
      expect(pull.lastEndpoint).toBe(endpoint);
      expect(fixture.list()).toEqual([]);
      expect(await roundTrip(endpoint, fixture.track(new ref.Push()), pull, "abstract")).toEqual(["abstract"]);
    });

    test("a second bind of the same name is EADDRINUSE (no override); the first keeps it", async () => {
      const endpoint = `ipc://@${uniqueName()}`;
      const first = fixture.track(new ref.Pull());
      await first.bind(endpoint);
      const second = fixture.track(new ref.Pull());
      expect((await failure(second.bind(endpoint))).code).toBe("EADDRINUSE");
      expect(second.lastEndpoint).toBeNull();
      expect(await roundTrip(endpoint, fixture.track(new ref.Push()), first, "to the first")).toEqual(["to the first"]);
    });

    test.each(["close", "unbind"] as const)("after %s the name is free to bind again", async (how) => {
      const endpoint = `ipc://@${uniqueName()}`;
      const first = fixture.track(new ref.Pull());
      await first.bind(endpoint);
      if (how === "close") first.close();
      else await first.unbind(endpoint);
      const again = fixture.track(new ref.Pull());
      await again.bind(endpoint);
      expect(again.lastEndpoint).toBe(endpoint);
    });

    test("a name that looks like a path stays abstract: no file is created", async () => {
      const endpoint = `ipc://@${fixture.path("looks-like-a-path")}`;
      const pull = fixture.track(new ref.Pull());
      await pull.bind(endpoint);
      expect(fixture.list()).toEqual([]);
      expect(await roundTrip(endpoint, fixture.track(new ref.Push()), pull, "still abstract")).toEqual(["still abstract"]);
    });
  });

  describe("with libzmq (libuv passes exact abstract address lengths)", () => {
    test("the kernel name is exactly '@name'", async () => {
      const name = uniqueName();
      const pull = fixture.track(new ref.Pull());
      await pull.bind(`ipc://@${name}`);
      expect(kernelNames(name)).toEqual([`@${name}`]);
    });

    test("a libzmq peer meets the reference's bind", async () => {
      const endpoint = `ipc://@${uniqueName()}`;
      const pull = fixture.track(new ref.Pull());
      await pull.bind(endpoint);
      expect(await roundTrip(endpoint, fixture.track(new zmq.Push()), pull, "from libzmq")).toEqual(["from libzmq"]);
    });

    test("the reference meets libzmq's bind, and cannot bind the same name (EADDRINUSE)", async () => {
      const endpoint = `ipc://@${uniqueName()}`;
      const libzmqPull = fixture.track(new zmq.Pull());
      await libzmqPull.bind(endpoint);
      const pull = fixture.track(new ref.Pull());
      expect((await failure(pull.bind(endpoint))).code).toBe("EADDRINUSE");
      expect(await roundTrip(endpoint, fixture.track(new ref.Push()), libzmqPull, "to libzmq")).toEqual(["to libzmq"]);
    });
  });
} else if (platform.abstractNamespace) {
  describe(`libuv ${process.versions.uv} pads abstract names: the reference refuses them`, () => {
    test("bind and connect of ipc://@name are ENOTSUP; nothing is bound, nothing created", async () => {
      fixture.chdir(fixture.dir);
      const name = uniqueName();
      const pull = fixture.track(new ref.Pull());
      expect((await failure(pull.bind(`ipc://@${name}`))).code).toBe("ENOTSUP");
      expect(pull.lastEndpoint).toBeNull();
      expect(syncFailure(() => pull.connect(`ipc://@${name}`)).code).toBe("ENOTSUP");
      expect(kernelNames(name)).toEqual([]);
      expect(fixture.list()).toEqual([]);
    });

    test("the other endpoint errors keep their precedence: bare '@' EINVAL, too long ENAMETOOLONG", async () => {
      const push = fixture.track(new ref.Push());
      expect(syncFailure(() => push.connect("ipc://@")).code).toBe("EINVAL");
      expect(syncFailure(() => push.connect(`ipc://@${"n".repeat(platform.maxPathBytes)}`)).code).toBe("ENAMETOOLONG");
    });

    test("why: this Node's abstract name is '@name' padded to sun_path, libzmq's is exactly '@name'", async () => {
      // If this fails, Node passes exact lengths now and the reference could accept abstract names.
      const name = uniqueName();
      const server = net.createServer();
      await new Promise<void>((resolve) => server.listen(`\0${name}`, resolve));
      fixture.defer(() => new Promise((resolve) => server.close(resolve)));
      const libzmqPull = fixture.track(new zmq.Pull());
      await libzmqPull.bind(`ipc://@${name}`); // no EADDRINUSE: for the kernel these are two names
      expect(kernelNames(name).sort()).toEqual([`@${name}`, `@${name}${"@".repeat(platform.sunPathSize - 1 - Buffer.byteLength(name))}`].sort());
    });
  });
} else {
  describe(`on ${platform.name} (no abstract namespace)`, () => {
    test("bind and connect of ipc://@name are EINVAL", async () => {
      const pull = fixture.track(new ref.Pull());
      expect((await failure(pull.bind(`ipc://@${uniqueName()}`))).code).toBe("EINVAL");
      expect(syncFailure(() => pull.connect(`ipc://@${uniqueName()}`)).code).toBe("EINVAL");
    });
  });
}
