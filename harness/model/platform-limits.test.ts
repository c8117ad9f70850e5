/** The harness's expectations of the operating system, row by row, from the headers cited in platform-limits.ts. */
import { PLATFORM_LIMITS, platformLimits } from "./platform-limits";

test.each([
  ["linux", 108, 107, true],
  ["freebsd", 104, 103, false],
  ["darwin", 104, 103, false],
  ["netbsd", 104, 103, false],
  ["openbsd", 104, 103, false],
])("%s: sun_path %d bytes, longest path %d bytes, abstract namespace %s", (name, sunPathSize, maxPathBytes, abstractNamespace) => {
  expect(platformLimits(name)).toEqual({ name, sunPathSize, maxPathBytes, abstractNamespace });
});

test("a platform the table does not know gets the strictest row, under its own name", () => {
  expect(platformLimits("sunos")).toEqual({ ...PLATFORM_LIMITS.freebsd, name: "sunos" });
});

test("without an argument it is this host's row", () => {
  expect(platformLimits().name).toBe(process.platform);
});
