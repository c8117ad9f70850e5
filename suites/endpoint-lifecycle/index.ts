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
];
