#!/bin/sh
# Starts the site agent on this machine (Linux: the `linux-agent` platform and the agent's tests;
# a FreeBSD image carries it cross-built instead, docker/freebsd/). It is compiled first when
# these sources have not been compiled here yet (scripts/compile-cached.sh).
#
# Usage: sh docker/site-agent/run.sh [--listen ADDRESS:PORT]    (prints "listening ADDRESS:PORT")
#        sh docker/site-agent/run.sh --build                     compiles (if needed), prints the path
# Needs: a C compiler, pkg-config, jansson's headers (Debian: apt-get install -y gcc libc6-dev pkg-config libjansson-dev).
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
shared="$here/../../drivers/libzmq-c" # base64 and errno names, shared with the C driver
bin="$(sh "$here/../../scripts/compile-cached.sh" zic-site-agent jansson "$here/agent.c" "$here/agent-fs.c" "$shared/base64.c" "$shared/errno-names.c" -- -DZIC_NO_ZMQ -I"$shared")"
if [ "${1:-}" = --build ]; then
  echo "$bin"
  exit 0
fi
exec "$bin" "$@"
