/**
 * Shared by the driver tests: the fixture drivers' commands, small limits, and the checks that a
 * fault names its problem, carries the driver's stderr and leaves no process behind.
 */
import * as path from "node:path";
import { DriverFault, type ConnectionLimits } from "../driver-connection";
import { untilGone } from "../../runner/process-tree";

/** The fixture drivers: tiny programs that each break the protocol in one way. */
export const FIXTURES = path.join(__dirname, "..", "__fixtures__");

/** Generous enough never to be the cause of a fault in a test about something else; small enough to keep a broken test short. */
export const LIMITS: ConnectionLimits = { helloMs: 3000, requestMs: 3000, maxLineBytes: 256 * 1024, stderrBytes: 4096, stderrDrainMs: 2000 };

/** The limit a hang test waits for. */
export const HANG_MS = 300;

/** A fixture as an argv (spawned directly: the child is the driver itself). */
export function fixtureArgv(name: string, ...args: string[]): string[] {
  return [process.execPath, path.join(FIXTURES, `${name}.js`), ...args];
}

/** A fixture as a --driver command string (spawned through the shell, in its own process group). */
export function fixtureCommand(name: string, ...args: string[]): string {
  return [process.execPath, path.join(FIXTURES, `${name}.js`), ...args].map((word) => `'${word.replace(/'/g, `'\\''`)}'`).join(" ");
}

/** The pid a fixture announced on stderr ("fixture <name>: pid <pid>"). */
export function announcedPid(stderr: string): number {
  const match = /: pid (\d+)/.exec(stderr);
  if (match === null) throw new Error(`no pid announced in the evidence:\n${stderr}`);
  return Number(match[1]);
}

/** Awaits a promise that must reject with a DriverFault, and says how long that took. */
export async function faultOf(promise: Promise<unknown>): Promise<{ fault: DriverFault; elapsedMs: number }> {
  const started = performance.now();
  try {
    await promise;
  } catch (err) {
    if (!(err instanceof DriverFault)) throw new Error(`expected a DriverFault, got ${(err as Error)?.name}: ${(err as Error)?.message}`, { cause: err });
    return { fault: err, elapsedMs: performance.now() - started };
  }
  throw new Error("expected a DriverFault, but the call succeeded");
}

/**
 * Resolves once the process is gone (or a zombie: a driver under `sh -c` killed with its group is
 * reaped by init, which may take a moment); rejects if it still runs after withinMs. The harness's
 * own untilGone does the looking: a grandchild sends us no 'exit' event, so it is a bounded poll.
 */
export async function expectGone(pid: number, withinMs = 1000): Promise<void> {
  if ((await untilGone([pid], withinMs)).length === 0) return;
  try {
    process.kill(pid, "SIGKILL"); // do not leave it behind for the next test
  } catch {
    // gone meanwhile
  }
  throw new Error(`process ${pid} is still running ${withinMs} ms after the fault`);
}
