#!/usr/bin/env node
/**
 * A zmq-ipc-conformance driver (protocol version 1, docs/driver-protocol.md) in plain Node.js.
 *
 *   npx zmq-ipc-conformance run --driver mylib="node drivers/template/driver.js"
 *
 * The harness writes one JSON request per line on our stdin; we answer each with one JSON line
 * on stdout carrying the request's id, after a first line that is our hello. stdout carries
 * protocol lines ONLY. Everything else goes to stderr, which the harness keeps as evidence.
 *
 * Out of the box it wraps a FAKE in-memory library (fake-library.js) so that it runs and passes
 * the harness's preflight. To wrap your library, work through every TODO below.
 */
"use strict";
const os = require("node:os");
const readline = require("node:readline");

// TODO: require your library instead of the fake (and delete fake-library.js).
const lib = require("./fake-library");

// Whatever else wants to print goes to stderr: one stray console.log on stdout breaks the
// protocol and the harness ends the driver. (A native library writing to fd 1 itself must be
// told not to; or start the driver as `sh -c 'exec 3>&1 1>&2; node driver.js'` and write to fd 3.)
const protocolOut = process.stdout;
console.log = console.info = console.debug = console.error;

// TODO: the capabilities your library really has (harness/model/capability.ts lists them all).
// Declared, never guessed: a scenario needing one you do not declare is reported "unsupported".
const CAPABILITIES = ["last-endpoint", "unbind", "wildcard"];

// TODO: the harness's option names (harness/adapters/implementation.ts, TestSocketOptions) ->
// your library's. An option left out is answered "unsupported" when a scenario sets it.
const OPTIONS = { linger: "linger", sendTimeout: "sendTimeout", routingId: "routingId" };

/** The driver cannot do this at all: answered {"ok": false, "unsupported": "..."}. */
class Unsupported extends Error {}

/** A refusal of the driver's own (no such socket): answered as an error with an errno name. */
class Refused extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

const sockets = new Map(); // the harness's socket number -> your library's socket
let nextSocket = 1;

function socketOf(request) {
  const socket = sockets.get(request.socket);
  if (socket === undefined) throw new Refused("EBADF", `no socket ${request.socket}`);
  return socket;
}

const decode = (frames) => frames.map((frame) => Buffer.from(frame, "base64"));
const encode = (frames) => frames.map((frame) => Buffer.from(frame).toString("base64"));

/** One function per op; what it returns is the answer's `result` (undefined -> null). */
const ops = {
  create({ type, options = {} }) {
    // TODO: the socket types your library has; the rest are unsupported.
    if (!lib.SOCKET_TYPES.includes(type)) throw new Unsupported(`no ${type} sockets`);
    const socket = new lib.Socket(type);
    try {
      for (const [name, value] of Object.entries(options)) {
        if (value === null || value === undefined) continue; // leave the library's default
        if (!(name in OPTIONS)) throw new Unsupported(`socket option ${name} is not supported`);
        socket.setOption(OPTIONS[name], value);
      }
    } catch (err) {
      socket.close();
      throw err;
    }
    sockets.set(nextSocket, socket);
    return nextSocket++;
  },
  bind: (r) => socketOf(r).bind(r.endpoint),
  unbind: (r) => socketOf(r).unbind(r.endpoint),
  connect: (r) => socketOf(r).connect(r.endpoint),
  disconnect: (r) => socketOf(r).disconnect(r.endpoint),
  send: (r) => socketOf(r).send(decode(r.frames)),
  // At most timeoutMs, then EAGAIN. Answered asynchronously: other requests go on meanwhile.
  receive: async (r) => encode(await socketOf(r).receive(r.timeoutMs)),
  // TODO: SUB and XSUB subscriptions (topic is base64); the fake library has no SUB sockets.
  subscribe: () => {
    throw new Unsupported("no subscriptions in this library");
  },
  unsubscribe: () => {
    throw new Unsupported("no subscriptions in this library");
  },
  lastEndpoint: (r) => socketOf(r).lastEndpoint ?? null,
  close(r) {
    socketOf(r).close(); // TODO: with the linger the socket was created with
    sockets.delete(r.socket);
  },
  // The environment and working directory of THIS process: wildcard scenarios set TMPDIR before
  // binding ipc://*, others resolve relative paths. In Node, process.env writes reach setenv(3),
  // so a native library's getenv() sees them.
  setenv({ vars }) {
    for (const [name, value] of Object.entries(vars)) {
      if (value === null) delete process.env[name];
      else process.env[name] = value;
    }
  },
  chdir: ({ dir }) => process.chdir(dir),
};

// libzmq's own errno values (ZMQ_HAUSNUMERO + n), for bindings that only give the number.
const ZMQ_ERRNO = { 156384763: "EFSM", 156384764: "ENOCOMPATPROTO", 156384765: "ETERM", 156384766: "EMTHREAD" };

/** The errno NAME of a refusal (EADDRINUSE, ENAMETOOLONG...), or undefined when it has none. */
function errnoName(err) {
  // TODO: however your library reports its errno (a name, a number, a message to match).
  if (typeof err?.code === "string" && /^E[A-Z0-9]+$/.test(err.code)) return err.code;
  const number = typeof err?.errno === "number" ? Math.abs(err.errno) : undefined;
  if (number === undefined) return undefined;
  return ZMQ_ERRNO[number] ?? Object.keys(os.constants.errno).find((name) => os.constants.errno[name] === number);
}

async function answer(request) {
  const op = Object.hasOwn(ops, request.op) ? ops[request.op] : undefined;
  try {
    if (op === undefined) throw new Unsupported(`unknown op "${request.op}"`); // the harness's preflight checks this
    return { id: request.id, ok: true, result: (await op(request)) ?? null };
  } catch (err) {
    if (err instanceof Unsupported) return { id: request.id, ok: false, unsupported: err.message };
    const code = errnoName(err);
    // Not a refusal but a bug in this driver: crash, so the harness reports "error" with this
    // stack (and starts us again), rather than blaming the library with a made-up errno.
    if (code === undefined) throw err;
    return { id: request.id, ok: false, error: { code, message: String(err.message ?? err) } };
  }
}

function write(message) {
  protocolOut.write(`${JSON.stringify(message)}\n`);
}

write({
  hello: {
    protocol: 1,
    name: "template driver over a fake library", // TODO: your library's name
    version: lib.version, // TODO: the REAL version (for a libzmq binding: libzmq's, and the binding's)
    capabilities: CAPABILITIES,
    socketTypes: lib.SOCKET_TYPES,
    platform: process.platform,
    runtime: `node ${process.version}`,
    pid: process.pid,
  },
});

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  let request;
  try {
    request = JSON.parse(line);
  } catch {
    return process.stderr.write(`template driver: not JSON, ignored: ${line.slice(0, 80)}\n`);
  }
  // Answers go out as they complete: a receive waiting for a message does not hold up the rest.
  answer(request).then(write);
});

// The harness closed our stdin: it is done with us (nothing may outlive the run).
process.stdin.on("end", () => process.exit(0));
