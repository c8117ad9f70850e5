import * as fs from "node:fs";
import { referenceImplementation } from "../adapters/reference-adapter";
import { scenario, type Level } from "../model/scenario";
import { platformIpc } from "../../reference/endpoint/platform-limits";
import { runScenario } from "./run-scenario";
import type { ScenarioContext } from "./context";

const settings = { platformId: "host", platform: platformIpc(), multiplier: 1 };
const reference = referenceImplementation();
const roles = { binder: reference, connecter: reference };

function make(level: Level, run: (ctx: ScenarioContext) => Promise<void>, extra: Partial<Parameters<typeof scenario>[0]> = {}) {
  return scenario({ id: "endpoint-syntax.harness-probe", suite: "endpoint-syntax", clause: "ipc.bind.pathname", level, title: "probe", run, ...extra });
}

describe("runScenario turns every kind of end into an outcome", () => {
  test("a scenario that never settles costs its limit and reports timeout", async () => {
    const row = await runScenario(make("MUST", () => new Promise(() => undefined), { timeoutMs: 50 }), roles, settings);
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
    const row = await runScenario(make("MUST", async () => { throw new TypeError("bug in a scenario"); }), roles, settings);
    expect(row.outcome).toBe("error");
    expect(row.observed.summary).toContain("bug in a scenario");
  });

  test("a missing capability is unsupported, and a platform mismatch skipped with its reason", async () => {
    const bare = { ...reference, capabilities: [] };
    const unsupported = await runScenario(make("MUST", async () => undefined, { requires: ["wildcard"] }), { binder: bare, connecter: bare }, settings);
    expect(unsupported.outcome).toBe("unsupported");
    const other = await runScenario(make("MUST", async () => undefined, { platforms: ["openbsd"] }), roles, { ...settings, platform: platformIpc("linux") });
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
