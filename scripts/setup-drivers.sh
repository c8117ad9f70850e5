#!/usr/bin/env bash
# Installs the runtimes of the drivers this project ships (drivers/drivers.json), from Debian's
# packages: pyzmq over Debian's libzmq 4.3.4, and JeroMQ with a Java runtime. Run as root.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends python3-zmq libjeromq-java default-jre-headless >/dev/null
/usr/bin/python3 -c 'import zmq; print("pyzmq", zmq.__version__, "libzmq", zmq.zmq_version())'
test -r /usr/share/java/jeromq.jar && echo "jeromq.jar present"
