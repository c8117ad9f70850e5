import type { Scenario } from "../../harness/model/scenario";
import acrossProcesses from "./across-processes";
import closingFirstKeepsSecond from "./closing-first-keeps-second";
import firstKeepsEstablished from "./first-keeps-established";
import peersFollowNewOwner from "./peers-follow-new-owner";
import rebindAfterClose from "./rebind-after-close";
import regularFileSurvives from "./regular-file-survives";
import secondBindTakesNewConnections from "./second-bind-takes-new-connections";
import staleSocketFileReplaced from "./stale-socket-file-replaced";

export const bindOverrideScenarios: readonly Scenario[] = [
  secondBindTakesNewConnections,
  firstKeepsEstablished,
  closingFirstKeepsSecond,
  acrossProcesses,
  rebindAfterClose,
  peersFollowNewOwner,
  staleSocketFileReplaced,
  regularFileSurvives,
];
