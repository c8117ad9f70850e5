import { ZmqError } from "../errors";
import type { Pipe } from "./pipe";
import { MAX_SYNC_OPERATIONS, SendReceive, type SendReceiveHooks } from "./send-receive";
import { syncFailure } from "../__tests__/helpers/behaviour-env";

/**
 * The socket's send and receive queue on its own, with the socket type's decisions stood in for:
 * room in the pipes is a counter, a frame reading "drop" is a message the socket type drops, and
 * every pause or resume of reading is recorded. The sockets' own tests cover the same code through
 * real connections; these pin its edges (the texts, the counts, the high-water mark's exact
 * moment, the yield after MAX_SYNC_OPERATIONS) where a connection cannot make them happen on cue.
 */
class FakeSocket implements SendReceiveHooks {
  /** How many more messages route() takes; Infinity when there is always room. */
  room = Infinity;
  readonly routed: string[] = [];
  readonly pauses: boolean[] = [];
  /** route() throws this for the message at this index of `routed` (a REQ's EFSM, say). */
  refuse: { at: number; error: Error } | undefined;

  route(frames: Buffer[]): boolean {
    if (this.refuse?.at === this.routed.length) throw this.refuse.error;
    if (this.room === 0) return false;
    this.room--;
    this.routed.push(frames.map(String).join("|"));
    return true;
  }

  take(_pipe: Pipe, frames: Buffer[]): Buffer[] | undefined {
    return String(frames[0]) === "drop" ? undefined : frames;
  }

  pauseReading(paused: boolean): void {
    this.pauses.push(paused);
  }
}

const pipe = {} as Pipe;
const frames = (text: string) => [Buffer.from(text)];
const texts = (message: Buffer[]) => message.map(String).join("|");

/** Every queue a test made; closed after it, so that a test failing while a call waits does not leave its keepalive timer holding jest open. */
const made: SendReceive[] = [];
afterEach(() => {
  for (const queue of made.splice(0)) queue.close(() => new Error("the test is over"));
});

function setup(limits: Partial<{ sendTimeout: number; receiveTimeout: number; receiveHighWaterMark: number }> = {}) {
  const socket = new FakeSocket();
  const options = { sendTimeout: -1, receiveTimeout: -1, receiveHighWaterMark: 1000, ...limits };
  const queue = new SendReceive(socket, options);
  made.push(queue);
  return { socket, options, queue };
}

/** Where a promise stands, read without awaiting it. */
function track<T>(promise: Promise<T>) {
  const state: { settled: "pending" | "resolved" | "rejected"; value?: T; error?: unknown } = { settled: "pending" };
  promise.then(
    (value) => Object.assign(state, { settled: "resolved", value }),
    (error: unknown) => Object.assign(state, { settled: "rejected", error }),
  );
  return state;
}

/** Every promise reaction already queued has run (more than any chain here is deep). */
async function microtasks(): Promise<void> {
  for (let i = 0; i < 10; i++) await null;
}
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;

describe("SendReceive: send", () => {
  test("a message with room is routed and resolves at once", async () => {
    const { socket, queue } = setup();
    await queue.send(["a", "b"]);
    expect(socket.routed).toEqual(["a|b"]);
  });

  test("a send while one waits throws EBUSY at once, in zeromq.js's words", async () => {
    const { socket, queue } = setup();
    socket.room = 0;
    const first = track(queue.send("a"));
    const err = syncFailure(() => queue.send("b")) as ZmqError;
    expect(err).toBeInstanceOf(ZmqError);
    expect([err.code, err.reason, err.message]).toEqual([
      "EBUSY",
      "another send is already waiting",
      "Socket is busy writing; only one send operation may be in progress at any time",
    ]);
    expect(syncFailure(() => queue.sendMany(["c"]))).toMatchObject({ code: "EBUSY", reason: "another send is already waiting" });
    socket.room = Infinity;
    queue.retrySend();
    await microtasks();
    expect(first.settled).toBe("resolved");
    expect(socket.routed).toEqual(["a"]);
  });

  test("a message that cannot be converted comes back as a rejected promise, not a throw", async () => {
    const { socket, queue } = setup();
    const unprintable = {
      toString() {
        throw new Error("no text");
      },
    };
    const sent = queue.send(unprintable as unknown as string);
    await expect(sent).rejects.toThrow("no text");
    expect(socket.routed).toEqual([]);
  });

  test("a refusal of the socket type is the rejection, unchanged", async () => {
    const { socket, queue } = setup();
    const refusal = new ZmqError("EFSM", "not now");
    socket.refuse = { at: 0, error: refusal };
    await expect(queue.send("a")).rejects.toBe(refusal);
  });

  test("with no room and a send timeout of 0, EAGAIN at once", async () => {
    const { socket, queue } = setup({ sendTimeout: 0 });
    socket.room = 0;
    await expect(queue.send("a")).rejects.toMatchObject({ code: "EAGAIN", reason: "no peer can take the message now" });
    // Nothing waits: the next send is not EBUSY.
    socket.room = 1;
    await queue.send("b");
    expect(socket.routed).toEqual(["b"]);
  });

  test("with no room and no send timeout, it waits until retrySend() finds room", async () => {
    const { socket, queue } = setup();
    socket.room = 0;
    const sent = track(queue.send("a"));
    queue.retrySend();
    await microtasks();
    expect(sent.settled).toBe("pending");
    socket.room = 1;
    queue.retrySend();
    await microtasks();
    expect(sent.settled).toBe("resolved");
    expect(socket.routed).toEqual(["a"]);
  });

  test("retrySend() with no send waiting routes nothing", () => {
    const { socket, queue } = setup();
    queue.retrySend();
    expect(socket.routed).toEqual([]);
  });

  test("a refusal while the send waited rejects it", async () => {
    const { socket, queue } = setup();
    socket.room = 0;
    const sent = queue.send("a");
    const refusal = new ZmqError("EFSM", "not now");
    socket.refuse = { at: 0, error: refusal };
    queue.retrySend();
    await expect(sent).rejects.toBe(refusal);
    socket.refuse = undefined;
    socket.room = 1;
    await queue.send("b"); // the refused send no longer waits
    expect(socket.routed).toEqual(["b"]);
  });

  describe("with a send timeout", () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    test("EAGAIN once it has passed without room, and not before", async () => {
      const { socket, queue } = setup({ sendTimeout: 50 });
      socket.room = 0;
      const sent = track(queue.send("a"));
      await jest.advanceTimersByTimeAsync(49);
      expect(sent.settled).toBe("pending");
      await jest.advanceTimersByTimeAsync(1);
      expect(sent.settled).toBe("rejected");
      expect(sent.error).toMatchObject({ code: "EAGAIN", reason: "send timed out after 50 ms" });
      socket.room = 1;
      await queue.send("b");
      expect(socket.routed).toEqual(["b"]);
    });

    test("room found in time stops the timer: it cannot fail the next send that waits", async () => {
      const { socket, options, queue } = setup({ sendTimeout: 50 });
      socket.room = 0;
      const sent = track(queue.send("a"));
      socket.room = 1;
      queue.retrySend();
      options.sendTimeout = -1;
      const next = track(queue.send("b"));
      await jest.advanceTimersByTimeAsync(100);
      expect([sent.settled, next.settled]).toEqual(["resolved", "pending"]);
      queue.close(() => new Error("closed"));
      await jest.advanceTimersByTimeAsync(0);
      expect(next.error).toEqual(new Error("closed"));
    });
  });
});

describe("SendReceive: sendMany, the batch path", () => {
  test("routes every message in order and resolves once", async () => {
    const { socket, queue } = setup();
    await queue.sendMany(["a", ["b", "c"], "d"]);
    expect(socket.routed).toEqual(["a", "b|c", "d"]);
  });

  test("checks every message before any goes", async () => {
    const { socket, queue } = setup();
    await expect(queue.sendMany(["a", undefined as unknown as string, "c"])).rejects.toThrow(new TypeError("Message must be present"));
    await expect(queue.sendMany("a" as unknown as string[])).rejects.toThrow(new TypeError("Messages must be an array"));
    expect(socket.routed).toEqual([]);
  });

  test("a refusal on the way says which message and how many went", async () => {
    const { socket, queue } = setup();
    socket.refuse = { at: 1, error: new ZmqError("EFSM", "not now") };
    const err = (await queue.sendMany(["a", "b", "c"]).catch((e: unknown) => e)) as ZmqError;
    expect(err).toBeInstanceOf(ZmqError);
    expect([err.code, err.reason]).toEqual(["EFSM", "not now (message 2 of 3; 1 sent)"]);
    expect(socket.routed).toEqual(["a"]);
  });

  test("a batch of one is refused as send() is, and an error that is not ZeroMQ's passes through", async () => {
    const { socket, queue } = setup();
    const refusal = new ZmqError("EFSM", "not now");
    socket.refuse = { at: 0, error: refusal };
    await expect(queue.sendMany(["a"])).rejects.toBe(refusal);
    const bug = new TypeError("a bug");
    socket.refuse = { at: 0, error: bug };
    await expect(queue.sendMany(["a", "b"])).rejects.toBe(bug);
  });

  test("with a send timeout of 0, EAGAIN says how many of the batch went", async () => {
    const { socket, queue } = setup({ sendTimeout: 0 });
    socket.room = 2;
    await expect(queue.sendMany(["a", "b", "c"])).rejects.toMatchObject({ code: "EAGAIN", reason: "no peer can take the message now (2 of 3 sent)" });
    expect(socket.routed).toEqual(["a", "b"]);
  });

  test("the rest waits for room, goes in order, and the batch resolves when the last has gone", async () => {
    const { socket, queue } = setup();
    socket.room = 1;
    const sent = track(queue.sendMany(["a", "b", "c"]));
    socket.room = 1;
    queue.retrySend();
    await microtasks();
    expect(sent.settled).toBe("pending");
    expect(socket.routed).toEqual(["a", "b"]);
    socket.room = 1;
    queue.retrySend();
    await microtasks();
    expect(sent.settled).toBe("resolved");
    expect(socket.routed).toEqual(["a", "b", "c"]);
  });

  test("a refusal while the rest waited says how many went", async () => {
    const { socket, queue } = setup();
    socket.room = 1;
    const sent = queue.sendMany(["a", "b", "c"]);
    socket.refuse = { at: 1, error: new ZmqError("EFSM", "not now") };
    queue.retrySend();
    await expect(sent).rejects.toMatchObject({ code: "EFSM", reason: "not now (message 2 of 3; 1 sent)" });
  });

  test("a send timeout counts what went while it waited", async () => {
    jest.useFakeTimers();
    try {
      const { socket, queue } = setup({ sendTimeout: 50 });
      socket.room = 0;
      const sent = track(queue.sendMany(["a", "b", "c"]));
      socket.room = 1;
      queue.retrySend();
      await jest.advanceTimersByTimeAsync(50);
      expect(sent.error).toMatchObject({ code: "EAGAIN", reason: "send timed out after 50 ms (1 of 3 sent)" });
    } finally {
      jest.useRealTimers();
    }
  });
});

describe("SendReceive: receive", () => {
  test("a queued message resolves at once, in order", async () => {
    const { queue } = setup();
    queue.enqueue(pipe, frames("a"));
    queue.enqueue(pipe, frames("b"));
    expect(queue.queued).toBe(2);
    expect(texts(await queue.receive())).toBe("a");
    expect(texts(await queue.receive())).toBe("b");
    expect(queue.queued).toBe(0);
  });

  test("a receive while one waits throws EBUSY at once, in zeromq.js's words", async () => {
    const { queue } = setup();
    const waiting = queue.receive();
    const err = syncFailure(() => queue.receive()) as ZmqError;
    expect([err.code, err.reason, err.message]).toEqual([
      "EBUSY",
      "another receive is already waiting",
      "Socket is busy reading; only one receive operation may be in progress at any time",
    ]);
    expect(syncFailure(() => queue.receiveMany(2))).toMatchObject({ code: "EBUSY" });
    queue.close(() => new Error("closed"));
    await expect(waiting).rejects.toThrow("closed");
  });

  test("with nothing queued and a receive timeout of 0, EAGAIN at once", async () => {
    const { queue } = setup({ receiveTimeout: 0 });
    await expect(queue.receive()).rejects.toMatchObject({ code: "EAGAIN", reason: "no message available" });
    queue.enqueue(pipe, frames("a")); // nothing waits: it is queued
    expect(queue.queued).toBe(1);
  });

  test("a message arriving for a waiting receive goes to it, not to the queue", async () => {
    const { queue } = setup();
    const received = track(queue.receive());
    queue.enqueue(pipe, frames("a"));
    await microtasks();
    expect(received.settled).toBe("resolved");
    expect(texts(received.value!)).toBe("a");
    expect(queue.queued).toBe(0);
  });

  test("a message the socket type drops is skipped, queued or arriving for a waiting receive", async () => {
    const { queue } = setup();
    const received = track(queue.receive());
    queue.enqueue(pipe, frames("drop"));
    await microtasks();
    expect(received.settled).toBe("pending");
    queue.enqueue(pipe, frames("a"));
    await microtasks();
    expect(texts(received.value!)).toBe("a");
    queue.enqueue(pipe, frames("drop"));
    queue.enqueue(pipe, frames("b"));
    expect(texts(await queue.receive())).toBe("b");
  });

  test("EAGAIN once the receive timeout has passed, and not before; a message in time stops the timer", async () => {
    jest.useFakeTimers();
    try {
      const { options, queue } = setup({ receiveTimeout: 30 });
      const late = track(queue.receive());
      await jest.advanceTimersByTimeAsync(29);
      expect(late.settled).toBe("pending");
      await jest.advanceTimersByTimeAsync(1);
      expect(late.error).toMatchObject({ code: "EAGAIN", reason: "receive timed out after 30 ms" });
      const inTime = track(queue.receive());
      queue.enqueue(pipe, frames("a"));
      options.receiveTimeout = -1;
      const next = track(queue.receive());
      await jest.advanceTimersByTimeAsync(60);
      expect([inTime.settled, next.settled]).toEqual(["resolved", "pending"]);
      queue.close(() => new Error("closed"));
      await jest.advanceTimersByTimeAsync(0);
      expect(next.error).toEqual(new Error("closed"));
    } finally {
      jest.useRealTimers();
    }
  });
});

describe("SendReceive: receiveMany, the batch path", () => {
  test("takes every queued message up to the limit", async () => {
    const { queue } = setup();
    for (const text of ["a", "b", "c"]) queue.enqueue(pipe, frames(text));
    expect((await queue.receiveMany(2)).map(texts)).toEqual(["a", "b"]);
    expect((await queue.receiveMany(5)).map(texts)).toEqual(["c"]);
  });

  test("a limit of 1 takes one message and leaves the rest queued", async () => {
    const { queue } = setup();
    for (const text of ["a", "b"]) queue.enqueue(pipe, frames(text));
    expect((await queue.receiveMany(1)).map(texts)).toEqual(["a"]);
    expect(queue.queued).toBe(1);
  });

  test("waits for the first message, then takes what else is queued", async () => {
    const { queue } = setup();
    const received = track(queue.receiveMany(3));
    queue.enqueue(pipe, frames("a"));
    queue.enqueue(pipe, frames("b"));
    await microtasks();
    expect(received.value!.map(texts)).toEqual(["a", "b"]);
  });

  test.each([0, -1, 1.5, Number.NaN])("a limit of %p is EINVAL", async (max) => {
    const { queue } = setup();
    queue.enqueue(pipe, frames("a"));
    await expect(queue.receiveMany(max)).rejects.toMatchObject({
      code: "EINVAL",
      reason: `receiveMany takes at most a whole number of messages, at least 1, not ${max}`,
    });
    expect(queue.queued).toBe(1);
  });
});

describe("SendReceive: the receive high-water mark", () => {
  test("reading pauses once the queue holds the mark and resumes once it holds less, once each", async () => {
    const { socket, queue } = setup({ receiveHighWaterMark: 2 });
    queue.enqueue(pipe, frames("a"));
    expect([queue.paused, socket.pauses]).toEqual([false, []]);
    queue.enqueue(pipe, frames("b"));
    expect([queue.paused, socket.pauses]).toEqual([true, [true]]);
    queue.enqueue(pipe, frames("c")); // one more in flight when reading stopped
    expect(socket.pauses).toEqual([true]);
    await queue.receive(); // two left: still at the mark
    expect([queue.paused, socket.pauses]).toEqual([true, [true]]);
    await queue.receive(); // one left
    expect([queue.paused, socket.pauses]).toEqual([false, [true, false]]);
    await queue.receive();
    expect(socket.pauses).toEqual([true, false]);
  });

  test("a message handed to a waiting receive does not count towards the mark", async () => {
    const { socket, queue } = setup({ receiveHighWaterMark: 1 });
    const received = queue.receive();
    queue.enqueue(pipe, frames("a"));
    await received;
    expect(socket.pauses).toEqual([]);
  });

  test("a mark of 0 never pauses", () => {
    const { socket, queue } = setup({ receiveHighWaterMark: 0 });
    for (let i = 0; i < 100; i++) queue.enqueue(pipe, frames(String(i)));
    expect([queue.paused, socket.pauses]).toEqual([false, []]);
  });
});

describe("SendReceive: MAX_SYNC_OPERATIONS, so that an await loop does not starve the event loop", () => {
  /** Sends `count` messages one by one and returns whether the last resolved without a turn of the loop. */
  async function lastResolvesOnMicrotasks(queue: SendReceive, count: number): Promise<boolean> {
    for (let i = 1; i < count; i++) void queue.send("x");
    const last = track(queue.send("x"));
    await microtasks();
    return last.settled === "resolved";
  }

  test("that many calls in a row resolve at once; the next on the loop's next turn; then again that many", async () => {
    const { queue } = setup();
    expect(await lastResolvesOnMicrotasks(queue, MAX_SYNC_OPERATIONS)).toBe(true);
    const next = track(queue.send("x"));
    await microtasks();
    expect(next.settled).toBe("pending");
    await nextTurn();
    expect(next.settled).toBe("resolved");
    expect(await lastResolvesOnMicrotasks(queue, MAX_SYNC_OPERATIONS)).toBe(true);
  });

  test("a receive that yields still resolves with its message", async () => {
    const { queue } = setup();
    for (let i = 0; i <= MAX_SYNC_OPERATIONS; i++) queue.enqueue(pipe, frames(String(i)));
    for (let i = 0; i < MAX_SYNC_OPERATIONS; i++) void queue.receive();
    const next = track(queue.receive());
    await microtasks();
    expect(next.settled).toBe("pending");
    await nextTurn();
    expect(texts(next.value!)).toBe(String(MAX_SYNC_OPERATIONS));
  });

  test("a batch counts each of its messages", async () => {
    const { queue } = setup();
    const batch = track(queue.sendMany(Array.from({ length: MAX_SYNC_OPERATIONS + 1 }, () => "x")));
    await microtasks();
    expect(batch.settled).toBe("pending");
    await nextTurn();
    expect(batch.settled).toBe("resolved");
    expect(await lastResolvesOnMicrotasks(queue, MAX_SYNC_OPERATIONS)).toBe(true);
  });

  test("a call that waited starts the count again", async () => {
    const { socket, queue } = setup();
    expect(await lastResolvesOnMicrotasks(queue, MAX_SYNC_OPERATIONS - 1)).toBe(true);
    const received = queue.receive();
    queue.enqueue(pipe, frames("a"));
    await received;
    expect(await lastResolvesOnMicrotasks(queue, MAX_SYNC_OPERATIONS)).toBe(true);
    socket.room = 0;
    const waited = queue.send("y");
    socket.room = Infinity;
    queue.retrySend();
    await waited;
    expect(await lastResolvesOnMicrotasks(queue, MAX_SYNC_OPERATIONS)).toBe(true);
  });
});

describe("SendReceive: holding the process open", () => {
  test("a waiting send or receive holds one timer; none once nothing waits", async () => {
    const { socket, queue } = setup();
    const idle = timers();
    const received = queue.receive();
    expect(timers()).toBe(idle + 1);
    socket.room = 0;
    const sent = queue.send("a");
    expect(timers()).toBe(idle + 1);
    queue.enqueue(pipe, frames("a"));
    await received;
    expect(timers()).toBe(idle + 1); // the send still waits
    socket.room = 1;
    queue.retrySend();
    await sent;
    expect(timers()).toBe(idle);
    queue.close(() => new Error("closed"));
  });

  test("close() rejects the waiting send and receive with its error and lets go of the process", async () => {
    const { socket, queue } = setup();
    const idle = timers();
    socket.room = 0;
    const sent = queue.send("a");
    const received = queue.receive();
    queue.close(() => new Error("the socket closed"));
    await expect(sent).rejects.toThrow("the socket closed");
    await expect(received).rejects.toThrow("the socket closed");
    expect(timers()).toBe(idle);
  });
});
