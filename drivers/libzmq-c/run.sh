#!/bin/sh
# Starts the libzmq C driver, compiling it first when these sources have not been compiled on
# this machine yet (about 1 s; scripts/compile-cached.sh says where the binary is kept).
#
# Usage (what drivers/drivers.json runs, from the project root): sh drivers/libzmq-c/run.sh
#        sh drivers/libzmq-c/run.sh --build    compiles (if needed) and prints the binary's path
# Needs: a C compiler, pkg-config, libzmq's and jansson's headers
#        (Debian: apt-get install -y gcc libc6-dev pkg-config libzmq3-dev libjansson-dev).
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
bin="$(sh "$here/../../scripts/compile-cached.sh" libzmq-c "libzmq jansson" "$here/driver.c" "$here/base64.c" "$here/errno-names.c")"
if [ "${1:-}" = --build ]; then
  echo "$bin"
  exit 0
fi
exec "$bin"
