import type { Scenario } from "../harness/model/scenario";
import { abstractNamespaceScenarios } from "./abstract-namespace";
import { bindOverrideScenarios } from "./bind-override";
import { connectBeforeBindScenarios } from "./connect-before-bind";
import { endpointLifecycleScenarios } from "./endpoint-lifecycle";
import { endpointSyntaxScenarios } from "./endpoint-syntax";
import { interopScenarios } from "./interop";
import { pathLengthScenarios } from "./path-length";
import { wildcardScenarios } from "./wildcard";
import { zmtpWireScenarios } from "./zmtp-wire";

/** Every scenario, suite by suite. IDs are unique (checked by suites/catalogue.test.ts). */
export const ALL_SCENARIOS: readonly Scenario[] = [
  ...bindOverrideScenarios,
  ...wildcardScenarios,
  ...pathLengthScenarios,
  ...connectBeforeBindScenarios,
  ...abstractNamespaceScenarios,
  ...endpointLifecycleScenarios,
  ...endpointSyntaxScenarios,
  ...interopScenarios,
  ...zmtpWireScenarios,
];
