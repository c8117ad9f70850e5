import * as fs from "node:fs";
import * as path from "node:path";
import * as tmp from "tmp";

/** Anything a test opens and must close: sockets of either implementation, servers, raw sockets. */
export interface Closable {
  close?(): unknown;
  destroy?(): unknown;
  linger?: number;
}

type Cleanup = () => unknown;

/**
 * A fresh temporary directory per test, removed in afterEach with everything in it, plus a list
 * of what the test opened (closed in afterEach, newest first) and of process state it changed
 * (environment variables, working directory: restored in afterEach).
 */
export class Fixture {
  private current: tmp.DirResult | undefined;
  private cleanups: Cleanup[] = [];

  /** The test's private directory (absolute). */
  get dir(): string {
    if (this.current === undefined) throw new Error("the fixture is only available inside a test");
    return this.current.name;
  }

  /** An absolute path inside the test's directory. */
  path(...names: string[]): string {
    return path.join(this.dir, ...names);
  }

  /** `ipc://<absolute path inside the test's directory>`. */
  endpoint(...names: string[]): string {
    return `ipc://${this.path(...names)}`;
  }

  /** Registers something to close at the end of the test; returns it. Sockets are closed with linger 0. */
  track<T extends Closable>(thing: T): T {
    this.cleanups.push(() => {
      if (typeof thing.linger === "number") {
        try {
          thing.linger = 0;
        } catch {
          // already closed
        }
      }
      if (typeof thing.close === "function") thing.close();
      else if (typeof thing.destroy === "function") thing.destroy();
    });
    return thing;
  }

  /** Runs `cleanup` at the end of the test (after everything tracked later, before what was tracked earlier). */
  defer(cleanup: Cleanup): void {
    this.cleanups.push(cleanup);
  }

  /** Sets (or with undefined, deletes) an environment variable for this test only. */
  setEnv(name: string, value: string | undefined): void {
    const had = Object.prototype.hasOwnProperty.call(process.env, name);
    const previous = process.env[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
    this.defer(() => {
      if (had) process.env[name] = previous;
      else delete process.env[name];
    });
  }

  /** Changes the working directory for this test only. */
  chdir(dir: string): void {
    const previous = process.cwd();
    process.chdir(dir);
    this.defer(() => process.chdir(previous));
  }

  /** Names in the test's directory (or a directory under it), sorted. */
  list(...names: string[]): string[] {
    return fs.readdirSync(this.path(...names)).sort();
  }

  async setUp(): Promise<void> {
    this.current = tmp.dirSync({ unsafeCleanup: true, prefix: "beh-" });
  }

  async tearDown(): Promise<void> {
    const errors: unknown[] = [];
    for (const cleanup of this.cleanups.reverse()) {
      try {
        await cleanup();
      } catch (err) {
        errors.push(err);
      }
    }
    this.cleanups = [];
    const dir = this.current;
    this.current = undefined;
    if (dir !== undefined) {
      // A test may have made parts of its tree read-only for another user: give it back first.
      fs.chmodSync(dir.name, 0o700);
      dir.removeCallback();
    }
    if (errors.length > 0) throw errors[0];
  }
}

/** One fixture for the tests of a file: a new directory before each test, everything cleaned after. */
export function useFixture(): Fixture {
  const fixture = new Fixture();
  beforeEach(() => fixture.setUp());
  afterEach(() => fixture.tearDown());
  return fixture;
}
