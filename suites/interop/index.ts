import type { Scenario } from "../../harness/model/scenario";
import dealerDealer from "./dealer-dealer";
import dealerRep from "./dealer-rep";
import dealerRouter from "./dealer-router";
import frameSizeBoundaries from "./frame-size-boundaries";
import { invalidPairScenarios } from "./invalid-pairs";
import multipartEmptyFrames from "./multipart-empty-frames";
import oneMebibyteMessage from "./one-mebibyte-message";
import pairPair from "./pair-pair";
import { pubsubScenarios } from "./pubsub-pairs";
import pushPull from "./push-pull";
import reqRep from "./req-rep";
import reqRouter from "./req-router";
import routerRouter from "./router-router";
import routerSeesDealerRoutingId from "./router-sees-dealer-routing-id";

export const interopScenarios: readonly Scenario[] = [
  reqRep,
  reqRouter,
  dealerRep,
  dealerDealer,
  dealerRouter,
  routerSeesDealerRoutingId,
  routerRouter,
  ...pubsubScenarios,
  pushPull,
  pairPair,
  multipartEmptyFrames,
  frameSizeBoundaries,
  oneMebibyteMessage,
  ...invalidPairScenarios,
];
