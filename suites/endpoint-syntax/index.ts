import type { Scenario } from "../../harness/model/scenario";
import connectSpellings from "./connect-spellings";
import dotDotAfterSymlink from "./dot-dot-after-symlink";
import { malformedEndpointScenarios } from "./malformed-endpoints";
import { refusedSpellings } from "./refused-spelling";
import spelledPathOverLimit from "./spelled-path-over-limit";
import spellingKeptInLastEndpoint from "./spelling-kept-in-last-endpoint";
import { unbindDisconnectRefusals } from "./unbind-disconnect-refusals";
import uppercaseScheme from "./uppercase-scheme";
import wildcardOnConnect from "./wildcard-on-connect";

export const endpointSyntaxScenarios: readonly Scenario[] = [
  ...malformedEndpointScenarios,
  wildcardOnConnect,
  uppercaseScheme,
  ...refusedSpellings,
  dotDotAfterSymlink,
  connectSpellings,
  spellingKeptInLastEndpoint,
  spelledPathOverLimit,
  ...unbindDisconnectRefusals,
];
