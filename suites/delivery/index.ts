import type { Scenario } from "../../harness/model/scenario";
import beforeBindExactlyOnceInOrder from "./before-bind-exactly-once-in-order";
import duringReconnectExactlyOnceInOrder from "./during-reconnect-exactly-once-in-order";
import multipartAtomicUnderHwm from "./multipart-atomic-under-hwm";
import pubSubOverHwmDropsCounted from "./pub-sub-over-hwm-drops-counted";
import upToSendHwmExactlyOnce from "./up-to-send-hwm-exactly-once";

/** No lost data: what a socket accepted arrives once, in order; where the spec allows drops, they are counted. */
export const deliveryScenarios: readonly Scenario[] = [
  beforeBindExactlyOnceInOrder,
  duringReconnectExactlyOnceInOrder,
  upToSendHwmExactlyOnce,
  pubSubOverHwmDropsCounted,
  multipartAtomicUnderHwm,
];
