import type { OptionalPackage } from "../model/optional-packages";
import type { Implementation } from "../model/implementation";
import { libzmqImplementation } from "./libzmq-adapter";
import { referenceImplementation } from "./reference-adapter";

/** The implementations this process can load by id (drivers come in through --driver). */
export const IN_PROCESS_IMPLEMENTATIONS: Readonly<Record<string, () => Implementation>> = {
  reference: referenceImplementation,
  libzmq: libzmqImplementation,
};

/** The optional npm package an in-process implementation loads (none: it is this package's own code). */
export const IN_PROCESS_PACKAGES: Readonly<Record<string, OptionalPackage>> = {
  libzmq: "zeromq",
};

export function implementationById(id: string): Implementation {
  const make = IN_PROCESS_IMPLEMENTATIONS[id];
  if (make === undefined) {
    throw new Error(`unknown implementation "${id}" (known: ${Object.keys(IN_PROCESS_IMPLEMENTATIONS).join(", ")})`);
  }
  return make();
}
