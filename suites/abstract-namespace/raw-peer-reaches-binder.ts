import { execFile } from "node:child_process";
import * as net from "node:net";
import { scenario } from "../../harness/model/scenario";
import { ARRIVAL_LIMIT_MS } from "../../harness/runner/limits";
import { abstractName, nodeUsesExactAbstractNames } from "./names";

export default scenario({
  id: "abstract-namespace.raw-peer-reaches-binder",
  clause: "ipc.bind.abstract",
  level: "MUST",
  title: "A plain UNIX-socket client connecting to the abstract address NUL + name reaches the binder and reads 0xFF",
  platforms: ["linux"],
  requires: ["abstract-namespace"],
  async run(ctx) {
    const name = abstractName(ctx, "raw");
    const puller = await ctx.socket(ctx.impl, "PULL");
    await puller.bind(`ipc://@${name}`);
    const limit = ctx.limit(ARRIVAL_LIMIT_MS);
    // On a remote machine the agent connects there, with exactly NUL + name as the address.
    const client = ctx.remote !== undefined ? "the site agent's relay" : nodeUsesExactAbstractNames() ? "node:net" : "python3";
    ctx.observe("rawClient", client);
    const outcome =
      ctx.remote !== undefined
        ? await firstByte(ctx.remote.connectUnix(`\0${name}`), limit)
        : client === "node:net"
          ? await firstByte(Promise.resolve(net.createConnection({ path: `\0${name}` })), limit)
          : await firstByteWithPython(name, limit);
    if (outcome === NO_CLIENT) ctx.skip("node:net cannot connect to an exact abstract name on this Node (libuv < 1.48) and python3 is absent");
    // The first octet of a ZMTP 3 greeting (signature %xFF padding %x7F).
    ctx.check("first octet the binder sends a client of NUL + name", outcome, "byte ff", "the connection is accepted and the first octet is ff");
  },
});

const NO_CLIENT = "no raw client available";

/** "byte xx", "connect error CODE", "closed" or "nothing within N ms". */
async function firstByte(connecting: Promise<net.Socket>, limitMs: number): Promise<string> {
  let socket: net.Socket;
  try {
    socket = await connecting;
  } catch (err) {
    return `connect error ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
  }
  return new Promise((resolve) => {
    const done = (outcome: string) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => done(`nothing within ${limitMs} ms`), limitMs);
    socket.once("data", (data: Buffer) => done(`byte ${data.subarray(0, 1).toString("hex")}`));
    socket.once("error", (err: NodeJS.ErrnoException) => done(`connect error ${err.code ?? err.message}`));
    socket.once("end", () => done("closed"));
  });
}

// Python's socket module passes exactly NUL + name as the address (Node 20's libuv pads it).
const PYTHON_CLIENT = `
import errno, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.settimeout(float(sys.argv[2]))
try:
    s.connect(b"\\0" + sys.argv[1].encode())
except OSError as e:
    print("connect error", errno.errorcode.get(e.errno, e.errno)); sys.exit(0)
try:
    b = s.recv(1)
except socket.timeout:
    print("nothing within", sys.argv[3], "ms"); sys.exit(0)
print("byte " + b.hex() if b else "closed")
`;

/** Asynchronous on purpose: an in-process binder must keep running while the client waits. */
function firstByteWithPython(name: string, limitMs: number): Promise<string> {
  return new Promise((resolve) => {
    execFile("python3", ["-c", PYTHON_CLIENT, name, String(limitMs / 1000), String(limitMs)], { timeout: limitMs * 2 }, (err, stdout) => {
      if (err !== null && (err as NodeJS.ErrnoException).code === "ENOENT") return resolve(NO_CLIENT);
      resolve(err !== null ? `client failed: ${err.message}` : stdout.trim());
    });
  });
}
