/**
 * TODO: DELETE THIS FILE. It is a FAKE ZeroMQ library, in memory, so that the template driver
 * runs (and passes the harness's hello and preflight) out of the box. It does no ipc at all:
 * messages travel only between sockets of this one process, and no socket file is ever made, so
 * most scenarios FAIL against it. Replace `require("./fake-library")` in driver.js with your
 * library.
 *
 * Its API is shaped like a typical binding, to show what driver.js has to map:
 *   new Socket(type)              type "PUSH" | "PULL" | "PAIR"; anything else throws ENOTSUP
 *   socket.setOption(name, value) name from OPTION_NAMES; anything else throws EINVAL
 *   socket.bind(endpoint) / unbind / connect / disconnect     throw errors with .code = errno name
 *                                 (a path over the platform's sun_path size: ENAMETOOLONG)
 *   socket.send(frames)           frames: Buffer[]
 *   socket.receive(timeoutMs)     Promise<Buffer[]>; rejects EAGAIN when nothing came in time
 *   socket.lastEndpoint           string | null
 *   socket.close()
 */
"use strict";
const path = require("node:path");

const version = "0.0.0-fake";
const SOCKET_TYPES = ["PUSH", "PULL", "PAIR"];
const OPTION_NAMES = ["linger", "sendTimeout", "routingId"];

const boundAt = new Map(); // absolute path -> Socket
let generated = 0;

function fail(code, message) {
  throw Object.assign(new Error(message), { code });
}

/** The longest path a UNIX socket address holds (sockaddr_un.sun_path, less its terminating NUL), in bytes. */
const MAX_PATH_BYTES = process.platform === "linux" ? 107 : 103;

/** "ipc://<path>" -> an absolute path (relative paths resolve against the working directory). */
function ipcPath(endpoint) {
  if (typeof endpoint !== "string" || !endpoint.includes("://")) fail("EINVAL", `invalid endpoint ${JSON.stringify(endpoint)}`);
  if (!endpoint.startsWith("ipc://")) fail("EPROTONOSUPPORT", `unsupported transport: ${endpoint}`);
  const address = endpoint.slice("ipc://".length);
  if (address === "") fail("EINVAL", "empty ipc address");
  // Counted in bytes, as given (a relative path is not made absolute first): what the kernel would see.
  if (Buffer.byteLength(address) > MAX_PATH_BYTES) fail("ENAMETOOLONG", `ipc path of ${Buffer.byteLength(address)} bytes (at most ${MAX_PATH_BYTES})`);
  return path.resolve(address);
}

class Socket {
  constructor(type) {
    if (!SOCKET_TYPES.includes(type)) fail("ENOTSUP", `the fake library has no ${type} sockets`);
    this.type = type;
    this.options = { linger: -1, sendTimeout: -1 };
    this.inbox = [];
    this.waiters = [];
    this.bound = new Set();
    this.peers = new Set(); // paths this socket connected to
    this.lastEndpoint = null;
    this.closed = false;
  }

  setOption(name, value) {
    if (!OPTION_NAMES.includes(name)) fail("EINVAL", `unknown option ${name}`);
    this.options[name] = value;
  }

  bind(endpoint) {
    this.check();
    // ipc://* : a generated name under $TMPDIR, as libzmq does.
    const where = endpoint === "ipc://*" ? path.join(process.env.TMPDIR || "/tmp", `fake-${process.pid}-${++generated}`) : ipcPath(endpoint);
    if (boundAt.has(where)) fail("EADDRINUSE", `address in use: ${where}`);
    boundAt.set(where, this);
    this.bound.add(where);
    this.lastEndpoint = `ipc://${where}`;
  }

  unbind(endpoint) {
    this.check();
    const where = ipcPath(endpoint);
    if (!this.bound.delete(where)) fail("ENOENT", `not bound here: ${endpoint}`);
    boundAt.delete(where);
  }

  connect(endpoint) {
    this.check();
    this.peers.add(ipcPath(endpoint));
  }

  disconnect(endpoint) {
    this.check();
    if (!this.peers.delete(ipcPath(endpoint))) fail("ENOENT", `not connected: ${endpoint}`);
  }

  send(frames) {
    this.check();
    if (this.type === "PULL") fail("ENOTSUP", "PULL sockets cannot send");
    // Delivered to the first bound socket among this socket's peers (no queueing, no HWM).
    const target = [...this.peers].map((p) => boundAt.get(p)).find((s) => s !== undefined && !s.closed);
    if (target === undefined) fail("EAGAIN", "no peer to send to (the fake library does not queue)");
    const waiter = target.waiters.shift();
    if (waiter !== undefined) waiter.resolve(frames);
    else target.inbox.push(frames);
  }

  receive(timeoutMs) {
    this.check();
    if (this.type === "PUSH") return Promise.reject(Object.assign(new Error("PUSH sockets cannot receive"), { code: "ENOTSUP" }));
    if (this.inbox.length > 0) return Promise.resolve(this.inbox.shift());
    return new Promise((resolve, reject) => {
      const waiter = { resolve: (frames) => (clearTimeout(timer), resolve(frames)), reject };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(Object.assign(new Error(`nothing within ${timeoutMs} ms`), { code: "EAGAIN" }));
      }, timeoutMs);
      waiter.reject = (err) => (clearTimeout(timer), reject(err));
      this.waiters.push(waiter);
    });
  }

  close() {
    if (this.closed) return;
    this.closed = true;
    for (const where of this.bound) boundAt.delete(where);
    // A receive still waiting must still end: every request gets its answer.
    for (const waiter of this.waiters.splice(0)) waiter.reject(Object.assign(new Error("socket closed"), { code: "ENOTSOCK" }));
  }

  check() {
    if (this.closed) fail("ENOTSOCK", "socket is closed");
  }
}

module.exports = { version, SOCKET_TYPES, OPTION_NAMES, Socket };
