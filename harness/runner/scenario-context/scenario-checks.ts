import type { CheckRecord } from "../../model/outcome";
import type { Attempt } from "../../model/scenario-context";
import { ImplementationError } from "../../model/implementation";
import { Violation } from "../verdicts";

/** What a scenario checked and observed, for the report; a check that does not hold ends it. */
export class ScenarioChecks {
  readonly records: CheckRecord[] = [];
  readonly observations: Record<string, unknown> = {};

  /** Records a check; throws a Violation (the scenario's verdict) when it does not hold. */
  check<T>(what: string, observed: T, acceptable: T | ((value: T) => boolean), expected?: string): void {
    const ok = typeof acceptable === "function" ? (acceptable as (value: T) => boolean)(observed) : sameValue(observed, acceptable);
    const record: CheckRecord = {
      what,
      expected: expected ?? describe(acceptable),
      observed: describe(observed),
      ok,
    };
    this.records.push(record);
    if (!ok) throw new Violation(what, record.expected, record.observed);
  }

  /** Records a value without judging it (INFO scenarios, and context for failures). */
  observe(key: string, value: unknown): void {
    this.observations[key] = value;
  }

  /** Runs a call that may be refused, capturing the errno name instead of throwing. */
  async attempt<T>(call: () => Promise<T>): Promise<Attempt<T>> {
    try {
      return { ok: true, value: await call() };
    } catch (err) {
      if (err instanceof ImplementationError) return { ok: false, code: err.code, message: err.message };
      throw err;
    }
  }

  /** Expects a call to fail with one of the given errno names. */
  async expectError(what: string, call: () => Promise<unknown>, codes: string[]): Promise<string> {
    const result = await this.attempt(call);
    const observed = result.ok ? "success" : result.code;
    this.check(what, observed, (value) => codes.includes(value), `error ${codes.join(" or ")}`);
    return observed;
  }

  /** Expects a call to succeed; a refusal is a violation naming the errno. */
  async expectSuccess<T>(what: string, call: () => Promise<T>): Promise<T> {
    const result = await this.attempt(call);
    this.check(what, result.ok ? "success" : `error ${result.code} (${result.message})`, "success");
    return (result as { ok: true; value: T }).value;
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return describe(a) === describe(b);
}

function describe(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "function") return "a value meeting the scenario's condition";
  return JSON.stringify(value);
}
