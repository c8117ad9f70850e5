import { EventEmitter } from "node:events";
import type * as net from "node:net";
import {
  FrameDecoder,
  GREETING_SIZE,
  encodeCommand,
  encodeError,
  encodeGreeting,
  encodePing,
  encodeProperties,
  encodeReady,
  frameHeader,
  FLAG_MORE,
  type SocketTypeName,
} from "../zmtp";
import { ZmtpSession, type SessionEvents, type SessionOptions } from "./zmtp-session";

/**
 * One ZMTP session on its own, over a stand-in for the UNIX socket: what the session writes is
 * recorded call by call, and the peer's bytes are handed to it as 'data' events. The behaviour
 * tests cover the same code through real connections; these pin what a connection cannot show on
 * cue: the reason each rule gives when it closes the connection, how writes are batched into one
 * call or corked, the write high-water mark, and the timers (fake ones here).
 */
class StandInSocket extends EventEmitter {
  /** Each write() call's bytes, in order. */
  readonly writes: Buffer[] = [];
  /** What end() was given, when it was called. */
  ended: { chunk: Buffer | undefined } | undefined;
  destroyed = false;
  corks = 0;
  uncorks = 0;
  paused = false;
  referenced = true;
  /** What Node would report as buffered: the tests set it to cross the high-water mark. */
  writableLength = 0;

  write(chunk: Buffer): boolean {
    this.writes.push(chunk);
    return true;
  }

  end(chunk?: Buffer): this {
    this.ended = { chunk };
    return this;
  }

  destroy(): this {
    this.destroyed = true;
    return this;
  }

  cork(): void {
    this.corks++;
  }

  uncork(): void {
    this.uncorks++;
  }

  pause(): this {
    this.paused = true;
    return this;
  }

  resume(): this {
    this.paused = false;
    return this;
  }

  ref(): this {
    this.referenced = true;
    return this;
  }

  unref(): this {
    this.referenced = false;
    return this;
  }
}

class RecordedEvents implements SessionEvents {
  readonly log: string[] = [];
  readonly messages: string[][] = [];
  readonly closes: string[] = [];

  ready(): void {
    this.log.push("ready");
  }

  message(_session: ZmtpSession, frames: Buffer[]): void {
    this.messages.push(frames.map(String));
  }

  subscription(_session: ZmtpSession, subscribe: boolean, topic: Buffer): void {
    this.log.push(`${subscribe ? "subscribe" : "cancel"} ${String(topic)}`);
  }

  drain(): void {
    this.log.push("drain");
  }

  closed(_session: ZmtpSession, reason: string): void {
    this.closes.push(reason);
  }
}

const OPTIONS: SessionOptions = {
  socketType: "DEALER",
  routingId: Buffer.from("me"),
  maxMessageSize: -1,
  handshakeInterval: 0,
  heartbeatInterval: 0,
  heartbeatTimeout: 0,
  heartbeatTimeToLive: 0,
};

function open(options: Partial<SessionOptions> = {}) {
  const socket = new StandInSocket();
  const events = new RecordedEvents();
  const session = new ZmtpSession(socket as unknown as net.Socket, { ...OPTIONS, ...options }, events);
  const receive = (...chunks: Buffer[]) => chunks.forEach((chunk) => socket.emit("data", chunk));
  return { socket, events, session, receive };
}

/** A session past the handshake with a peer of `peerType`; the writes so far are cleared. */
function active(options: Partial<SessionOptions> = {}, peerType: SocketTypeName = "DEALER", greeting = encodeGreeting()) {
  const opened = open(options);
  opened.receive(greeting, encodeReady(peerType, Buffer.from("peer")));
  expect(opened.events.log).toEqual(["ready"]);
  opened.socket.writes.length = 0;
  return opened;
}

/** One data frame as the peer would send it. */
function dataFrame(body: string, more = false): Buffer {
  const bytes = Buffer.from(body);
  return Buffer.concat([frameHeader(bytes.length, more ? FLAG_MORE : 0), bytes]);
}

/** The commands and messages in `bytes` (our output after the greeting), as "NAME data" or "msg a|b". */
function decodeOutput(bytes: Buffer): string[] {
  const out: string[] = [];
  const decoder = new FrameDecoder(
    {
      message: (frames) => out.push(`msg ${frames.map(String).join("|")}`),
      command: (name, data) => out.push(`${name} ${data.toString("hex")}`),
      error: (reason) => out.push(`error ${reason}`),
    },
    -1,
  );
  decoder.push(bytes);
  return out;
}

const immediate = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("the handshake", () => {
  test("the greeting goes out at once, alone, before any byte of the peer's; the connection does not hold the process", () => {
    const { socket } = open();
    expect(socket.writes).toEqual([encodeGreeting()]);
    expect(socket.referenced).toBe(false);
  });

  test("a greeting in pieces is answered with READY only once its 64th byte is in", () => {
    const { socket, receive } = open();
    const greeting = encodeGreeting();
    receive(greeting.subarray(0, 10), greeting.subarray(10, GREETING_SIZE - 1));
    expect(socket.writes).toHaveLength(1);
    receive(greeting.subarray(GREETING_SIZE - 1));
    expect(socket.writes.slice(1)).toEqual([encodeReady("DEALER", Buffer.from("me"))]);
  });

  test("READY in the same chunk as the greeting is read: the peer's type, identity and version are taken from them", () => {
    const { session, events, receive } = open();
    receive(Buffer.concat([encodeGreeting({ minor: 0 }), encodeReady("ROUTER", Buffer.from("them"))]));
    expect(events.log).toEqual(["ready"]);
    expect(session.peerSocketType).toBe("ROUTER");
    expect(String(session.peerIdentity)).toBe("them");
    expect(session.peerVersion).toEqual({ major: 3, minor: 0 });
    expect(session.writable).toBe(true);
  });

  test("a peer's READY without Identity leaves an empty identity", () => {
    const { session, receive } = open();
    receive(encodeGreeting(), encodeReady("DEALER"));
    expect(session.peerIdentity).toEqual(Buffer.alloc(0));
  });

  test("the socket types that do not send an identity send READY without one", () => {
    const { socket, receive } = open({ socketType: "PUB" });
    receive(encodeGreeting());
    expect(socket.writes[1]).toEqual(encodeReady("PUB"));
  });

  test("nothing may be sent before the peer's READY: the session is not writable", () => {
    const { session, receive } = open();
    expect(session.writable).toBe(false);
    receive(encodeGreeting());
    expect(session.writable).toBe(false);
  });

  test.each([
    ["an invalid greeting", [Buffer.alloc(GREETING_SIZE)], /^invalid greeting: /],
    ["a security mechanism other than NULL", [encodeGreeting({ mechanism: "PLAIN" })], /^security mechanism mismatch: peer wants PLAIN, we speak NULL$/],
    ["a data frame before READY", [encodeGreeting(), dataFrame("early")], /^protocol error: data frame before READY$/],
    ["ERROR instead of READY", [encodeGreeting(), encodeError("go away")], /^peer sent ERROR: go away$/],
    ["an ERROR without a reason", [encodeGreeting(), encodeCommand("ERROR")], /^peer sent ERROR: \(no reason\)$/],
    ["another command instead of READY", [encodeGreeting(), encodePing(0)], /^protocol error: expected READY, got PING$/],
    ["a malformed READY", [encodeGreeting(), encodeCommand("READY", Buffer.from([5, 0x41]))], /^malformed READY: /],
    [
      "READY without Socket-Type",
      [encodeGreeting(), encodeCommand("READY", encodeProperties([["Identity", Buffer.from("x")]]))],
      /^READY without Socket-Type$/,
    ],
  ])("%s closes the connection, saying so", (_what, chunks, reason) => {
    const { socket, events, session, receive } = open();
    receive(...chunks);
    expect(events.closes).toHaveLength(1);
    expect(events.closes[0]).toMatch(reason);
    expect(socket.destroyed).toBe(true);
    expect(events.log).toEqual([]);
    expect(session.writable).toBe(false);
  });

  test('an incompatible peer gets ERROR "Invalid socket type" as the last bytes, and the socket is destroyed once they are written', () => {
    const { socket, events, session, receive } = open({ socketType: "PUSH" });
    session.send([Buffer.from("queued before the handshake")]);
    receive(encodeGreeting(), encodeReady("PUB"));
    expect(events.closes).toEqual(["incompatible socket types: PUSH cannot talk to PUB"]);
    expect(socket.ended?.chunk).toEqual(encodeError("Invalid socket type"));
    expect(socket.destroyed).toBe(false);
    socket.emit("end"); // the peer hanging up first does not cut the ERROR short
    expect(socket.destroyed).toBe(false);
    socket.emit("finish");
    expect(socket.destroyed).toBe(true);
    expect(events.log).toEqual([]);
    expect(events.closes).toHaveLength(1);
  });

  test("a frame the decoder refuses closes the connection as a protocol error, with the decoder's reason", () => {
    const { socket, events, receive } = active({ maxMessageSize: 64 });
    receive(dataFrame("x".repeat(65)));
    expect(events.closes).toHaveLength(1);
    expect(events.closes[0]).toMatch(/^protocol error: \S/);
    expect(events.messages).toEqual([]);
    expect(socket.destroyed).toBe(true);
  });

  test("bytes after the connection is closed are not read", () => {
    const { events, session, receive } = open();
    receive(encodeGreeting(), encodeReady("DEALER"));
    session.close("done");
    receive(dataFrame("late"));
    expect(events.messages).toEqual([]);
  });
});

describe("the handshake deadline", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test("a handshake not done in time closes the connection, naming the deadline", () => {
    const { events, receive } = open({ handshakeInterval: 500 });
    receive(encodeGreeting());
    jest.advanceTimersByTime(499);
    expect(events.closes).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(events.closes).toEqual(["handshake not completed within 500 ms"]);
  });

  test("a handshake done in time disarms it", () => {
    const { events } = active({ handshakeInterval: 500 });
    jest.advanceTimersByTime(10_000);
    expect(events.closes).toEqual([]);
  });

  test("0 means no deadline", () => {
    const { events } = open({ handshakeInterval: 0 });
    jest.advanceTimersByTime(3_600_000);
    expect(events.closes).toEqual([]);
  });
});

describe("messages and commands after the handshake", () => {
  test("frames joined by MORE arrive as one message", () => {
    const { events, receive } = active();
    receive(Buffer.concat([dataFrame("a", true), dataFrame("b", true), dataFrame("c"), dataFrame("d")]));
    expect(events.messages).toEqual([["a", "b", "c"], ["d"]]);
  });

  test("SUBSCRIBE and CANCEL are passed up with their topics", () => {
    const { events, receive } = active({ socketType: "XPUB" }, "SUB");
    receive(encodeCommand("SUBSCRIBE", Buffer.from("news")), encodeCommand("CANCEL", Buffer.from("news")));
    expect(events.log).toEqual(["ready", "subscribe news", "cancel news"]);
  });

  test.each([
    ["ERROR", encodeError("bye"), "peer sent ERROR: bye"],
    ["a second READY", encodeReady("DEALER"), "protocol error: second READY"],
    ["a malformed PING", encodeCommand("PING", Buffer.from([1])), "protocol error: malformed PING"],
  ])("%s closes the connection, saying so", (_what, frame, reason) => {
    const { socket, events, receive } = active();
    receive(frame);
    expect(events.closes).toEqual([reason]);
    expect(socket.destroyed).toBe(true);
  });

  test("what follows a closing command in the same chunk is not passed up", () => {
    const { events, receive } = active({ socketType: "XPUB" }, "SUB");
    receive(Buffer.concat([encodeError("bye"), encodeCommand("SUBSCRIBE", Buffer.from("late")), dataFrame("late")]));
    expect(events.closes).toEqual(["peer sent ERROR: bye"]);
    expect(events.log).toEqual(["ready"]);
    expect(events.messages).toEqual([]);
  });

  test("PONG and unknown commands change nothing", async () => {
    const { socket, events, session, receive } = active();
    receive(encodeCommand("PONG"), encodeCommand("WHATEVER", Buffer.from("x")), dataFrame("still here"));
    await immediate();
    expect(events.closes).toEqual([]);
    expect(events.messages).toEqual([["still here"]]);
    expect(socket.writes).toEqual([]);
    expect(session.writable).toBe(true);
  });

  test("a PING is answered with a PONG echoing its context, on the next flush", async () => {
    const { socket, receive } = active();
    receive(encodePing(0, Buffer.from("ctx")));
    expect(socket.writes).toEqual([]);
    await immediate();
    expect(decodeOutput(Buffer.concat(socket.writes))).toEqual([`PONG ${Buffer.from("ctx").toString("hex")}`]);
  });

  test("the peer's 'end' closes the session at once (ZMTP has no half-close), and 'close' after it changes nothing", () => {
    const { socket, events, session } = active();
    socket.emit("end");
    expect(events.closes).toEqual(["connection closed by peer"]);
    expect(socket.destroyed).toBe(true);
    socket.emit("close");
    expect(events.closes).toHaveLength(1);
    expect(session.writable).toBe(false);
  });

  test("a socket that closes on its own is reported once, as closed", () => {
    const { socket, events } = active();
    socket.emit("error", new Error("ECONNRESET"));
    socket.emit("close");
    expect(events.closes).toEqual(["connection closed"]);
  });
});

describe("the peer's PING TTL", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test("silence longer than the TTL a PING announced closes the connection, naming the TTL", () => {
    const { events, receive } = active();
    receive(encodePing(3));
    jest.advanceTimersByTime(299);
    expect(events.closes).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(events.closes).toEqual(["no traffic from peer within its PING TTL of 300 ms"]);
  });

  test("any bytes from the peer restart the TTL", () => {
    const { events, receive } = active();
    receive(encodePing(3));
    jest.advanceTimersByTime(250);
    receive(dataFrame("alive"));
    jest.advanceTimersByTime(250);
    expect(events.closes).toEqual([]);
    jest.advanceTimersByTime(50);
    expect(events.closes).toHaveLength(1);
  });

  test("a later PING with TTL 0 disarms it", () => {
    const { events, receive } = active();
    receive(encodePing(3));
    receive(encodePing(0));
    jest.advanceTimersByTime(60_000);
    expect(events.closes).toEqual([]);
  });

  test("a later PING replaces the TTL with its own", () => {
    const { events, receive } = active();
    receive(encodePing(3));
    receive(encodePing(10));
    jest.advanceTimersByTime(999);
    expect(events.closes).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(events.closes).toEqual(["no traffic from peer within its PING TTL of 1000 ms"]);
  });

  test("a closed session's TTL timer is cleared", () => {
    const { events, session, receive } = active();
    receive(encodePing(3));
    jest.advanceTimersByTime(0); // the PONG's flush
    session.close("by us");
    expect(jest.getTimerCount()).toBe(0);
    jest.advanceTimersByTime(1000);
    expect(events.closes).toEqual(["by us"]);
  });
});

describe("heartbeats sent by the session", () => {
  // Fake time for the intervals; the flushes they schedule run on the real setImmediate.
  beforeEach(() => jest.useFakeTimers({ doNotFake: ["setImmediate"] }));
  afterEach(() => jest.useRealTimers());

  /** Fake time moves on by `ms`; then the flush a timer scheduled runs. */
  const advanceAndFlush = async (ms: number) => {
    jest.advanceTimersByTime(ms);
    await immediate();
  };

  test("a PING every interval, carrying heartbeatTimeToLive in deciseconds (rounded down, at most 0xFFFF)", async () => {
    const { socket } = active({ heartbeatInterval: 100, heartbeatTimeToLive: 1299 });
    jest.advanceTimersByTime(99);
    expect(socket.writes).toEqual([]);
    await advanceAndFlush(1);
    expect(decodeOutput(Buffer.concat(socket.writes))).toEqual(["PING 000c"]);
    await advanceAndFlush(100);
    expect(decodeOutput(Buffer.concat(socket.writes))).toEqual(["PING 000c", "PING 000c"]);

    const big = active({ heartbeatInterval: 100, heartbeatTimeToLive: 10_000_000 });
    await advanceAndFlush(100);
    expect(decodeOutput(Buffer.concat(big.socket.writes))).toEqual(["PING ffff"]);
  });

  test("silence longer than heartbeatTimeout + interval closes the connection, naming the silence", () => {
    const { events } = active({ heartbeatInterval: 100, heartbeatTimeout: 300 });
    jest.advanceTimersByTime(400);
    expect(events.closes).toEqual([]);
    jest.advanceTimersByTime(100);
    expect(events.closes).toEqual(["no traffic from peer for 500 ms (heartbeat)"]);
  });

  test("with heartbeatTimeout 0 the silence allowed is twice the interval", () => {
    const { events } = active({ heartbeatInterval: 100 });
    jest.advanceTimersByTime(200);
    expect(events.closes).toEqual([]);
    jest.advanceTimersByTime(100);
    expect(events.closes).toEqual(["no traffic from peer for 300 ms (heartbeat)"]);
  });

  test("a peer heard from is not hung up on", () => {
    const { events, receive } = active({ heartbeatInterval: 100, heartbeatTimeout: 100 });
    for (let i = 0; i < 20; i++) {
      jest.advanceTimersByTime(100);
      receive(encodeCommand("PONG"));
    }
    expect(events.closes).toEqual([]);
  });

  test("interval 0 sends no PING and never hangs up; a closed session stops its heartbeat", () => {
    const { socket, events } = active({ heartbeatInterval: 0, heartbeatTimeout: 10 });
    jest.advanceTimersByTime(60_000);
    expect(socket.writes).toEqual([]);
    expect(events.closes).toEqual([]);
    const beating = active({ heartbeatInterval: 100 });
    beating.session.close("by us");
    expect(jest.getTimerCount()).toBe(0);
  });
});

describe("sending", () => {
  test("messages sent in one tick go out in one write, on the next flush, MORE on all frames but the last", async () => {
    const { socket, session } = active();
    session.send([Buffer.from("a"), Buffer.from("b")]);
    session.send([Buffer.from("c")]);
    expect(socket.writes).toEqual([]);
    await immediate();
    expect(socket.writes).toHaveLength(1);
    expect(socket.corks).toBe(0);
    expect(decodeOutput(socket.writes[0])).toEqual(["msg a|b", "msg c"]);
  });

  test("a batch of several chunks (a large body goes by reference) is written corked, in order", async () => {
    const { socket, session } = active();
    const large = Buffer.alloc(64 * 1024, 7);
    session.send([Buffer.from("small")]);
    session.send([large]);
    session.send([Buffer.from("after")]);
    await immediate();
    expect(socket.writes.length).toBeGreaterThan(1);
    expect(socket.writes).toContain(large);
    expect([socket.corks, socket.uncorks]).toEqual([1, 1]);
    const output = decodeOutput(Buffer.concat(socket.writes));
    expect(output.map((entry) => entry.slice(0, 9))).toEqual(["msg small", `msg ${String(large).slice(0, 5)}`, "msg after"]);
  });

  test("flush() writes at once what is batched, and nothing when nothing is", () => {
    const { socket, session } = active();
    session.flush();
    expect(socket.writes).toEqual([]);
    expect(socket.corks).toBe(0);
    session.send([Buffer.from("now")]);
    session.flush();
    expect(decodeOutput(Buffer.concat(socket.writes))).toEqual(["msg now"]);
  });

  test("subscriptions go to a ZMTP 3.1 peer as SUBSCRIBE and CANCEL commands", async () => {
    const { socket, session } = active({ socketType: "SUB" }, "PUB");
    session.sendSubscription(true, Buffer.from("t"));
    session.sendSubscription(false, Buffer.from("t"));
    await immediate();
    expect(decodeOutput(Buffer.concat(socket.writes))).toEqual(["SUBSCRIBE 74", "CANCEL 74"]);
  });

  test("a peer announcing a later major version with minor 0 (4.0) gets ZMTP 3.1 commands, not 3.0 messages", async () => {
    const { socket, session } = active({ socketType: "SUB" }, "PUB", encodeGreeting({ major: 4, minor: 0 }));
    session.sendSubscription(true, Buffer.from("t"));
    await immediate();
    expect(decodeOutput(Buffer.concat(socket.writes))).toEqual(["SUBSCRIBE 74"]);
  });

  test("subscriptions go to a ZMTP 3.0 peer as messages, 0x01 or 0x00 then the topic", async () => {
    const { socket, session } = active({ socketType: "SUB" }, "PUB", encodeGreeting({ minor: 0 }));
    session.sendSubscription(true, Buffer.from("t"));
    session.sendSubscription(false, Buffer.from("t"));
    await immediate();
    expect(decodeOutput(Buffer.concat(socket.writes))).toEqual(["msg \u0001t", "msg \u0000t"]);
  });

  test("more than 256 KiB buffered makes the session unwritable until the socket drains", async () => {
    const { socket, events, session } = active();
    socket.writableLength = 256 * 1024;
    session.send([Buffer.from("x")]);
    await immediate();
    expect(session.writable).toBe(true);
    socket.writableLength = 256 * 1024 + 1;
    session.send([Buffer.from("y")]);
    await immediate();
    expect(session.writable).toBe(false);
    socket.emit("drain");
    expect(session.writable).toBe(true);
    expect(events.log).toEqual(["ready", "drain"]);
  });

  test("a drain while not blocked, or after the close, is not passed up", async () => {
    const { socket, events, session } = active();
    socket.emit("drain");
    socket.writableLength = 1 << 20;
    session.send([Buffer.from("x")]);
    await immediate();
    session.close("by us");
    socket.emit("drain");
    expect(events.log).toEqual(["ready"]);
  });
});

describe("ending the connection", () => {
  test("end() writes what is batched, then ends the socket; nothing is written after it", async () => {
    const { socket, session, receive } = active();
    session.send([Buffer.from("last")]);
    session.end();
    expect(decodeOutput(Buffer.concat(socket.writes))).toEqual(["msg last"]);
    expect(socket.ended).toEqual({ chunk: undefined });
    expect(session.writable).toBe(false);
    receive(encodePing(0));
    session.send([Buffer.from("too late")]);
    await immediate();
    expect(socket.writes).toHaveLength(1);
  });

  test("end() twice, or after close(), does nothing more", () => {
    const { socket, session } = active();
    session.end();
    socket.ended = undefined;
    session.end();
    expect(socket.ended).toBeUndefined();
    const closed = active();
    closed.session.close("by us");
    closed.session.end();
    expect(closed.socket.ended).toBeUndefined();
  });

  test("close() drops what is batched, destroys the socket and reports its reason once", async () => {
    const { socket, events, session } = active();
    session.send([Buffer.from("dropped")]);
    session.close("first");
    session.close("second");
    await immediate();
    expect(socket.writes).toEqual([]);
    expect(socket.destroyed).toBe(true);
    expect(events.closes).toEqual(["first"]);
  });

  test("keepAlive() makes the connection hold the process; pause() and resume() reach the socket", () => {
    const { socket, session } = active();
    expect(socket.referenced).toBe(false);
    session.keepAlive();
    expect(socket.referenced).toBe(true);
    session.pause();
    expect(socket.paused).toBe(true);
    session.resume();
    expect(socket.paused).toBe(false);
  });
});
