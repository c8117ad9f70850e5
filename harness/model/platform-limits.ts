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

const BSD_SUN_PATH = 104;
const bsd = (name: PlatformName): PlatformIpc => ({ name, sunPathSize: BSD_SUN_PATH, maxPathBytes: BSD_SUN_PATH - 1, abstractNamespace: false });

export const PLATFORM_LIMITS: Readonly<Record<PlatformName, PlatformIpc>> = {
  linux: { name: "linux", sunPathSize: 108, maxPathBytes: 107, abstractNamespace: true },
  darwin: bsd("darwin"),
  freebsd: bsd("freebsd"),
  netbsd: bsd("netbsd"),
  openbsd: bsd("openbsd"),
};

/** The row for a platform as Node spells it (process.platform); an unknown one gets the strictest, a BSD's. */
export function platformLimits(platform: string = process.platform): PlatformIpc {
  return (PLATFORM_LIMITS as Record<string, PlatformIpc>)[platform] ?? { ...bsd("freebsd"), name: platform as PlatformName };
}
