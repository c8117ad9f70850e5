// Mutation testing of the ZMTP codec (reference/zmtp/) with the codec's own tests only: its unit
// and property tests next to the code. `npx stryker run stryker.codec.config.mjs`, or
// `npm run mutation:module -- zmtp`. Why not all of reference/'s tests, as for the other modules:
// every behaviour and interop test opens connections, so it covers the greeting, framing and READY
// code; a codec mutant then runs hundreds of them, and one that loops (a parser that stops
// advancing) waits out a timeout derived from all of them (tens of seconds each). The codec has to
// be pinned by its own tests anyway, so a survivor here is a gap of the codec's tests even when a
// behaviour test would notice it.
import base from "./scripts/stryker-base-config.mjs";

export default {
  ...base,
  mutate: ["reference/zmtp/**/*.ts", "!reference/zmtp/**/*.test.ts"],
  jest: {
    ...base.jest,
    config: { ...base.jest.config, roots: ["<rootDir>/reference/zmtp"] },
  },
};
