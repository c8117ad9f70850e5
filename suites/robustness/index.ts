import type { Scenario } from "../../harness/model/scenario";
import connectionChurn from "./connection-churn";
import flagAbuse from "./flag-abuse";
import garbageAfterGreeting from "./garbage-after-greeting";
import garbageAfterHandshake from "./garbage-after-handshake";
import garbageInsteadOfGreeting from "./garbage-instead-of-greeting";
import impossibleFrameSizes from "./impossible-frame-sizes";
import malformedReady from "./malformed-ready";
import manyOpenConnections from "./many-open-connections";
import oneByteAtATime from "./one-byte-at-a-time";
import otherProtocolVersions from "./other-protocol-versions";
import overMaxMessageSize from "./over-max-message-size";
import stopMidStream from "./stop-mid-stream";
import wrongMechanism from "./wrong-mechanism";

/**
 * Each scenario attacks the implementation in a process of its own (raw peers over its socket
 * file) and checks what is left: a live process, a socket that still serves, descriptors and
 * memory back at their baseline (/proc).
 */
export const robustnessScenarios: readonly Scenario[] = [
  garbageInsteadOfGreeting,
  garbageAfterGreeting,
  garbageAfterHandshake,
  wrongMechanism,
  otherProtocolVersions,
  impossibleFrameSizes,
  overMaxMessageSize,
  flagAbuse,
  malformedReady,
  oneByteAtATime,
  stopMidStream,
  connectionChurn,
  manyOpenConnections,
];
