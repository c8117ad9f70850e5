import type { Scenario } from "../../harness/model/scenario";
import absoluteLastEndpointAsBound from "./absolute-last-endpoint-as-bound";
import bindMissingDirectoryEnoent from "./bind-missing-directory-enoent";
import bindMissingDirectoryFails from "./bind-missing-directory-fails";
import closeSocketFile from "./close-socket-file";
import connectNeedsWritePermission from "./connect-needs-write-permission";
import connectToRegularFile from "./connect-to-regular-file";
import directoryAtBindPath from "./directory-at-bind-path";
import disconnectNeverConnectedEnoent from "./disconnect-never-connected-enoent";
import disconnectStopsDelivery from "./disconnect-stops-delivery";
import fifoSurvives from "./fifo-survives";
import lastEndpointAfterWildcardBind from "./last-endpoint-after-wildcard-bind";
import lastEndpointIsLatestBind from "./last-endpoint-is-latest-bind";
import otherSpellingNotUnbound from "./other-spelling-not-unbound";
import relativePathPerWorkingDirectory from "./relative-path-per-working-directory";
import samePathTwiceOnOneSocket from "./same-path-twice-on-one-socket";
import samePathTwiceUnbindOnce from "./same-path-twice-unbind-once";
import twoBindsBothReachable from "./two-binds-both-reachable";
import unbindAndDisconnectBySpelling from "./unbind-and-disconnect-by-spelling";
import unbindEndsAcceptedConnections from "./unbind-ends-accepted-connections";
import unbindLeavesNoPeerToSendTo from "./unbind-leaves-no-peer-to-send-to";
import unbindMiddleOfThree from "./unbind-middle-of-three";
import unbindOneOfTwoKeepsOther from "./unbind-one-of-two-keeps-other";
import relativeLastEndpointAsBound from "./relative-last-endpoint-as-bound";
import relativePathInWorkingDirectory from "./relative-path-in-working-directory";
import socketFileModeFollowsUmask from "./socket-file-mode-follows-umask";
import symlinkTargetSurvives from "./symlink-target-survives";
import unbindNeverBoundEnoent from "./unbind-never-bound-enoent";
import unbindStopsNewConnections from "./unbind-stops-new-connections";
import unwritableDirectoryRefused from "./unwritable-directory-refused";

export const endpointLifecycleScenarios: readonly Scenario[] = [
  unbindStopsNewConnections,
  unwritableDirectoryRefused,
  unbindNeverBoundEnoent,
  disconnectNeverConnectedEnoent,
  disconnectStopsDelivery,
  closeSocketFile,
  bindMissingDirectoryFails,
  bindMissingDirectoryEnoent,
  directoryAtBindPath,
  symlinkTargetSurvives,
  fifoSurvives,
  relativePathInWorkingDirectory,
  relativeLastEndpointAsBound,
  absoluteLastEndpointAsBound,
  connectToRegularFile,
  connectNeedsWritePermission,
  socketFileModeFollowsUmask,
  unbindEndsAcceptedConnections,
  unbindLeavesNoPeerToSendTo,
  twoBindsBothReachable,
  lastEndpointIsLatestBind,
  lastEndpointAfterWildcardBind,
  unbindOneOfTwoKeepsOther,
  unbindMiddleOfThree,
  samePathTwiceOnOneSocket,
  samePathTwiceUnbindOnce,
  unbindAndDisconnectBySpelling,
  otherSpellingNotUnbound,
  relativePathPerWorkingDirectory,
];
