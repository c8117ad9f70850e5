import type { Scenario } from "../../harness/model/scenario";
import bindsNeverCollide from "./binds-never-collide";
import closeRemovesFileAndDirectory from "./close-removes-file-and-directory";
import directoryMode0700 from "./directory-mode-0700";
import generatesConnectablePath from "./generates-connectable-path";
import lastEndpointFormat from "./last-endpoint-format";
import relativeWithoutTempVariables from "./relative-without-temp-variables";
import tmpdirNotADirectorySkipped from "./tmpdir-not-a-directory-skipped";
import tmpdirTempdirTmpPrecedence from "./tmpdir-tempdir-tmp-precedence";
import tooLongTmpdirRefused from "./too-long-tmpdir-refused";
import unbindLiteralStarFails from "./unbind-literal-star-fails";
import unbindRemovesFileAndDirectory from "./unbind-removes-file-and-directory";
import unbindViaLastEndpoint from "./unbind-via-last-endpoint";

export const wildcardScenarios: readonly Scenario[] = [
  generatesConnectablePath,
  bindsNeverCollide,
  lastEndpointFormat,
  tmpdirTempdirTmpPrecedence,
  tmpdirNotADirectorySkipped,
  relativeWithoutTempVariables,
  unbindViaLastEndpoint,
  unbindLiteralStarFails,
  closeRemovesFileAndDirectory,
  unbindRemovesFileAndDirectory,
  directoryMode0700,
  tooLongTmpdirRefused,
];
