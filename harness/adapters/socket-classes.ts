import type { SocketType } from "../model/implementation";

/** zeromq.js's class name for each ZMTP socket type (the reference uses the same names). */
export const SOCKET_CLASS: Readonly<Record<SocketType, string>> = {
  PAIR: "Pair",
  PUB: "Publisher",
  SUB: "Subscriber",
  REQ: "Request",
  REP: "Reply",
  DEALER: "Dealer",
  ROUTER: "Router",
  PULL: "Pull",
  PUSH: "Push",
  XPUB: "XPublisher",
  XSUB: "XSubscriber",
};
