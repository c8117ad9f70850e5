import { globToRegExp } from "../model/id-glob";
import type { Scenario } from "../model/scenario";

/** `--scenario` takes IDs or globs (`bind-override.*`, `*.regular-file-*`); `--suite` takes suite names. */
export function selectScenarios(all: readonly Scenario[], suites: string[], patterns: string[]): Scenario[] {
  const known = new Set(all.map((s) => s.suite));
  for (const suite of suites) {
    if (!known.has(suite as Scenario["suite"])) {
      throw new UsageError(`unknown suite "${suite}" (known: ${[...known].join(", ")})`);
    }
  }
  const matchers = patterns.map(globToRegExp);
  const selected = all.filter((s) => (suites.length === 0 || suites.includes(s.suite)) && (matchers.length === 0 || matchers.some((m) => m.test(s.id))));
  if (selected.length === 0) throw new UsageError(`no scenario matches --suite ${suites.join(",") || "*"} --scenario ${patterns.join(",") || "*"}`);
  return selected;
}

/** A mistake in the command line: exit code 2 with the message, never a stack trace. */
export class UsageError extends Error {
  name = "UsageError";
}
