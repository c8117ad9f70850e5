import { COMMAND, LONG, greeting, ready } from "../raw-zmtp/zmtp-bytes";

/** A well-behaved PUSH peer's opening (greeting and READY): what attacks after the handshake start with. */
export const PUSH_OPENING = Buffer.concat([greeting(), ready("PUSH")]);

/** A long-form frame header declaring `size` octets, whatever the body that follows. */
export function longHeader(size: bigint, command = false): Buffer {
  const header = Buffer.alloc(9);
  header[0] = LONG | (command ? COMMAND : 0);
  header.writeBigUInt64BE(size, 1);
  return header;
}
