/** What the faults need to know about an ipc:// endpoint string. */
export const IPC = "ipc://";

export function pathOf(endpoint: string): string {
  return endpoint.startsWith(IPC) ? endpoint.slice(IPC.length) : endpoint;
}

/** The longest prefix of `path` that fits in `maxBytes` UTF-8 bytes, cut at a character boundary. */
export function truncateToBytes(path: string, maxBytes: number): string {
  let out = "";
  for (const ch of path) {
    if (Buffer.byteLength(out + ch) > maxBytes) break;
    out += ch;
  }
  return out;
}

/** Linux's sun_path is 108 bytes; with its NUL a path may have 107 (unix(7)). */
export const LINUX_MAX_PATH_BYTES = 107;
