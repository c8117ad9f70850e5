import * as net from "node:net";
import * as ref from "../../reference";
import { failure, syncFailure, text, waitFor, waitForAsync, within } from "./helpers/behaviour-env";
import { explain } from "./helpers/behaviour-env";
import { useFixture } from "./helpers/behaviour-fixture";
import { RawPeer, useRawPeers } from "./helpers/raw-peer";
import { greeting, message, ping, ready } from "../../suites/raw-zmtp/zmtp-bytes";

/**
 * What every socket type shares (socket-base.ts): error texts, close() with each linger, the
 * send/receive high-water marks, what happens to a peer's queue when it leaves or is
 * disconnected, and async iteration. Real sockets over ipc:// in the test's directory; a raw ZMTP
 * peer where only the wire (or a peer that does not read) shows the behaviour.
 */
const raw = useRawPeers(); // declared first: its afterEach destroys the raw peers before the directory goes
const fixture = useFixture();

/**
 * A raw listener that accepts every connection (a reconnecting socket comes back to it);
 * `next()` is the next connection not yet taken. Closed after the test's sockets (registered first).
 */
async function rawServer(name: string): Promise<{ endpoint: string; next(): Promise<RawPeer> }> {
  const accepted: RawPeer[] = [];
  let taken = 0;
  let wake: (() => void) | undefined;
  const server = net.createServer((socket) => {
    accepted.push(new RawPeer(socket));
    wake?.();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(fixture.path(name), () => resolve());
  });
  fixture.defer(() => {
    server.close();
    for (const peer of accepted) peer.destroy();
  });
  const next = async (): Promise<RawPeer> => {
    while (accepted.length <= taken) await new Promise<void>((resolve) => (wake = resolve));
    return accepted[taken++];
  };
  return { endpoint: fixture.endpoint(name), next: () => within(next(), `a connection to ${name}`) };
}

/**
 * Sends 200 messages of 64 KiB of which the last 100 wait in the pipe: the first 100 (6.4 MB, far
 * more than a connection takes) go to the connection; once the first has arrived `stopReading`
 * makes the reader read no more (a PULL with receiveHighWaterMark 1 stops by itself), so the next
 * 100 find the connection full. Returns the 200 messages.
 */
async function queueBehindFullConnection(push: ref.Push, readFirst: () => Promise<Buffer[]>, stopReading = () => undefined as void): Promise<Buffer[]> {
  const payload = bulk(200, 64 * 1024);
  for (const body of payload.slice(0, 100)) void push.send(body);
  const [first] = await within(readFirst(), "message 1 of 200");
  expect([first.length, first[0]]).toEqual([payload[0].length, payload[0][0]]);
  stopReading();
  for (const body of payload.slice(100)) void push.send(body);
  return payload;
}

/** Reads messages `from` to the last of `payload` with `read`, in order, each checked by its length and first byte. */
async function expectDeliveredFrom(payload: Buffer[], from: number, read: () => Promise<Buffer[]>): Promise<void> {
  for (let i = from; i < payload.length; i++) {
    const [body] = await within(read(), `message ${i + 1} of ${payload.length}`);
    expect([body.length, body[0]]).toEqual([payload[i].length, payload[i][0]]);
  }
}

/** Completes the handshake with the reference as `peerType` (ZMTP 3.1). */
async function handshake(peer: RawPeer, peerType: string): Promise<RawPeer> {
  await peer.write(Buffer.concat([greeting(), ready(peerType)]));
  await within(peer.completeHandshake(), "the reference's greeting and READY");
  return peer;
}

/** Everything the peer sent before this returns has been handled by the reference (it answers PING in order). */
async function pingPong(peer: RawPeer, context: string): Promise<void> {
  await peer.write(ping(0, context));
  const pong = await within(peer.readCommand(), "the PONG");
  expect([pong.name, pong.data.toString()]).toEqual(["PONG", context]);
}

/** `count` distinct messages of `size` bytes: together far more than a UNIX socket's kernel buffer. */
function bulk(count: number, size: number): Buffer[] {
  return Array.from({ length: count }, (_, i) => Buffer.alloc(size, i % 251));
}

describe("error texts name what was wrong", () => {
  test("unbind() of an endpoint this socket has not bound: ENOENT", async () => {
    const pull = fixture.track(new ref.Pull());
    const endpoint = fixture.endpoint("never.sock");
    const err = await failure(pull.unbind(endpoint));
    expect([err.code, explain(err)]).toEqual(["ENOENT", `endpoint is not bound by this socket: ${endpoint}`]);
  });

  test("disconnect() from an endpoint this socket is not connected to: ENOENT", () => {
    const push = fixture.track(new ref.Push());
    const endpoint = fixture.endpoint("never.sock");
    const err = syncFailure(() => push.disconnect(endpoint));
    expect([err.code, explain(err)]).toEqual(["ENOENT", `endpoint is not connected: ${endpoint}`]);
  });

  test('send() without a message: a TypeError thrown at once, even on a closed socket, as in zeromq.js (not the text "undefined" sent)', () => {
    const push = fixture.track(new ref.Push());
    const missing = () => (push.send as (message?: unknown) => Promise<void>)();
    expect(missing).toThrow(new TypeError("Message must be present"));
    push.close();
    expect(missing).toThrow(new TypeError("Message must be present"));
  });

  test("a second send or receive while one waits: EBUSY thrown at once, saying which, as in zeromq.js", () => {
    const dealer = fixture.track(new ref.Dealer({ immediate: true }));
    dealer.send("waits: no peer").catch(() => undefined);
    dealer.receive().catch(() => undefined);
    const send = syncFailure(() => dealer.send("second"));
    const receive = syncFailure(() => dealer.receive());
    expect([send.code, send.message]).toEqual(["EBUSY", "Socket is busy writing; only one send operation may be in progress at any time"]);
    expect([receive.code, receive.message]).toEqual(["EBUSY", "Socket is busy reading; only one receive operation may be in progress at any time"]);
  });

  test("a send or receive still waiting when the socket closes fails with EAGAIN, as in zeromq.js (the call never happened)", async () => {
    const dealer = fixture.track(new ref.Dealer({ immediate: true }));
    const sending = failure(dealer.send("waits: no peer"));
    const receiving = failure(dealer.receive());
    dealer.close();
    const [sent, received] = [await sending, await receiving];
    expect([sent.code, received.code]).toEqual(["EAGAIN", "EAGAIN"]);
    expect(explain(sent)).toBe("the socket was closed while the call waited");
  });

  test("a send or receive that times out: EAGAIN with the timeout in the text", async () => {
    const dealer = fixture.track(new ref.Dealer({ immediate: true, sendTimeout: 30, receiveTimeout: 20 }));
    const send = await failure(dealer.send("no peer"));
    const receive = await failure(dealer.receive());
    expect([send.code, explain(send)]).toEqual(["EAGAIN", "send timed out after 30 ms"]);
    expect([receive.code, explain(receive)]).toEqual(["EAGAIN", "receive timed out after 20 ms"]);
  });

  test("any call on a closed socket: EBADF 'Socket is closed', thrown at once", () => {
    const pull = fixture.track(new ref.Pull());
    pull.close();
    const err = syncFailure(() => pull.receive());
    expect([err.code, err.message, explain(err)]).toEqual(["EBADF", "Socket is closed", "socket is closed"]);
  });

  test("close() while bind() is in progress: the bind completes, then the socket closes and removes its file, as in zeromq.js", async () => {
    const pull = fixture.track(new ref.Pull());
    const endpoint = fixture.endpoint("closing.sock");
    const binding = pull.bind(endpoint);
    pull.close();
    expect(pull.closed).toBe(false); // not yet: the bind is under way
    await within(binding, "the bind");
    expect(pull.closed).toBe(true);
    expect(fixture.list()).toEqual([]);
  });

  test("close() while unbind() is in progress takes effect once the unbind has settled", async () => {
    const pull = fixture.track(new ref.Pull());
    const endpoint = fixture.endpoint("unbinding.sock");
    await pull.bind(endpoint);
    const unbinding = pull.unbind(endpoint);
    pull.close();
    expect(pull.closed).toBe(false);
    await within(unbinding, "the unbind");
    expect(pull.closed).toBe(true);
  });

  test("any endpoint call while a bind or unbind is under way throws EBUSY at once, as in zeromq.js", async () => {
    const pull = fixture.track(new ref.Pull());
    const binding = pull.bind(fixture.endpoint("first.sock"));
    for (const call of [
      () => pull.bind(fixture.endpoint("second.sock")),
      () => pull.unbind(fixture.endpoint("first.sock")),
      () => pull.connect(fixture.endpoint("x.sock")),
    ]) {
      const err = syncFailure(call);
      expect([err.code, err.message]).toEqual(["EBUSY", "Socket is blocked by a bind or unbind operation"]);
    }
    await within(binding, "the first bind");
    await within(pull.bind(fixture.endpoint("second.sock")), "a bind once the first has settled");
  });
});

/** A reference PUSH connected to a raw peer that has completed the handshake as a PULL. */
async function pushToRawPull(options: ConstructorParameters<typeof ref.Push>[0]): Promise<{ push: ref.Push; pull: RawPeer }> {
  const server = await rawServer("pull.sock");
  const push = fixture.track(new ref.Push(options));
  push.connect(server.endpoint);
  return { push, pull: await handshake(await server.next(), "PULL") };
}

/**
 * Resolves once the reference has closed its end of `peer`'s connection. A peer that reads nothing
 * cannot see the hang-up; what it writes fails (EPIPE) once the other end is closed. A PUSH ignores
 * the probe messages, so they change nothing.
 */
async function hungUpOn(peer: RawPeer): Promise<void> {
  await waitForAsync(
    () =>
      peer.write(message(["probe"])).then(
        () => false,
        () => true,
      ),
    "the lingering connection to be closed",
  );
}

/**
 * A PUSH and a PULL over `name`, the PUSH binding or connecting, with one message through: when
 * this returns the connection is up, so what is sent next goes over it.
 */
async function connectedPushPull(
  name: string,
  pushBinds: boolean,
  pushOptions: ConstructorParameters<typeof ref.Push>[0] = {},
  pullOptions: ConstructorParameters<typeof ref.Pull>[0] = {},
): Promise<{ push: ref.Push; pull: ref.Pull }> {
  const endpoint = fixture.endpoint(name);
  const push = fixture.track(new ref.Push(pushOptions));
  const pull = fixture.track(new ref.Pull(pullOptions));
  if (pushBinds) {
    await push.bind(endpoint);
    pull.connect(endpoint);
  } else {
    await pull.bind(endpoint);
    push.connect(endpoint);
  }
  await push.send("sync");
  expect(text(await within(pull.receive(), "the first message"))).toEqual(["sync"]);
  return { push, pull };
}

describe("close() and linger", () => {
  test.each([
    ["binds", true],
    ["connects", false],
  ])("with the default linger (-1), close() right after send() still delivers everything, on a socket that %s", async (_, pushBinds) => {
    const { push, pull } = await connectedPushPull("linger.sock", pushBinds);
    // 6.4 MB, queued in this turn of the event loop and not yet written when close() comes:
    // close() must write all of it and leave the connection open until it has been read
    // (which takes many turns of the event loop: any linger timer, even 1 ms, would cut it short).
    const payload = bulk(100, 64 * 1024);
    for (const body of payload) void push.send(body);
    push.close();
    await expectDeliveredFrom(payload, 0, () => pull.receive());
  });

  test.each([
    ["the default linger (-1)", "binds", true, -1],
    ["the default linger (-1)", "connects", false, -1],
    ["linger 5000 (the peer reads it all well before)", "connects", false, 5000],
  ])("with %s, what is still in the pipe behind a full connection is delivered too, on a socket that %s", async (_, __, pushBinds, linger) => {
    // receiveHighWaterMark 1: the PULL reads one message ahead, then stops reading the connection.
    const { push, pull } = await connectedPushPull("linger-pipe.sock", pushBinds, { linger }, { receiveHighWaterMark: 1 });
    const payload = await queueBehindFullConnection(push, () => pull.receive());
    push.close();
    await expectDeliveredFrom(payload, 1, () => pull.receive());
  });

  test("with the default linger (-1), a PING that arrives after close() is not answered: the connection still delivers everything", async () => {
    const { push, pull } = await pushToRawPull({});
    await push.send("first");
    expect(text(await within(pull.readMessage(), "the first message"))).toEqual(["first"]);
    // In the reference's kernel buffer before close(), read only on a later turn: after the hang-up
    // has begun. A PONG written then would be a write after end(), which destroys the connection.
    await pull.write(ping(0, "late"));
    const payload = bulk(100, 64 * 1024); // 6.4 MB: many turns of the event loop to read
    for (const body of payload) void push.send(body);
    push.close();
    await expectDeliveredFrom(payload, 0, () => pull.readMessage());
    await within(pull.closed, "the hang-up after the last message");
    expect(pull.pending).toBe(0); // no PONG (nor anything else) after the messages
  });

  test("with linger 0, close() drops what is still queued and hangs up at once", async () => {
    const { push, pull } = await pushToRawPull({ linger: 0 });
    await push.send("first");
    expect(text(await within(pull.readMessage(), "the first message"))).toEqual(["first"]);
    await push.send("dropped"); // queued: the write happens on the next turn, after close()
    push.close();
    await within(pull.closed, "the hang-up");
    expect(pull.pending).toBe(0);
  });

  test("with linger > 0, a peer that reads nothing is hung up on once the linger has passed (not before)", async () => {
    const { push, pull } = await pushToRawPull({ linger: 50 });
    await push.send("first");
    expect(text(await within(pull.readMessage(), "the first message"))).toEqual(["first"]);
    pull.socket.pause(); // reads nothing more: the 6.4 MB below can never all be written
    for (const body of bulk(100, 64 * 1024)) void push.send(body);
    push.close();
    const closedAt = Date.now();
    await hungUpOn(pull);
    expect(Date.now() - closedAt).toBeGreaterThanOrEqual(45);
  });

  test("with linger > 0, a peer that reads nothing is hung up on once the linger has passed, also with messages left in the pipe", async () => {
    const { push, pull } = await pushToRawPull({ linger: 50 });
    // The peer reads no more: the lingering session waits for a drain that never comes.
    await queueBehindFullConnection(
      push,
      () => pull.readMessage(),
      () => pull.socket.pause(),
    );
    push.close();
    const closedAt = Date.now();
    await hungUpOn(pull);
    expect(Date.now() - closedAt).toBeGreaterThanOrEqual(45);
  });

  test.each([
    ["the default linger (-1)", -1],
    ["linger 5000 (the peer reads it all well before)", 5000],
  ])(
    "with %s, disconnect() still delivers what is in the pipe behind a full connection, and nothing sent after it; close() does not cut it short",
    async (_, linger) => {
      const { push, pull } = await connectedPushPull("disconnect-linger.sock", false, { linger, sendTimeout: 0 }, { receiveHighWaterMark: 1 });
      const payload = await queueBehindFullConnection(push, () => pull.receive());
      push.disconnect(fixture.endpoint("disconnect-linger.sock"));
      // The endpoint is gone from the socket at once: no pipe takes a new message.
      expect((await failure(push.send("after disconnect"))).code).toBe("EAGAIN");
      push.close();
      await expectDeliveredFrom(payload, 1, () => pull.receive());
    },
  );

  test("with the default linger (-1), a disconnected endpoint hangs up once it has written everything its pipe held", async () => {
    const { push, pull } = await pushToRawPull({});
    await push.send("first");
    expect(text(await within(pull.readMessage(), "the first message"))).toEqual(["first"]);
    // The peer reads no more for now: the last 100 are still in the pipe at disconnect().
    const payload = await queueBehindFullConnection(
      push,
      () => pull.readMessage(),
      () => pull.socket.pause(),
    );
    push.disconnect(fixture.endpoint("pull.sock"));
    pull.socket.resume();
    await expectDeliveredFrom(payload, 1, () => pull.readMessage());
    await within(pull.closed, "the hang-up after the last message");
  });

  test("disconnect() hangs up a connection still in its handshake, also with a message queued for it", async () => {
    const server = await rawServer("pull.sock");
    const push = fixture.track(new ref.Push());
    push.connect(server.endpoint);
    await push.send("queued"); // in the connect's pipe: the handshake never completes, so it never goes
    const peer = await server.next();
    await peer.read(64, "the reference's greeting");
    push.disconnect(server.endpoint);
    await within(peer.closed, "the hang-up");
  });

  test("with linger 0, disconnect() drops what is still queued and hangs up at once", async () => {
    const { push, pull } = await pushToRawPull({ linger: 0 });
    await push.send("first");
    expect(text(await within(pull.readMessage(), "the first message"))).toEqual(["first"]);
    await push.send("dropped"); // queued: the write happens on the next turn, after disconnect()
    push.disconnect(fixture.endpoint("pull.sock")); // pushToRawPull's endpoint
    await within(pull.closed, "the hang-up");
    expect(pull.pending).toBe(0);
  });

  test("with linger > 0, a disconnected peer that reads nothing is hung up on once the linger has passed (not before)", async () => {
    const { push, pull } = await pushToRawPull({ linger: 50 });
    await push.send("first");
    expect(text(await within(pull.readMessage(), "the first message"))).toEqual(["first"]);
    pull.socket.pause();
    for (const body of bulk(100, 64 * 1024)) void push.send(body);
    push.disconnect(fixture.endpoint("pull.sock"));
    const disconnectedAt = Date.now();
    await hungUpOn(pull);
    expect(Date.now() - disconnectedAt).toBeGreaterThanOrEqual(45);
  });

  test.each([
    ["the default linger (-1)", -1],
    ["linger 5000 (the peer comes well before)", 5000],
  ])("with %s, what was queued for a connection not made yet goes out when it comes, after close(); then the socket hangs up", async (_, linger) => {
    const push = fixture.track(new ref.Push({ linger }));
    push.connect(fixture.endpoint("later.sock")); // nobody listens yet: the message waits in the connect's pipe
    await push.send("queued before any connection");
    push.close();
    const server = await rawServer("later.sock");
    const pull = await handshake(await server.next(), "PULL");
    expect(text(await within(pull.readMessage(), "the queued message"))).toEqual(["queued before any connection"]);
    await within(pull.closed, "the hang-up once the queue is written");
    expect(pull.pending).toBe(0);
  });

  test("close() with linger 0 also ends an endpoint disconnected earlier that was still lingering", async () => {
    const { push, pull } = await pushToRawPull({});
    await push.send("first");
    expect(text(await within(pull.readMessage(), "the first message"))).toEqual(["first"]);
    pull.socket.pause(); // reads nothing more: the disconnected endpoint lingers (linger -1) on what it cannot write
    for (const body of bulk(100, 64 * 1024)) void push.send(body);
    push.disconnect(fixture.endpoint("pull.sock"));
    push.linger = 0;
    push.close();
    await hungUpOn(pull);
  });

  test("unbind() hangs up the connections accepted on that endpoint", async () => {
    const pull = fixture.track(new ref.Pull());
    await pull.bind(fixture.endpoint("unbind.sock"));
    const push = await handshake(await raw.connect(fixture.path("unbind.sock")), "PUSH");
    await pull.unbind(fixture.endpoint("unbind.sock"));
    await within(push.closed, "the hang-up");
  });

  test.each([
    ["bound", true],
    ["connecting", false],
  ])("close() hangs up a connection still in its handshake, on a %s socket", async (_, binds) => {
    let peer: RawPeer;
    let socket: ref.Push;
    if (binds) {
      socket = fixture.track(new ref.Push());
      await socket.bind(fixture.endpoint("push.sock"));
      peer = await raw.connect(fixture.path("push.sock"));
    } else {
      const server = await rawServer("pull.sock");
      socket = fixture.track(new ref.Push());
      socket.connect(server.endpoint);
      peer = await server.next();
    }
    await peer.read(64, "the reference's greeting"); // its session exists; we never answer
    socket.close();
    await within(peer.closed, "the hang-up");
  });
});

describe("high-water marks", () => {
  test("a send that waits at the send high-water mark goes as soon as the pipe has room", async () => {
    const endpoint = fixture.endpoint("hwm.sock");
    const pull = fixture.track(new ref.Pull());
    await pull.bind(endpoint);
    const push = fixture.track(new ref.Push({ sendHighWaterMark: 1 }));
    push.connect(endpoint);
    await push.send("sync");
    expect(text(await within(pull.receive(), "the first message"))).toEqual(["sync"]);
    const one = push.send("one");
    const two = push.send("two"); // "one" fills the pipe until it is written on the next turn
    await within(Promise.all([one, two]), "both sends");
    expect(text(await within(pull.receive(), "one"))).toEqual(["one"]);
    expect(text(await within(pull.receive(), "two"))).toEqual(["two"]);
  });

  test("receiveHighWaterMark 0 is no limit: reading never stops", async () => {
    const endpoint = fixture.endpoint("rcvhwm0.sock");
    const pull = fixture.track(new ref.Pull({ receiveHighWaterMark: 0 }));
    await pull.bind(endpoint);
    const push = fixture.track(new ref.Push());
    push.connect(endpoint);
    // One at a time, so that each arrives in a read of its own after the one before was taken.
    for (const body of ["1", "2", "3"]) {
      await push.send(body);
      expect(text(await within(pull.receive(), `message ${body}`))).toEqual([body]);
    }
  });

  test("after reading paused at the receive high-water mark and resumed, a new connection is read", async () => {
    const pull = fixture.track(new ref.Pull({ receiveHighWaterMark: 1 }));
    await pull.bind(fixture.endpoint("pull.sock"));
    const first = await handshake(await raw.connect(fixture.path("pull.sock")), "PUSH");
    await first.write(message(["a"]));
    await pingPong(first, "queued"); // "a" is queued: one message, the mark: reading pauses
    expect(text(await within(pull.receive(), "a"))).toEqual(["a"]); // taken: reading resumes

    const second = await handshake(await raw.connect(fixture.path("pull.sock")), "PUSH");
    await second.write(message(["b"])); // a read of its own, after the handshake
    expect(text(await within(pull.receive(), "b"))).toEqual(["b"]);
  });
});

describe("peers that leave", () => {
  test("a connecting socket keeps its queue while the peer is away: a send succeeds at once and goes out after reconnecting", async () => {
    const server = await rawServer("pull.sock");
    const push = fixture.track(new ref.Push({ sendTimeout: 0, reconnectInterval: 10 }));
    push.connect(server.endpoint);
    const first = await handshake(await server.next(), "PULL");
    await push.send("first");
    expect(text(await within(first.readMessage(), "the first message"))).toEqual(["first"]);
    first.destroy();
    const second = await server.next(); // the reconnect: the loss has been handled, nobody is attached
    await push.send("while away"); // sendTimeout 0: only a pipe with room lets this through
    await handshake(second, "PULL");
    expect(text(await within(second.readMessage(), "the message sent while away"))).toEqual(["while away"]);
  });

  test("a connecting socket keeps what its pipe held when the peer left: it goes out, in order, after reconnecting", async () => {
    const server = await rawServer("pull.sock");
    const push = fixture.track(new ref.Push());
    push.connect(server.endpoint);
    const first = await handshake(await server.next(), "PULL");
    const payload = await queueBehindFullConnection(
      push,
      () => first.readMessage(),
      () => first.socket.pause(),
    );
    first.destroy(); // what the connection held (messages 1-99) is lost with it; the pipe's queue is not
    const second = await handshake(await server.next(), "PULL");
    const [resumed] = await within(second.readMessage(), "the first message after reconnecting");
    expect(resumed[0]).toBe(100); // bulk() fills message i with the byte i: the pipe's first
    await expectDeliveredFrom(payload, 101, () => second.readMessage());
  });

  test("a peer that leaves a bound socket takes its queue with it: what follows goes to the peers still there", async () => {
    const endpoint = fixture.endpoint("dealer.sock");
    const dealer = fixture.track(new ref.Dealer());
    await dealer.bind(endpoint);
    const leaving = fixture.track(new ref.Dealer({ linger: 0 }));
    leaving.connect(endpoint);
    await leaving.send("hello from the first");
    expect(text(await within(dealer.receive(), "the first peer's hello"))).toEqual(["hello from the first"]);
    leaving.close();
    const staying = fixture.track(new ref.Dealer());
    staying.connect(endpoint);
    // Its handshake takes round trips the first peer's hang-up (sent before) has to precede.
    await staying.send("hello from the second");
    expect(text(await within(dealer.receive(), "the second peer's hello"))).toEqual(["hello from the second"]);
    for (const body of ["x", "y", "z"]) await dealer.send(body);
    for (const body of ["x", "y", "z"]) expect(text(await within(staying.receive(), body))).toEqual([body]);
  });

  test("disconnect() takes that endpoint's queue out of the round-robin: what follows goes to the others", async () => {
    const pullA = fixture.track(new ref.Pull());
    await pullA.bind(fixture.endpoint("a.sock"));
    const pullB = fixture.track(new ref.Pull());
    await pullB.bind(fixture.endpoint("b.sock"));
    const push = fixture.track(new ref.Push());
    push.connect(fixture.endpoint("a.sock")); // its pipe exists from here on: first in the round-robin
    push.connect(fixture.endpoint("b.sock"));
    await push.send("to a");
    await push.send("to b");
    expect(text(await within(pullA.receive(), "a's message"))).toEqual(["to a"]);
    expect(text(await within(pullB.receive(), "b's message"))).toEqual(["to b"]);
    push.disconnect(fixture.endpoint("a.sock"));
    for (const body of ["1", "2", "3"]) await push.send(body);
    for (const body of ["1", "2", "3"]) expect(text(await within(pullB.receive(), body))).toEqual([body]);
  });
});

describe("receiving", () => {
  test("a queued message the socket type drops does not hold back the good one queued behind it", async () => {
    const rep = fixture.track(new ref.Reply({ receiveTimeout: 0 }));
    await rep.bind(fixture.endpoint("rep.sock"));
    const req = await handshake(await raw.connect(fixture.path("rep.sock")), "REQ");
    await req.write(Buffer.concat([message(["no delimiter"]), message(["", "good"])]));
    await pingPong(req, "both-queued"); // both are queued before receive() is called
    expect(text(await rep.receive())).toEqual(["good"]);
  });

  test("for await yields the messages in order; close() ends the loop without an error", async () => {
    const endpoint = fixture.endpoint("iterate.sock");
    const pull = fixture.track(new ref.Pull());
    await pull.bind(endpoint);
    const push = fixture.track(new ref.Push());
    push.connect(endpoint);
    await push.send("one");
    await push.send("two");
    const received: string[][] = [];
    const loop = (async () => {
      for await (const frames of pull) {
        received.push(text(frames));
        // Closed from outside while the loop waits for a third message.
        if (received.length === 2) setImmediate(() => pull.close());
      }
    })();
    await within(loop, "the loop to end");
    expect(received).toEqual([["one"], ["two"]]);
  });

  test("for await throws what is not a close: a receive timeout", async () => {
    const pull = fixture.track(new ref.Pull({ receiveTimeout: 20 }));
    await pull.bind(fixture.endpoint("timeout.sock"));
    const loop = (async () => {
      for await (const _ of pull) throw new Error("nothing was sent");
    })();
    const err = await within(failure(loop), "the loop to fail");
    expect(err.code).toBe("EAGAIN");
  });
});

describe("a busy await loop leaves the event loop running, as zeromq.js's does", () => {
  // Every call that completes at once resolves on microtasks: without a yield now and then, a
  // loop of awaited sends or receives would hold off every timer and all other I/O until it ends.
  const LOOP = 3 * ref.MAX_SYNC_OPERATIONS;

  /** The iteration of `loop` at which an immediate queued just before it got to run (LOOP when only after). */
  async function immediateRanAt(loop: (iteration: () => number) => Promise<void>): Promise<number> {
    let i = 0;
    let ranAt = LOOP;
    setImmediate(() => (ranAt = i));
    await loop(() => i++);
    return ranAt;
  }

  test("sends that always find room", async () => {
    const pub = fixture.track(new ref.Publisher());
    const ranAt = await immediateRanAt(async (next) => {
      while (next() < LOOP) await pub.send("x");
    });
    expect(ranAt).toBeLessThanOrEqual(ref.MAX_SYNC_OPERATIONS + 1);
  });

  test("receives of messages already queued", async () => {
    const pull = fixture.track(new ref.Pull({ receiveHighWaterMark: 0 }));
    const push = fixture.track(new ref.Push({ sendHighWaterMark: 0 }));
    await pull.bind(fixture.endpoint("busy.sock"));
    push.connect(fixture.endpoint("busy.sock"));
    for (let i = 0; i < LOOP; i++) await push.send("x");
    // All of them queued at the PULL, so that every receive below can complete at once.
    const queued = () => (pull as unknown as { exchange: { queued: number } }).exchange.queued;
    await waitFor(() => queued() === LOOP, "every message queued at the PULL");
    const ranAt = await immediateRanAt(async (next) => {
      while (next() < LOOP) await within(pull.receive(), "a queued message");
    });
    expect(ranAt).toBeLessThanOrEqual(ref.MAX_SYNC_OPERATIONS + 1);
  });
});

describe("backlog (ZMQ_BACKLOG) is the bound endpoint's listen(2) backlog", () => {
  /** Errors of `count` connects made in one go, before the event loop can accept any of them. */
  async function refusedConnects(endpoint: string, count: number): Promise<string[]> {
    const path = endpoint.slice("ipc://".length);
    const outcomes = Array.from({ length: count }, () => {
      const socket = net.createConnection({ path });
      return new Promise<string>((resolve) => {
        socket.once("connect", () => resolve("connected"));
        socket.once("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? "error"));
      }).finally(() => socket.destroy());
    });
    return (await within(Promise.all(outcomes), "every connect to settle")).filter((outcome) => outcome !== "connected");
  }

  test("100 by default, as libzmq: ten connects at once all get through", async () => {
    const pull = fixture.track(new ref.Pull());
    expect(pull.backlog).toBe(100);
    await pull.bind(fixture.endpoint("roomy.sock"));
    expect(await refusedConnects(fixture.endpoint("roomy.sock"), 10)).toEqual([]);
  });

  test("a backlog of 1 makes the kernel refuse some of ten connects made at once", async () => {
    const pull = fixture.track(new ref.Pull({ backlog: 1 }));
    await pull.bind(fixture.endpoint("tight.sock"));
    const refused = await refusedConnects(fixture.endpoint("tight.sock"), 10);
    expect(refused.length).toBeGreaterThan(0);
    // Linux answers a full backlog with EAGAIN, the BSDs with ECONNREFUSED.
    expect(refused.filter((code) => code !== "EAGAIN" && code !== "ECONNREFUSED")).toEqual([]);
  });

  test("a backlog of 0 is the smallest queue, not Node's default of 511", async () => {
    const pull = fixture.track(new ref.Pull({ backlog: 0 }));
    await pull.bind(fixture.endpoint("smallest.sock"));
    expect((await refusedConnects(fixture.endpoint("smallest.sock"), 10)).length).toBeGreaterThan(0);
  });
});
