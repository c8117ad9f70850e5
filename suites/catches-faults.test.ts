/**
 * The suites are worth the bugs they catch: each deliberately broken implementation must be
 * flagged (a non-pass outcome) by the scenarios its fault names, while the unbroken reference
 * passes those same scenarios.
 */
import { referenceImplementation } from "../harness/adapters/reference-adapter";
import { FAULTS } from "../harness/faults/catalogue";
import { withFault } from "../harness/faults/faulty-implementation";
import { runScenario } from "../harness/runner/run-scenario";
import { timeoutMultiplier } from "../harness/runner/limits";
import { platformIpc } from "../reference/endpoint/platform-limits";
import { ALL_SCENARIOS } from "./index";

const settings = { platformId: "host", platform: platformIpc(), multiplier: timeoutMultiplier() };
const reference = referenceImplementation();

describe.each(FAULTS.map((fault) => [fault.id, fault] as const))("fault %s", (_id, fault) => {
  test.each(fault.caughtBy.map((id) => [id]))("is caught by %s", async (scenarioId) => {
    const scenario = ALL_SCENARIOS.find((s) => s.id === scenarioId);
    expect(scenario).toBeDefined();
    const faulty = withFault(reference, fault);
    const broken = await runScenario(scenario!, { binder: faulty, connecter: faulty }, settings);
    expect(broken.outcome).not.toBe("pass");
    expect(["fail", "non-strict"]).toContain(broken.outcome);
    const healthy = await runScenario(scenario!, { binder: reference, connecter: reference }, settings);
    expect(healthy.outcome).toBe("pass");
  });
});
