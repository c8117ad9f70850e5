import { availableParallelism } from "node:os";
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
  // Jest's default (cores - 1) runs the files one by one on a 2-core machine, yet the longest files
  // (drivers, the implementer's path, the conformance cells) spend most of their time waiting on
  // child processes: two workers there took a CI=true run beside a 2:1 CPU hog from ~20 to ~12 min.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  reporters: ["default", "<rootDir>/scripts/summary-line-reporter.js"],
};

export default config;
