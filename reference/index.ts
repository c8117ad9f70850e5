/**
 * The reference implementation of ZeroMQ's ipc:// transport: ZMTP 3.1 (NULL mechanism) over
 * UNIX domain sockets, with zeromq.js v6's API so that one scenario drives either.
 */
export { ZmqError, type ErrnoName } from "./errors";
export { COPY_UP_TO_BYTES, type MessageLike } from "./socket/message";
export { MAX_SYNC_OPERATIONS } from "./socket/send-receive";
export { DEFAULT_OPTIONS, type SocketOptions } from "./socket/options";
export { Socket } from "./socket/socket-base";
export { Pair } from "./sockets/pair";
export { Push } from "./sockets/push";
export { Pull } from "./sockets/pull";
export { Request } from "./sockets/request";
export { Reply } from "./sockets/reply";
export { Dealer } from "./sockets/dealer";
export { Router, type RouterOptions } from "./sockets/router";
export { Publisher } from "./sockets/publisher";
export { Subscriber } from "./sockets/subscriber";
export { XPublisher, type XPublisherOptions, type XPublisherVerbosity } from "./sockets/xpublisher";
export { XSubscriber } from "./sockets/xsubscriber";
export { PLATFORM_IPC, platformIpc, type PlatformIpc, type PlatformName } from "./endpoint/platform-limits";
export { parseEndpoint, type IpcAddress } from "./endpoint/parse-endpoint";

/** The version of this implementation, reported in conformance reports. */
export const version = "0.1.0";
