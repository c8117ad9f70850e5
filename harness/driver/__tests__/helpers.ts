/**
 * Shared by the driver tests: the fixture drivers' commands, small limits, and the checks that a
 * fault names its problem, carries the driver's stderr and leaves no process behind.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { DriverFault, type ConnectionLimits } from "../driver-connection";

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
    if (!(err instanceof DriverFault)) throw new Error(`expected a DriverFault, got ${(err as Error)?.name}: ${(err as Error)?.message}`);
    return { fault: err, elapsedMs: performance.now() - started };
  }
  throw new Error("expected a DriverFault, but the call succeeded");
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw err;
  }
  // A grandchild (a driver under `sh -c`) killed with its group is reaped by init, which may take
  // a moment, or never in a container without a reaping init: a zombie is dead all the same.
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

/**
 * How often to look whether a process is gone. A driver started through `sh -c` is a grandchild:
 * no 'exit' event reaches us for it, so this is a bounded poll, not a wait standing in for an event.
 */
const LIVENESS_POLL_MS = 10;

/** Resolves once the process is gone (kill(pid, 0) throws ESRCH); rejects if it still runs after withinMs. */
export async function expectGone(pid: number, withinMs = 1000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (alive(pid)) {
    if (Date.now() > deadline) {
      try {
        process.kill(pid, "SIGKILL"); // do not leave it behind for the next test
      } catch {
        // gone meanwhile
      }
      throw new Error(`process ${pid} is still running ${withinMs} ms after the fault`);
    }
    await new Promise((resolve) => setTimeout(resolve, LIVENESS_POLL_MS));
  }
}
