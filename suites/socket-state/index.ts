import type { Scenario } from "../../harness/model/scenario";
import dealerDealerUnrestricted from "./dealer-dealer-unrestricted";
import dealerRouterUnrestricted from "./dealer-router-unrestricted";
import oneWaySocketsRefuseReverse from "./one-way-sockets-refuse-reverse";
import pairQueuesBeforePeer from "./pair-queues-before-peer";
import pairUnrestricted from "./pair-unrestricted";
import pubReceiveEnotsup from "./pub-receive-enotsup";
import pullSendEnotsup from "./pull-send-enotsup";
import pushReceiveEnotsup from "./push-receive-enotsup";
import repReceiveTwiceEfsm from "./rep-receive-twice-efsm";
import repRepliesToRequester from "./rep-replies-to-requester";
import repSendBeforeReceiveEfsm from "./rep-send-before-receive-efsm";
import reqReceiveBeforeSendEfsm from "./req-receive-before-send-efsm";
import reqRepLockstep from "./req-rep-lockstep";
import reqSendTwiceEfsm from "./req-send-twice-efsm";
import routerServesTwoDealers from "./router-serves-two-dealers";
import subSendEnotsup from "./sub-send-enotsup";

/**
 * What a socket type allows when (REQ and REP alternate, EFSM out of turn; a REP answers the
 * requester; DEALER, ROUTER and PAIR have no turns) and at all (no send on PULL or SUB, no
 * receive on PUSH or PUB: ENOTSUP).
 */
export const socketStateScenarios: readonly Scenario[] = [
  reqReceiveBeforeSendEfsm,
  reqSendTwiceEfsm,
  repSendBeforeReceiveEfsm,
  repReceiveTwiceEfsm,
  reqRepLockstep,
  repRepliesToRequester,
  pullSendEnotsup,
  subSendEnotsup,
  pushReceiveEnotsup,
  pubReceiveEnotsup,
  oneWaySocketsRefuseReverse,
  dealerRouterUnrestricted,
  dealerDealerUnrestricted,
  routerServesTwoDealers,
  pairUnrestricted,
  pairQueuesBeforePeer,
];
