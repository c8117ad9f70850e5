import * as path from "node:path";
import * as tmp from "tmp";

export interface TempDir {
  readonly path: string;
  /** `ipc://<dir>/<name>`. */
  endpoint(name: string): string;
  /** `<dir>/<name>`, for a raw node:net peer. */
  file(name: string): string;
}

/**
 * Gives every test of the enclosing describe its own temporary directory, removed (with whatever
 * is left in it) after the test. Declare it AFTER useSockets(): jest-circus runs afterEach hooks
 * in declaration order, so the sockets are closed before their directory goes.
 */
export function useTempDir(): () => TempDir {
  let current: (TempDir & { remove(): void }) | undefined;
  beforeEach(() => {
    const dir = tmp.dirSync({ unsafeCleanup: true, prefix: "zi-" });
    current = {
      path: dir.name,
      endpoint: (name) => `ipc://${path.join(dir.name, name)}`,
      file: (name) => path.join(dir.name, name),
      remove: () => dir.removeCallback(),
    };
  });
  afterEach(() => {
    current?.remove();
    current = undefined;
  });
  return () => {
    if (current === undefined) throw new Error("useTempDir(): no test is running");
    return current;
  };
}
