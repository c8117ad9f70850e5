import { scenario } from "../../harness/model/scenario";
import { bindWildcard, makeDirectory, setTempVariables } from "./support";

export default scenario({
  id: "wildcard.binds-never-collide",
  exclusive: true,
  clause: "ipc.bind.wildcard",
  level: "MUST",
  title: "Several ipc://* binds (two on one socket, one on another) get distinct paths, each reaching its own binder",
  requires: ["wildcard", "last-endpoint"],
  async run(ctx) {
    // All in one TMPDIR, so only the generated names can keep them apart (process.env: restored via ctx.defer).
    await setTempVariables(ctx, { TMPDIR: await makeDirectory(ctx, "tmpdir"), TEMPDIR: null, TMP: null });
    const a = await ctx.socket(ctx.impl, "PULL");
    const b = await ctx.socket(ctx.impl, "PULL");
    const a1 = await bindWildcard(ctx, a, "first ipc://* bind of socket A");
    const b1 = await bindWildcard(ctx, b, "ipc://* bind of socket B");
    const a2 = await bindWildcard(ctx, a, "second ipc://* bind of socket A");
    const endpoints = [a1.endpoint, b1.endpoint, a2.endpoint];
    ctx.observe("endpoints", endpoints);
    ctx.check("distinct generated endpoints among the three binds", new Set(endpoints).size, 3);
    for (const [endpoint, receiver, label] of [
      [a1.endpoint, a, "A's first path"],
      [b1.endpoint, b, "B's path"],
      [a2.endpoint, a, "A's second path"],
    ] as const) {
      const pusher = await ctx.socket(ctx.impl, "PUSH");
      await pusher.connect(endpoint);
      await pusher.send([label]);
      await ctx.expectMessage(receiver, `message sent to ${label}, at its binder`, [label]);
    }
  },
});
