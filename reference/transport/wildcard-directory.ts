import * as fs from "node:fs";

/**
 * Where `ipc://*` puts its socket, as libzmq 4.3 does (ipc_listener.cpp): the first of TMPDIR,
 * TEMPDIR, TMP that is set AND is a directory; with none, a directory relative to the working
 * directory. The socket is `<mkdtemp(<dir>/tmpXXXXXX)>/socket`: a private 0700 directory, so no
 * other user can race us to the name.
 */
export const WILDCARD_ENV_VARS = ["TMPDIR", "TEMPDIR", "TMP"] as const;
export const WILDCARD_TEMPLATE = "tmpXXXXXX";
export const WILDCARD_SOCKET_NAME = "socket";

export function wildcardParent(env: NodeJS.ProcessEnv = process.env): string {
  for (const name of WILDCARD_ENV_VARS) {
    const dir = env[name];
    if (dir && isDirectory(dir)) {
      return dir.endsWith("/") ? dir : `${dir}/`;
    }
  }
  return "";
}

/** The path the wildcard would produce, for a length check before anything is created. */
export function predictedWildcardPath(parent: string): string {
  return `${parent}${WILDCARD_TEMPLATE}/${WILDCARD_SOCKET_NAME}`;
}

/** Creates the private directory; returns it and the socket path inside it. */
export function makeWildcardDirectory(parent: string): { dir: string; socketPath: string } {
  // mkdtemp appends six random characters to the prefix, like mkdtemp(3) replaces XXXXXX.
  const dir = fs.mkdtempSync(`${parent}tmp`);
  fs.chmodSync(dir, 0o700);
  return { dir, socketPath: `${dir}/${WILDCARD_SOCKET_NAME}` };
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
