import type { TestSocket } from "../../harness/model/implementation";
import type { ScenarioContext } from "../../harness/model/scenario-context";

export const MAX_MESSAGE_SIZE = 1000;

/**
 * `pusher` sends a message of exactly maxMessageSize octets (it must arrive), then one octet
 * more (its connection is dropped by `puller`, the message never delivered), then probes until
 * one arrives over the connection made again: the first thing to arrive after the message at the
 * limit must be a probe.
 */
export async function oversizedNeverDelivered(ctx: ScenarioContext, pusher: TestSocket, puller: TestSocket): Promise<void> {
  await pusher.send([Buffer.alloc(MAX_MESSAGE_SIZE, 0x61)]);
  const atLimit = await ctx.receive(puller, `a ${MAX_MESSAGE_SIZE}-octet message (at the limit) arrives`);
  ctx.check("size of the message at the limit", atLimit.map((f) => f.length).join("+"), String(MAX_MESSAGE_SIZE));
  await pusher.send([Buffer.alloc(MAX_MESSAGE_SIZE + 1, 0x62)]);
  // The oversized message is the next thing on the connection: had it been delivered, it would
  // arrive before any probe sent after it.
  const next = await ctx.probeUntilReceived(pusher, puller, "a message sent after the oversized one arrives (the sender reconnects)");
  const what = next.length === 1 && /^probe-\d+$/.test(next[0].toString("latin1")) ? "a probe" : `a message of ${next.map((f) => f.length).join("+")} octets`;
  ctx.check(
    `the first message to arrive after the ${MAX_MESSAGE_SIZE + 1}-octet one was sent`,
    what,
    "a probe",
    `a probe (the ${MAX_MESSAGE_SIZE + 1}-octet message never delivered)`,
  );
}
