import { exactAbstractNames } from "../../reference/endpoint/abstract-support";
import { CAPABILITIES } from "../model/capability";
import { inProcessImplementation } from "./in-process";

/** The reference implementation of this project (reference/), loaded in process. */
export function referenceImplementation() {
  // Loaded lazily so that listing scenarios does not open anything.
  const load = () => require("../../reference") as Record<string, unknown> & { version: string };
  return inProcessImplementation({
    id: "reference",
    name: "zmq-ipc-conformance reference (TypeScript)",
    version: load().version,
    // Declared, never guessed: abstract names only where this Node can make them exact.
    capabilities: CAPABILITIES.filter((c) => c !== "abstract-namespace" || exactAbstractNames()),
    loadModule: load,
  });
}
