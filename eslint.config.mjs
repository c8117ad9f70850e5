// @ts-check
/**
 * Lint: typescript-eslint's recommended rules, plus the project's structure as rules:
 * - no import cycle (import-x/no-cycle);
 * - the harness's layers import only downwards: model <- runner <- (adapters, driver,
 *   expectations, report, platforms) <- cli, with the tools faults/ and stability/ beside cli
 *   (import-x/no-restricted-paths). Tests may reach anywhere; the code under test may not.
 * Formatting is Prettier's (npm run format:check), so no stylistic rule is on here.
 */
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import importX, { createNodeResolver } from "eslint-plugin-import-x";

/** The layers, bottom first: a folder may import from its own layer and the ones below it. */
const LAYERS = [
  ["harness/model"],
  ["harness/runner"],
  ["harness/adapters", "harness/driver", "harness/expectations", "harness/report", "harness/platforms"],
  ["harness/cli", "suites"],
  ["harness/faults", "harness/stability", "harness/testing"],
];
/** Within a layer, who stands on whom: the other way round would close a loop between folders. */
const BELOW_IN_LAYER = {
  "harness/driver": ["harness/adapters"],
  "harness/report": ["harness/expectations", "harness/platforms"],
  "harness/expectations": ["harness/platforms"],
};

/** Each folder and what it must not import: everything above it. */
const ABOVE = Object.fromEntries(LAYERS.flatMap((layer, i) => layer.map((dir) => [dir, [...LAYERS.slice(i + 1).flat(), ...(BELOW_IN_LAYER[dir] ?? [])]])));
// The reference stands alone: it is what the harness judges, and is shipped as its own package entry.
ABOVE.reference = ["harness", "suites", "bench", "fixtures"];

const zones = Object.entries(ABOVE).flatMap(([target, froms]) =>
  froms.map((from) => ({ target: `./${target}`, from: `./${from}`, message: `${target} is below ${from}: layers import only downwards` })),
);

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "reports/**", "out/**", ".stryker-tmp/**", "**/*.js", "**/*.mjs", "drivers/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "import-x": importX },
    settings: {
      // Without these the plugin reads only .js dependencies, and so never sees a cycle through .ts.
      "import-x/extensions": [".ts", ".js"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts"] },
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".js", ".json"] })],
    },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      // zeromq is an optional peer dependency and the reference is loaded only when a run needs it:
      // both are required lazily, where they are used.
      "@typescript-eslint/no-require-imports": ["error", { allow: ["^zeromq(/package\\.json)?$", "^\\.\\./\\.\\./reference$"] }],
      // Unused arguments named _x are the socket types' hooks they do not use.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // The layers bind the product's code; its tests may reach anywhere.
    ignores: ["**/*.test.ts", "**/__tests__/**"],
    plugins: { "import-x": importX },
    rules: { "import-x/no-restricted-paths": ["error", { zones }] },
  },
  {
    // Functions handed to page.evaluate() run in the browser: the project compiles without the DOM
    // library, so what they touch there is typed any.
    files: ["scripts/report-view.ts", "harness/report/html-report.browser.test.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // Tests require() fixtures and build test doubles; jest's expect().toThrow() bodies use empty functions.
    files: ["**/*.test.ts", "**/__tests__/**/*.ts"],
    rules: { "@typescript-eslint/no-require-imports": "off", "@typescript-eslint/no-empty-function": "off" },
  },
);
