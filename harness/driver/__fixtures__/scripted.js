/**
 * A WELL-BEHAVED driver over a fake in-memory library (messages travel between sockets of this
 * process only), with trigger endpoints for the DriverImplementation and run tests:
 *   bind to ".../crash.sock"  the library crashes (uncaught exception)
 *   bind to ".../hang.sock"   the library deadlocks (the event loop blocks forever)
 *   create XPUB               answered "unsupported" (not in socketTypes)
 *   bind a bound endpoint     error EADDRINUSE; receive with nothing queued: EAGAIN after timeoutMs
 *   bind "ipc://*"            a path under $TMPDIR (setenv reaches the driver); relative paths resolve against the cwd (chdir)
 */
const path = require("node:path");
const kit = require("./kit");

kit.announce(`scripted ${process.argv[2] ?? ""}`.trim());
kit.hello({ name: "scripted fixture", capabilities: ["wildcard", "last-endpoint"], socketTypes: ["PUSH", "PULL", "PAIR"] });

const sockets = new Map();
const bound = new Map(); // endpoint -> socket
let nextSocket = 1;
let nextWildcard = 1;

class Refusal extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

const ops = {
  create({ type }) {
    if (!["PUSH", "PULL", "PAIR"].includes(type)) return { unsupported: `no ${type} sockets in the fake library` };
    sockets.set(nextSocket, { type, inbox: [], waiters: [], peer: undefined, endpoints: [] });
    return nextSocket++;
  },
  bind({ socket, endpoint }) {
    const s = socketOf(socket);
    if (endpoint === "ipc://*") endpoint = `ipc://${path.join(process.env.TMPDIR ?? "/tmp", `fake-${process.pid}-${nextWildcard++}`)}`;
    else if (!endpoint.startsWith("ipc://")) throw new Refusal("EPROTONOSUPPORT", `not ipc: ${endpoint}`);
    else endpoint = `ipc://${path.resolve(endpoint.slice("ipc://".length))}`;
    const base = path.basename(endpoint);
    if (base === "crash.sock") throw new TypeError("Cannot read properties of undefined (reading 'fd') in fake_zmq_bind");
    if (base === "hang.sock") {
      process.stderr.write("fake_zmq: deadlock in bind (waiting on a mutex nobody releases)\n");
      for (;;); // the event loop is blocked for good
    }
    if (bound.has(endpoint)) throw new Refusal("EADDRINUSE", `${endpoint} is bound already`);
    bound.set(endpoint, s);
    s.endpoints.push(endpoint);
    return null;
  },
  connect({ socket, endpoint }) {
    const s = socketOf(socket);
    s.peer = `ipc://${path.resolve(endpoint.slice("ipc://".length))}`;
    return null;
  },
  send({ socket, frames }) {
    const target = bound.get(socketOf(socket).peer);
    if (target === undefined) throw new Refusal("EAGAIN", "no peer (the fake library does not queue)");
    const waiter = target.waiters.shift();
    if (waiter) waiter(frames);
    else target.inbox.push(frames);
    return null;
  },
  receive({ socket, timeoutMs }) {
    const s = socketOf(socket);
    if (s.inbox.length > 0) return s.inbox.shift();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        s.waiters.splice(s.waiters.indexOf(deliver), 1);
        reject(new Refusal("EAGAIN", `nothing within ${timeoutMs} ms`));
      }, timeoutMs);
      const deliver = (frames) => (clearTimeout(timer), resolve(frames));
      s.waiters.push(deliver);
    });
  },
  lastEndpoint: ({ socket }) => socketOf(socket).endpoints.at(-1) ?? null,
  close({ socket }) {
    for (const endpoint of socketOf(socket).endpoints) bound.delete(endpoint);
    sockets.delete(socket);
    return null;
  },
  setenv({ vars }) {
    for (const [name, value] of Object.entries(vars)) value === null ? delete process.env[name] : (process.env[name] = value);
    return null;
  },
  chdir: ({ dir }) => (process.chdir(dir), null),
};

function socketOf(id) {
  const s = sockets.get(id);
  if (s === undefined) throw new Refusal("EBADF", `no socket ${id}`);
  return s;
}

kit.onRequest(
  async (request) => {
    const op = ops[request.op];
    if (op === undefined) return kit.write({ id: request.id, ok: false, unsupported: `unknown op "${request.op}"` });
    try {
      const result = await op(request);
      if (result && typeof result === "object" && "unsupported" in result) return kit.write({ id: request.id, ok: false, ...result });
      kit.write({ id: request.id, ok: true, result: result ?? null });
    } catch (err) {
      if (!(err instanceof Refusal)) throw err; // a crash of the fake library: let the process die
      kit.write({ id: request.id, ok: false, error: { code: err.code, message: err.message } });
    }
  },
  { answerPreflight: false },
);
process.stdin.on("end", () => process.exit(0));
