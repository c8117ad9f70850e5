import { ZmqError } from "../errors";
import { exactAbstractNames } from "./abstract-support";
import { nodeSocketPath, parseEndpoint } from "./parse-endpoint";
import { PLATFORM_IPC } from "./platform-limits";

// A malformed endpoint must get an error that names what is wrong (the errno code for programs,
// the reason for people). behaviour-platform-table.test.ts covers the limits row by row; this file
// covers each refusal's code and wording, and the wildcard rule.

const linux = PLATFORM_IPC.linux;
const freebsd = PLATFORM_IPC.freebsd;

function refusal(parse: () => unknown): ZmqError {
  try {
    parse();
  } catch (err) {
    expect(err).toBeInstanceOf(ZmqError);
    return err as ZmqError;
  }
  throw new Error("expected parseEndpoint to throw");
}

describe("each refusal names its reason and the endpoint", () => {
  test.each([
    [42, "EINVAL", ["endpoint must be a string, got number"]],
    [undefined, "EINVAL", ["endpoint must be a string, got undefined"]],
    ["/tmp/x.sock", "EINVAL", ["malformed endpoint (expected ipc://<path>)", "/tmp/x.sock"]],
    ["tcp://127.0.0.1:5555", "EPROTONOSUPPORT", ['transport "tcp" is not supported', "ipc only", "tcp://127.0.0.1:5555"]],
    ["ipc://", "EINVAL", ["empty ipc address"]],
    ["ipc://a\0b", "EINVAL", ["ipc address contains a NUL byte"]],
    [`ipc:///${"x".repeat(107)}`, "ENAMETOOLONG", ["ipc address is 108 bytes; linux allows at most 107 (sun_path is 108)"]],
    ["ipc://@", "EINVAL", ["abstract ipc address has an empty name"]],
  ])("%j: %s", (endpoint, code, fragments) => {
    const err = refusal(() => parseEndpoint(endpoint, "bind", linux, true));
    expect(err.code).toBe(code);
    for (const fragment of fragments) expect(`${err.reason}: ${err.address}`).toContain(fragment);
  });

  test("an abstract name where there is no abstract namespace names the platform", () => {
    const err = refusal(() => parseEndpoint("ipc://@name", "connect", freebsd, true));
    expect(err.code).toBe("EINVAL");
    expect(err.reason).toContain("the abstract namespace (ipc://@name) exists only on Linux, not on freebsd");
  });

  test("an abstract name on a libuv that pads it names the libuv version", () => {
    const err = refusal(() => parseEndpoint("ipc://@name", "bind", linux, false));
    expect(err.code).toBe("ENOTSUP");
    expect(err.reason).toContain(`abstract ipc addresses need libuv >= 1.48 (Node >= 22); this Node's libuv ${process.versions.uv}`);
    expect(err.address).toBe("ipc://@name");
  });
});

describe("the wildcard: any bind address starting with '*' (as libzmq); connect takes it literally", () => {
  test.each(["ipc://*", "ipc://*.sock", "ipc://*/anything"])("bind %s is the wildcard", (endpoint) => {
    expect(parseEndpoint(endpoint, "bind", linux)).toEqual({ kind: "wildcard" });
  });

  test("a '*' elsewhere in a bind address is part of a path", () => {
    expect(parseEndpoint("ipc://dir/*", "bind", linux)).toEqual({ kind: "path", path: "dir/*" });
  });

  test("connect to ipc://* names a file called '*'", () => {
    expect(parseEndpoint("ipc://*", "connect", linux)).toEqual({ kind: "path", path: "*" });
  });
});

test("nodeSocketPath: a path as given, an abstract name behind a NUL", () => {
  expect(nodeSocketPath({ kind: "path", path: "rel/x.sock" })).toBe("rel/x.sock");
  expect(nodeSocketPath({ kind: "abstract", name: "name" })).toBe("\0name");
});

describe("exactAbstractNames: libuv 1.48 or later", () => {
  test.each([
    ["1.46.0", false],
    ["1.47.9", false],
    ["1.48.0", true],
    ["1.51.0", true],
    ["2.0.0", true],
    ["0.99.0", false],
  ])("libuv %s: %s", (version, exact) => {
    expect(exactAbstractNames(version)).toBe(exact);
  });

  test("without an argument it reads this Node's libuv version", () => {
    const real = Object.getOwnPropertyDescriptor(process.versions, "uv") as PropertyDescriptor;
    try {
      Object.defineProperty(process.versions, "uv", { ...real, value: "1.48.0" });
      expect(exactAbstractNames()).toBe(true);
      Object.defineProperty(process.versions, "uv", { ...real, value: "1.46.0" });
      expect(exactAbstractNames()).toBe(false);
    } finally {
      Object.defineProperty(process.versions, "uv", real);
    }
  });
});
