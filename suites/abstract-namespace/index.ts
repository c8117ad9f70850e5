import type { Scenario } from "../../harness/model/scenario";

export const abstractNamespaceScenarios: readonly Scenario[] = [];
