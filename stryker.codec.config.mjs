// Mutation testing of the ZMTP codec (reference/zmtp/) with the codec's own tests only: its unit
// and property tests next to the code. `npx stryker run stryker.codec.config.mjs`, or
// `npm run mutation:module -- zmtp`. Why not all of reference/'s tests, as for the other modules:
// every behaviour and interop test opens connections, so it covers the greeting, framing and READY
// code; a codec mutant then runs hundreds of them, and one that loops (a parser that stops
// advancing) waits out a timeout derived from all of them (tens of seconds each). The codec has to
// be pinned by its own tests anyway; a survivor here is then checked against the other tests by hand.
import { readFileSync } from "node:fs";

const base = JSON.parse(readFileSync(new URL("./stryker.config.json", import.meta.url), "utf8"));
delete base.$schema;
delete base._comment;

export default {
  ...base,
  mutate: ["reference/zmtp/**/*.ts", "!reference/zmtp/**/*.test.ts"],
  jest: {
    ...base.jest,
    config: { ...base.jest.config, roots: ["<rootDir>/reference/zmtp"] },
  },
};
