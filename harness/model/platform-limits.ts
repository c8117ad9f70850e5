/**
 * The harness's own table of what the operating system allows an ipc endpoint: what the
 * path-length, wildcard and abstract-name scenarios expect of every implementation.
 *
 * Kept apart from the reference's table on purpose (reference/endpoint/platform-limits.ts): the
 * oracle must not share code with what it judges, or a wrong row in the reference would make the
 * suite agree with it. Each number comes from the system headers and libzmq, not from the reference:
 * - Linux: `#define UNIX_PATH_MAX 108` (include/uapi/linux/un.h); the abstract namespace, a
 *   sun_path that starts with a NUL byte, is Linux-only (unix(7)).
 * - FreeBSD, NetBSD, OpenBSD, macOS: `char sun_path[104]` (sys/sys/un.h); no abstract namespace (unix(4)).
 * - libzmq (src/ipc_address.cpp, ipc_address_t::resolve) refuses `strlen(path) >= sizeof(sun_path)`
 *   with ENAMETOOLONG, so the longest path that binds is one byte shorter than sun_path, even where
 *   the kernel would take a path filling sun_path without its NUL. Lengths count bytes, not characters.
 */
export type PlatformName = "linux" | "darwin" | "freebsd" | "netbsd" | "openbsd";

export interface PlatformIpc {
  readonly name: PlatformName;
  /** sizeof(sockaddr_un.sun_path). */
  readonly sunPathSize: number;
  /** The longest path in bytes (UTF-8) that binds and connects: sunPathSize - 1. */
  readonly maxPathBytes: number;
  /** Whether `ipc://@name` names a socket in Linux's abstract namespace. */
  readonly abstractNamespace: boolean;
}

/** A row from the two facts that make it: the longest path is one byte short of sun_path (libzmq above). */
const row = (name: PlatformName, sunPathSize: number, abstractNamespace: boolean): PlatformIpc => ({
  name,
  sunPathSize,
  maxPathBytes: sunPathSize - 1,
  abstractNamespace,
});

export const PLATFORM_LIMITS: Readonly<Record<PlatformName, PlatformIpc>> = {
  linux: row("linux", 108, true),
  darwin: row("darwin", 104, false),
  freebsd: row("freebsd", 104, false),
  netbsd: row("netbsd", 104, false),
  openbsd: row("openbsd", 104, false),
};

/** The row for a platform as Node spells it (process.platform); an unknown one gets the strictest, a BSD's. */
export function platformLimits(platform: string = process.platform): PlatformIpc {
  return (PLATFORM_LIMITS as Record<string, PlatformIpc>)[platform] ?? { ...PLATFORM_LIMITS.freebsd, name: platform as PlatformName };
}
