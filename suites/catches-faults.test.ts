/**
 * The suites are worth the bugs they catch: each deliberately broken implementation in the
 * catalogue must be flagged by the scenarios it names (a non-pass outcome on a scenario that
 * checks one of the fault's clauses), while the unbroken reference passes those same scenarios.
 * This runs the faults command's own judge on the declared catchers only; `npm run faults`
 * runs it on every in-place scenario checking the fault's clauses as well.
 */
import { referenceImplementation } from "../harness/adapters/reference-adapter";
import { FAULTS } from "../harness/faults/catalogue";
import { HealthyBaseline, judgeFault, type FaultVerdict } from "../harness/faults/judge-fault";
import { catalogueErrors, hostSettings, summarise } from "../harness/faults/run-faults";
import type { Fault } from "../harness/faults/faulty-implementation";
import type { Scenario } from "../harness/model/scenario";
import { IN_PLACE_SCENARIOS } from "./index";
import clauses from "../fixtures/spec/clauses.json";

const reference = referenceImplementation();
const settings = hostSettings();
const baseline = new HealthyBaseline(reference, settings);
const declared = (fault: Fault): Scenario[] => IN_PLACE_SCENARIOS.filter((s) => fault.caughtBy.includes(s.id));

/** A scenario this host can run against the reference: otherwise a catch cannot be shown here. */
const runsHere = (scenario: Scenario) =>
  (scenario.requires ?? []).every((c) => reference.capabilities.includes(c)) &&
  (scenario.platforms === undefined || scenario.platforms.includes(settings.platform.name));

describe("the fault catalogue", () => {
  test("has at least 20 faults, each with a real-world mirror, known clauses and catchers that check them", () => {
    expect(FAULTS.length).toBeGreaterThanOrEqual(20);
    expect(catalogueErrors(FAULTS)).toEqual([]);
    const known = new Set((clauses as Array<{ id: string }>).map((c) => c.id));
    for (const fault of FAULTS) {
      expect(fault.mirrors.length).toBeGreaterThan(20);
      expect(fault.clauses.filter((id) => !known.has(id))).toEqual([]);
    }
  });
});

describe.each(FAULTS.map((fault) => [fault.id, fault] as const))("fault %s", (_id, fault) => {
  test("is caught by every scenario it names (the healthy reference passing them), or reported not runnable where none can run here", async () => {
    const verdict = await judgeFault(fault, declared(fault), reference, baseline, settings);
    if (declared(fault).some(runsHere)) {
      expect({ status: verdict.status, declaredMisses: verdict.declaredMisses }).toEqual({ status: "caught", declaredMisses: [] });
    } else {
      // Honest about hosts that cannot show it (abstract names on Node 20): never a fake catch.
      expect(verdict.status).toBe("not-runnable");
    }
  });
});

describe("the judge gives no free catches", () => {
  const scenarioById = (id: string) => IN_PLACE_SCENARIOS.filter((s) => s.id === id);
  const ignoresMore = FAULTS.find((f) => f.id === "ignores-more")!;

  test("a fault that changes nothing is missed", async () => {
    const harmless: Fault = { ...ignoresMore, id: "harmless", createSocket: (healthy, type, options) => healthy(type, options) };
    const verdict = await judgeFault(harmless, scenarioById("zmtp-wire.pull-receives-multipart"), reference, baseline, settings);
    expect(verdict.status).toBe("missed");
  });

  test("a failure on a scenario checking none of the fault's clauses is not a catch", async () => {
    const misfiled: Fault = { ...ignoresMore, id: "misfiled", clauses: ["ipc.bind.override"] };
    const verdict = await judgeFault(misfiled, scenarioById("zmtp-wire.pull-receives-multipart"), reference, baseline, settings);
    expect({ status: verdict.status, catches: verdict.catches }).toEqual({ status: "missed", catches: [] });
    expect(catalogueErrors([misfiled])).toEqual([expect.stringContaining("none of the fault's clauses")]);
  });
});

describe("the faults command's verdict", () => {
  const caughtBy = (...scenarios: string[]) => scenarios.map((scenario) => ({ scenario, roles: "faulty", outcome: "fail" as const, summary: "s" }));
  const verdict = (id: string, status: FaultVerdict["status"], catches = status === "caught" ? caughtBy("s.one", "s.two") : []): FaultVerdict => ({
    fault: { ...FAULTS[0], id },
    status,
    catches,
    errors: [],
    declaredMisses: [],
    ran: 1,
  });

  test("exit 0 and `caught N/M faults` last when every runnable fault is caught; not-runnable ones are listed, not counted", () => {
    const { lines, exitCode } = summarise([verdict("a", "caught"), verdict("b", "caught"), verdict("c", "not-runnable")]);
    expect(exitCode).toBe(0);
    expect(lines).toEqual(["not runnable here (not counted): c", "caught by one scenario only (0): none", "caught 2/2 faults"]);
  });

  test("depth: the faults that a single scenario catches are named (two catches by one scenario are one witness)", () => {
    const { lines } = summarise([verdict("a", "caught", caughtBy("s.one", "s.one")), verdict("b", "caught")]);
    expect(lines).toEqual(["caught by one scenario only (1): a", "caught 2/2 faults"]);
  });

  test("exit 1 naming what was missed", () => {
    const { lines, exitCode } = summarise([verdict("a", "caught"), verdict("b", "missed")]);
    expect(exitCode).toBe(1);
    expect(lines).toEqual(["missed: b", "caught by one scenario only (0): none", "caught 1/2 faults"]);
  });

  test("exit 1 when nothing could be run at all", () => {
    expect(summarise([verdict("c", "not-runnable")]).exitCode).toBe(1);
  });

  test("exit 2 when a run ended in a harness error, whatever was caught", () => {
    const errored = { ...verdict("a", "caught"), errors: [{ scenario: "s", roles: "faulty", outcome: "error" as const, summary: "harness error" }] };
    const { lines, exitCode } = summarise([errored]);
    expect(exitCode).toBe(2);
    expect(lines.at(-1)).toBe("caught 1/1 faults");
  });
});
