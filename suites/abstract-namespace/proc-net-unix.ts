import * as fs from "node:fs";

export interface UnixSocketEntry {
  /** The address as /proc/net/unix shows it: "@" for the leading NUL, and for any NUL after it. */
  readonly path: string;
  readonly listening: boolean;
}

const SO_ACCEPTCON = 0x10000;

/** The bound UNIX sockets of this network namespace, or null when /proc/net/unix cannot be read. */
export function readProcNetUnix(): UnixSocketEntry[] | null {
  let text: string;
  try {
    text = fs.readFileSync("/proc/net/unix", "latin1");
  } catch {
    return null;
  }
  const entries: UnixSocketEntry[] = [];
  // Num RefCount Protocol Flags Type St Inode Path; the path (when there is one) is the last column.
  for (const line of text.split("\n").slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 8) continue;
    entries.push({ path: fields.slice(7).join(" "), listening: (parseInt(fields[3], 16) & SO_ACCEPTCON) !== 0 });
  }
  return entries;
}

/** "@name", or "@name + 95 NUL bytes" for an address padded with NULs. */
export function describeAbstract(shown: string, name: string): string {
  const base = `@${name}`;
  if (shown === base || !shown.startsWith(base) || !/^@*$/.test(shown.slice(base.length))) return shown;
  return `${base} + ${shown.length - base.length} NUL bytes`;
}
