import type { Scenario } from "../../harness/model/scenario";
import abstractAtLimitBinds from "./abstract-at-limit-binds";
import abstractOverLimitRefused from "./abstract-over-limit-refused";
import atLimitBinds from "./at-limit-binds";
import atLimitShortNameInLongDirectory from "./at-limit-short-name-in-long-directory";
import connectOverLimitRefused from "./connect-over-limit-refused";
import farBeyondLimitRefused from "./far-beyond-limit-refused";
import multibyteAtLimitBinds from "./multibyte-at-limit-binds";
import multibyteOverLimitRefused from "./multibyte-over-limit-refused";
import oneByteRelativePath from "./one-byte-relative-path";
import oneOverLimitCreatesNothing from "./one-over-limit-creates-nothing";
import oneOverLimitRefused from "./one-over-limit-refused";

export const pathLengthScenarios: readonly Scenario[] = [
  oneByteRelativePath,
  atLimitBinds,
  atLimitShortNameInLongDirectory,
  oneOverLimitRefused,
  oneOverLimitCreatesNothing,
  farBeyondLimitRefused,
  multibyteAtLimitBinds,
  multibyteOverLimitRefused,
  connectOverLimitRefused,
  abstractAtLimitBinds,
  abstractOverLimitRefused,
];
