import { isCompatible, sendsIdentity, SOCKET_TYPE_NAMES, type SocketTypeName } from "./socket-types";

// The valid pairs as RFC 23 lists them; the relation is symmetric.
const VALID_PAIRS: Array<[SocketTypeName, SocketTypeName]> = [
  ["REQ", "REP"],
  ["REQ", "ROUTER"],
  ["DEALER", "REP"],
  ["DEALER", "DEALER"],
  ["DEALER", "ROUTER"],
  ["ROUTER", "ROUTER"],
  ["PUB", "SUB"],
  ["PUB", "XSUB"],
  ["XPUB", "SUB"],
  ["XPUB", "XSUB"],
  ["PUSH", "PULL"],
  ["PAIR", "PAIR"],
];

function expectedCompatible(a: SocketTypeName, b: SocketTypeName): boolean {
  return VALID_PAIRS.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

test("SOCKET_TYPE_NAMES lists the 11 ZMTP 3.0 types once each", () => {
  expect([...SOCKET_TYPE_NAMES].sort()).toEqual(["DEALER", "PAIR", "PUB", "PULL", "PUSH", "REP", "REQ", "ROUTER", "SUB", "XPUB", "XSUB"]);
});

describe("isCompatible: the full 11x11 matrix", () => {
  const cases = SOCKET_TYPE_NAMES.flatMap((own) => SOCKET_TYPE_NAMES.map((peer) => [own, peer, expectedCompatible(own, peer)] as const));
  test("covers 121 pairs, 21 of them valid", () => {
    expect(cases).toHaveLength(121);
    expect(cases.filter((c) => c[2])).toHaveLength(21); // 12 pairs, 3 of them self-pairs
  });
  test.each(cases)("%s with %s -> %s", (own, peer, want) => {
    expect(isCompatible(own, peer)).toBe(want);
  });
});

test("the peer string must match exactly (case-sensitive, like libzmq)", () => {
  expect(isCompatible("DEALER", "ROUTER")).toBe(true);
  expect(isCompatible("DEALER", "router")).toBe(false);
  expect(isCompatible("DEALER", "ROUTER\0")).toBe(false);
  expect(isCompatible("DEALER", " ROUTER")).toBe(false);
  expect(isCompatible("DEALER", "")).toBe(false);
  expect(isCompatible("PAIR", "CHANNEL")).toBe(false);
  expect(isCompatible("PUB", "DISH")).toBe(false);
});

test("an unknown own type (from untyped code) is never compatible", () => {
  expect(isCompatible("constructor" as SocketTypeName, "PAIR")).toBe(false);
  expect(isCompatible("CLIENT" as SocketTypeName, "SERVER")).toBe(false);
});

test.each(SOCKET_TYPE_NAMES.map((t) => [t, t === "REQ" || t === "DEALER" || t === "ROUTER"] as const))("sendsIdentity(%s) -> %s", (type, want) => {
  expect(sendsIdentity(type)).toBe(want);
});
