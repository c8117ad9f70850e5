import { scenario } from "../../harness/model/scenario";

export default scenario({
  id: "connect-before-bind.reconnect-disabled-never-connects",
  clause: "compat.libzmq.connect-missing-path-succeeds",
  alsoChecks: ["api.setsockopt.reconnect-ivl.disabled"],
  level: "COMPAT",
  title: "With reconnectInterval -1, a connect whose first attempt failed never reaches a binder that appears later",
  requires: ["reconnect-interval"],
  async run(ctx) {
    const endpoint = ctx.endpoint("too-late.sock");
    // linger 0: its messages can never be delivered, and libzmq's context would otherwise wait for
    // them forever when the process exits.
    const pusher = await ctx.socket(ctx.impl, "PUSH", { reconnectInterval: -1, linger: 0 });
    await pusher.connect(endpoint);
    await pusher.send(["queued-before-bind"]);

    // The first attempt must have failed before the binder appears. There is no event for a
    // failed attempt, so a witness stands in: a second socket connecting to another, bound path
    // after the first connect. Its message arriving shows the implementation has acted on the
    // earlier connect (the reference tries inside connect(); libzmq runs the two attempts in order
    // on its I/O thread).
    const witnessEndpoint = ctx.endpoint("witness.sock");
    const witnessPuller = await ctx.socket(ctx.impl, "PULL");
    await witnessPuller.bind(witnessEndpoint);
    const witness = await ctx.socket(ctx.impl, "PUSH");
    await witness.connect(witnessEndpoint);
    await witness.send(["witness"]);
    await ctx.expectMessage(witnessPuller, "the witness connection (made after the failed attempt) delivers", ["witness"]);

    const puller = await ctx.socket(ctx.impl, "PULL");
    await puller.bind(endpoint);
    await pusher.send(["sent-after-bind"]);
    // A default reconnect interval (100 ms) would have delivered within this window.
    await ctx.expectSilence(puller, "anything reaching the binder from the socket that may not reconnect");
  },
});
