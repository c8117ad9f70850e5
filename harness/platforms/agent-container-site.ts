import { CONTAINER_PLATFORMS, containerImage, containerImageBuild } from "../model/container-platform";
import { shippedDrivers } from "../driver/shipped-drivers";
import { removeContainer, requireEngine, requireImage, testcontainers } from "./container-engine";
import { PROJECT_IN_CONTAINER } from "./container-sites";
import { AgentMachine } from "./site-agent/agent-machine";
import { SiteAgent } from "./site-agent/site-agent";

/** The agent's port inside the container (published on a free port of 127.0.0.1). */
const AGENT_PORT = 7117;

/**
 * The remote-site machinery, checked on any Linux machine: the Debian 12 image, reached only
 * through a site agent running in it, exactly as a FreeBSD guest is. The container has its own
 * filesystem (/tmp, the scenario directories) and network namespace, so a scenario that touched
 * the harness's files or sockets instead of ctx.files and the agent's relay would fail here.
 * The agent and the drivers are compiled in the container from the mounted project.
 */
export async function openAgentContainer(platformId: string, projectRoot: string, limitMs: number): Promise<{ machine: AgentMachine; close(): Promise<void> }> {
  const platform = CONTAINER_PLATFORMS.find((p) => p.id === "linux-debian12")!;
  await requireEngine();
  await requireImage(containerImage(platform), containerImageBuild(platform));
  const { GenericContainer, Wait } = testcontainers();
  const container = await new GenericContainer(containerImage(platform))
    .withCommand(["sh", "-c", `exec sh docker/site-agent/run.sh --listen 0.0.0.0:${AGENT_PORT}`])
    .withWorkingDir(PROJECT_IN_CONTAINER)
    .withEnvironment({ ZIC_PLATFORM: platformId })
    .withLabels({ "org.zic.platform": platformId, "org.zic.pid": String(process.pid) })
    .withBindMounts([{ source: projectRoot, target: PROJECT_IN_CONTAINER, mode: "ro" }])
    .withExposedPorts(AGENT_PORT)
    .withWaitStrategy(Wait.forLogMessage(/^listening /m).withStartupTimeout(limitMs))
    .start();
  try {
    const address = { host: "127.0.0.1", port: container.getMappedPort(AGENT_PORT) };
    const agent = await SiteAgent.connect(address, limitMs);
    const runRoot = await agent.mkdtemp("/tmp/zic-run-");
    const commands = new Map(shippedDrivers().map((d) => [d.id, d.command]));
    const machine = new AgentMachine(
      platformId,
      `${platformId} (a Debian 12 container reached through its site agent)`,
      "linux",
      agent,
      address,
      runRoot,
      PROJECT_IN_CONTAINER,
      commands,
      { distro: "Debian GNU/Linux 12 (bookworm), in a container" },
    );
    return {
      machine,
      close: async () => {
        await machine.close();
        await removeContainer(container);
      },
    };
  } catch (err) {
    await removeContainer(container);
    throw err;
  }
}
