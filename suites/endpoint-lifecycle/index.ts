import type { Scenario } from "../../harness/model/scenario";

export const endpointLifecycleScenarios: readonly Scenario[] = [];
