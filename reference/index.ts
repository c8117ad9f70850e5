/**
 * The reference implementation of ZeroMQ's ipc:// transport: ZMTP 3.1 (NULL mechanism) over
 * UNIX domain sockets, with zeromq.js v6's API so that one scenario drives either.
 */
import { Socket } from "./socket/socket-base";
import { Pair } from "./sockets/pair";
import { Push } from "./sockets/push";
import { Pull } from "./sockets/pull";
import { Request } from "./sockets/request";
import { Reply } from "./sockets/reply";
import { Dealer } from "./sockets/dealer";
import { Router, type RouterOptions } from "./sockets/router";
import { Publisher } from "./sockets/publisher";
import { Subscriber } from "./sockets/subscriber";
import { XPublisher, type XPublisherOptions, type XPublisherVerbosity } from "./sockets/xpublisher";
import { XSubscriber } from "./sockets/xsubscriber";

export { ZmqError, type ErrnoName } from "./errors";
export { COPY_UP_TO_BYTES, type MessageLike } from "./socket/message";
export {
  Socket,
  Pair,
  Push,
  Pull,
  Request,
  Reply,
  Dealer,
  Router,
  Publisher,
  Subscriber,
  XPublisher,
  XSubscriber,
  type RouterOptions,
  type XPublisherOptions,
  type XPublisherVerbosity,
};
export { MAX_SYNC_OPERATIONS } from "./socket/send-receive";
export { DEFAULT_OPTIONS, type SocketOptions } from "./socket/options";
export { PLATFORM_IPC, platformIpc, type PlatformIpc, type PlatformName } from "./endpoint/platform-limits";
export { parseEndpoint, type IpcAddress } from "./endpoint/parse-endpoint";

/** The version of this implementation, reported in conformance reports. */
export const version = "0.1.0";

// zeromq.js's generic constructor, `new Socket(5)`, makes the socket class of that type number.
const SOCKET_CLASSES = {
  PAIR: Pair,
  PUSH: Push,
  PULL: Pull,
  REQ: Request,
  REP: Reply,
  DEALER: Dealer,
  ROUTER: Router,
  PUB: Publisher,
  SUB: Subscriber,
  XPUB: XPublisher,
  XSUB: XSubscriber,
} as const;
for (const [type, socketClass] of Object.entries(SOCKET_CLASSES)) Socket.classes.set(type as keyof typeof SOCKET_CLASSES, socketClass);
