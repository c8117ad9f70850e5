#!/bin/sh
# Starts the libzmq C driver, compiling it first when this source has not been compiled on this
# machine yet (about 1 s). The binary is cached outside the project, keyed by the sources, the
# compiler, libzmq's version and the machine, so a checkout stays clean and a change of any of
# them rebuilds it.
#
# Usage (what drivers/drivers.json runs, from the project root): sh drivers/libzmq-c/run.sh
#        sh drivers/libzmq-c/run.sh --build    compiles (if needed) and prints the binary's path
# Needs: a C compiler (cc, or $CC), pkg-config, libzmq's and jansson's headers
#        (Debian: apt-get install -y gcc libc6-dev pkg-config libzmq3-dev libjansson-dev).
# Environment: ZIC_DRIVER_CACHE  the cache (default: /var/cache/zmq-ipc-conformance/libzmq-c for
#              root, ${XDG_CACHE_HOME:-$HOME/.cache}/zmq-ipc-conformance/libzmq-c for anyone else).
#              Root's is readable by all, and a binary already there is used by every user: some
#              scenarios start the driver as another user, whose HOME may be root's.
set -eu

here="$(cd "$(dirname "$0")" && pwd)"
cc="${CC:-cc}"
shared_cache=/var/cache/zmq-ipc-conformance/libzmq-c
if [ "$(id -u)" = 0 ]; then default_cache="$shared_cache"; else default_cache="${XDG_CACHE_HOME:-${HOME:-/nonexistent}/.cache}/zmq-ipc-conformance/libzmq-c"; fi
cache="${ZIC_DRIVER_CACHE:-$default_cache}"

fail() {
  echo "libzmq-c driver: $1" >&2
  exit 1
}
command -v "$cc" >/dev/null 2>&1 || fail "no C compiler ('$cc'): apt-get install -y gcc libc6-dev"
command -v pkg-config >/dev/null 2>&1 || fail "no pkg-config: apt-get install -y pkg-config"
flags="$(pkg-config --cflags --libs libzmq jansson 2>/dev/null)" || fail "pkg-config finds no libzmq or jansson: apt-get install -y libzmq3-dev libjansson-dev"

key="$(cat "$here"/*.c "$here"/*.h | cksum | cut -d' ' -f1)-$("$cc" --version 2>/dev/null | head -n 1 | cksum | cut -d' ' -f1)-$(pkg-config --modversion libzmq jansson | tr '\n' '-')$(uname -sm | tr ' ' '-')"
bin="$cache/driver-$key"
if [ ! -x "$bin" ] && [ -z "${ZIC_DRIVER_CACHE:-}" ] && [ -x "$shared_cache/driver-$key" ]; then
  bin="$shared_cache/driver-$key"
fi
if [ ! -x "$bin" ]; then
  umask 022 # readable and executable by every user (see ZIC_DRIVER_CACHE above)
  mkdir -p "$cache" 2>/dev/null || fail "cannot create the cache $cache (set ZIC_DRIVER_CACHE to a writable directory)"
  # Compiled to a private name, then renamed: two drivers starting at once never run a half-written binary.
  # shellcheck disable=SC2086 # $flags is pkg-config's list of words
  "$cc" -std=c11 -O2 -Wall -o "$bin.$$" "$here/driver.c" "$here/base64.c" "$here/errno-names.c" $flags >&2 || {
    rm -f "$bin.$$"
    fail "compiling $here/driver.c failed (above)"
  }
  mv -f "$bin.$$" "$bin"
fi
if [ "${1:-}" = --build ]; then
  echo "$bin"
  exit 0
fi
exec "$bin"
