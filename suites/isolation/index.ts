import type { Scenario } from "../../harness/model/scenario";
import abstractSharedNetworkNamespace from "./abstract-shared-network-namespace";
import abstractStaysInNetworkNamespace from "./abstract-stays-in-network-namespace";
import pathSocketAcrossContainers from "./path-socket-across-containers";

/** Scenarios about containers (namespaces, shared volumes): run from the host on container platforms only. */
export const isolationScenarios: readonly Scenario[] = [pathSocketAcrossContainers, abstractStaysInNetworkNamespace, abstractSharedNetworkNamespace];
