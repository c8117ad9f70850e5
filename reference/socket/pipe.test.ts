import type { ZmtpSession } from "../session/zmtp-session";
import { Pipe } from "./pipe";
import { publish } from "./publish";

/** Stands in for a connection: records what the pipe hands it; `writable` says whether it takes more. */
function fakeSession(writable = true): ZmtpSession & { sent: Buffer[][] } {
  const sent: Buffer[][] = [];
  return { sent, writable, send: (frames: Buffer[]) => sent.push(frames), flush: () => undefined } as unknown as ZmtpSession & {
    sent: Buffer[][];
  };
}

const frames = (s: string) => [Buffer.from(s)];
/** The setImmediate a write or attach schedules has run. */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe("Pipe", () => {
  test("is attached only between attach() and detach()", () => {
    const pipe = new Pipe({ pipeHasRoom: () => undefined }, true, 10);
    expect(pipe.isAttached).toBe(false);
    pipe.attach(fakeSession());
    expect(pipe.isAttached).toBe(true);
    pipe.detach();
    expect(pipe.isAttached).toBe(false);
  });

  test("detach() forgets the peer's routing id and subscriptions (a reconnecting peer starts afresh)", () => {
    const pipe = new Pipe({ pipeHasRoom: () => undefined }, true, 10);
    pipe.attach(fakeSession());
    pipe.routingId = Buffer.from("peer");
    pipe.subscriptions.add(Buffer.from("A"));
    pipe.detach();
    expect(pipe.routingId).toBeUndefined();
    expect(pipe.subscriptions.size).toBe(0);
  });

  test("a high-water mark of 0 means no limit", () => {
    const pipe = new Pipe({ pipeHasRoom: () => undefined }, false, 0);
    for (let i = 0; i < 5; i++) pipe.write(frames(String(i)));
    expect(pipe.hasRoom).toBe(true);
  });

  test("at the high-water mark the pipe has no room", () => {
    const pipe = new Pipe({ pipeHasRoom: () => undefined }, false, 2);
    pipe.write(frames("1"));
    expect(pipe.hasRoom).toBe(true);
    pipe.write(frames("2"));
    expect(pipe.hasRoom).toBe(false);
  });

  test("a message written once a connection is attached does not overtake those queued before it", async () => {
    const pipe = new Pipe({ pipeHasRoom: () => undefined }, true, 10);
    pipe.write(frames("queued 1"));
    pipe.write(frames("queued 2"));
    const session = fakeSession();
    pipe.attach(session); // the queued messages go on the flush this schedules, not at once
    pipe.write(frames("after attach"));
    await nextTurn();
    expect(session.sent.map(([frame]) => frame.toString())).toEqual(["queued 1", "queued 2", "after attach"]);
  });

  test("discard() drops what is queued", () => {
    const pipe = new Pipe({ pipeHasRoom: () => undefined }, true, 10);
    pipe.write(frames("1"));
    pipe.write(frames("2"));
    pipe.discard();
    expect(pipe.queued).toBe(0);
  });

  test("flushing a full pipe tells the owner it has room again (a waiting send may go)", async () => {
    const told: Pipe[] = [];
    const pipe = new Pipe({ pipeHasRoom: (p) => told.push(p) }, false, 1);
    pipe.write(frames("fills it"));
    const session = fakeSession();
    pipe.attach(session);
    await nextTurn();
    expect(session.sent).toEqual([frames("fills it")]);
    expect(told).toEqual([pipe]);
  });

  test("what is queued before attach() waits, and goes out in order once attached", async () => {
    const pipe = new Pipe({ pipeHasRoom: () => undefined }, true, 10);
    pipe.write(frames("1"));
    pipe.write(frames("2"));
    await nextTurn();
    expect(pipe.queued).toBe(2);
    const session = fakeSession();
    pipe.attach(session);
    await nextTurn();
    expect(session.sent).toEqual([frames("1"), frames("2")]);
  });
});

describe("publish", () => {
  function subscribedPipe(topic: string, highWaterMark = 10, attached = true): Pipe {
    const pipe = new Pipe({ pipeHasRoom: () => undefined }, false, highWaterMark);
    if (attached) pipe.attach(fakeSession(false)); // not writable: what is written stays queued
    pipe.subscriptions.add(Buffer.from(topic));
    return pipe;
  }

  test("goes only to attached pipes subscribed to a prefix of the first frame", () => {
    const a = subscribedPipe("A");
    const b = subscribedPipe("B");
    const detached = subscribedPipe("A", 10, false);
    publish([a, b, detached], [Buffer.from("A-topic"), Buffer.from("body")]);
    expect([a.queued, b.queued, detached.queued]).toEqual([1, 0, 0]);
  });

  test("a pipe at its high-water mark misses the message (PUB never blocks)", () => {
    const pipe = subscribedPipe("", 1);
    publish([pipe], frames("one"));
    publish([pipe], frames("two"));
    expect(pipe.queued).toBe(1);
  });
});
