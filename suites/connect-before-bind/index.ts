import type { Scenario } from "../../harness/model/scenario";
import binderComesAndGoes from "./binder-comes-and-goes";
import binderInAnotherProcess from "./binder-in-another-process";
import binderSendsToEarlyConnecter from "./binder-sends-to-early-connecter";
import connectToMissingPathSucceeds from "./connect-to-missing-path-succeeds";
import immediateQueuesNothing from "./immediate-queues-nothing";
import manyConnectersAllDeliver from "./many-connecters-all-deliver";
import queuedMessagesDeliveredInOrder from "./queued-messages-delivered-in-order";
import reconnectDisabledNeverConnects from "./reconnect-disabled-never-connects";

export const connectBeforeBindScenarios: readonly Scenario[] = [
  connectToMissingPathSucceeds,
  queuedMessagesDeliveredInOrder,
  immediateQueuesNothing,
  reconnectDisabledNeverConnects,
  manyConnectersAllDeliver,
  binderComesAndGoes,
  binderInAnotherProcess,
  binderSendsToEarlyConnecter,
];
