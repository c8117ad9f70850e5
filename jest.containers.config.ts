import type { Config } from "jest";
import base from "./jest.config";

// `npm run test:containers`: the tests that need a container engine and the platform images
// (docker/build-images.sh). They run the compiled CLI (dist/), so the script builds first.
const config: Config = {
  ...base,
  testMatch: ["**/*.containers.test.ts"],
  testPathIgnorePatterns: ["/node_modules/"],
  testTimeout: 15 * 60_000,
};

export default config;
