import { runsInPlace, type Scenario } from "../harness/model/scenario";
import { abstractNamespaceScenarios } from "./abstract-namespace";
import { bindOverrideScenarios } from "./bind-override";
import { connectBeforeBindScenarios } from "./connect-before-bind";
import { deliveryScenarios } from "./delivery";
import { endpointLifecycleScenarios } from "./endpoint-lifecycle";
import { endpointSyntaxScenarios } from "./endpoint-syntax";
import { interopScenarios } from "./interop";
import { isolationScenarios } from "./isolation";
import { optionsScenarios } from "./options";
import { pathLengthScenarios } from "./path-length";
import { robustnessScenarios } from "./robustness";
import { socketStateScenarios } from "./socket-state";
import { subscriptionsScenarios } from "./subscriptions";
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
  ...deliveryScenarios,
  ...isolationScenarios,
  ...robustnessScenarios,
  ...socketStateScenarios,
  ...subscriptionsScenarios,
  ...optionsScenarios,
];

/**
 * What one process runs by itself, on any platform (jest's conformance and driver tests). The
 * rest need separate containers: harness/platforms/platforms.containers.test.ts runs them.
 */
export const IN_PLACE_SCENARIOS: readonly Scenario[] = ALL_SCENARIOS.filter(runsInPlace);
