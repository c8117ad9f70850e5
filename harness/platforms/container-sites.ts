import * as fs from "node:fs";
import * as os from "node:os";
import type { ProcessImplementation } from "../model/implementation";
import { IN_PROCESS_IMPLEMENTATIONS } from "../adapters/registry";
import type { ConnectionLimits } from "../driver/driver-connection";
import { DriverImplementation } from "../driver/driver-implementation";
import { removeContainer, startIdleContainer, type IdleContainer } from "./container-engine";
import type { ContainerSites, Site } from "../model/sites";
import type { PlatformTarget } from "./targets";

/** Where the project is mounted in every container (read-only). */
export const PROJECT_IN_CONTAINER = "/project";

/**
 * Three containers of one platform image for the "separate-containers" scenarios: `first` and
 * `second` share a volume (mounted at the same path in both, so an ipc path means the same file
 * everywhere) but have their own network namespaces; `beside-first` shares first's network
 * namespace. Implementations run in them as drivers over `docker exec -i` (protocol v1 on stdio).
 */
export class DockerSites implements ContainerSites {
  private constructor(
    readonly platformId: string,
    readonly sharedDir: string,
    private readonly containers: Record<Site, IdleContainer>,
    /** Driver commands by implementation id (shipped drivers, --driver), run in the container's /project. */
    private readonly driverCommands: ReadonlyMap<string, string>,
    private readonly limits: ConnectionLimits,
  ) {}

  static async open(
    target: Extract<PlatformTarget, { kind: "container" }>,
    projectRoot: string,
    driverCommands: ReadonlyMap<string, string>,
    limits: ConnectionLimits,
  ): Promise<DockerSites> {
    const sharedDir = fs.mkdtempSync(`${os.tmpdir()}/zic-shared-`);
    fs.chmodSync(sharedDir, 0o777);
    const started: IdleContainer[] = [];
    try {
      const mounts = [
        { source: projectRoot, target: PROJECT_IN_CONTAINER },
        { source: sharedDir, target: sharedDir, rw: true },
      ];
      const [first, second] = await Promise.all([
        startIdleContainer({ image: target.image, platformId: target.id, mounts }),
        startIdleContainer({ image: target.image, platformId: target.id, mounts }),
      ]);
      started.push(first, second);
      const besideFirst = await startIdleContainer({ image: target.image, platformId: target.id, mounts, networkMode: `container:${first.getId()}` });
      started.push(besideFirst);
      return new DockerSites(target.id, sharedDir, { first, second, "beside-first": besideFirst }, driverCommands, limits);
    } catch (err) {
      await Promise.all(started.map(removeContainer));
      fs.rmSync(sharedDir, { recursive: true, force: true });
      throw err;
    }
  }

  start(implementationId: string, site: Site): Promise<ProcessImplementation> {
    const inside =
      IN_PROCESS_IMPLEMENTATIONS[implementationId] !== undefined
        ? ["node", "dist/harness/adapters/serve-driver.js", implementationId]
        : ["sh", "-c", this.commandOf(implementationId)];
    const command = ["docker", "exec", "-i", "-w", PROJECT_IN_CONTAINER, this.containers[site].getId(), ...inside];
    return DriverImplementation.start(`${implementationId}@${site}`, { command, spawnOptions: {} }, this.limits);
  }

  private commandOf(implementationId: string): string {
    const command = this.driverCommands.get(implementationId);
    if (command === undefined) throw new Error(`no driver command for "${implementationId}" to run in a container`);
    return command;
  }

  async close(): Promise<void> {
    await Promise.all(Object.values(this.containers).map(removeContainer));
    fs.rmSync(this.sharedDir, { recursive: true, force: true });
  }
}
