import { scenario } from "../../harness/model/scenario";
import { RawPeer, bound } from "../raw-zmtp/raw-peer";
import { COMMAND, greeting, message, ready } from "../raw-zmtp/zmtp-bytes";

export default scenario({
  id: "zmtp-wire.higher-version-peers-accepted",
  clause: "zmtp.version.accept-higher",
  alsoChecks: ["zmtp.version.accept-3-0-and-above", "zmtp.version.own-protocol"],
  level: "MUST",
  title: "Peers announcing ZMTP 3.0, 3.2 and 4.0 are served, and the implementation keeps its own version and ZMTP 3 framing with them",
  async run(ctx) {
    const { socket: pull, path } = await bound(ctx, "PULL", "versions.sock");
    for (const [major, minor] of [
      [3, 0],
      [3, 2],
      [4, 0],
    ]) {
      const version = `${major}.${minor}`;
      const peer = await RawPeer.connect(ctx, path, `raw ZMTP ${version} PUSH peer`);
      await peer.send(Buffer.concat([greeting({ major, minor }), ready("PUSH")]));
      const theirs = await peer.readGreeting();
      ctx.check(`the implementation's major version when the peer says ${version}`, theirs[10], 3);
      const frame = await peer.readFrame(`a frame follows the greeting sent to the ZMTP ${version} peer`);
      ctx.check(
        `the frame after the greeting sent to the ZMTP ${version} peer`,
        frame.flags & COMMAND && frame.body.subarray(0, 6).toString("latin1") === "\x05READY" ? "ZMTP 3 READY command" : `flags 0x${frame.flags.toString(16)}`,
        "ZMTP 3 READY command",
      );
      await peer.send(message([`from ${version}`]));
      await ctx.expectMessage(pull, `the ZMTP ${version} peer's message`, [`from ${version}`]);
    }
  },
});
