import { siteArgv } from "./agent-machine";

describe("the argv a command line runs as on a site", () => {
  test("words alone run without a shell (a site may have none)", () => {
    expect(siteArgv("/usr/local/libexec/zic/libzmq-c-driver")).toEqual(["/usr/local/libexec/zic/libzmq-c-driver"]);
    expect(siteArgv("  python3 drivers/pyzmq/driver.py --verbose ")).toEqual(["python3", "drivers/pyzmq/driver.py", "--verbose"]);
  });

  test("anything a shell would act on goes to sh -c as written", () => {
    for (const line of ["FOO=1 ./driver", "./driver 2>/tmp/err", "'/a path/driver'", "exec $DRIVER", "a && b", "./driver *"]) {
      expect(siteArgv(line)).toEqual(["sh", "-c", line]);
    }
  });
});
