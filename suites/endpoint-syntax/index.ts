import type { Scenario } from "../../harness/model/scenario";

export const endpointSyntaxScenarios: readonly Scenario[] = [];
