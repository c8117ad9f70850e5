import type { TestSocket } from "../../harness/model/implementation";
import type { ScenarioContext } from "../../harness/model/scenario-context";
import { ARRIVAL_LIMIT_MS } from "../../harness/runner/limits";

/**
 * Numbered messages and what a scenario makes of the numbers that arrive. A message is one frame
 * "<prefix>-<n>"; what arrived is judged as a whole (lost, duplicated, reordered) and reported in
 * one line, not as one check per message.
 */

export function numbered(prefix: string, n: number): string {
  return `${prefix}-${n}`;
}

/** The number in "<prefix>-<n>", or null for anything else (a foreign or damaged message). */
export function numberOf(prefix: string, frames: Buffer[]): number | null {
  if (frames.length !== 1) return null;
  const match = new RegExp(`^${prefix}-(0|[1-9][0-9]*)$`).exec(frames[0].toString("latin1"));
  return match === null ? null : Number(match[1]);
}

/** How the report says "0 to count-1, each once, in order". */
export function exactly(count: number): string {
  return count === 0 ? "no messages" : `${count} messages, 0 to ${count - 1}, each once, in order`;
}

/**
 * One line describing a received sequence against "0 to count-1, each once, in order": the same
 * text as exactly(count) when it is that, otherwise where it first departs and what is missing,
 * repeated or foreign.
 */
export function describeSequence(received: Array<number | null>, count: number): string {
  const valid = received.filter((n): n is number => n !== null && n < count);
  if (valid.length === received.length && received.length === count && received.every((n, i) => n === i)) return exactly(count);
  const seen = new Set<number>();
  const duplicates = new Set<number>();
  for (const n of valid) (seen.has(n) ? duplicates : seen).add(n);
  const missing = count - seen.size;
  const firstDeparture = received.findIndex((n, i) => n !== i);
  const parts = [`${received.length} messages`];
  if (firstDeparture >= 0)
    parts.push(`the first ${firstDeparture} as sent, then ${received[firstDeparture] === null ? "a foreign message" : `number ${received[firstDeparture]}`}`);
  if (missing > 0) parts.push(`${missing} missing${missing <= 5 ? ` (${missingNumbers(seen, count).join(", ")})` : ""}`);
  if (duplicates.size > 0) parts.push(`${duplicates.size} delivered more than once`);
  const foreign = received.length - valid.length;
  if (foreign > 0) parts.push(`${foreign} not among the messages sent`);
  if (valid.some((n, i) => i > 0 && n < valid[i - 1])) parts.push("out of order");
  return parts.join(", ");
}

/** True when every number is greater than the one before it (no repeat, no reordering). */
export function isIncreasing(numbers: readonly number[]): boolean {
  return numbers.every((n, i) => i === 0 || n > numbers[i - 1]);
}

function missingNumbers(seen: Set<number>, count: number): number[] {
  const out: number[] = [];
  for (let n = 0; n < count && out.length < 5; n++) if (!seen.has(n)) out.push(n);
  return out;
}

/**
 * Receives until `count` messages have arrived or one wait passes the arrival limit (then the
 * scenario judges the shorter list). Each message's number, or null when it is not one of ours.
 */
export async function receiveNumbered(ctx: ScenarioContext, socket: TestSocket, prefix: string, count: number): Promise<Array<number | null>> {
  const received: Array<number | null> = [];
  while (received.length < count) {
    const result = await ctx.attempt(() => socket.receive(ctx.limit(ARRIVAL_LIMIT_MS)));
    if (!result.ok) {
      ctx.observe(
        "receiveStoppedBy",
        result.code === "EAGAIN" ? `nothing within ${ctx.limit(ARRIVAL_LIMIT_MS)} ms after ${received.length} messages` : `error ${result.code}`,
      );
      break;
    }
    received.push(numberOf(prefix, result.value));
  }
  return received;
}

/**
 * Sends "<prefix>-0" to "<prefix>-(count-1)" on a socket whose sendTimeout is 0 and expects every
 * one to be accepted at once: a refusal (EAGAIN: the implementation would have blocked) is a
 * violation naming the message it stopped at.
 */
export async function sendAllAccepted(ctx: ScenarioContext, socket: TestSocket, prefix: string, count: number, what: string): Promise<void> {
  for (let n = 0; n < count; n++) {
    const result = await ctx.attempt(() => socket.send([numbered(prefix, n)]));
    if (!result.ok) ctx.check(what, `${n} accepted, then "${numbered(prefix, n)}" refused with ${result.code}`, `all ${count} accepted`);
  }
  ctx.check(what, `all ${count} accepted`, `all ${count} accepted`);
}
