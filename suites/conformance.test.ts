/**
 * The suites under jest: every scenario against every in-process implementation, each result
 * compared with that implementation's shipped expectations (fixtures/expectations/<id>.json),
 * exactly as `zmq-ipc-conformance run` compares them. A failure message carries the verdict:
 * what was expected, what was observed.
 */
import { implementationById } from "../harness/adapters/registry";
import { shippedExpectations } from "../harness/expectations/expectations";
import { rowCompleter } from "../harness/expectations/judge-rows";
import { platformLimits } from "../harness/model/platform-limits";
import { planTasks } from "../harness/runner/run-matrix";
import { runScenario } from "../harness/runner/run-scenario";
import { timeoutMultiplier } from "../harness/runner/limits";
import { IN_PLACE_SCENARIOS } from "./index";
import { isUnexpected } from "../harness/model/outcome";

const implementations = ["reference", "libzmq"].map(implementationById);
const sets = new Map(implementations.map((impl) => [impl.id, shippedExpectations(impl.id)]));
const settings = { platformId: "host", platform: platformLimits(), multiplier: timeoutMultiplier() };
const tasks = planTasks(IN_PLACE_SCENARIOS, implementations);
/** The row with the outcomes its implementation's expectations allow, as `run` judges it. */
const judge = rowCompleter(IN_PLACE_SCENARIOS, sets, settings.platformId, settings.platform);

for (const suite of new Set(IN_PLACE_SCENARIOS.map((s) => s.suite))) {
  describe(suite, () => {
    for (const task of tasks.filter((t) => t.scenario.suite === suite)) {
      test(task.key, async () => {
        const row = await runScenario(task.scenario, task.roles, settings);
        const { expected } = judge(row);
        if (isUnexpected({ outcome: row.outcome, expected })) {
          const checks = row.observed.checks.filter((c) => !c.ok).map((c) => `  ${c.what}: expected ${c.expected}, observed ${c.observed}`);
          throw new Error(`${task.key}: outcome ${row.outcome}, expected ${expected.join(" or ")}\n${row.observed.summary}\n${checks.join("\n")}`);
        }
      });
    }
  });
}
