import type { Scenario } from "../../harness/model/scenario";

export const pathLengthScenarios: readonly Scenario[] = [];
