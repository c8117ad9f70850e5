import * as zmtp from "./index";

test("index re-exports every module's API", () => {
  const names = [
    "GREETING_SIZE",
    "encodeGreeting",
    "readGreeting",
    "FrameDecoder",
    "FLAG_MORE",
    "FLAG_LONG",
    "FLAG_COMMAND",
    "frameHeader",
    "encodeCommand",
    "FrameBatcher",
    "encodeProperties",
    "decodeProperties",
    "encodeReady",
    "encodePing",
    "decodePing",
    "encodePong",
    "encodeSubscribe",
    "encodeCancel",
    "legacySubscription",
    "parseLegacySubscription",
    "encodeError",
    "SOCKET_TYPE_NAMES",
    "isCompatible",
    "sendsIdentity",
  ];
  for (const n of names) expect(zmtp).toHaveProperty(n);
  expect(Object.keys(zmtp).sort()).toEqual([...names].sort());
});
