/**
 * One ZMTP connection of the reference seen by a raw peer: heartbeats (PING/PONG, the TTL a PING
 * announces, hanging up on a silent peer), and the commands RFC 37 gives meaning to after the
 * handshake (ERROR, a second READY, unknown commands). Every wait is on an event (a frame, the
 * connection closing, a message delivered); limits only bound them.
 */
import * as ref from "..";
import { within } from "./helpers/behaviour-env";
import { useFixture } from "./helpers/behaviour-fixture";
import { useRawPeers, type RawPeer } from "./helpers/raw-peer";
import { COMMAND, command, greeting, message, ping, properties, ready } from "../../suites/raw-zmtp/zmtp-bytes";

const fixture = useFixture();
const raw = useRawPeers();

interface RefSocket {
  bind(endpoint: string): Promise<void>;
  send(message: Buffer | string | Array<Buffer | string>): Promise<void>;
  receive(): Promise<Buffer[]>;
  close(): void;
  linger: number;
}

/** A reference socket of `Class` bound in the test's directory; returns it and the socket file's path. */
async function bound(Class: new (options?: Record<string, unknown>) => unknown, options: Record<string, unknown> = {}) {
  const s = fixture.track(new Class({ linger: 0, ...options }) as RefSocket);
  await s.bind(fixture.endpoint("s.sock"));
  return { s, path: fixture.path("s.sock") };
}

/** A raw peer that has sent its greeting and READY and read the reference's. */
async function handshaken(path: string, type: string): Promise<RawPeer> {
  const peer = await raw.connect(path);
  await peer.handshake(type);
  await peer.completeHandshake();
  return peer;
}

/** PING/PONG round trip: once the PONG is back, everything the peer wrote before was processed. */
async function roundTrip(peer: RawPeer, context: string): Promise<void> {
  await peer.write(ping(0, context));
  for (;;) {
    const { name, data } = await within(peer.readCommand(), `PONG ${context}`);
    if (name === "PONG" && data.toString() === context) return;
  }
}

const closedWithinLimit = (peer: RawPeer, what: string) => within(peer.closed, what);

describe("PING from the peer", () => {
  test("is answered with a PONG echoing the context, and the connection keeps working", async () => {
    const { s: pull, path } = await bound(ref.Pull);
    const peer = await handshaken(path, "PUSH");
    await peer.write(ping(10, "ctx"));
    const pong = await within(peer.readCommand(), "PONG");
    expect([pong.name, pong.data.toString()]).toEqual(["PONG", "ctx"]);
    await peer.write(message(["after ping"]));
    expect((await within(pull.receive(), "message")).map(String)).toEqual(["after ping"]);
  });

  test("a PING whose body is shorter than the 2-byte TTL is a protocol error: the connection is closed", async () => {
    const { path } = await bound(ref.Pull);
    const peer = await handshaken(path, "PUSH");
    await peer.write(command("PING", Buffer.from([0])));
    await closedWithinLimit(peer, "hang-up after a malformed PING");
  });

  test("a PING announcing a TTL makes the reference hang up once the peer is silent for longer than it", async () => {
    const { path } = await bound(ref.Pull);
    const peer = await handshaken(path, "PUSH");
    await peer.write(ping(1, "")); // 1 decisecond
    await within(peer.readCommand(), "PONG");
    await closedWithinLimit(peer, "hang-up after the PING's TTL");
  });

  test("a PING with a long TTL keeps the connection open through a silence shorter than the TTL", async () => {
    // The reference's own PINGs (every 1 s, timeout 60 s) are the event that proves a silence of
    // about a second went by; the peer's TTL of 6553.5 s must not have expired by then.
    const { s: pull, path } = await bound(ref.Pull, { heartbeatInterval: 1000, heartbeatTimeout: 60_000 });
    const peer = await handshaken(path, "PUSH");
    await peer.write(ping(0xffff, "long"));
    const pong = await within(peer.readCommand(), "PONG");
    expect(pong.name).toBe("PONG");
    const theirs = await within(peer.readCommand(), "the reference's PING");
    expect(theirs.name).toBe("PING");
    await peer.write(Buffer.concat([command("PONG", theirs.data.subarray(2)), message(["still here"])]));
    expect((await within(pull.receive(), "message")).map(String)).toEqual(["still here"]);
  });
});

describe("heartbeats sent by the reference", () => {
  test("PINGs carry heartbeatTimeToLive in deciseconds", async () => {
    const { path } = await bound(ref.Pull, { heartbeatInterval: 20, heartbeatTimeout: 60_000, heartbeatTimeToLive: 2_000 });
    const peer = await handshaken(path, "PUSH");
    const { name, data, flags } = await within(peer.readCommand(), "PING");
    expect([name, flags]).toEqual(["PING", COMMAND]);
    expect(data.readUInt16BE(0)).toBe(20);
  });

  test("the largest TTL libzmq accepts, 6553599 ms, goes out as 0xFFFF deciseconds", async () => {
    const { path } = await bound(ref.Pull, { heartbeatInterval: 20, heartbeatTimeout: 60_000, heartbeatTimeToLive: 6_553_599 });
    const peer = await handshaken(path, "PUSH");
    const { name, data } = await within(peer.readCommand(), "PING");
    expect(name).toBe("PING");
    expect(data.readUInt16BE(0)).toBe(0xffff);
  });

  test("a peer that never answers is hung up on", async () => {
    const { path } = await bound(ref.Pull, { heartbeatInterval: 20, heartbeatTimeout: 60 });
    const peer = await handshaken(path, "PUSH");
    await closedWithinLimit(peer, "hang-up of a silent peer");
  });

  test("a peer that answers every PING is not hung up on", async () => {
    const { s: pull, path } = await bound(ref.Pull, { heartbeatInterval: 20, heartbeatTimeout: 200 });
    const peer = await handshaken(path, "PUSH");
    for (let i = 0; i < 10; i++) {
      const { name, data } = await within(peer.readCommand(), `PING ${i}`);
      expect(name).toBe("PING");
      await peer.write(command("PONG", data.subarray(2)));
    }
    await peer.write(message(["answered"]));
    expect((await within(pull.receive(), "message")).map(String)).toEqual(["answered"]);
  });
});

// ERROR and a second READY after the handshake end the connection in the reference; libzmq 4.3
// (zeromq.js v6) drops both silently and keeps the connection. These tests pin the reference's
// stricter reading of RFC 23/37 so that it does not change unnoticed.
describe("commands after the handshake", () => {
  test("a PONG changes nothing: it is not taken for a CANCEL of the subscription", async () => {
    const { s: pub, path } = await bound(ref.Publisher);
    const peer = await handshaken(path, "SUB");
    await peer.write(Buffer.concat([command("SUBSCRIBE", ""), command("PONG", "")]));
    await roundTrip(peer, "sync");
    await pub.send("published");
    expect((await within(peer.readMessage(), "published message")).map(String)).toEqual(["published"]);
  });

  test("an ERROR command from the peer closes the connection", async () => {
    const { path } = await bound(ref.Pull);
    const peer = await handshaken(path, "PUSH");
    await peer.write(command("ERROR", Buffer.concat([Buffer.from([4]), Buffer.from("oops")])));
    await closedWithinLimit(peer, "hang-up after ERROR");
  });

  test("a second READY is a protocol error: the connection is closed", async () => {
    const { path } = await bound(ref.Pull);
    const peer = await handshaken(path, "PUSH");
    await peer.write(ready("PUSH"));
    await closedWithinLimit(peer, "hang-up after a second READY");
  });

  test("unknown commands are ignored and the connection keeps working", async () => {
    const { s: pull, path } = await bound(ref.Pull);
    const peer = await handshaken(path, "PUSH");
    await peer.write(Buffer.concat([command("FUTURE", "x"), command("X", ""), message(["after unknown"])]));
    expect((await within(pull.receive(), "message")).map(String)).toEqual(["after unknown"]);
  });
});

describe("commands during the handshake", () => {
  test("ERROR instead of READY closes the connection", async () => {
    const { path } = await bound(ref.Pull);
    const peer = await raw.connect(path);
    await peer.write(Buffer.concat([greeting(), command("ERROR", Buffer.concat([Buffer.from([3]), Buffer.from("bad")]))]));
    await closedWithinLimit(peer, "hang-up after ERROR in the handshake");
  });

  test("another command carrying READY's properties is not taken for READY", async () => {
    const { s: pull, path } = await bound(ref.Pull);
    const peer = await raw.connect(path);
    const received: Buffer[][] = [];
    void pull.receive().then(
      (m) => received.push(m),
      () => undefined,
    );
    await peer.write(Buffer.concat([greeting(), command("READZ", properties([["Socket-Type", "PUSH"]])), message(["smuggled"])]));
    await closedWithinLimit(peer, "hang-up after a command other than READY");
    expect(received).toEqual([]);
  });

  test('an incompatible peer gets ERROR "Invalid socket type" before the hang-up', async () => {
    const { path } = await bound(ref.Pull);
    const peer = await raw.connect(path);
    await peer.handshake("PULL");
    await peer.completeHandshake();
    const error = await within(peer.readCommand(), "ERROR");
    expect(error.name).toBe("ERROR");
    expect(error.data.toString("latin1")).toBe("\u0013Invalid socket type");
    await closedWithinLimit(peer, "hang-up after ERROR");
  });
});
