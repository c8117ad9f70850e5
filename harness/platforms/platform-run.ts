import type { Report } from "../report/report-json";

/** What one platform's run gives back: its report, and the problems that make the run's exit code 2. */
export interface PlatformRun {
  report: Report;
  harnessErrors: string[];
}
