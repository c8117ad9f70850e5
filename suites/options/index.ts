import type { Scenario } from "../../harness/model/scenario";
import handshakeIntervalClosesSilentPeer from "./handshake-interval-closes-silent-peer";
import handshakeIntervalClosesStalledHandshake from "./handshake-interval-closes-stalled-handshake";
import handshakeIntervalConnecterGivesUp from "./handshake-interval-connecter-gives-up";
import handshakeIntervalSparesCompletedBound from "./handshake-interval-spares-completed-bound";
import handshakeIntervalSparesCompletedConnecter from "./handshake-interval-spares-completed-connecter";
import immediateQueuesOnlyOnCompletedConnections from "./immediate-queues-only-on-completed-connections";
import immediateRoundRobinSkipsUnconnected from "./immediate-round-robin-skips-unconnected";
import lingerInfiniteDeliversAtClose from "./linger-infinite-delivers-at-close";
import lingerInfiniteDeliversAtDisconnect from "./linger-infinite-delivers-at-disconnect";
import lingerPositiveDeliversAtClose from "./linger-positive-delivers-at-close";
import lingerPositiveDeliversAtDisconnect from "./linger-positive-delivers-at-disconnect";
import lingerPositiveExpiresAtClose from "./linger-positive-expires-at-close";
import lingerZeroDiscardsAtClose from "./linger-zero-discards-at-close";
import lingerZeroDiscardsAtDisconnect from "./linger-zero-discards-at-disconnect";
import maxMessageSizeBinderDropsOversized from "./max-message-size-binder-drops-oversized";
import maxMessageSizeConnecterDropsOversized from "./max-message-size-connecter-drops-oversized";
import receiveHwmBoundsUnreadPull from "./receive-hwm-bounds-unread-pull";
import receiveHwmStallsRawPusher from "./receive-hwm-stalls-raw-pusher";
import reconnectBackoffCapped from "./reconnect-backoff-capped";
import reconnectBackoffCappedAfterLoss from "./reconnect-backoff-capped-after-loss";
import reconnectBackoffGrows from "./reconnect-backoff-grows";
import reconnectBackoffGrowsAfterLoss from "./reconnect-backoff-grows-after-loss";
import reconnectDisabledAfterLoss from "./reconnect-disabled-after-loss";
import reconnectIntervalWaitsBeforeRetry from "./reconnect-interval-waits-before-retry";
import routingIdRouterAddressesPeerFirst from "./routing-id-router-addresses-peer-first";
import routingIdRouterSeesReqAndDealer from "./routing-id-router-sees-req-and-dealer";
import sendHwmBoundsStalledPeer from "./send-hwm-bounds-stalled-peer";
import sendHwmBoundsUnconnectedQueue from "./send-hwm-bounds-unconnected-queue";
import sendTimeoutExpiresOnFullQueue from "./send-timeout-expires-on-full-queue";
import sendTimeoutExpiresWithoutPeer from "./send-timeout-expires-without-peer";
import sendTimeoutZeroReturnsAtOnce from "./send-timeout-zero-returns-at-once";

/**
 * The socket options of the driver protocol (docs/driver-protocol.md), each shown to change what
 * an implementation does, as zmq_setsockopt(3) of libzmq 4.3.5 says it must: a routing id a ROUTER
 * sees, queues only on completed connections, reconnect intervals and their backoff, high-water
 * marks that bound what an unread path holds, send timeouts, linger at close and disconnect, the
 * inbound size limit and the handshake deadline.
 */
export const optionsScenarios: readonly Scenario[] = [
  routingIdRouterSeesReqAndDealer,
  routingIdRouterAddressesPeerFirst,
  immediateQueuesOnlyOnCompletedConnections,
  immediateRoundRobinSkipsUnconnected,
  reconnectIntervalWaitsBeforeRetry,
  reconnectDisabledAfterLoss,
  reconnectBackoffGrows,
  reconnectBackoffGrowsAfterLoss,
  reconnectBackoffCapped,
  reconnectBackoffCappedAfterLoss,
  sendHwmBoundsUnconnectedQueue,
  sendHwmBoundsStalledPeer,
  receiveHwmBoundsUnreadPull,
  receiveHwmStallsRawPusher,
  sendTimeoutZeroReturnsAtOnce,
  sendTimeoutExpiresOnFullQueue,
  sendTimeoutExpiresWithoutPeer,
  lingerZeroDiscardsAtClose,
  lingerZeroDiscardsAtDisconnect,
  lingerPositiveDeliversAtClose,
  lingerPositiveDeliversAtDisconnect,
  lingerPositiveExpiresAtClose,
  lingerInfiniteDeliversAtClose,
  lingerInfiniteDeliversAtDisconnect,
  maxMessageSizeBinderDropsOversized,
  maxMessageSizeConnecterDropsOversized,
  handshakeIntervalClosesSilentPeer,
  handshakeIntervalClosesStalledHandshake,
  handshakeIntervalConnecterGivesUp,
  handshakeIntervalSparesCompletedBound,
  handshakeIntervalSparesCompletedConnecter,
];
