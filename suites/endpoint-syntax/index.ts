import type { Scenario } from "../../harness/model/scenario";
import { malformedEndpointScenarios } from "./malformed-endpoints";
import uppercaseScheme from "./uppercase-scheme";
import wildcardOnConnect from "./wildcard-on-connect";

export const endpointSyntaxScenarios: readonly Scenario[] = [...malformedEndpointScenarios, wildcardOnConnect, uppercaseScheme];
