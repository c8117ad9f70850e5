import type { Scenario } from "../../harness/model/scenario";
import bindAndDeliver from "./bind-and-deliver";
import boundNameIsExact from "./bound-name-is-exact";
import createsNoFile from "./creates-no-file";
import emptyNameEinval from "./empty-name-einval";
import lastEndpointKeepsAt from "./last-endpoint-keeps-at";
import rawPeerReachesBinder from "./raw-peer-reaches-binder";
import rebindAfterClose from "./rebind-after-close";
import secondBindRefused from "./second-bind-refused";

export const abstractNamespaceScenarios: readonly Scenario[] = [
  bindAndDeliver,
  createsNoFile,
  lastEndpointKeepsAt,
  secondBindRefused,
  rebindAfterClose,
  emptyNameEinval,
  boundNameIsExact,
  rawPeerReachesBinder,
];
