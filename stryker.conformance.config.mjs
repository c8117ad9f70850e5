// Optional, slower variant: the same mutation run with suites/conformance.test.ts added, where every
// scenario also runs against the reference in-process. `npx stryker run stryker.conformance.config.mjs`.
// Not the default: that test file alone takes minutes (the reference's own tests take ~18 s), and
// the test run of a codec mutant would include every scenario that opens a connection.
import base from "./scripts/stryker-base-config.mjs";

export default {
  ...base,
  jest: {
    ...base.jest,
    config: {
      ...base.jest.config,
      roots: ["<rootDir>/reference", "<rootDir>/suites"],
      testMatch: ["**/reference/**/*.test.ts", "**/suites/conformance.test.ts"],
    },
  },
  htmlReporter: { fileName: "reports/mutation/conformance/mutation.html" },
  jsonReporter: { fileName: "reports/mutation/conformance/mutation.json" },
};
