/**
 * ZMTP bytes written by hand from RFC 23/37, so that the reference is never checked against its
 * own codec. One builder serves the reference's tests and the zmtp-wire suite.
 */
export { COMMAND, LONG, MORE, command, frame, greeting, message, ping, properties, parseProperties, ready, splitCommand, type GreetingFields } from "../../../suites/zmtp-wire/zmtp-bytes";
