import * as path from "node:path";
import type { TestSocket } from "../../model/implementation";
import type { Fault } from "../faulty-implementation";
import { wrapping } from "../faulty-implementation";
import { IPC, pathOf } from "./endpoint";

/**
 * One member of the family "normalises a path spelling": bind and connect take the path after a
 * rewrite a library might do by hand (trimming a trailing slash, cancelling `..` as text, ...),
 * so they bind or reach a different path than the one asked for. libzmq hands the path to the
 * kernel as written (compat.libzmq.ipc-path-passed-as-written). unbind and disconnect are left
 * alone, as in the real bugs: the rewrite sits in the bind and connect paths only.
 */
interface Normaliser {
  readonly id: string;
  readonly mirrors: string;
  /** The rewrite of a filesystem path (never called for abstract names or the wildcard). */
  rewrite(path: string, createdIn: string): string;
  readonly clauses: readonly string[];
  readonly caughtBy: readonly string[];
}

/** `name/..` cancelled as text (path.normalize does this and more); nothing else touched. */
function cancelDotDots(p: string): string {
  const names: string[] = [];
  for (const name of p.split("/")) {
    const previous = names[names.length - 1];
    if (name === ".." && previous !== undefined && previous !== "" && previous !== "." && previous !== "..") names.pop();
    else names.push(name);
  }
  return names.join("/");
}

/** `.` components removed (path.normalize does this and more); nothing else touched. */
function dropDots(p: string): string {
  return (
    p
      .split("/")
      .filter((name) => name !== ".")
      .join("/") || "."
  );
}

/** The endpoint with its path rewritten; abstract names and the wildcard as they are. */
function rewritten(endpoint: string, rewrite: (path: string) => string): string {
  if (!endpoint.startsWith(IPC)) return endpoint;
  const p = pathOf(endpoint);
  if (p === "" || p.startsWith("@") || p.startsWith("*")) return endpoint;
  return `${IPC}${rewrite(p)}`;
}

const SPELLING_CLAUSES = ["ipc.bind.pathname", "ipc.connect.pathname", "compat.libzmq.ipc-path-passed-as-written"];

const NORMALISERS: readonly Normaliser[] = [
  {
    id: "strips-trailing-slash",
    mirrors:
      "a path cleaned with a trailing-separator trim (rstrip('/'), or Node's path.resolve and Python's os.path.normpath, which drop it): <name>/ binds or reaches <name>, which the kernel never does",
    rewrite: (p) => p.replace(/([^/])\/+$/, "$1"),
    clauses: SPELLING_CLAUSES,
    caughtBy: [
      "endpoint-syntax.trailing-slash-refused",
      "endpoint-syntax.trailing-slash-on-bound-path-refused",
      "endpoint-syntax.connect-spellings-reach-no-one",
    ],
  },
  {
    id: "cancels-dot-dot-as-text",
    mirrors:
      "path.normalize / os.path.normpath on the endpoint: name/.. cancelled as text, which the kernel does not do after a symbolic link, a missing directory or a regular file",
    rewrite: cancelDotDots,
    clauses: [...SPELLING_CLAUSES, "ipc.bind.missing-directory"],
    caughtBy: [
      "endpoint-syntax.dot-dot-after-missing-directory-refused",
      "endpoint-syntax.dot-dot-after-regular-file-refused",
      "endpoint-syntax.dot-dot-after-symlink-resolved-by-kernel",
    ],
  },
  {
    id: "drops-dot-components",
    mirrors:
      "a path cleaner that removes . components (path.normalize does): <name>/. binds <name>, and ./ disappears from ZMQ_LAST_ENDPOINT, from the endpoint unbind knows and from the bytes counted against sun_path",
    rewrite: dropDots,
    clauses: [...SPELLING_CLAUSES, "compat.libzmq.last-endpoint-as-bound", "compat.libzmq.endpoint-string-is-key", "compat.libzmq.path-length-bytes"],
    caughtBy: [
      "endpoint-syntax.trailing-dot-refused",
      "endpoint-syntax.spelling-kept-in-last-endpoint",
      "endpoint-lifecycle.other-spelling-not-unbound",
      "endpoint-syntax.spelled-path-over-limit-refused",
    ],
  },
  {
    id: "collapses-repeated-slashes",
    mirrors:
      "a path cleaner that collapses // into / (path.normalize does): the same file for the kernel, but not the endpoint that was bound, so ZMQ_LAST_ENDPOINT, unbind and the sun_path length check see another string",
    rewrite: (p) => p.replace(/\/{2,}/g, "/"),
    clauses: [
      ...SPELLING_CLAUSES,
      "compat.libzmq.last-endpoint-as-bound",
      "compat.libzmq.endpoint-string-is-key",
      "compat.libzmq.path-length-bytes",
      "api.unbind.endpoint",
    ],
    caughtBy: [
      "endpoint-syntax.spelling-kept-in-last-endpoint",
      "endpoint-lifecycle.unbind-and-disconnect-by-spelling",
      "endpoint-syntax.spelled-path-over-limit-refused",
    ],
  },
  {
    id: "absolutises-relative-paths",
    mirrors:
      "path.resolve() / os.path.abspath() applied to a relative endpoint at bind and connect (to log or key it): the same file at that moment, but ZMQ_LAST_ENDPOINT, unbind and disconnect then know only the absolute path",
    rewrite: (p) => (p.startsWith("/") ? p : `${process.cwd()}/${p}`),
    clauses: ["compat.libzmq.last-endpoint-as-bound", "compat.libzmq.endpoint-string-is-key", "api.unbind.endpoint"],
    caughtBy: [
      "endpoint-lifecycle.relative-last-endpoint-as-bound",
      "endpoint-lifecycle.other-spelling-not-unbound",
      "endpoint-lifecycle.unbind-and-disconnect-by-spelling",
    ],
  },
  {
    id: "relative-paths-from-creation-directory",
    mirrors:
      "relative endpoints resolved against a base directory read once (the working directory when the socket, or the library, was set up: path.resolve(baseDir, p)), not where the process is at each bind and connect",
    rewrite: (p, createdIn) => (p.startsWith("/") ? p : path.join(createdIn, p)),
    clauses: ["ipc.bind.absolute-pathname", "ipc.connect.pathname"],
    caughtBy: ["endpoint-lifecycle.relative-path-in-working-directory", "endpoint-lifecycle.relative-path-per-working-directory"],
  },
];

function normalising(normaliser: Normaliser, socket: TestSocket): TestSocket {
  const createdIn = process.cwd();
  const rewrite = (endpoint: string) => rewritten(endpoint, (p) => normaliser.rewrite(p, createdIn));
  return {
    ...socket,
    bind: (endpoint) => socket.bind(rewrite(endpoint)),
    connect: (endpoint) => socket.connect(rewrite(endpoint)),
  };
}

/** The family, one fault per rewrite. */
export const PATH_FAULTS: readonly Fault[] = NORMALISERS.map((normaliser) => ({
  id: normaliser.id,
  mirrors: normaliser.mirrors,
  clauses: normaliser.clauses,
  caughtBy: normaliser.caughtBy,
  createSocket: wrapping((socket) => normalising(normaliser, socket)),
}));
