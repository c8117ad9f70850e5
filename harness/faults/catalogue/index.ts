/**
 * The catalogue of faulty implementations: the reference with one fault switched on, each
 * mirroring a real-world bug. `npm run faults` shows every one is caught by the suites.
 */
import type { Fault } from "../faulty-implementation";
import { deletesRegularFile, refusesOverride, unlinksOnCloseAfterOverride } from "./bind";
import { ENDPOINT_FAULTS } from "./endpoints";
import { ERRNO_FAULTS } from "./errnos";
import { PATH_FAULTS } from "./paths";
import { dropsQueuedBeforeBind, duplicatesAMessage, losesAcceptedMessages, noReconnectAfterBinderRestarts, reordersMessages } from "./delivery";
import { optionFaults } from "./options";
import { countsCharactersNotBytes, offByOneAtLimit, truncatesLongPaths } from "./path-length";
import { lockstepFaults, repRepliesToFirstPeer, stateMachineFaults } from "./state-machines";
import { subscriptionFaults } from "./subscriptions";
import { abstractTrailingNul, fakeIpcOverTcp } from "./transport";
import { unbindLiteralStarAccepted, wildcardIgnoresTmpdir, wildcardLeavesDirectory } from "./wildcard";
import { acceptsIncompatibleSocketTypes, ignoresMore, noIdentityForDealer, shortSizeAt256, waitsForFullGreeting, wrongReadyEncoding } from "./wire";

export const FAULTS: readonly Fault[] = [
  truncatesLongPaths,
  countsCharactersNotBytes,
  offByOneAtLimit,
  refusesOverride,
  unlinksOnCloseAfterOverride,
  deletesRegularFile,
  wildcardIgnoresTmpdir,
  wildcardLeavesDirectory,
  unbindLiteralStarAccepted,
  noReconnectAfterBinderRestarts,
  dropsQueuedBeforeBind,
  reordersMessages,
  losesAcceptedMessages,
  duplicatesAMessage,
  waitsForFullGreeting,
  wrongReadyEncoding,
  noIdentityForDealer,
  acceptsIncompatibleSocketTypes,
  ignoresMore,
  shortSizeAt256,
  abstractTrailingNul,
  fakeIpcOverTcp,
  ...stateMachineFaults,
  ...lockstepFaults,
  repRepliesToFirstPeer,
  ...subscriptionFaults,
  ...optionFaults,
  // Generated families: a different plausible errno per refusal, path spellings normalised away,
  // and the bookkeeping of unbind and of several endpoints per socket.
  ...ERRNO_FAULTS,
  ...PATH_FAULTS,
  ...ENDPOINT_FAULTS,
];
