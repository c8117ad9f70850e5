import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import * as readline from "node:readline";
import { AgentMachine } from "./site-agent/agent-machine";
import { SiteAgent } from "./site-agent/site-agent";

/** A remote machine that cannot be had here: the reason names what to install or build (the platform is NOT RUN). */
export class SiteUnavailable extends Error {}

/** The agent's port in the guest (qemu's user networking forwards a free port of 127.0.0.1 to it). */
const GUEST_AGENT_PORT = 7117;

/** What builds the image (docker/freebsd/README.md): from a FreeBSD source tree given by path. */
export const FREEBSD_IMAGE_BUILD = "bash docker/freebsd/build-image.sh FREEBSD_SOURCE_TREE";

/**
 * The FreeBSD guest image: $ZIC_FREEBSD_IMAGE, else the cache docker/freebsd/build-image.sh
 * writes to (root: /var/cache/zmq-ipc-conformance/freebsd; others: ~/.cache/...). Beside it,
 * `<image>.provenance` says what built it (the report's provenance).
 */
export function freebsdImagePath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ZIC_FREEBSD_IMAGE) return env.ZIC_FREEBSD_IMAGE;
  const cache =
    process.getuid?.() === 0 ? "/var/cache/zmq-ipc-conformance" : path.join(env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "zmq-ipc-conformance");
  return path.join(cache, "freebsd", "zic-freebsd.iso");
}

/** The drivers the image carries (docker/freebsd/build-image.sh installs them there), by implementation id. */
const GUEST_DRIVERS = new Map([["libzmq-c", "/usr/local/libexec/zic/libzmq-c-driver"]]);

/**
 * Boots the FreeBSD image under qemu (KVM when /dev/kvm can be opened, TCG otherwise), waits for
 * the site agent the guest starts to say it listens (on the serial console), and connects to it
 * through qemu's forwarded port.
 */
export async function openQemuSite(platformId: string, limitMs: number): Promise<{ machine: AgentMachine; close(): Promise<void> }> {
  const image = freebsdImagePath();
  if (!fs.existsSync(image))
    throw new SiteUnavailable(`no FreeBSD image at ${image}: build it with \`${FREEBSD_IMAGE_BUILD}\` (docker/freebsd/README.md), or set ZIC_FREEBSD_IMAGE`);
  const qemu = "qemu-system-x86_64";
  if (spawnSync(qemu, ["--version"], { stdio: "ignore" }).status !== 0)
    throw new SiteUnavailable(`${qemu} is not installed: apt-get install -y qemu-system-x86`);
  const kvm = canOpen("/dev/kvm");
  const port = await freePort();
  const guest = spawn(
    qemu,
    [
      ...(kvm ? ["-accel", "kvm"] : ["-accel", "tcg,thread=multi"]),
      ...["-smp", "2", "-m", "1024", "-nographic", "-no-reboot", "-cdrom", image, "-boot", "d"],
      ...["-netdev", `user,id=n0,hostfwd=tcp:127.0.0.1:${port}-:${GUEST_AGENT_PORT}`, "-device", "virtio-net-pci,netdev=n0"],
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  const stop = () => new Promise<void>((resolve) => (guest.exitCode !== null ? resolve() : (guest.once("exit", () => resolve()), guest.kill("SIGKILL"))));
  try {
    await agentListening(guest, limitMs);
    const address = { host: "127.0.0.1", port };
    const agent = await SiteAgent.connect(address, limitMs);
    const runRoot = await agent.mkdtemp("/tmp/zic-run-");
    const provenanceFile = `${image}.provenance`;
    const provenance = fs.existsSync(provenanceFile) ? fs.readFileSync(provenanceFile, "utf8").trim() : "unknown (no .provenance beside the image)";
    const accelerator = kvm ? "KVM" : "TCG (no /dev/kvm)";
    const machine = new AgentMachine(
      platformId,
      `${platformId} (${agent.facts.uname.sysname} ${agent.facts.uname.release} guest under qemu, ${accelerator})`,
      "freebsd",
      agent,
      address,
      runRoot,
      "/",
      GUEST_DRIVERS,
      { distro: `${agent.facts.uname.sysname} ${agent.facts.uname.release}, qemu guest (${accelerator})`, provenance },
    );
    return {
      machine,
      close: async () => {
        await machine.close();
        await stop();
      },
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** The serial console's lines until the agent says "listening": the guest is up. */
function agentListening(guest: ReturnType<typeof spawn>, limitMs: number): Promise<string[]> {
  const seen: string[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(`the guest's site agent did not start within ${limitMs} ms`), limitMs);
    const lines = readline.createInterface({ input: guest.stdout! });
    const fail = (why: string) => {
      clearTimeout(timer);
      lines.close();
      reject(new Error(`${why}; the console's last lines:\n${seen.slice(-15).join("\n")}`));
    };
    lines.on("line", (line) => {
      seen.push(line);
      if (/^(zic-site-agent: )?listening /.test(line.trim())) {
        clearTimeout(timer);
        lines.close();
        resolve(seen);
      }
    });
    guest.once("exit", (code, signal) => fail(`qemu exited (${signal ?? `code ${code}`}) before the guest's site agent started`));
  });
}

function canOpen(file: string): boolean {
  try {
    fs.closeSync(fs.openSync(file, "r+"));
    return true;
  } catch {
    return false;
  }
}

/** A port of 127.0.0.1 nobody listens on now, for qemu's forwarding. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
