import * as net from "node:net";

/** How long to wait before retrying a connect the backlog refused: pacing, so the retries do not starve the implementation of CPU. */
const BACKLOG_RETRY_MS = 1;

export interface BacklogConnect {
  /** The connected socket, or null when the connect failed for good. */
  readonly socket: net.Socket | null;
  /** "connected", "error <code>", or "no connection within <n> ms". */
  readonly outcome: string;
  /** Connects refused with EAGAIN before this one got through. */
  readonly refusals: number;
}

/**
 * Connects to a UNIX socket path. Linux refuses a non-blocking connect with EAGAIN while the
 * listener's backlog is full (its process has not accepted the earlier connections yet): that
 * is the kernel's back-pressure, not the implementation's answer, so the connect is retried
 * until the limit, and the refusals are counted for the report.
 */
export async function connectThroughBacklog(path: string, limitMs: number): Promise<BacklogConnect> {
  const deadline = Date.now() + limitMs;
  for (let refusals = 0; ; refusals++) {
    const socket = net.createConnection({ path });
    const outcome = await connected(socket, Math.max(1, deadline - Date.now()));
    if (outcome === "connected") return { socket, outcome, refusals };
    socket.destroy();
    if (outcome !== "error EAGAIN" || Date.now() >= deadline) return { socket: null, outcome, refusals };
    await new Promise((resolve) => setTimeout(resolve, BACKLOG_RETRY_MS));
  }
}

/** How a connect ended: "connected", "error <code>", or no connection within the limit. */
export function connected(socket: net.Socket, limit: number): Promise<string> {
  return new Promise<string>((resolve) => {
    const timer = setTimeout(() => resolve(`no connection within ${limit} ms`), limit);
    socket.once("connect", () => {
      clearTimeout(timer);
      resolve("connected");
    });
    socket.once("error", (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(`error ${err.code ?? err.message}`);
    });
  });
}
