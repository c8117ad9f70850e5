/**
 * A driver (protocol v1, see protocol.ts) for the implementations that load into Node: the
 * reference and libzmq through zeromq.js. `node dist/harness/adapters/serve-driver.js reference`.
 * They are exposed as drivers so that the protocol itself is exercised by implementations we
 * trust, and so that cross-process scenarios can run any of them in a second process.
 */
import * as readline from "node:readline";
import type { TestSocket, SocketType } from "../model/implementation";
import { implementationById } from "./registry";
import { SOCKET_CLASS } from "./socket-classes";
import { decodeFrames, encodeFrames, PROTOCOL_VERSION, type DriverHello, type DriverRequest, type DriverResponse } from "../driver/protocol";

const implementation = implementationById(process.argv[2] ?? "");
const sockets = new Map<number, TestSocket>();
let nextSocket = 1;

function write(message: DriverResponse | DriverHello): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

/** A refusal the driver reports as `unsupported`, not as an implementation error. */
class Unsupported extends Error {}

function socketOf(request: { socket: number }): TestSocket {
  const socket = sockets.get(request.socket);
  if (socket === undefined) throw Object.assign(new Error(`no socket ${request.socket}`), { code: "EBADF" });
  return socket;
}

async function execute(request: DriverRequest): Promise<unknown> {
  switch (request.op) {
    case "create": {
      const socket = await implementation.createSocket(request.type as SocketType, request.options);
      sockets.set(nextSocket, socket);
      return nextSocket++;
    }
    case "bind":
    case "unbind":
    case "connect":
    case "disconnect":
      return socketOf(request)[request.op](request.endpoint);
    case "send":
      return socketOf(request).send(decodeFrames(request.frames));
    case "receive":
      return encodeFrames(await socketOf(request).receive(request.timeoutMs));
    case "subscribe":
    case "unsubscribe":
      return socketOf(request)[request.op](Buffer.from(request.topic, "base64"));
    case "lastEndpoint":
      return socketOf(request).lastEndpoint();
    case "close": {
      const socket = socketOf(request);
      sockets.delete(request.socket);
      return socket.close();
    }
    case "setenv":
      for (const [name, value] of Object.entries(request.vars)) {
        if (value === null) delete process.env[name];
        else process.env[name] = value;
      }
      return null;
    case "chdir":
      process.chdir(request.dir);
      return null;
    default:
      throw new Unsupported(`unknown op "${(request as { op: string }).op}"`);
  }
}

write({
  hello: {
    protocol: PROTOCOL_VERSION,
    name: implementation.name,
    version: implementation.version,
    capabilities: [...implementation.capabilities],
    socketTypes: Object.keys(SOCKET_CLASS),
    platform: process.platform,
    runtime: `node ${process.version}`,
    pid: process.pid,
  },
});

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  let request: DriverRequest;
  try {
    request = JSON.parse(line) as DriverRequest;
  } catch {
    process.stderr.write(`serve-driver: not JSON, ignored: ${line.slice(0, 80)}\n`);
    return;
  }
  execute(request).then(
    (result) => write({ id: request.id, ok: true, result: result ?? null }),
    (err: { code?: string; message?: string }) =>
      write(
        err instanceof Unsupported
          ? { id: request.id, ok: false, unsupported: err.message }
          : { id: request.id, ok: false, error: { code: /^E[A-Z0-9]+$/.test(err.code ?? "") ? err.code! : "EINVAL", message: err.message ?? String(err) } },
      ),
  );
});

// The harness going away (stdin closed) ends the driver: nothing may outlive the run.
process.stdin.on("end", () => process.exit(0));
