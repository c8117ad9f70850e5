/**
 * The suites, unchanged, against the drivers this project ships (drivers/drivers.json): each
 * driver alone, and paired with the reference in both directions (real cross-process ipc).
 * Results are held to fixtures/expectations/<driver>.json like any implementation's.
 * A driver whose runtime is missing fails under CI (the project installs it: scripts/setup-drivers.sh)
 * and is reported, not run, elsewhere.
 */
import { referenceImplementation } from "../harness/adapters/reference-adapter";
import type { Implementation } from "../harness/model/implementation";
import { driverLimits, startDriver, type DriverImplementation } from "../harness/driver/driver-implementation";
import { driverAvailable, projectRoot, shippedDrivers } from "../harness/driver/shipped-drivers";
import { shippedExpectations } from "../harness/expectations/expectations";
import { rowCompleter } from "../harness/expectations/judge-rows";
import { timeoutMultiplier } from "../harness/runner/limits";
import { planTasks } from "../harness/runner/run-matrix";
import { runScenario } from "../harness/runner/run-scenario";
import { platformLimits } from "../harness/model/platform-limits";
import { IN_PLACE_SCENARIOS } from "./index";
import { isUnexpected } from "../harness/model/outcome";

const settings = { platformId: "host", platform: platformLimits(), multiplier: timeoutMultiplier() };
const reference = referenceImplementation();

for (const shipped of shippedDrivers()) {
  const available = driverAvailable(shipped);
  describe(`driver ${shipped.id}`, () => {
    test("its runtime is installed", () => {
      if (!available && process.env.CI === "true") {
        throw new Error(`${shipped.id} cannot run here: ${shipped.install} (scripts/setup-drivers.sh installs it)`);
      }
      if (!available) console.warn(`NOT RUN: driver ${shipped.id}: install it with ${shipped.install}`);
      expect(typeof available).toBe("boolean");
    });
    if (!available) return;

    let driver: DriverImplementation;
    beforeAll(async () => {
      driver = await startDriver(shipped.id, shipped.command, driverLimits(settings.multiplier), projectRoot());
    }, 60_000);
    afterAll(() => driver?.kill());

    // The plan is made with a stand-in carrying the driver's id; the real driver is used at run time.
    const standIn = { id: shipped.id } as Implementation;
    const tasks = planTasks(IN_PLACE_SCENARIOS, [standIn, reference]).filter((t) => t.roles.binder === standIn || t.roles.connecter === standIn);
    const sets = new Map([shipped.id, "reference"].map((id) => [id, shippedExpectations(id)]));
    const judge = rowCompleter(IN_PLACE_SCENARIOS, sets, settings.platformId, settings.platform);
    for (const task of tasks) {
      test(
        task.key,
        async () => {
          const roles = {
            binder: task.roles.binder === standIn ? driver : task.roles.binder,
            connecter: task.roles.connecter === standIn ? driver : task.roles.connecter,
          };
          const row = await runScenario(task.scenario, roles, settings);
          const { expected } = judge(row);
          if (isUnexpected({ outcome: row.outcome, expected })) {
            throw new Error(`${task.key}: outcome ${row.outcome}, expected ${expected.join(" or ")}\n${row.observed.summary}`);
          }
        },
        60_000,
      );
    }
  });
}
