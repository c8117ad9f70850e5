import * as zmq from "zeromq";
import * as ref from "../../reference";
import { EVENT_LIMIT_MS, TIMEOUT_MULTIPLIER, failure, text, waitFor, within } from "./helpers/behaviour-env";
import { useFixture } from "./helpers/behaviour-fixture";
import { command, frame, greeting, ready } from "../../suites/raw-zmtp/zmtp-bytes";
import { RecordingPeer } from "./helpers/recording-peer";

/**
 * Limits that protect a socket from its peers: maxMessageSize, handshakeInterval, heartbeats,
 * and the receive high-water mark (back-pressure instead of unbounded memory).
 */
const fixture = useFixture();

/**
 * Counts the monitor events of a zeromq.js socket by type. Reads the observer with receive():
 * its events.on() emitter is installed once per process on the native prototype and breaks when
 * jest loads zeromq again for another test file in the same worker.
 */
function countEvents(socket: zmq.Socket, ...types: string[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(types.map((type) => [type, 0]));
  const observer = socket.events;
  void (async () => {
    while (!observer.closed) {
      let event: zmq.Event;
      try {
        event = await observer.receive();
      } catch {
        return; // the socket (and with it the observer) was closed
      }
      if (event.type in counts) counts[event.type]++;
    }
  })();
  return counts;
}

/** Fake setTimeout/setInterval only: I/O, setImmediate and the clock stay real. */
function fakeTimers(): void {
  jest.useFakeTimers({
    doNotFake: ["nextTick", "setImmediate", "clearImmediate", "queueMicrotask", "Date", "hrtime", "performance"],
  });
  fixture.defer(() => jest.useRealTimers());
}

/** A short data frame (no MORE). */
function dataFrame(body: string): Buffer {
  return frame(0, body);
}

describe("maxMessageSize", () => {
  test("frames up to the limit from a libzmq peer flow; a larger frame closes that connection", async () => {
    const endpoint = fixture.endpoint("max.sock");
    const pull = fixture.track(new ref.Pull({ maxMessageSize: 100 }));
    await pull.bind(endpoint);
    const push = fixture.track(new zmq.Push({ reconnectInterval: 10 }));
    const events = countEvents(push, "handshake", "disconnect");
    push.connect(endpoint);
    await waitFor(() => events.handshake === 1, "libzmq's handshake");

    await push.send(Buffer.alloc(50, "a"));
    await push.send(Buffer.alloc(100, "b"));
    expect((await within(pull.receive(), "the 50-byte frame"))[0].length).toBe(50);
    expect((await within(pull.receive(), "the 100-byte frame"))[0].length).toBe(100);
    expect(events.disconnect).toBe(0);

    await push.send(Buffer.alloc(101, "c"));
    await waitFor(() => events.disconnect === 1, "the reference to drop the connection");

    // libzmq reconnects; what is sent afterwards flows again, and the large frame never arrived.
    await waitFor(() => events.handshake === 2, "libzmq's second handshake");
    await push.send("small again");
    expect(text(await within(pull.receive(), "the message after the reconnect"))).toEqual(["small again"]);
  });

  test("the limit is per frame (as libzmq): a message of several frames each under it passes", async () => {
    // Not below 26: the limit applies to READY too (libzmq's decoder does the same), and a PUSH's READY is 26 bytes.
    const endpoint = fixture.endpoint("frames.sock");
    const pull = fixture.track(new ref.Pull({ maxMessageSize: 30 }));
    await pull.bind(endpoint);
    const push = fixture.track(new zmq.Push());
    push.connect(endpoint);
    const frames = ["a".repeat(30), "b".repeat(30), "c".repeat(30)];
    await push.send(frames);
    expect(text(await within(pull.receive(), "the message"))).toEqual(frames);
  });
});

describe("handshakeInterval", () => {
  test("a raw peer that never sends its greeting is disconnected after the interval, having been greeted", async () => {
    const INTERVAL = 100;
    const pull = fixture.track(new ref.Pull({ handshakeInterval: INTERVAL }));
    await pull.bind(fixture.endpoint("handshake.sock"));
    const started = Date.now();
    const peer = fixture.track(await RecordingPeer.connect(fixture.path("handshake.sock")));
    const closedAt = await within(peer.closedAt, "the silent peer to be disconnected");
    expect(closedAt - started).toBeGreaterThanOrEqual(INTERVAL - 5);
    expect(peer.greeting?.subarray(0, 1)).toEqual(Buffer.from([0xff]));
  });

  test("the interval stops counting once the handshake is complete (fake timers)", async () => {
    const INTERVAL = 100;
    fakeTimers();
    const pull = fixture.track(new ref.Pull({ handshakeInterval: INTERVAL }));
    await pull.bind(fixture.endpoint("handshake-ok.sock"));
    const greeted = fixture.track(await RecordingPeer.connect(fixture.path("handshake-ok.sock")));
    greeted.write(Buffer.concat([greeting(), ready("PUSH"), dataFrame("during")]));
    let received: string[] = [];
    pull.receive().then(
      (frames) => (received = text(frames)),
      () => undefined,
    );
    await waitFor(() => received.length > 0, "the first message");
    expect(received).toEqual(["during"]);
    const silent = fixture.track(await RecordingPeer.connect(fixture.path("handshake-ok.sock")));
    await waitFor(() => silent.greeting !== undefined, "the greeting to the silent peer");

    jest.advanceTimersByTime(10 * INTERVAL);

    // The same clock that cut off the silent peer left the greeted one alone.
    await waitFor(() => silent.closed, "the silent peer to be disconnected");
    greeted.write(dataFrame("after"));
    received = [];
    pull.receive().then(
      (frames) => (received = text(frames)),
      () => undefined,
    );
    await waitFor(() => received.length > 0, "the message after the interval");
    expect(received).toEqual(["after"]);
    expect(greeted.closed).toBe(false);
  });
});

describe("heartbeats", () => {
  const INTERVAL = 50;
  /** Long enough that a busy machine's event loop never fakes a silence. */
  const TIMEOUT = 300 * TIMEOUT_MULTIPLIER;

  test("PINGs go out; a peer answering them stays; once it stops answering it is disconnected", async () => {
    // Answer for longer than the timeout (plus the interval the check may lag behind).
    const ANSWERED = Math.ceil((TIMEOUT + INTERVAL) / INTERVAL) + 1;
    const pull = fixture.track(new ref.Pull({ heartbeatInterval: INTERVAL, heartbeatTimeout: TIMEOUT }));
    await pull.bind(fixture.endpoint("heartbeat.sock"));
    const peer = fixture.track(await RecordingPeer.connect(fixture.path("heartbeat.sock")));
    let pings = 0;
    peer.onEachFrame((frame) => {
      if (frame.command && frame.name === "PING") {
        pings++;
        // PONG echoes the PING's context (after name and 2-byte TTL); stop answering after a few.
        if (pings <= ANSWERED) peer.write(command("PONG", frame.body.subarray(1 + 4 + 2)));
      }
    });
    peer.write(Buffer.concat([greeting(), ready("PUSH")]));
    await waitFor(() => peer.commands("READY").length === 1, "the reference's READY");

    await waitFor(() => pings > ANSWERED || peer.closed, "the answered PINGs");
    expect(peer.closed).toBe(false); // answering kept it alive for longer than the timeout
    const stoppedAt = Date.now();
    const closedAt = await within(peer.closedAt, "the unanswering peer to be disconnected");
    expect(closedAt - stoppedAt).toBeGreaterThanOrEqual(TIMEOUT - INTERVAL);
  });

  test("a peer that completes the handshake and then stays silent is disconnected", async () => {
    const pull = fixture.track(new ref.Pull({ heartbeatInterval: INTERVAL, heartbeatTimeout: 2 * INTERVAL }));
    await pull.bind(fixture.endpoint("silent.sock"));
    const peer = fixture.track(await RecordingPeer.connect(fixture.path("silent.sock")));
    peer.write(Buffer.concat([greeting(), ready("PUSH")]));
    await waitFor(() => peer.commands("READY").length === 1, "the reference's READY");
    const readyAt = Date.now();
    const closedAt = await within(peer.closedAt, "the silent peer to be disconnected");
    expect(peer.commands("PING").length).toBeGreaterThanOrEqual(1);
    expect(closedAt - readyAt).toBeGreaterThanOrEqual(2 * INTERVAL - 5);
  });

  test("without heartbeatInterval no PING is sent, a PING is answered with its context, the peer is kept", async () => {
    const pull = fixture.track(new ref.Pull({ heartbeatTimeout: 10 }));
    await pull.bind(fixture.endpoint("quiet.sock"));
    const peer = fixture.track(await RecordingPeer.connect(fixture.path("quiet.sock")));
    peer.write(Buffer.concat([greeting(), ready("PUSH")]));
    await waitFor(() => peer.commands("READY").length === 1, "the reference's READY");
    peer.write(command("PING", Buffer.from([0, 0, ...Buffer.from("ctx")])));
    await waitFor(() => peer.commands("PONG").length === 1, "the PONG");
    expect(peer.commands("PONG")[0].body.subarray(5)).toEqual(Buffer.from("ctx"));
    expect(peer.commands("PING")).toHaveLength(0);
    // Still connected: a message goes through.
    peer.write(dataFrame("kept"));
    expect(text(await within(pull.receive(), "the message"))).toEqual(["kept"]);
    expect(peer.closed).toBe(false);
  });
});

describe("receiveHighWaterMark", () => {
  test("a PULL that never reads makes the PUSH block (EAGAIN after sendTimeout) after a bounded amount", async () => {
    const endpoint = fixture.endpoint("slow.sock");
    const FRAME = 64 * 1024;
    const pull = fixture.track(new ref.Pull({ receiveHighWaterMark: 4 }));
    await pull.bind(endpoint);
    const push = fixture.track(new ref.Push({ sendHighWaterMark: 4, sendTimeout: 200 }));
    push.connect(endpoint);

    const body = Buffer.alloc(FRAME, "x");
    // Both high-water marks, the session's write buffer and the kernel's socket buffers hold a few
    // MB at most; a PULL that read everything into memory would let the loop run to the cap.
    const CAP_BYTES = 32 * 1024 * 1024;
    let sent = 0;
    let error: (Error & { code?: string }) | undefined;
    const deadline = Date.now() + EVENT_LIMIT_MS;
    while (sent * FRAME < CAP_BYTES && Date.now() < deadline) {
      try {
        await push.send(body);
        sent++;
      } catch (err) {
        error = err as Error & { code?: string };
        break;
      }
    }
    expect(error?.code).toBe("EAGAIN");
    expect(sent * FRAME).toBeLessThan(CAP_BYTES);

    // Everything that was accepted arrives, in order, once the PULL reads.
    for (let i = 0; i < sent; i++) {
      const [frame] = await within(pull.receive(), `message ${i}`);
      expect(frame.length).toBe(FRAME);
    }
    await failure(
      (async () => {
        pull.receiveTimeout = 0;
        await pull.receive();
      })(),
    ).then((err) => expect(err.code).toBe("EAGAIN"));
  });
});
