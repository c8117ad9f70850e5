import * as net from "node:net";
import type { ScenarioContext } from "../../harness/model/scenario-context";
import { ConnectionTranscript } from "./connection-transcript";

const IPC = "ipc://";

/**
 * The endpoint a connecter should use to reach `endpoint` (an ipc:// path the binder binds):
 * the endpoint itself, or, when the run records transcripts, a recording relay in the scenario's
 * directory. The relay accepts each of the connecter's connections, opens one to the real path,
 * and copies octets both ways unchanged, writing them into the transcript as they pass; a close
 * or reset of one end is passed on to the other. Only scenarios about the conversation use it
 * (interop): the connecter sees a different path, a connection that is accepted before the
 * binder's, and one more hop, which scenarios about the file at the path, the endpoint's text or
 * connect-before-bind must not (docs/transcripts.md lists what is relayed).
 */
export async function relayedEndpoint(ctx: ScenarioContext, endpoint: string, left: string, right: string): Promise<string> {
  if (ctx.transcript === undefined || !endpoint.startsWith(IPC)) return endpoint;
  const target = endpoint.slice(IPC.length);
  const relayPath = ctx.path(`relay-${++relays}.sock`);
  const open = new Set<net.Socket>();
  const transcripts = new Set<ConnectionTranscript>();
  const server = net.createServer((incoming) => {
    const transcript = ConnectionTranscript.open(ctx, "relay", left, right);
    if (transcript !== undefined) transcripts.add(transcript);
    const outgoing = net.createConnection(target);
    for (const socket of [incoming, outgoing]) open.add(socket);
    pass(incoming, outgoing, "left", transcript);
    pass(outgoing, incoming, "right", transcript);
    incoming.once("close", () => open.delete(incoming));
    outgoing.once("close", () => {
      open.delete(outgoing);
      transcript?.end();
    });
  });
  ctx.defer(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        // What a connection cut off here left incomplete, before the row is made.
        for (const transcript of transcripts) transcript.end();
        server.close(() => resolve());
      }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(relayPath, () => resolve());
  });
  return `${IPC}${relayPath}`;
}

let relays = 0;

/** Copies what `from` receives to `to`, recorded as sent by `end`; its close or reset goes on to `to`. */
function pass(from: net.Socket, to: net.Socket, end: "left" | "right", transcript: ConnectionTranscript | undefined): void {
  from.on("data", (chunk: Buffer) => {
    transcript?.data(end, chunk);
    if (!to.write(chunk)) {
      from.pause();
      to.once("drain", () => from.resume());
    }
  });
  from.on("end", () => {
    transcript?.close(end, "closed its end");
    to.end();
  });
  from.on("error", (err: NodeJS.ErrnoException) => {
    transcript?.close(
      end,
      err.code === "ENOENT" || err.code === "ECONNREFUSED"
        ? `the relay could not reach the bound path (${err.code})`
        : `reset the connection (${err.code ?? err.message})`,
    );
    to.destroy();
  });
}
