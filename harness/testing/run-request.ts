import type { RunRequest } from "../runner/run-request";

/** A `run` of the reference alone on this host into `out`, quiet: tests override what they are about. */
export function runRequest(out: string, overrides: Partial<RunRequest> = {}): RunRequest {
  return {
    implementations: ["reference"],
    drivers: [],
    suites: [],
    scenarios: [],
    platforms: ["host"],
    out,
    expectFiles: [],
    jobs: 1,
    log: () => undefined,
    ...overrides,
  };
}
