import * as path from "node:path";
import type { Socket } from "node:net";
import type { PlatformName } from "../../model/platform-limits";
import type { RemoteMachine } from "../../model/remote-machine";
import type { SiteFiles } from "../../model/site-files";
import type { PlatformEntry } from "../../report/report-json";
import { showAddress, type AgentAddress } from "./agent-address";
import { AgentFiles } from "./agent-files";
import type { SiteAgent } from "./site-agent";
import { siteExecCommand } from "./site-exec-command";
import { connectThroughAgent } from "./site-relay";

/** How a driver process is started on the machine (DriverImplementation.start's launch). */
export interface DriverLaunch {
  readonly command: string[];
  readonly spawnOptions: { env: NodeJS.ProcessEnv };
}

/** Characters that leave a word as it is for a shell: no quoting, no variable, no redirection, no `=`. */
const PLAIN_WORD = /^[\w@%+:,./-]+$/;

/**
 * The argv that runs a command line there: its words when a shell would do nothing but split
 * them (a shipped driver's path, with arguments), else `sh -c` with the line. A site may have no
 * shell: the FreeBSD guest's root holds only the agent and the drivers.
 */
export function siteArgv(command: string): string[] {
  const words = command.trim().split(/\s+/);
  return words.every((word) => PLAIN_WORD.test(word)) ? words : ["sh", "-c", command];
}

/**
 * A remote machine reached through its site agent: a run's scenario directories live under one
 * directory of its own there (removed at close, whatever a scenario left), drivers start through
 * site-exec, raw peers connect through the agent's relay.
 */
export class AgentMachine implements RemoteMachine {
  readonly files: SiteFiles;

  constructor(
    readonly platformId: string,
    readonly label: string,
    readonly os: PlatformName,
    private readonly agent: SiteAgent,
    private readonly address: AgentAddress,
    /** This run's directory there (from the agent's mkdtemp). */
    private readonly runRoot: string,
    /** Where drivers start (the project's directory there, or "/"). */
    readonly workingDirectory: string,
    /** The commands of the shipped drivers the machine carries, by implementation id. */
    private readonly shippedCommands: ReadonlyMap<string, string>,
    /** What the report says about the machine besides the agent's facts. */
    private readonly extraFacts: Partial<PlatformEntry> = {},
  ) {
    this.files = new AgentFiles(agent);
  }

  get uid(): number {
    return this.agent.facts.uid;
  }

  makeScenarioDirectory(): Promise<string> {
    return this.agent.mkdtemp(path.posix.join(this.runRoot, "zic-"));
  }

  connectUnix(socketPath: string): Promise<Socket> {
    return connectThroughAgent(this.address, socketPath);
  }

  /** The command of a shipped driver there; undefined when the machine does not carry it. */
  shippedDriverCommand(id: string): string | undefined {
    return this.shippedCommands.get(id);
  }

  /** Starts `command` (a shell command line) there, in the drivers' directory. */
  launch(command: string): DriverLaunch {
    const { command: argv, env } = siteExecCommand(this.address, this.workingDirectory, siteArgv(command));
    return { command: argv, spawnOptions: { env } };
  }

  /** The report's entry for the machine: what its agent says of it. */
  facts(): PlatformEntry {
    const { uname, uid } = this.agent.facts;
    return {
      id: this.platformId,
      os: this.os,
      arch: uname.machine,
      kernel: `${uname.sysname} ${uname.release}`,
      user: `uid ${uid}${uid === 0 ? " (root)" : ""}`,
      reachedThrough: `site agent at ${showAddress(this.address)}`,
      ...this.extraFacts,
      status: "run",
    };
  }

  async close(): Promise<void> {
    await this.agent.rm(this.runRoot).catch(() => undefined);
    this.agent.close();
  }
}
