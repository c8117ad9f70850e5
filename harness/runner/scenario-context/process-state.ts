import * as vm from "node:vm";
import type { Implementation } from "../../model/implementation";
import type { ScenarioResources } from "./scenario-resources";

/**
 * Process-wide state a scenario may change until it ends (environment, working directory,
 * umask): only scenarios that declare `exclusive`, because under --jobs another scenario would
 * see the change. Implementations in processes of their own (drivers) get the same change.
 */
export class ProcessState {
  constructor(
    private readonly resources: ScenarioResources,
    private readonly exclusive: boolean,
    /** The implementations taking part so far: the roles and the processes started since. */
    private readonly participants: () => readonly Implementation[],
    /**
     * Set when the implementations run on another machine: the working directory their drivers
     * start in there. ctx.chdir then changes only theirs (this process has no such directory).
     */
    private readonly remoteWorkingDirectory?: string,
  ) {}

  /**
   * Sets (string) or unsets (null) environment variables, both in Node's view and in the C
   * environment that libzmq's getenv() reads: under jest, `process.env` is a plain copy whose
   * writes never reach setenv(3), so the main context's process is written too. A driver gets
   * them in its own process.
   */
  async setEnv(values: Record<string, string | null>): Promise<void> {
    this.assertExclusive("setEnv");
    this.resources.assertLive("setEnv");
    for (const driven of this.drivenImplementations()) {
      // A driver started with the harness's environment: restore it to that.
      const previous = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name] ?? null]));
      await driven.setEnv(values);
      this.resources.defer(() => driven.setEnv(previous).catch(() => undefined));
    }
    const envs = [...new Set([process.env, (vm.runInThisContext("process") as NodeJS.Process).env])];
    for (const env of envs) {
      for (const [name, value] of Object.entries(values)) {
        const previous = env[name];
        this.resources.defer(() => {
          if (previous === undefined) delete env[name];
          else env[name] = previous;
        });
        if (value === null) delete env[name];
        else env[name] = value;
      }
    }
  }

  /** Makes `dir` the working directory. */
  async chdir(dir: string): Promise<void> {
    this.assertExclusive("chdir");
    this.resources.assertLive("chdir");
    const previous = this.remoteWorkingDirectory ?? process.cwd();
    for (const driven of this.drivenImplementations()) {
      await driven.chdir(dir);
      this.resources.defer(() => driven.chdir(previous).catch(() => undefined));
    }
    if (this.remoteWorkingDirectory !== undefined) return;
    process.chdir(dir);
    this.resources.defer(() => process.chdir(previous));
  }

  /** Sets this process's umask: implementations in it, and processes started after, create files under it. */
  setUmask(mask: number): void {
    this.assertExclusive("setUmask");
    const previous = process.umask(mask);
    this.resources.defer(() => {
      process.umask(previous);
    });
  }

  /** The participants with a process of their own. */
  private drivenImplementations(): Array<Required<Pick<Implementation, "setEnv" | "chdir">>> {
    return [...new Set(this.participants())].filter(
      (impl): impl is Implementation & Required<Pick<Implementation, "setEnv" | "chdir">> => impl.setEnv !== undefined && impl.chdir !== undefined,
    );
  }

  private assertExclusive(what: string): void {
    if (!this.exclusive) throw new Error(`ctx.${what}() changes process-wide state: the scenario must declare exclusive: true`);
  }
}
