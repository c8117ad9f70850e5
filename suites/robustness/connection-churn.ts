import * as net from "node:net";
import { scenario } from "../../harness/model/scenario";
import type { ScenarioContext } from "../../harness/model/scenario-context";
import { ARRIVAL_LIMIT_MS } from "../../harness/runner/limits";
import { connectThroughBacklog } from "../raw-zmtp/connect-through-backlog";
import { greeting } from "../raw-zmtp/zmtp-bytes";
import { expectSurvives } from "./attack";
import { Target } from "./target";
import { PUSH_OPENING } from "./wire";

/** Connections per round (two rounds): 10,000 in all. */
const PER_ROUND = 5_000;

/** How far each connection gets before it is dropped, in turn. */
const STAGES: ReadonlyArray<{ name: string; bytes: Buffer | null }> = [
  { name: "connect only", bytes: null },
  { name: "half a greeting", bytes: greeting().subarray(0, 32) },
  { name: "a whole greeting", bytes: greeting() },
  { name: "greeting and READY", bytes: PUSH_OPENING },
];

export default scenario({
  id: "robustness.connection-churn",
  clause: "compat.libzmq.connection-resources-released",
  alsoChecks: ["compat.libzmq.survives-malformed-input"],
  level: "COMPAT",
  needs: ["harness-machine"],
  title:
    "10,000 connections opened and dropped at every stage of the handshake leave the implementation serving, with its descriptors at the baseline and its memory not growing between rounds",
  timeoutMs: 120_000,
  async run(ctx) {
    const target = await Target.start(ctx);
    ctx.observe(
      "stages",
      STAGES.map((stage) => stage.name),
    );
    let refusals = 0;
    await expectSurvives(ctx, target, {
      label: "connection churn",
      connections: PER_ROUND,
      concurrency: 50,
      strike: async (i) => {
        refusals += await churnOnce(ctx, target.path, STAGES[i % STAGES.length].bytes, i);
      },
    });
    ctx.observe("connects refused with EAGAIN (listen backlog full) and retried", refusals);
  },
});

/**
 * One connection of the churn, over plain node:net (a RawPeer each would record 10,000 checks):
 * connect, write the stage's bytes, drop. Returns the connects the full backlog refused first.
 */
async function churnOnce(ctx: ScenarioContext, path: string, bytes: Buffer | null, index: number): Promise<number> {
  const { socket, outcome, refusals } = await connectThroughBacklog(path, ctx.limit(ARRIVAL_LIMIT_MS));
  if (socket === null) ctx.check(`churn connection ${index} connects`, outcome, "connected");
  const open = socket as net.Socket;
  open.on("error", () => undefined); // a reset by the implementation: we are leaving anyway
  if (bytes !== null) await new Promise<void>((resolve) => open.write(bytes, () => resolve()));
  open.destroy();
  return refusals;
}
