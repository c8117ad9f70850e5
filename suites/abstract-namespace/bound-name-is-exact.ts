import { scenario } from "../../harness/model/scenario";
import { onlyOnHarnessMachine } from "../../harness/model/remote-machine";
import { abstractName } from "./names";
import { describeAbstract, readProcNetUnix } from "./proc-net-unix";

export default scenario({
  id: "abstract-namespace.bound-name-is-exact",
  clause: "ipc.bind.abstract",
  level: "MUST",
  needs: ["harness-machine"],
  title: "ipc://@name listens on exactly the abstract address NUL + name (no NUL padding), the one other programs connect to",
  platforms: ["linux"],
  requires: ["abstract-namespace"],
  async run(ctx) {
    const name = abstractName(ctx, "exact");
    const puller = await ctx.socket(ctx.impl, "PULL");
    await puller.bind(`ipc://@${name}`);
    // /proc/net/unix lists this network namespace's sockets: the harness's, not a remote machine's.
    if (ctx.remote !== undefined) return ctx.skip(onlyOnHarnessMachine(ctx.remote, "reading /proc/net/unix"));
    const entries = readProcNetUnix();
    if (entries === null) return ctx.skip("/proc/net/unix cannot be read here");
    // libzmq (ipc_address_t::resolve) passes offsetof(sun_path) + 1 + strlen(name) as the length;
    // an address padded with NULs is a different name that libzmq, socat or Python never reach.
    const listeners = entries.filter((entry) => entry.listening && entry.path.startsWith(`@${name}`));
    const shown = listeners.map((entry) => describeAbstract(entry.path, name));
    ctx.observe("listeningAddresses", shown);
    ctx.check("abstract address the binder listens on (from /proc/net/unix)", shown, [`@${name}`]);
  },
});
