import * as os from "node:os";
import { validateReport } from "../report/validate-report";
import { sampleReport } from "../report/__tests__/sample-report";
import { describePlatform, parseOsRelease, userDescription } from "./platform-facts";

/** The real values of the machine the tests run on: Debian 12 or 13 on Linux, as every developer machine and container is. */
describe("describePlatform", () => {
  const entry = describePlatform("host");

  test("names this process's machine, run", () => {
    expect(entry).toMatchObject({
      id: "host",
      os: process.platform,
      arch: process.arch,
      kernel: `${os.type()} ${os.release()}`,
      node: process.version,
      libuv: process.versions.uv,
      status: "run",
    });
    expect(entry.reason).toBeUndefined();
    expect(entry.runAs).toBeUndefined();
  });

  test("reads the runtime glibc, the distribution and the bundled libzmq", () => {
    expect(entry.libc).toMatch(/^glibc 2\.\d+$/);
    expect(entry.distro).toContain("Debian");
    expect(entry.libzmq).toBe((require("zeromq") as { version: string }).version);
    expect(entry.libzmq).toMatch(/^\d+\.\d+\.\d+$/);
  });

  test("says who runs it, and root as root", () => {
    const uid = process.getuid!();
    expect(entry.user).toBe(`uid ${uid} (${os.userInfo().username})`);
    expect(userDescription(0, "root")).toBe("uid 0 (root)");
    expect(userDescription(0, "toor")).toBe("uid 0 (toor, root)");
    expect(userDescription(1000, undefined)).toBe("uid 1000 (no account name)");
  });

  test("is quick after the first call and the same for another id", () => {
    const started = performance.now();
    const again = describePlatform("linux-debian12");
    expect(performance.now() - started).toBeLessThan(5);
    expect({ ...again, id: "host" }).toEqual(entry);
  });

  test("fits the report schema with every field", () => {
    const report = { ...sampleReport(), platforms: [entry, { id: "freebsd", os: "freebsd", status: "not-run", reason: "no FreeBSD host reachable" }] };
    expect(Object.keys(entry).sort()).toEqual(["arch", "distro", "id", "kernel", "libc", "libuv", "libzmq", "node", "os", "status", "user"]);
    expect(validateReport(JSON.parse(JSON.stringify(report)))).toEqual([]);
  });
});

describe("parseOsRelease", () => {
  test("reads quoted and unquoted values, with shell escapes", () => {
    const text = [
      'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"',
      "NAME='Alpine Linux'",
      "ID=debian",
      "# a comment",
      'VERSION="say \\"hi\\" \\\\ \\$x"',
      "",
    ].join("\n");
    expect(parseOsRelease(text)).toEqual({ PRETTY_NAME: "Debian GNU/Linux 12 (bookworm)", NAME: "Alpine Linux", ID: "debian", VERSION: 'say "hi" \\ $x' });
  });
});
