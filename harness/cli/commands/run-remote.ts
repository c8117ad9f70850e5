import type { ExpectationSet } from "../../expectations/expectations";
import type { Scenario } from "../../model/scenario";
import { openAgentContainer } from "../../platforms/agent-container-site";
import { openQemuSite, SiteUnavailable } from "../../platforms/qemu-site";
import { EngineUnavailable } from "../../platforms/container-engine";
import type { PlatformRun } from "../../platforms/platform-run";
import type { PlatformTarget } from "../../platforms/targets";
import { projectRoot } from "../../driver/shipped-drivers";
import { timeoutMultiplier } from "../../runner/limits";
import type { RunRequest } from "../../runner/run-request";
import { runHere, type LiveRun } from "./run-here";

/** How long a remote machine may take to answer: a container starts in seconds, a FreeBSD guest under TCG in about 15. */
const OPEN_LIMIT_MS = 120_000;

/**
 * A remote platform: the harness stays here and drives implementations on the other machine
 * through its site agent (drivers only: an in-process implementation's cells are `skipped`
 * there). A machine that cannot be had (no engine, no image) is "not run" with the command that
 * provides it, which makes the run exit 2 like any platform asked for and not run.
 */
export async function runRemotePlatform(
  target: Extract<PlatformTarget, { kind: "remote" }>,
  scenarios: readonly Scenario[],
  request: RunRequest,
  overrides: readonly ExpectationSet[],
  out: string,
  live: LiveRun,
): Promise<PlatformRun | { unavailable: string }> {
  const multiplier = request.multiplier ?? timeoutMultiplier();
  let site;
  try {
    site =
      target.provider === "qemu"
        ? await openQemuSite(target.id, OPEN_LIMIT_MS * multiplier)
        : await openAgentContainer(target.id, projectRoot(), OPEN_LIMIT_MS * multiplier);
  } catch (err) {
    if (err instanceof EngineUnavailable || err instanceof SiteUnavailable) return { unavailable: err.message };
    return { unavailable: `${target.id}: the machine could not be reached: ${(err as Error)?.message ?? String(err)}` };
  }
  request.log(`${target.id}: ${site.machine.label}`);
  try {
    return await runHere(scenarios, request, target.id, overrides, out, live, site.machine);
  } finally {
    await site.close();
  }
}
