import type { Scenario } from "../../harness/model/scenario";
import subResubscribesAfterPubRestarts from "./sub-resubscribes-after-pub-restarts";
import subUnsubscribeRemovesOneInstance from "./sub-unsubscribe-removes-one-instance";
import xpubCancelWhenLastDisconnects from "./xpub-cancel-when-last-disconnects";
import xpubCancelWhenLastUnsubscribes from "./xpub-cancel-when-last-unsubscribes";
import xpubPassesFirstSubscriptionOnly from "./xpub-passes-first-subscription-only";
import xpubVerbosePassesEverySubscription from "./xpub-verbose-passes-every-subscription";
import xpubVerboseXsubsCancelFromLast from "./xpub-verbose-xsubs-cancel-from-last";
import xsubCancelRemovesOneInstance from "./xsub-cancel-removes-one-instance";
import xsubResubscribesToRestartedXpub from "./xsub-resubscribes-to-restarted-xpub";

/**
 * Subscription bookkeeping between sockets, through their APIs: what an XPUB passes up (duplicates,
 * ZMQ_XPUB_VERBOSE, cancels at the last unsubscribe or departure), what a SUB or XSUB resends
 * after its publisher restarts, and that one unsubscribe removes one instance. The wire forms of
 * SUBSCRIBE and CANCEL are the zmtp-wire suite's.
 */
export const subscriptionsScenarios: readonly Scenario[] = [
  xpubPassesFirstSubscriptionOnly,
  xpubVerbosePassesEverySubscription,
  xpubVerboseXsubsCancelFromLast,
  xpubCancelWhenLastUnsubscribes,
  xpubCancelWhenLastDisconnects,
  subResubscribesAfterPubRestarts,
  xsubResubscribesToRestartedXpub,
  subUnsubscribeRemovesOneInstance,
  xsubCancelRemovesOneInstance,
];
