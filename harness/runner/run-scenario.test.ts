import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as vm from "node:vm";
import type { Implementation, TestSocket } from "../model/implementation";
import { referenceImplementation } from "../adapters/reference-adapter";
import { scenario, type Level } from "../model/scenario";
import { platformLimits } from "../model/platform-limits";
import { runScenario } from "./run-scenario";
import type { ScenarioContext } from "../model/scenario-context";

const settings = { platformId: "host", platform: platformLimits(), multiplier: 1 };
const reference = referenceImplementation();
const roles = { binder: reference, connecter: reference };

function make(level: Level, run: (ctx: ScenarioContext) => Promise<void>, extra: Partial<Parameters<typeof scenario>[0]> = {}) {
  return scenario({ id: "endpoint-syntax.harness-probe", clause: "ipc.bind.pathname", level, title: "probe", run, ...extra });
}

describe("runScenario turns every kind of end into an outcome", () => {
  test("a scenario that never settles costs its limit and reports timeout", async () => {
    const row = await runScenario(
      make("MUST", () => new Promise(() => undefined), { timeoutMs: 50 }),
      roles,
      settings,
    );
    expect(row.outcome).toBe("timeout");
    expect(row.durationMs).toBeGreaterThanOrEqual(45);
  });

  test("a broken check is fail at MUST, non-strict at SHOULD and COMPAT, informational at INFO", async () => {
    const broken = async (ctx: ScenarioContext) => ctx.check("one is two", 1, 2);
    expect((await runScenario(make("MUST", broken), roles, settings)).outcome).toBe("fail");
    expect((await runScenario(make("SHOULD", broken), roles, settings)).outcome).toBe("non-strict");
    expect((await runScenario(make("COMPAT", broken), roles, settings)).outcome).toBe("non-strict");
    expect((await runScenario(make("INFO", broken), roles, settings)).outcome).toBe("informational");
  });

  test("a fault of the harness itself is error, with the stack in the summary", async () => {
    const row = await runScenario(
      make("MUST", async () => {
        throw new TypeError("bug in a scenario");
      }),
      roles,
      settings,
    );
    expect(row.outcome).toBe("error");
    expect(row.observed.summary).toContain("bug in a scenario");
  });

  test("a missing capability is unsupported, and a platform mismatch skipped with its reason", async () => {
    const bare = { ...reference, capabilities: [] };
    const unsupported = await runScenario(
      make("MUST", async () => undefined, { requires: ["wildcard"] }),
      { binder: bare, connecter: bare },
      settings,
    );
    expect(unsupported.outcome).toBe("unsupported");
    const other = await runScenario(
      make("MUST", async () => undefined, { platforms: ["openbsd"] }),
      roles,
      { ...settings, platform: platformLimits("linux") },
    );
    expect(other.outcome).toBe("skipped");
    expect(other.observed.summary).toContain("openbsd");
  });

  test("the scenario's directory and sockets are gone afterwards, whatever the outcome", async () => {
    let dir = "";
    const row = await runScenario(
      make("MUST", async (ctx) => {
        dir = ctx.dir;
        const pull = await ctx.socket(ctx.impl, "PULL");
        await pull.bind(ctx.endpoint("left.sock"));
        throw new Error("stop here");
      }),
      roles,
      settings,
    );
    expect(row.outcome).toBe("error");
    expect(dir).not.toBe("");
    expect(fs.existsSync(dir)).toBe(false);
  });
});

describe("the harness's own faults and a scenario that outlives its limit", () => {
  // Once a bug: mkdtemp's exception escaped runScenario, so the CLI died with exit 1 (the code for
  // unexpected results) and no report, and runMatrix would have waited for the row forever.
  test("a TMPDIR where no directory can be made is an error row naming the problem, never a throw", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "zic-run-scenario-")), "a-file");
    fs.writeFileSync(file, "");
    // os.tmpdir() reads the real process's environment (under jest `process.env` is a copy).
    const env = (vm.runInThisContext("process") as NodeJS.Process).env;
    const previous = env.TMPDIR;
    env.TMPDIR = file;
    try {
      const row = await runScenario(
        make("MUST", async () => undefined),
        roles,
        settings,
      );
      expect(row.outcome).toBe("error");
      expect(row.observed.summary).toMatch(/^harness error: ENOTDIR: not a directory, mkdtemp '.*a-file\/zic-XXXXXX'$/);
    } finally {
      if (previous === undefined) delete env.TMPDIR;
      else env.TMPDIR = previous;
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });

  /** A timed-out scenario's ctx.socket() call, and how many sockets the implementation created and saw closed. */
  async function lateSocket(createdWhen: "in flight at the limit" | "after the limit") {
    let created = 0;
    let closed = 0;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const stub = { close: async () => void closed++ } as unknown as TestSocket;
    const createSocket = async () => {
      if (createdWhen === "in flight at the limit") await released;
      created++;
      return stub;
    };
    const impl = { ...reference, id: "stub", createSocket } as Implementation;
    const refusal = await new Promise<unknown>((settle) => {
      const run = async (ctx: ScenarioContext) => {
        if (createdWhen === "after the limit") await released;
        settle(await ctx.socket(impl, "PULL").catch((err: unknown) => err));
      };
      void runScenario(make("MUST", run, { timeoutMs: 50 }), { binder: impl, connecter: impl }, settings).then((row) => {
        expect(row.outcome).toBe("timeout");
        release(); // the runner has cleaned up: now the scenario goes on
      });
    });
    return { refusal: (refusal as Error).message, created, closed };
  }

  test("a socket still being created when the limit expires is closed as soon as it exists, and the call refused", async () => {
    const { refusal, created, closed } = await lateSocket("in flight at the limit");
    expect(refusal).toMatch(/^ctx\.socket\(\) after the scenario ended \(it ran past its limit\)/);
    expect([created, closed]).toEqual([1, 1]);
  });

  test("a socket asked for after the limit is refused without being created", async () => {
    const { refusal, created } = await lateSocket("after the limit");
    expect(refusal).toMatch(/^ctx\.socket\(\) after the scenario ended/);
    expect(created).toBe(0);
  });
});
