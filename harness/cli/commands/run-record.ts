import type { TraceMode } from "../../model/transcript";
import type { ExpectationSet } from "../../expectations/expectations";
import type { Report } from "../../report/report-json";
import { startOf } from "../implementations";

/**
 * Writes into a report what a rerun of one of its cells needs, from the request as the user
 * typed it: how each implementation was started (a --driver's command), the --expect file it was
 * judged by, the --out directory and the timeout multiplier. Done where the request is known,
 * so a report made inside a container, or a partial one, says the same as the final one.
 */
export function recordInvocation(
  report: Report,
  request: {
    readonly drivers: ReadonlyArray<{ name: string; command: string }>;
    readonly out: string;
    readonly multiplier?: number;
    readonly repeat?: number;
    readonly trace?: TraceMode;
  },
  overrides: readonly ExpectationSet[],
): Report {
  return {
    ...report,
    implementations: report.implementations.map((impl) => {
      const start = startOf(impl.id, request.drivers);
      const expectations = overrides.find((set) => set.implementation === impl.id)?.file;
      return { ...impl, ...(start !== undefined ? { start } : {}), ...(expectations !== undefined ? { expectations } : {}) };
    }),
    invocation: {
      out: request.out,
      ...(request.multiplier !== undefined ? { timeoutMultiplier: request.multiplier } : {}),
      ...(request.repeat !== undefined ? { repeat: request.repeat } : {}),
      ...(request.trace !== undefined ? { trace: request.trace } : {}),
    },
  };
}
