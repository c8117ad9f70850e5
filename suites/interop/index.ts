import type { Scenario } from "../../harness/model/scenario";

export const interopScenarios: readonly Scenario[] = [];
