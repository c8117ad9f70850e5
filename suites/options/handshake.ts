/** The handshake interval the handshake scenarios set (scaled): far below libzmq's default of 30 s. */
export const HANDSHAKE_INTERVAL_MS = 200;
/** The interval where a completed handshake must outlive it: the connection is watched for three times as long. */
export const SHORT_HANDSHAKE_INTERVAL_MS = 100;
