/** ZMTP 3.1 codec: greeting, framing, commands and socket-type rules. */
export * from "./greeting";
export * from "./frame-decoder";
export * from "./frame-encoder";
export { FLAG_COMMAND, FLAG_LONG, FLAG_MORE } from "./frame-flags";
export * from "./commands";
export * from "./socket-types";
