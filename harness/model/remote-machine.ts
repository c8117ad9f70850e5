import type { Socket } from "node:net";
import type { PlatformName } from "./platform-limits";
import type { SiteFiles } from "./site-files";

/**
 * A machine the implementations run on that is not the harness's own: a FreeBSD guest under qemu,
 * reached through its site agent (docker/site-agent). The harness stays here; scenario
 * directories, files and UNIX sockets are there. What only works on the harness's own machine (a
 * raw listener binding a socket file, a second process, this process's umask, /proc) makes a
 * scenario `skipped` there, saying so.
 */
export interface RemoteMachine {
  /** For messages: "freebsd-qemu (FreeBSD 13.2-RELEASE guest)". */
  readonly label: string;
  /** Its operating system, for the oracle's path limits (harness/model/platform-limits.ts). */
  readonly os: PlatformName;
  readonly files: SiteFiles;
  /** The user id its driver processes run as (0: root, who passes every permission check). */
  readonly uid: number;
  /** The working directory its driver processes start in (ctx.chdir's changes are undone to it). */
  readonly workingDirectory: string;
  /** A fresh private directory there for one scenario (removed with files.remove). */
  makeScenarioDirectory(): Promise<string>;
  /** A stream to a UNIX socket there (a raw ZMTP peer's connection); rejects with the errno name in `code`. */
  connectUnix(path: string): Promise<Socket>;
}

/** The reason a scenario cannot use something of the harness's own machine on a remote one. */
export function onlyOnHarnessMachine(machine: RemoteMachine, what: string): string {
  return `${what} needs the harness's own machine; the implementations run on ${machine.label}`;
}
