import type { Scenario } from "../../harness/model/scenario";

export const wildcardScenarios: readonly Scenario[] = [];
