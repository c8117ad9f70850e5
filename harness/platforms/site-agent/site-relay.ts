import * as net from "node:net";
import { showAddress, type AgentAddress } from "./agent-address";
import { SiteError } from "./site-agent";

/**
 * A stream to a UNIX socket on a remote site, through its agent: what a raw ZMTP peer on the host
 * uses to speak to an implementation bound there. The octets pass unchanged both ways; the
 * connection ends when either side closes. Refused (SiteError with the errno name) when the
 * site's connect(2) fails.
 */
export function connectThroughAgent(address: AgentAddress, path: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port: address.port, host: address.host, noDelay: true });
    let head: Buffer = Buffer.alloc(0);
    // The answer line is read in paused mode, so no octet after it is lost before the caller listens.
    const onReadable = () => {
      let chunk: Buffer | null;
      while ((chunk = socket.read() as Buffer | null) !== null) {
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf(0x0a);
        if (end < 0) continue;
        socket.off("readable", onReadable);
        socket.off("error", onError);
        const answer = JSON.parse(head.subarray(0, end).toString("utf8")) as { ok: boolean; error?: { code: string; message: string } };
        if (!answer.ok) {
          socket.destroy();
          reject(new SiteError(answer.error?.code ?? "EIO", `connect ${path} on the site: ${answer.error?.message}`));
          return;
        }
        // Octets the peer sent at once (a greeting) came with the answer: they are the stream's first.
        const rest = head.subarray(end + 1);
        if (rest.length > 0) socket.unshift(rest);
        resolve(socket);
        return;
      }
    };
    const onError = (err: Error) => reject(new Error(`the site agent at ${showAddress(address)}: ${err.message}`));
    socket.on("readable", onReadable);
    socket.on("error", onError);
    // As bytes: an abstract name (Linux) starts with a NUL, which a JSON string for the agent may not hold.
    socket.on("connect", () => socket.write(`${JSON.stringify({ op: "relay", path64: Buffer.from(path).toString("base64") })}\n`));
  });
}
