import * as ref from "../../reference";
import { failure, within } from "./helpers/behaviour-env";
import { useFixture } from "./helpers/behaviour-fixture";

/**
 * The batch path, sendMany() and receiveMany(), which zeromq.js does not have: many messages per
 * call, in order, with the same high-water marks, timeouts, state machines and yields to the
 * event loop as one send() or receive() per message.
 */
const fixture = useFixture();

async function pushPull(options: { push?: Partial<ref.SocketOptions>; pull?: Partial<ref.SocketOptions> } = {}) {
  const pull = fixture.track(new ref.Pull(options.pull));
  const push = fixture.track(new ref.Push(options.push));
  await pull.bind(fixture.endpoint("batch.sock"));
  push.connect(fixture.endpoint("batch.sock"));
  return { push, pull };
}

/** Receives batches until `count` messages came; returns them and the size of each batch. */
async function receiveAll(pull: ref.Pull, count: number, max?: number): Promise<{ messages: string[]; batches: number[] }> {
  const messages: string[] = [];
  const batches: number[] = [];
  while (messages.length < count) {
    const batch = await within(pull.receiveMany(max), `message ${messages.length + 1} of ${count}`);
    batches.push(batch.length);
    for (const frames of batch) messages.push(frames.map((frame) => frame.toString()).join("|"));
  }
  return { messages, batches };
}

test("every message of a batch arrives once, in order, multipart ones whole; a batch holds at most max", async () => {
  const { push, pull } = await pushPull();
  const sent = Array.from({ length: 300 }, (_, i) => (i % 7 === 0 ? [`m${i}`, "second"] : `m${i}`));
  await within(push.sendMany(sent), "the batch sent");
  const { messages, batches } = await receiveAll(pull, sent.length, 64);
  expect(messages).toEqual(sent.map((m) => (Array.isArray(m) ? m.join("|") : m)));
  expect(Math.max(...batches)).toBeLessThanOrEqual(64);
  expect(batches.length).toBeLessThan(sent.length); // batches, not one message per call
});

test("a batch larger than both high-water marks waits for room and completes as the receiver drains", async () => {
  const { push, pull } = await pushPull({ push: { sendHighWaterMark: 5 }, pull: { receiveHighWaterMark: 5 } });
  const sent = Array.from({ length: 200 }, (_, i) => `m${i}`);
  const sending = push.sendMany(sent);
  const { messages } = await receiveAll(pull, sent.length, 16);
  await within(sending, "the batch sent");
  expect(messages).toEqual(sent);
});

test("a batch that finds no peer within the send timeout is EAGAIN, saying how many went", async () => {
  const push = fixture.track(new ref.Push({ sendTimeout: 20, immediate: true }));
  push.connect(fixture.endpoint("nobody.sock"));
  const err = await failure(push.sendMany(["a", "b", "c"]));
  expect(err.code).toBe("EAGAIN");
  expect((err as ref.ZmqError).reason).toMatch(/0 of 3 sent/);
});

test("a REQ's second request in one batch is EFSM after the first went", async () => {
  const rep = fixture.track(new ref.Reply());
  const req = fixture.track(new ref.Request());
  await rep.bind(fixture.endpoint("req.sock"));
  req.connect(fixture.endpoint("req.sock"));
  await within(req.send("warm"), "a first request");
  const [first] = await within(rep.receive(), "the first request");
  expect(first.toString()).toBe("warm");
  await within(rep.send("ok"), "the reply");
  await within(req.receive(), "the reply");
  const err = await failure(req.sendMany(["one", "two"]));
  expect(err.code).toBe("EFSM");
  expect((err as ref.ZmqError).reason).toMatch(/message 2 of 2; 1 sent/);
  expect((await within(rep.receive(), "the batch's first request"))[0].toString()).toBe("one");
});

test("a batch with a missing message sends nothing; bad arguments are refused", async () => {
  const { push, pull } = await pushPull();
  await expect(push.sendMany("abc" as unknown as string[])).rejects.toThrow(TypeError);
  await expect(push.sendMany(["a", undefined as unknown as string])).rejects.toThrow("Message must be present");
  expect((await failure(pull.receiveMany(0))).code).toBe("EINVAL");
  expect((await failure(pull.receiveMany(1.5))).code).toBe("EINVAL");
  await within(push.send("only"), "one message");
  expect((await receiveAll(pull, 1)).messages).toEqual(["only"]); // not "a": the refused batch sent nothing
});

test("a second batch while one waits is EBUSY at once; a closed socket is EBADF", async () => {
  const push = fixture.track(new ref.Push({ immediate: true })); // no pipe before a connection: the batch waits
  push.connect(fixture.endpoint("later.sock"));
  const waiting = push.sendMany(["a"]);
  expect(() => push.sendMany(["b"])).toThrow(expect.objectContaining({ code: "EBUSY" }));
  push.linger = 0;
  push.close();
  expect((await failure(waiting)).code).toBe("EAGAIN");
  expect(() => push.sendMany(["c"])).toThrow(expect.objectContaining({ code: "EBADF" }));
});

test("a loop of batches that always find room still lets the event loop run: a batch counts each message", async () => {
  const pub = fixture.track(new ref.Publisher());
  const batch = Array.from({ length: 64 }, () => "x");
  let messages = 0;
  let ranAfter = Infinity;
  setImmediate(() => (ranAfter = messages));
  while (messages < 3 * ref.MAX_SYNC_OPERATIONS) {
    await pub.sendMany(batch);
    messages += batch.length;
  }
  expect(ranAfter).toBeLessThanOrEqual(ref.MAX_SYNC_OPERATIONS + batch.length);
});
