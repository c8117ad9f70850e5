/**
 * Runs in a child process: loads one in-process implementation and executes the parent's
 * requests on its sockets (see child-protocol.ts). stdout carries only protocol lines.
 */
import * as readline from "node:readline";
import type { TestSocket, SocketType } from "../adapters/implementation";
import { implementationById } from "../adapters/registry";
import { decodeFrames, encodeFrames, type ChildRequest, type ChildResponse } from "./child-protocol";

const implementation = implementationById(process.argv[2] ?? "");
const sockets = new Map<number, TestSocket>();
let nextSocket = 1;

function reply(response: ChildResponse | object): void {
  process.stdout.write(`${JSON.stringify(response)}\n`);
}

async function execute(request: ChildRequest): Promise<unknown> {
  if (request.op === "create") {
    const socket = await implementation.createSocket(request.type as SocketType, request.options);
    sockets.set(nextSocket, socket);
    return nextSocket++;
  }
  const socket = sockets.get(request.socket);
  if (socket === undefined) throw Object.assign(new Error(`no socket ${request.socket}`), { code: "EBADF" });
  const [first, second] = request.args;
  switch (request.method) {
    case "send":
      return socket.send(decodeFrames(first as string[]));
    case "receive":
      return encodeFrames(await socket.receive(first as number));
    case "bind":
    case "unbind":
    case "connect":
    case "disconnect":
      return socket[request.method](first as string);
    case "subscribe":
    case "unsubscribe":
      return socket[request.method](Buffer.from(first as string, "base64"));
    case "lastEndpoint":
      return socket.lastEndpoint();
    case "close":
      sockets.delete(request.socket);
      return socket.close();
    default:
      throw Object.assign(new Error(`unknown method ${request.method} (${String(second)})`), { code: "EINVAL" });
  }
}

reply({
  hello: {
    id: implementation.id,
    name: implementation.name,
    version: implementation.version,
    capabilities: [...implementation.capabilities],
    pid: process.pid,
  },
});

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  let request: ChildRequest;
  try {
    request = JSON.parse(line) as ChildRequest;
  } catch {
    return reply({ id: -1, ok: false, code: "EPROTO", message: `not JSON: ${line.slice(0, 80)}` });
  }
  execute(request).then(
    (result) => reply({ id: request.id, ok: true, result }),
    (err: { code?: string; message?: string }) =>
      reply({ id: request.id, ok: false, code: err.code ?? "UNKNOWN", message: err.message ?? String(err) }),
  );
});

// The parent going away (stdin closed) ends the child: nothing may outlive the run.
process.stdin.on("end", () => process.exit(0));
