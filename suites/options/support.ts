import type { TestSocket } from "../../harness/model/implementation";
import type { ScenarioContext } from "../../harness/model/scenario-context";
import { ARRIVAL_LIMIT_MS, SILENCE_LIMIT_MS } from "../../harness/runner/limits";
import { describeSequence, exactly } from "../delivery/sequence";

/**
 * What the option scenarios share. Most of them need a path that is full: messages an
 * implementation has accepted and cannot write yet, because the peer does not read. Messages are
 * large (256 KiB) so that the kernel's socket buffers (about 208 KiB for a UNIX socket on Linux)
 * hold at most a few of them, and what the implementation queues in memory shows in the count.
 */

/** The size of every bulk message. */
export const BULK_SIZE = 256 * 1024;

/**
 * Messages an unread path may hold beyond the high-water marks: the kernel's buffers (counted
 * generously, 1 MiB, as zmq_setsockopt(3) says the limit "may be lower or higher, depending on
 * socket transport") and one message half written or half read at each end.
 */
export const KERNEL_ALLOWANCE = Math.ceil((1024 * 1024) / BULK_SIZE) + 2;

/**
 * How long a send may wait for room before the path counts as full: the sockets that fill a
 * path have this as their sendTimeout (scaled), so each send waits for the implementation to
 * move what it can, and the EAGAIN that ends the filling means "nothing moved for this long".
 */
export const STALL_MS = 200;

/** Bulk message n: BULK_SIZE octets, the number in the first four, a pattern of n after it. */
export function bulk(n: number): Buffer {
  const body = Buffer.alloc(BULK_SIZE, n % 251);
  body.writeUInt32BE(n, 0);
  return body;
}

/** The number of a bulk message that arrived whole and unchanged, else null. */
export function bulkNumber(frames: Buffer[]): number | null {
  if (frames.length !== 1 || frames[0].length !== BULK_SIZE) return null;
  const n = frames[0].readUInt32BE(0);
  const fill = n % 251;
  return frames[0][4] === fill && frames[0][BULK_SIZE - 1] === fill ? n : null;
}

/**
 * Sends bulk messages 0, 1, ... on `socket` (created with sendTimeout ctx.limit(STALL_MS)) until
 * the path is full or `max` were accepted, and returns how many were accepted. Full: two sends in
 * a row refused with EAGAIN, nothing moving for twice the stall time (under load one refusal can
 * come from an I/O thread that is slow to report room, not from a full queue). A send that
 * neither returns nor fails within its timeout and the arrival limit, or fails with another code,
 * is a failed check.
 */
export async function fillUntilStalled(ctx: ScenarioContext, socket: TestSocket, max: number, what: string): Promise<number> {
  let accepted = 0;
  let refusedInARow = 0;
  while (accepted < max && refusedInARow < 2) {
    const result = await within(
      ctx.limit(STALL_MS + ARRIVAL_LIMIT_MS),
      ctx.attempt(() => socket.send([bulk(accepted)])),
    );
    if (result === "late")
      ctx.check(
        `${what}: send ${accepted} returns`,
        `neither accepted nor refused within ${ctx.limit(STALL_MS + ARRIVAL_LIMIT_MS)} ms`,
        "accepted, or EAGAIN once its sendTimeout has passed",
      );
    else if (result.ok) {
      accepted++;
      refusedInARow = 0;
    } else {
      if (result.code !== "EAGAIN") ctx.check(`${what}: send ${accepted}`, `error ${result.code}`, "accepted, or EAGAIN (the path is full)");
      refusedInARow++;
    }
  }
  ctx.observe("accepted", accepted < max ? accepted : `all ${max} tried`);
  return accepted;
}

/**
 * Receives bulk messages until `count` have arrived or one wait passes `baseMs`, and returns
 * their numbers (null: not one of ours, or damaged). With the arrival limit this collects what
 * must come; with the silence limit, what comes before the socket falls quiet.
 */
export async function receiveBulk(ctx: ScenarioContext, socket: TestSocket, count: number, baseMs = ARRIVAL_LIMIT_MS): Promise<Array<number | null>> {
  const received: Array<number | null> = [];
  while (received.length < count) {
    const result = await ctx.attempt(() => socket.receive(ctx.limit(baseMs)));
    if (!result.ok) {
      if (result.code !== "EAGAIN") ctx.check("receive", `error ${result.code}`, "a message, or nothing (EAGAIN)");
      break;
    }
    received.push(bulkNumber(result.value));
  }
  ctx.observe("received", received.length);
  return received;
}

/** Checks that exactly the `accepted` messages arrive, each once and in order, and nothing after them. */
export async function expectAllDelivered(ctx: ScenarioContext, socket: TestSocket, accepted: number, what: string): Promise<void> {
  const received = await receiveBulk(ctx, socket, accepted);
  ctx.check(what, describeSequence(received, accepted), exactly(accepted));
  await ctx.expectSilence(socket, "anything after the accepted messages");
}

/**
 * Checks that fewer than `accepted` messages arrive (some were discarded), and that those that
 * do are the first ones, each once, in order. The receiver drains until it falls quiet for the
 * silence limit: what was already written is local and comes at once.
 */
export async function expectSomeDiscarded(ctx: ScenarioContext, socket: TestSocket, accepted: number, what: string): Promise<void> {
  const received = await receiveBulk(ctx, socket, accepted, SILENCE_LIMIT_MS);
  ctx.check(what, received.length < accepted ? "fewer" : `all ${accepted}`, "fewer", `fewer than the ${accepted} accepted (the rest discarded)`);
  ctx.check("the messages that arrived", describeSequence(received, received.length), exactly(received.length));
}

/**
 * Lets `baseMs` (scaled) pass. Only for scenarios where the passing of time is itself what is
 * tested (a linger period or a handshake interval running out, a reconnect backoff growing): never
 * to wait for an event, which is always awaited as such.
 */
export function elapse(ctx: ScenarioContext, baseMs: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ctx.limit(baseMs)));
}

/**
 * A call's outcome, or "late" when it has not settled within `ms`. A call that blocks for ever
 * (an ignored send timeout) must show as a failed check, not as the scenario's own timeout; it
 * is left to settle when the runner closes the socket.
 */
export async function within<T>(ms: number, call: Promise<T>): Promise<T | "late"> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), ms);
  });
  call.catch(() => undefined);
  try {
    return await Promise.race([call, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Milliseconds since `start` (performance.now()), rounded. */
export function since(start: number): number {
  return Math.round(performance.now() - start);
}
