/**
 * The reference on the wire, seen by a raw node:net peer: its greeting and READY byte for byte,
 * handshakes split every way, the peers it must hang up on (and that it keeps serving good
 * peers afterwards), PING/PONG, reserved flag bits and ZMTP 3.0 subscriptions.
 *
 * That libzmq accepts the reference's greeting and READY is not repeated here: it is what every
 * test of interop.test.ts with a libzmq peer depends on (no message flows without a handshake).
 */
import type { SocketTypeName } from "../zmtp";
import { within } from "./helpers/bounded-wait";
import { expectFrames } from "./helpers/frames";
import { useRawPeers, type RawPeer } from "./helpers/raw-peer";
import { nextRetry } from "./helpers/retry";
import { useSockets, type TestSocket } from "./helpers/sockets";
import { useTempDir } from "./helpers/temp-dir";
import { COMMAND, LONG, MORE, command, frame, greeting, message, ping, ready } from "../../suites/raw-zmtp/zmtp-bytes";

const socket = useSockets();
const raw = useRawPeers();
const dir = useTempDir(); // last: sockets and raw peers are gone before their directory is removed

const receive = (s: TestSocket) => within(s.receive(), "receive");

/** RFC 23/37: 0xFF, 8 zero padding bytes, 0x7F, version 3.1, "NULL" NUL-padded to 20, as-server 0, 31 zeros. */
const RFC_GREETING = Buffer.from("ff" + "0000000000000000" + "7f" + "03" + "01" + "4e554c4c" + "00".repeat(16) + "00" + "00".repeat(31), "hex");

/** A peer type each type may talk to, for the raw side of a handshake. */
const COMPATIBLE: Record<SocketTypeName, SocketTypeName> = {
  PAIR: "PAIR",
  PUB: "SUB",
  SUB: "PUB",
  REQ: "REP",
  REP: "REQ",
  DEALER: "DEALER",
  ROUTER: "DEALER",
  PULL: "PUSH",
  PUSH: "PULL",
  XPUB: "SUB",
  XSUB: "PUB",
};

const SENDS_IDENTITY = new Set<SocketTypeName>(["REQ", "DEALER", "ROUTER"]);

/** READY written out per RFC 23: 0x04 size 0x05 "READY", then the properties. */
function expectedReady(type: string, identity?: string): Buffer {
  const property = (name: string, value: string) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(Buffer.byteLength(value));
    return Buffer.concat([Buffer.from([name.length]), Buffer.from(name), length, Buffer.from(value)]);
  };
  const body = Buffer.concat([
    Buffer.from([5]),
    Buffer.from("READY"),
    property("Socket-Type", type),
    identity === undefined ? Buffer.alloc(0) : property("Identity", identity),
  ]);
  return Buffer.concat([Buffer.from([COMMAND, body.length]), body]);
}

async function boundReference(type: SocketTypeName, options: Parameters<typeof socket>[2] = {}): Promise<{ s: TestSocket; path: string }> {
  const s = socket("ref", type, options);
  await s.bind(dir().endpoint("ref.sock"));
  return { s, path: dir().file("ref.sock") };
}

/** Connects a raw peer and completes the handshake as `peerType`; the reference's greeting and READY are consumed. */
async function handshakenPeer(path: string, peerType: string, peerGreeting = greeting()): Promise<RawPeer> {
  const peer = await raw.connect(path);
  await peer.write(Buffer.concat([peerGreeting, ready(peerType)]));
  await peer.completeHandshake();
  return peer;
}

describe("the reference's greeting and READY", () => {
  const TYPES = Object.keys(COMPATIBLE) as SocketTypeName[];

  test.each(TYPES)("%s: the 64-byte RFC greeting arrives whole before the peer sends anything, then READY", async (type) => {
    const { path } = await boundReference(type);
    const peer = await raw.connect(path);
    expect((await peer.read(64, "greeting")).toString("hex")).toBe(RFC_GREETING.toString("hex"));
    expect(peer.pending).toBe(0); // READY waits for the peer's greeting
    await peer.write(greeting());
    const identity = SENDS_IDENTITY.has(type) ? "" : undefined;
    const expected = expectedReady(type, identity);
    expect((await peer.read(expected.length, "READY")).toString("hex")).toBe(expected.toString("hex"));
  });

  test.each(["REQ", "DEALER", "ROUTER"] as const)("%s with routingId 'client-1' sends it as Identity", async (type) => {
    const { path } = await boundReference(type, { routingId: "client-1" });
    const peer = await raw.connect(path);
    await peer.write(greeting());
    await peer.read(64, "greeting");
    const expected = expectedReady(type, "client-1");
    expect((await peer.read(expected.length, "READY")).toString("hex")).toBe(expected.toString("hex"));
  });

  test("DEALER's READY is RFC 23's worked example, byte for byte", async () => {
    const { path } = await boundReference("DEALER");
    const peer = await raw.connect(path);
    await peer.write(greeting());
    await peer.read(64, "greeting");
    const rfc = "04 29 05 READY 0b Socket-Type 00000006 DEALER 08 Identity 00000000";
    const bytes = Buffer.concat(rfc.split(" ").map((part) => (/^[0-9a-f]+$/.test(part) ? Buffer.from(part, "hex") : Buffer.from(part, "ascii"))));
    expect((await peer.read(bytes.length, "READY")).toString("hex")).toBe(bytes.toString("hex"));
  });

  test("a connecting reference sends the same greeting (as-server 0) without waiting", async () => {
    const server = await raw.listen(dir().file("raw.sock"));
    socket("ref", "PUSH").connect(dir().endpoint("raw.sock"));
    const peer = await server.accept();
    expect((await peer.read(64, "greeting")).toString("hex")).toBe(RFC_GREETING.toString("hex"));
  });
});

describe("a handshake however it is split", () => {
  const WRITES: Array<[string, (peer: RawPeer, bytes: Buffer) => Promise<void>]> = [
    ["in one write", (peer, bytes) => peer.write(bytes)],
    ["one byte at a time", (peer, bytes) => peer.writeByteByByte(bytes)],
  ];

  test.each(WRITES)("greeting + READY + a message %s: messages flow both ways", async (_how, write) => {
    const { s } = await boundReference("DEALER");
    const peer = await raw.connect(dir().file("ref.sock"));
    const outgoing = ["", "from raw", Buffer.alloc(256, 7)];
    await write(peer, Buffer.concat([greeting(), ready("DEALER", "raw"), message(outgoing)]));
    expectFrames(await receive(s), outgoing);
    await peer.completeHandshake();
    // 0 and 255 bytes take the short size, 256 the long one (RFC 23: SHOULD use the short form when it fits).
    const reply = [Buffer.alloc(0), Buffer.alloc(255, 9), Buffer.alloc(256, 10)];
    await s.send(reply);
    const expected = Buffer.concat([
      Buffer.from("0100", "hex"),
      Buffer.from("01ff", "hex"),
      Buffer.alloc(255, 9),
      Buffer.from("020000000000000100", "hex"),
      Buffer.alloc(256, 10),
    ]);
    expect((await peer.read(expected.length, "reply")).toString("hex")).toBe(expected.toString("hex"));
  });
});

describe("an incompatible socket type", () => {
  // RFC 23: invalid pairs are refused. The reference closes the connection after the READY
  // (libzmq does too, without an ERROR command); the type is compared exactly, case included.
  const INCOMPATIBLE: Array<[SocketTypeName, string]> = [
    ["PUB", "PUSH"],
    ["PUSH", "PUB"],
    ["REQ", "REQ"],
    ["PULL", "PUB"],
    ["SUB", "PUSH"],
    ["XPUB", "DEALER"],
    ["ROUTER", "REP"],
    ["PAIR", "DEALER"],
    ["PULL", "push"],
  ];

  test.each(INCOMPATIBLE)("a reference %s closes the connection of a %s peer", async (type, peerType) => {
    const { path } = await boundReference(type);
    const peer = await raw.connect(path);
    await peer.write(Buffer.concat([greeting(), ready(peerType)]));
    await within(peer.closed, "the reference closing the connection");
  });
});

describe("a peer the reference must hang up on", () => {
  const MAX_MESSAGE_SIZE = 1024;
  const valid = () => Buffer.concat([greeting(), ready("PUSH")]);
  const longSize = (hex: string) => Buffer.concat([Buffer.from([LONG]), Buffer.from(hex, "hex")]);

  const BAD_PEERS: Array<[string, () => Buffer]> = [
    ["an incompatible socket type (PUB to a PULL)", () => Buffer.concat([greeting(), ready("PUB")])],
    ["a wrong security mechanism (PLAIN)", () => greeting({ mechanism: "PLAIN" })],
    ["a ZMTP 2.0 greeting (revision 1, PUSH, empty identity)", () => Buffer.from("ff00000000000000017f01080000", "hex")],
    ["a version 2 greeting in the 3.x layout (major 2)", () => greeting({ major: 2 })],
    ["a bad signature start byte (0xFE)", () => greeting({ signatureStart: 0xfe })],
    ["a bad signature end byte (0x7E)", () => greeting({ signatureEnd: 0x7e })],
    ["a frame size of 2^63", () => Buffer.concat([valid(), longSize("8000000000000000")])],
    ["a frame of maxMessageSize + 1 bytes", () => Buffer.concat([valid(), frame(0, Buffer.alloc(MAX_MESSAGE_SIZE + 1))])],
    ["a command with MORE set", () => Buffer.concat([valid(), command("PING", "\u0000\u0000", COMMAND | MORE)])],
    ["a message before READY", () => Buffer.concat([greeting(), message(["too early"])])],
    ["garbage (an HTTP request)", () => Buffer.from("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")],
  ];

  test.each(BAD_PEERS)("%s: connection closed, and the socket still serves libzmq and reference peers", async (_name, bytes) => {
    const { s: pull } = await boundReference("PULL", { maxMessageSize: MAX_MESSAGE_SIZE });
    const peer = await raw.connect(dir().file("ref.sock"));
    await peer.write(bytes()).catch(() => undefined); // the reference may hang up mid-write
    await within(peer.closed, "the reference closing the connection");

    for (const impl of ["zmq", "ref"] as const) {
      const push = socket(impl, "PUSH");
      push.connect(dir().endpoint("ref.sock"));
      await push.send(`hello from ${impl}`);
      expectFrames(await receive(pull), [`hello from ${impl}`]);
    }
  });
});

describe("commands and flags", () => {
  test("PING gets a PONG echoing its context", async () => {
    const { path } = await boundReference("DEALER");
    const peer = await handshakenPeer(path, "DEALER");
    await peer.write(ping(0, "context-16-bytes"));
    const pong = await within(peer.readFrame(), "PONG");
    expect(pong.flags).toBe(COMMAND);
    expect(pong.body.toString("hex")).toBe(Buffer.concat([Buffer.from([4]), Buffer.from("PONG"), Buffer.from("context-16-bytes")]).toString("hex"));
  });

  test("reserved flag bits (3..7) are ignored on data frames and commands", async () => {
    const { s: pull, path } = await boundReference("PULL");
    const peer = await handshakenPeer(path, "PUSH");
    const reserved = 0xf8;
    const pingBytes = ping(0, "r");
    pingBytes[0] |= reserved;
    await peer.write(Buffer.concat([frame(MORE | reserved, "a"), frame(reserved, "b"), pingBytes]));
    expectFrames(await receive(pull), ["a", "b"]);
    const pong = await within(peer.readCommand(), "PONG");
    expect([pong.name, pong.data.toString()]).toEqual(["PONG", "r"]);
  });
});

describe("ZMTP 3.0 subscriptions", () => {
  test("a 3.0 SUB subscribing with a 0x01+topic message gets the matching messages only", async () => {
    const { s: pub, path } = await boundReference("PUB");
    const peer = await raw.connect(path);
    await peer.write(Buffer.concat([greeting({ minor: 0 }), ready("SUB"), message([Buffer.from("\u0001A")])]));
    await peer.completeHandshake();
    // The PUB gives no sign of having applied the subscription: publish a non-matching then a
    // matching message until one arrives. Were "B" not filtered out, it would arrive first.
    const first = peer.readMessage();
    let arrived = false;
    const settle = () => void (arrived = true);
    first.then(settle, settle);
    while (!arrived) {
      await pub.send(["B", "not subscribed"]);
      await pub.send(["A", "subscribed"]);
      await nextRetry();
    }
    expectFrames(await first, ["A", "subscribed"]);
  });

  test.each([
    [0, "a 0x01+topic message", () => frame(0, "\u0001A")],
    [1, "a SUBSCRIBE command", () => command("SUBSCRIBE", "A")],
  ] as const)("a reference SUB tells a 3.%i PUB with %s", async (minor, _form, expected) => {
    const server = await raw.listen(dir().file("raw.sock"));
    const sub = socket("ref", "SUB");
    sub.connect(dir().endpoint("raw.sock"));
    sub.subscribe("A");
    const peer = await server.accept();
    await peer.write(Buffer.concat([greeting({ minor }), ready("PUB")]));
    await peer.completeHandshake();
    const bytes = expected();
    expect((await peer.read(bytes.length, "subscription")).toString("hex")).toBe(bytes.toString("hex"));
  });
});
