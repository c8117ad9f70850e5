import type { Scenario } from "../../harness/model/scenario";

export const connectBeforeBindScenarios: readonly Scenario[] = [];
