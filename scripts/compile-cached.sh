#!/bin/sh
# Compiles a small C program once per machine and prints the binary's path: the C driver
# (drivers/libzmq-c/run.sh) and the site agent (docker/site-agent/run.sh) are built with it.
# The binary is cached outside the project, under a name that carries a checksum of the sources,
# the compiler, the pkg-config modules' versions and the machine, so a change of any of them
# compiles it again and a checkout stays clean.
#
# Usage: sh scripts/compile-cached.sh NAME "PKG-CONFIG MODULES" SOURCE.c... [-- EXTRA CC FLAGS...]
#        (every .h beside the first source is part of the checksum)
# Needs: a C compiler (cc, or $CC) and pkg-config with the modules' headers.
# Environment: ZIC_DRIVER_CACHE  the cache (default: /var/cache/zmq-ipc-conformance/NAME for root,
#              ${XDG_CACHE_HOME:-$HOME/.cache}/zmq-ipc-conformance/NAME for anyone else). Root's is
#              readable by all, and a binary already there is used by every user: some scenarios
#              start a driver as another user, whose HOME may be root's.
# Exit code: 0 with the path on stdout; 1 when something is missing or the compiler fails (why on stderr).
set -eu

name="$1"
modules="$2"
shift 2
sources=""
while [ $# -gt 0 ] && [ "$1" != -- ]; do
  sources="$sources $1"
  shift
done
[ $# -gt 0 ] && shift # the --: what is left are extra compiler flags

fail() {
  echo "$name: $1" >&2
  exit 1
}
cc="${CC:-cc}"
command -v "$cc" >/dev/null 2>&1 || fail "no C compiler ('$cc'): apt-get install -y gcc libc6-dev"
command -v pkg-config >/dev/null 2>&1 || fail "no pkg-config: apt-get install -y pkg-config"
# shellcheck disable=SC2086 # $modules is a list of words
flags="$(pkg-config --cflags --libs $modules 2>/dev/null)" || fail "pkg-config does not find all of: $modules (Debian: apt-get install -y libzmq3-dev libjansson-dev)"

first="${sources# }"
first="${first%% *}"
# shellcheck disable=SC2086
key="$({ cat $sources "$(dirname "$first")"/*.h 2>/dev/null; echo "$*"; } | cksum | cut -d' ' -f1)-$("$cc" --version 2>/dev/null | head -n 1 | cksum | cut -d' ' -f1)-$(pkg-config --modversion $modules | tr '\n' '-')$(uname -sm | tr ' ' '-')"

shared_cache="/var/cache/zmq-ipc-conformance/$name"
if [ "$(id -u)" = 0 ]; then default_cache="$shared_cache"; else default_cache="${XDG_CACHE_HOME:-${HOME:-/nonexistent}/.cache}/zmq-ipc-conformance/$name"; fi
cache="${ZIC_DRIVER_CACHE:-$default_cache}"
bin="$cache/$name-$key"
if [ ! -x "$bin" ] && [ -z "${ZIC_DRIVER_CACHE:-}" ] && [ -x "$shared_cache/$name-$key" ]; then
  bin="$shared_cache/$name-$key"
fi
if [ ! -x "$bin" ]; then
  umask 022 # readable and executable by every user (see ZIC_DRIVER_CACHE above)
  mkdir -p "$cache" 2>/dev/null || fail "cannot create the cache $cache (set ZIC_DRIVER_CACHE to a writable directory)"
  # Compiled to a private name, then renamed: two processes starting at once never run a half-written binary.
  # shellcheck disable=SC2086 # $sources and $flags are lists of words
  "$cc" -std=c11 -O2 -Wall "$@" -o "$bin.$$" $sources $flags >&2 || {
    rm -f "$bin.$$"
    fail "compiling$sources failed (above)"
  }
  mv -f "$bin.$$" "$bin"
fi
echo "$bin"
