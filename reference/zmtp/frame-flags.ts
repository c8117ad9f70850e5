/**
 * The flags byte that starts every ZMTP 3.x frame (RFC 23/ZMTP): bit 0 MORE (more frames of this
 * message follow), bit 1 LONG (an 8-byte big-endian size follows, else 1 byte), bit 2 COMMAND.
 * Bits 3-7 are reserved. Read by the decoder, written by the encoder.
 */
export const FLAG_MORE = 1;
export const FLAG_LONG = 2;
export const FLAG_COMMAND = 4;

/** A byte as the codec's messages show it: 0x0F. */
export function hexByte(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, "0")}`;
}
