import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "endpoint-lifecycle.relative-path-per-working-directory",
  exclusive: true,
  clause: "ipc.connect.pathname",
  alsoChecks: ["ipc.bind.absolute-pathname"],
  level: "MUST",
  title: "ipc://rel.sock bound and connected in one directory, then in another, is two paths: each peer reaches the binder of its own directory",
  requires: ["socket-file"],
  async run(ctx) {
    await ctx.files.mkdir(ctx.path("A"));
    await ctx.files.mkdir(ctx.path("B"));
    // Every socket exists before the first change of directory: a relative path is resolved
    // where the process is at the bind or connect, not where it was when the socket was made.
    const binderA = await ctx.socket(ctx.impl, "PULL");
    const binderB = await ctx.socket(ctx.impl, "PULL");
    const peerA = await ctx.socket(ctx.impl, "PUSH");
    const peerB = await ctx.socket(ctx.impl, "PUSH");

    await ctx.chdir(ctx.path("A"));
    await binderA.bind("ipc://rel.sock");
    await peerA.connect("ipc://rel.sock");
    await peerA.send(["from-A"]);
    // Received: the connection is made, in A, before the directory changes again.
    await ctx.expectMessage(binderA, "message from the peer that connected in A, at the binder in A", ["from-A"]);

    await ctx.chdir(ctx.path("B"));
    await ctx.expectSuccess("bind ipc://rel.sock in B", () => binderB.bind("ipc://rel.sock"));
    ctx.check("what is at A/rel.sock", await ctx.files.kind(ctx.path("A", "rel.sock")), "socket");
    ctx.check("what is at B/rel.sock", await ctx.files.kind(ctx.path("B", "rel.sock")), "socket");
    await peerB.connect("ipc://rel.sock");
    await peerB.send(["from-B"]);
    await ctx.expectMessage(binderB, "message from the peer that connected in B, at the binder in B", ["from-B"]);
    await peerA.send(["from-A-again"]);
    await ctx.expectMessage(binderA, "message from the peer of A after the bind in B, still at the binder in A", ["from-A-again"]);
  },
});
