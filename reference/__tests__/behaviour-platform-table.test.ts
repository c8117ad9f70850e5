import { exactAbstractNames } from "../endpoint/abstract-support";
import { parseEndpoint } from "../endpoint/parse-endpoint";
import { PLATFORM_IPC, platformIpc, type PlatformName } from "../endpoint/platform-limits";
import { syncFailure } from "./helpers/behaviour-env";

/**
 * The platform table, row by row, with the platform injected into the (pure) endpoint parser:
 * the same endpoint strings give each platform's answer without running on that platform.
 * Whether Node can use exact abstract names (libuv >= 1.48) is injected too (last argument).
 */
const EXPECTED: Record<PlatformName, { sunPathSize: number; maxPathBytes: number; abstractNamespace: boolean }> = {
  linux: { sunPathSize: 108, maxPathBytes: 107, abstractNamespace: true },
  darwin: { sunPathSize: 104, maxPathBytes: 103, abstractNamespace: false },
  freebsd: { sunPathSize: 104, maxPathBytes: 103, abstractNamespace: false },
  netbsd: { sunPathSize: 104, maxPathBytes: 103, abstractNamespace: false },
  openbsd: { sunPathSize: 104, maxPathBytes: 103, abstractNamespace: false },
};

/** `/` followed by filler: an absolute path of exactly `bytes` bytes. */
function absolute(bytes: number): string {
  return `/${"p".repeat(bytes - 1)}`;
}

test("the table has exactly the five known platforms", () => {
  expect(Object.keys(PLATFORM_IPC).sort()).toEqual(Object.keys(EXPECTED).sort());
});

describe.each(Object.keys(EXPECTED) as PlatformName[])("%s", (name) => {
  const expected = EXPECTED[name];
  const platform = platformIpc(name);

  test("row values", () => {
    expect(platform).toEqual({ name, ...expected });
    // libzmq's rule: strlen(path) >= sizeof(sun_path) is too long.
    expect(platform.maxPathBytes).toBe(platform.sunPathSize - 1);
  });

  describe.each(["bind", "connect"] as const)("%s", (use) => {
    test(`${expected.maxPathBytes} bytes is accepted, ${expected.maxPathBytes + 1} is ENAMETOOLONG`, () => {
      expect(parseEndpoint(`ipc://${absolute(expected.maxPathBytes)}`, use, platform)).toEqual({
        kind: "path",
        path: absolute(expected.maxPathBytes),
      });
      const tooLong = syncFailure(() => parseEndpoint(`ipc://${absolute(expected.maxPathBytes + 1)}`, use, platform));
      expect(tooLong.code).toBe("ENAMETOOLONG");
    });

    test("a relative path is measured as given", () => {
      expect(parseEndpoint(`ipc://${"r".repeat(expected.maxPathBytes)}`, use, platform)).toEqual({
        kind: "path",
        path: "r".repeat(expected.maxPathBytes),
      });
      expect(syncFailure(() => parseEndpoint(`ipc://${"r".repeat(expected.maxPathBytes + 1)}`, use, platform)).code).toBe("ENAMETOOLONG");
    });

    test("the limit is in UTF-8 bytes", () => {
      // "€" is 3 bytes: a third as many characters reach the limit.
      const fits = "€".repeat(Math.floor(expected.maxPathBytes / 3));
      expect(parseEndpoint(`ipc://${fits}`, use, platform)).toEqual({ kind: "path", path: fits });
      const over = "€".repeat(Math.floor(expected.maxPathBytes / 3) + 1);
      expect(over.length).toBeLessThan(expected.maxPathBytes);
      expect(syncFailure(() => parseEndpoint(`ipc://${over}`, use, platform)).code).toBe("ENAMETOOLONG");
    });

    if (expected.abstractNamespace) {
      test("abstract names are accepted where Node can bind them exactly; '@' counts toward the limit; bare '@' is EINVAL", () => {
        const longest = "a".repeat(expected.maxPathBytes - 1);
        expect(parseEndpoint(`ipc://@${longest}`, use, platform, true)).toEqual({ kind: "abstract", name: longest });
        expect(syncFailure(() => parseEndpoint(`ipc://@${longest}a`, use, platform, true)).code).toBe("ENAMETOOLONG");
        expect(syncFailure(() => parseEndpoint("ipc://@", use, platform, true)).code).toBe("EINVAL");
      });

      test("on a Node that pads abstract names (libuv < 1.48) they are ENOTSUP, after the length and empty-name checks", () => {
        expect(syncFailure(() => parseEndpoint("ipc://@name", use, platform, false)).code).toBe("ENOTSUP");
        expect(syncFailure(() => parseEndpoint("ipc://@", use, platform, false)).code).toBe("EINVAL");
        const tooLong = `ipc://@${"a".repeat(expected.maxPathBytes)}`;
        expect(syncFailure(() => parseEndpoint(tooLong, use, platform, false)).code).toBe("ENAMETOOLONG");
      });
    } else {
      test.each([true, false])("abstract names are EINVAL: no abstract namespace (exact names in Node: %s)", (exact) => {
        expect(syncFailure(() => parseEndpoint("ipc://@name", use, platform, exact)).code).toBe("EINVAL");
        expect(syncFailure(() => parseEndpoint("ipc://@", use, platform, exact)).code).toBe("EINVAL");
      });
    }

    test("empty address EINVAL, other transports EPROTONOSUPPORT, garbage EINVAL", () => {
      expect(syncFailure(() => parseEndpoint("ipc://", use, platform)).code).toBe("EINVAL");
      expect(syncFailure(() => parseEndpoint("tcp://127.0.0.1:1", use, platform)).code).toBe("EPROTONOSUPPORT");
      expect(syncFailure(() => parseEndpoint("not an endpoint", use, platform)).code).toBe("EINVAL");
      expect(syncFailure(() => parseEndpoint("ipc://a\0b", use, platform)).code).toBe("EINVAL");
    });
  });

  test("'*' is the wildcard on bind only; connect takes it as a path", () => {
    expect(parseEndpoint("ipc://*", "bind", platform)).toEqual({ kind: "wildcard" });
    expect(parseEndpoint("ipc://*", "connect", platform)).toEqual({ kind: "path", path: "*" });
  });
});

test("an unknown platform gets the strictest row (103 bytes, no abstract namespace)", () => {
  const platform = platformIpc("sunos");
  expect(platform).toMatchObject({ name: "sunos", sunPathSize: 104, maxPathBytes: 103, abstractNamespace: false });
  expect(syncFailure(() => parseEndpoint(`ipc://${absolute(104)}`, "bind", platform)).code).toBe("ENAMETOOLONG");
  expect(syncFailure(() => parseEndpoint("ipc://@x", "connect", platform, true)).code).toBe("EINVAL");
});

test("exactAbstractNames: libuv 1.48 is the first that passes exact abstract address lengths", () => {
  expect(exactAbstractNames("1.46.0")).toBe(false);
  expect(exactAbstractNames("1.47.9")).toBe(false);
  expect(exactAbstractNames("1.48.0")).toBe(true);
  expect(exactAbstractNames("1.51.0")).toBe(true);
  expect(exactAbstractNames("2.0.0")).toBe(true);
});

test("the default platform is the one we run on", () => {
  expect(platformIpc()).toEqual(platformIpc(process.platform));
  if (process.platform in PLATFORM_IPC) expect(platformIpc()).toBe(PLATFORM_IPC[process.platform as PlatformName]);
});
