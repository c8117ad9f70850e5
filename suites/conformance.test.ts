/**
 * The suites under jest: every scenario against every in-process implementation, each result
 * compared with that implementation's expectations (fixtures/expectations/<id>.json). A failure
 * message carries the scenario's verdict: what was expected, what was observed.
 */
import { implementationById } from "../harness/adapters/registry";
import { expectedOutcomes, loadExpectations } from "../harness/expectations/expectations";
import { platformIpc } from "../reference/endpoint/platform-limits";
import { expandRoles } from "../harness/runner/run-matrix";
import { runScenario } from "../harness/runner/run-scenario";
import { timeoutMultiplier } from "../harness/runner/limits";
import { ALL_SCENARIOS } from "./index";

const implementations = ["reference", "libzmq"].map(implementationById);
const settings = { platformId: "host", platform: platformIpc(), multiplier: timeoutMultiplier() };

for (const suite of new Set(ALL_SCENARIOS.map((s) => s.suite))) {
  describe(suite, () => {
    for (const scenario of ALL_SCENARIOS.filter((s) => s.suite === suite)) {
      for (const roles of expandRoles(scenario, implementations)) {
        const label = scenario.roles === "pair" ? `${roles.binder.id} binds, ${roles.connecter.id} connects` : roles.binder.id;
        test(`${scenario.id} [${label}]`, async () => {
          const row = await runScenario(scenario, roles, settings);
          const expectations = loadExpectations(scenario.roles === "pair" ? roles.binder.id : roles.binder.id);
          const expected = expectedOutcomes(scenario, expectations);
          if (!expected.includes(row.outcome)) {
            throw new Error(`${scenario.id}: outcome ${row.outcome}, expected ${expected.join(" or ")}\n${row.observed.summary}`);
          }
        });
      }
    }
  });
}
