/**
 * One table of the platform facts an ipc implementation depends on (unix(7) on Linux, unix(4) on FreeBSD).
 * Everything that asks "how long may a path be" or "is there an abstract namespace" reads this
 * table, so that a scenario can inject another platform and the limits are unit-tested row by row.
 */
export type PlatformName = "linux" | "darwin" | "freebsd" | "netbsd" | "openbsd";

export interface PlatformIpc {
  readonly name: PlatformName;
  /** sizeof(sockaddr_un.sun_path). */
  readonly sunPathSize: number;
  /**
   * The longest path in BYTES (UTF-8) that binds and connects. libzmq rejects
   * `strlen(path) >= sizeof(sun_path)` with ENAMETOOLONG, so one byte less than sun_path,
   * even where the kernel would accept a path filling sun_path without its NUL.
   */
  readonly maxPathBytes: number;
  /** Linux's abstract namespace (`ipc://@name`). */
  readonly abstractNamespace: boolean;
}

export const PLATFORM_IPC: Readonly<Record<PlatformName, PlatformIpc>> = {
  linux: { name: "linux", sunPathSize: 108, maxPathBytes: 107, abstractNamespace: true },
  darwin: { name: "darwin", sunPathSize: 104, maxPathBytes: 103, abstractNamespace: false },
  freebsd: { name: "freebsd", sunPathSize: 104, maxPathBytes: 103, abstractNamespace: false },
  netbsd: { name: "netbsd", sunPathSize: 104, maxPathBytes: 103, abstractNamespace: false },
  openbsd: { name: "openbsd", sunPathSize: 104, maxPathBytes: 103, abstractNamespace: false },
};

/** The row for a platform name as Node spells it (process.platform); unknown platforms get the strictest BSD row. */
export function platformIpc(platform: string = process.platform): PlatformIpc {
  return (PLATFORM_IPC as Record<string, PlatformIpc>)[platform] ?? { ...PLATFORM_IPC.freebsd, name: platform as PlatformName };
}
