/**
 * Whether this Node can use a Linux abstract address of exactly the name's bytes.
 *
 * libzmq binds `ipc://@name` with an address length that ends at the name. libuv before 1.48
 * (Node 20 has 1.46; Node 22 has 1.48+) passes the whole of sun_path as the length, so the kernel
 * sees the name padded with NUL bytes up to 107: a different abstract name, which a libzmq peer
 * never meets (seen in /proc/net/unix). Pure JavaScript cannot shorten the length, so on such a
 * Node the reference refuses abstract endpoints instead of creating one nobody can reach.
 */
export function exactAbstractNames(uvVersion: string = process.versions.uv ?? "0.0.0"): boolean {
  const [major, minor] = uvVersion.split(".").map(Number);
  return major > 1 || (major === 1 && minor >= 48);
}
