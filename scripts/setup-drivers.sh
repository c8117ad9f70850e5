#!/usr/bin/env bash
# Installs the runtimes of the drivers this project ships (drivers/drivers.json), from Debian's
# packages: pyzmq over Debian's libzmq 4.3.4, JeroMQ with a Java runtime, and a C compiler with
# libzmq's and jansson's headers for the C driver (compiled here once, into its cache). Run as root.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends python3-zmq libjeromq-java default-jre-headless \
  gcc libc6-dev pkg-config libzmq3-dev libjansson-dev >/dev/null
/usr/bin/python3 -c 'import zmq; print("pyzmq", zmq.__version__, "libzmq", zmq.zmq_version())'
test -r /usr/share/java/jeromq.jar && echo "jeromq.jar present"
echo "libzmq-c driver: $(sh "$(dirname "$0")/../drivers/libzmq-c/run.sh" --build)"
