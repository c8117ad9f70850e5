import type { Scenario } from "../../harness/model/scenario";

export const zmtpWireScenarios: readonly Scenario[] = [];
