import type { RunRequest } from "../cli/commands/run";

/** The run's flags for a CLI that runs the platform elsewhere (a container, another Node): the platform, the output and the --expect files are set there. */
export function forwardedFlags(request: RunRequest): string[] {
  const flags = request.implementations.length > 0 ? ["--impl", request.implementations.join(",")] : [];
  for (const driver of request.drivers) flags.push("--driver", `${driver.name}=${driver.command}`);
  if (request.suites.length > 0) flags.push("--suite", request.suites.join(","));
  if (request.scenarios.length > 0) flags.push("--scenario", request.scenarios.join(","));
  if (request.multiplier !== undefined) flags.push("--timeout-multiplier", String(request.multiplier));
  flags.push("--jobs", String(request.jobs));
  if (request.repeat !== undefined) flags.push("--repeat", String(request.repeat));
  if (request.shard) flags.push("--shard", `${request.shard.index}/${request.shard.count}`);
  return flags;
}
