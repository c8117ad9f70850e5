/**
 * The container engine, through testcontainers (pinned 11.x: 12 needs Node 22). Offline rules:
 * nothing is ever pulled (a missing image is an error naming the command that builds it), Ryuk
 * is off (its image cannot be pulled) so every container is removed explicitly, and the host is
 * named so that testcontainers does not start a helper container to find it.
 */
import type * as Testcontainers from "testcontainers";

/** A missing engine or image: the run cannot do what was asked (exit 2), and says how to fix it. */
export class EngineUnavailable extends Error {}

let loaded: typeof Testcontainers | undefined;

/** testcontainers, loaded only when a container platform is asked for (host runs never pay for it). */
export function testcontainers(): typeof Testcontainers {
  if (loaded === undefined) {
    process.env.TESTCONTAINERS_RYUK_DISABLED = "true";
    process.env.TESTCONTAINERS_HOST_OVERRIDE ??= "localhost";
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require("testcontainers") as typeof Testcontainers;
  }
  return loaded;
}

/** Fails with the command that starts an engine when none answers. */
export async function requireEngine(): Promise<void> {
  try {
    await testcontainers().getContainerRuntimeClient();
  } catch (err) {
    throw new EngineUnavailable(
      `no container engine answers (${firstLine(err)}): start one with \`bash docker/start-dockerd.sh\` (Debian: apt-get install -y docker.io)`,
    );
  }
}

/**
 * Removes containers an earlier run left behind when it was killed (Ctrl-C, a CI timeout): they
 * carry the pid of the process that started them, and that process is gone.
 */
export async function removeOrphans(): Promise<string[]> {
  const client = await testcontainers().getContainerRuntimeClient();
  const orphans = (await client.container.list()).filter((info) => {
    const pid = Number(info.Labels?.["org.zic.pid"]);
    return info.Labels?.["org.zic.platform"] !== undefined && Number.isInteger(pid) && pid !== process.pid && !alive(pid);
  });
  await Promise.all(
    orphans.map((info) =>
      client.container
        .getById(info.Id)
        .remove({ force: true })
        .catch(() => undefined),
    ),
  );
  return orphans.map((info) => info.Id.slice(0, 12));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Fails with the command that builds the image when it is not in the local engine. */
export async function requireImage(image: string, buildCommand: string): Promise<void> {
  const { getContainerRuntimeClient, ImageName } = testcontainers();
  const client = await getContainerRuntimeClient();
  if (!(await client.image.exists(ImageName.fromString(image)))) {
    throw new EngineUnavailable(`image ${image} is missing (nothing is pulled): build it with \`${buildCommand}\``);
  }
}

function firstLine(err: unknown): string {
  return String((err as Error)?.message ?? err).split("\n")[0];
}

export interface IdleContainerOptions {
  readonly image: string;
  readonly platformId: string;
  /** host path -> container path, read-only unless `rw`. */
  readonly mounts: ReadonlyArray<{ source: string; target: string; rw?: boolean }>;
  /** `container:<id>`: share another container's network namespace. */
  readonly networkMode?: string;
}

export type IdleContainer = Awaited<ReturnType<InstanceType<typeof Testcontainers.GenericContainer>["start"]>>;

/**
 * A container that only waits (`sleep infinity`) while the harness execs into it; it runs as
 * the image's user (non-root) and carries a label, so a leftover can be found and removed.
 */
export async function startIdleContainer(options: IdleContainerOptions): Promise<IdleContainer> {
  const { GenericContainer } = testcontainers();
  let container = new GenericContainer(options.image)
    .withCommand(["sleep", "infinity"])
    .withEnvironment({ ZIC_PLATFORM: options.platformId })
    .withLabels({ "org.zic.platform": options.platformId, "org.zic.pid": String(process.pid) })
    .withBindMounts(options.mounts.map((m) => ({ source: m.source, target: m.target, mode: m.rw ? ("rw" as const) : ("ro" as const) })));
  if (options.networkMode !== undefined) container = container.withNetworkMode(options.networkMode);
  return container.start();
}

/** Removes a container at once: `sleep` as PID 1 ignores SIGTERM, so there is nothing to wait for. */
export async function removeContainer(container: IdleContainer): Promise<void> {
  await container.stop({ timeout: 0, remove: true }).catch(() => undefined);
}
