import type { Config } from "jest";

// Tests live next to what they test (reference/**/*.test.ts) and in suites/.
// ts-jest transpiles only (tsconfig.json sets isolatedModules): `npm run typecheck` is the type gate.
const config: Config = {
  testEnvironment: "node",
  roots: ["<rootDir>/reference", "<rootDir>/harness", "<rootDir>/suites", "<rootDir>/fixtures", "<rootDir>/bench", "<rootDir>/docs"],
  testMatch: ["**/*.test.ts"],
  // Container tests need an engine and images: `npm run test:containers` (jest.containers.config.ts).
  testPathIgnorePatterns: ["/node_modules/", "\\.containers\\.test\\.ts$"],
  transform: { "^.+\\.ts$": "ts-jest" },
  testTimeout: 30_000,
  reporters: ["default", "<rootDir>/scripts/summary-line-reporter.js"],
};

export default config;
