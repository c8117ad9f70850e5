import * as fs from "node:fs";
import * as path from "node:path";
import { runsInPlace, SUITES, type Scenario } from "../harness/model/scenario";

/**
 * The catalogue, found rather than listed: every file of a suite's folder that has a default
 * export is a scenario (or, for a table-driven family, an array of them); files without one are
 * helpers. Adding a scenario is adding its file. Suites come in SUITES's order, files in name
 * order. suites/catalogue.test.ts checks that each file is named after its scenario's id and that
 * no scenario defined in a folder is left out.
 */
function discover(): Scenario[] {
  // ".ts" under jest (ts-jest), ".js" when built (dist/suites).
  const extension = path.extname(__filename);
  return SUITES.flatMap((suite) => {
    const folder = path.join(__dirname, suite);
    return fs
      .readdirSync(folder)
      .filter((file) => file.endsWith(extension) && !file.endsWith(`.d${extension}`) && !file.endsWith(`.test${extension}`))
      .sort()
      .flatMap((file) => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the catalogue is found at run time, file by file
        const exported = (require(path.join(folder, file)) as { default?: Scenario | readonly Scenario[] }).default;
        if (exported === undefined) return [];
        return Array.isArray(exported) ? exported : [exported as Scenario];
      });
  });
}

/** Every scenario, suite by suite. IDs are unique (checked by suites/catalogue.test.ts). */
export const ALL_SCENARIOS: readonly Scenario[] = discover();

/**
 * What one process runs by itself, on any platform (jest's conformance and driver tests). The
 * rest need separate containers: harness/platforms/platforms.containers.test.ts runs them.
 */
export const IN_PLACE_SCENARIOS: readonly Scenario[] = ALL_SCENARIOS.filter(runsInPlace);
