import { CAPABILITIES } from "../model/capability";
import { inProcessImplementation } from "./in-process";

/** libzmq through the npm package `zeromq` (zeromq.js v6, which bundles its own libzmq). */
export function libzmqImplementation() {
  const load = () => require("zeromq") as Record<string, unknown> & { version: string };
  const bindingVersion = (require("zeromq/package.json") as { version: string }).version;
  return inProcessImplementation({
    id: "libzmq",
    name: `libzmq via zeromq.js ${bindingVersion}`,
    version: load().version,
    capabilities: CAPABILITIES,
    loadModule: load,
  });
}
