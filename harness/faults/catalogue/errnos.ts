import { ImplementationError, type TestSocket } from "../../model/implementation";
import type { Fault } from "../faulty-implementation";
import { wrapping } from "../faulty-implementation";

/** The calls whose refusals the scenarios judge by errno. */
type RefusingCall = "bind" | "connect" | "unbind" | "disconnect" | "send";

/**
 * One member of the family "answers a different plausible errno": the refusal still happens, at
 * the same moment and for the same reason, but it carries another code, as a real implementation
 * does when it passes on the wrong layer's errno or maps errors by hand.
 */
interface ErrnoSwap {
  /** The errno the scenarios expect (libzmq's). */
  readonly errno: string;
  /** What the faulty implementation answers instead. */
  readonly answers: string;
  /** The calls whose refusals are rewritten: only these, so the others stay right. */
  readonly calls: readonly RefusingCall[];
  readonly mirrors: string;
  readonly clauses: readonly string[];
  readonly caughtBy: readonly string[];
}

const SWAPS: readonly ErrnoSwap[] = [
  {
    errno: "ENAMETOOLONG",
    answers: "EINVAL",
    calls: ["bind", "connect"],
    mirrors:
      "an endpoint validator that reports every unusable address as invalid (EINVAL) before the system sees it, losing the ENAMETOOLONG that libzmq's ipc_address_t::resolve gives for a path that does not fit sun_path",
    clauses: ["compat.libzmq.path-length-bytes"],
    caughtBy: ["path-length.one-over-limit-refused", "path-length.connect-over-limit-refused", "endpoint-syntax.spelled-path-over-limit-refused"],
  },
  {
    errno: "EADDRINUSE",
    answers: "EACCES",
    calls: ["bind"],
    mirrors: "a bind that reports the errno of its failed unlink(2) of what is at the path (EACCES, EISDIR) instead of bind(2)'s EADDRINUSE",
    clauses: ["compat.libzmq.directory-at-bind-path", "api.bind.error.eaddrinuse", "compat.libzmq.ipc-path-passed-as-written"],
    caughtBy: ["endpoint-lifecycle.directory-at-bind-path", "endpoint-syntax.trailing-slash-on-bound-path-eaddrinuse"],
  },
  {
    errno: "ENOENT",
    answers: "EACCES",
    calls: ["bind"],
    mirrors:
      "Node's net.Server.listen passed through unmapped: libuv reports a bind in a directory that does not exist as EACCES, where libzmq passes bind(2)'s ENOENT",
    clauses: ["compat.libzmq.bind-errno-passthrough", "compat.libzmq.ipc-path-passed-as-written"],
    caughtBy: [
      "endpoint-lifecycle.bind-missing-directory-enoent",
      "endpoint-syntax.dot-dot-after-missing-directory-enoent",
      "endpoint-syntax.trailing-slash-enoent",
    ],
  },
  {
    errno: "ENOENT",
    answers: "EINVAL",
    calls: ["unbind", "disconnect"],
    mirrors:
      "an unbind or disconnect that rejects an endpoint the socket does not hold as a bad argument (EINVAL), where zmq_unbind(3) and zmq_disconnect(3) say ENOENT",
    clauses: ["api.unbind.error.enoent", "api.disconnect.error.enoent", "compat.libzmq.endpoint-string-is-key", "compat.libzmq.unbind-wildcard-literal"],
    caughtBy: [
      "endpoint-lifecycle.unbind-never-bound-enoent",
      "endpoint-lifecycle.disconnect-never-connected-enoent",
      "endpoint-lifecycle.other-spelling-not-unbound",
    ],
  },
  {
    errno: "ENOTDIR",
    answers: "ENOENT",
    calls: ["bind"],
    mirrors:
      "a bind that checks the directory with an existence test (fs.existsSync, access(2) on the parent) and reports every failure as ENOENT, where bind(2) says ENOTDIR for a regular file on the way",
    clauses: ["compat.libzmq.ipc-path-passed-as-written"],
    caughtBy: ["endpoint-syntax.dot-dot-after-regular-file-enotdir", "endpoint-syntax.under-regular-file-enotdir"],
  },
  {
    errno: "EINVAL",
    answers: "ENOENT",
    calls: ["bind", "connect", "unbind", "disconnect"],
    mirrors:
      "an endpoint handed to the system unchecked, so that an empty or scheme-less address comes back as the kernel's or the endpoint table's ENOENT instead of libzmq's EINVAL from parse_uri",
    clauses: ["api.bind.error.einval", "compat.libzmq.empty-path-einval", "compat.libzmq.unbind-disconnect-parse-endpoint"],
    caughtBy: ["endpoint-syntax.empty-string-einval", "endpoint-syntax.missing-scheme-einval", "endpoint-syntax.unbind-disconnect-malformed-einval"],
  },
  {
    errno: "EPROTONOSUPPORT",
    answers: "EINVAL",
    calls: ["bind", "connect", "unbind", "disconnect"],
    mirrors:
      "an endpoint parser that calls anything not starting with ipc:// malformed (EINVAL), where libzmq tells an unknown transport (EPROTONOSUPPORT) from a malformed endpoint",
    clauses: ["api.bind.error.eprotonosupport", "compat.libzmq.unbind-disconnect-parse-endpoint"],
    caughtBy: [
      "endpoint-syntax.unknown-transport-eprotonosupport",
      "endpoint-syntax.unix-transport-eprotonosupport",
      "endpoint-syntax.unbind-disconnect-unknown-transport-eprotonosupport",
    ],
  },
  {
    errno: "EAGAIN",
    answers: "ETIMEDOUT",
    calls: ["send"],
    mirrors:
      "a send that may not wait reported as a timed-out wait (ETIMEDOUT), as socket APIs with a send timeout often do, where libzmq says EAGAIN both for ZMQ_DONTWAIT and for an expired ZMQ_SNDTIMEO",
    clauses: ["compat.libzmq.connect-before-bind-queues", "api.socket.push-mute-blocks", "compat.libzmq.unbind-ends-accepted-connections"],
    caughtBy: ["connect-before-bind.immediate-queues-nothing", "delivery.up-to-send-hwm-exactly-once", "endpoint-lifecycle.unbind-leaves-no-peer-to-send-to"],
  },
];

/** `socket` with the refusals of `swap.calls` that carry `swap.errno` rethrown as `swap.answers`. */
function answeringWith(swap: ErrnoSwap, socket: TestSocket): TestSocket {
  const rethrow = (err: unknown): never => {
    if (err instanceof ImplementationError && err.code === swap.errno) {
      throw new ImplementationError(swap.answers, `${err.message.replace(/^[A-Z]+: /, "")} (reported as ${swap.answers})`);
    }
    throw err;
  };
  const calls = socket as unknown as Record<RefusingCall, (argument: unknown) => Promise<void>>;
  const wrapped: TestSocket = { ...socket };
  for (const call of swap.calls) {
    (wrapped as unknown as typeof calls)[call] = (argument) => calls[call](argument).catch(rethrow);
  }
  return wrapped;
}

const callsPart = (calls: readonly RefusingCall[]) => (calls.length === 4 ? "" : `-on-${calls.join("-")}`);

/** The family, one fault per swap: `<errno>[-on-<calls>]-answered-<other errno>`. */
export const ERRNO_FAULTS: readonly Fault[] = SWAPS.map((swap) => ({
  id: `${swap.errno.toLowerCase()}${callsPart(swap.calls)}-answered-${swap.answers.toLowerCase()}`,
  mirrors: swap.mirrors,
  clauses: swap.clauses,
  caughtBy: swap.caughtBy,
  createSocket: wrapping((socket) => answeringWith(swap, socket)),
}));
