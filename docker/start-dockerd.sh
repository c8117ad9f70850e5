#!/usr/bin/env bash
# Starts the docker daemon if it is not running, and waits until it answers.
#
# Usage: bash docker/start-dockerd.sh      (as root)
# The machines this project runs on have Debian's docker.io (dockerd 20.10) and no init system
# to start it, so it is started by hand, detached: it outlives this script, logging to
# /var/log/dockerd.log. Exits 0 once `docker info` works (at once if it already did).
# Environment: DOCKER (the client, default docker on PATH), DOCKERD_LOG (default /var/log/dockerd.log),
# DOCKERD_WAIT_S (default 60).
set -euo pipefail

docker="${DOCKER:-docker}"
log="${DOCKERD_LOG:-/var/log/dockerd.log}"
wait_s="${DOCKERD_WAIT_S:-60}"

if ! command -v "$docker" >/dev/null 2>&1; then
  echo "error: no docker client ('$docker'): apt-get install -y docker.io" >&2
  exit 2
fi
if "$docker" info >/dev/null 2>&1; then
  echo "dockerd is running ($("$docker" version -f '{{.Server.Version}}' 2>/dev/null || echo '?'))"
  exit 0
fi
if ! command -v dockerd >/dev/null 2>&1; then
  echo "error: dockerd is not installed: apt-get install -y docker.io" >&2
  exit 2
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "error: starting dockerd needs root" >&2
  exit 2
fi
if pid="$(pgrep -x dockerd)"; then
  # Started but not answering yet (or stuck): wait for it rather than start a second one.
  echo "dockerd is already running (pid $pid) but does not answer yet: waiting"
else
  # setsid + nohup: a session of its own, so the daemon is neither killed with this script's
  # process group nor by a hangup when the calling terminal goes away.
  setsid nohup dockerd >"$log" 2>&1 </dev/null &
  echo "started dockerd (pid $!), log $log"
fi

for _ in $(seq 1 "$wait_s"); do
  if "$docker" info >/dev/null 2>&1; then
    echo "dockerd is up ($("$docker" version -f '{{.Server.Version}}' 2>/dev/null || echo '?'))"
    exit 0
  fi
  sleep 1
done
echo "error: dockerd did not answer 'docker info' within $wait_s s; the end of $log:" >&2
tail -n 30 "$log" >&2 || true
exit 1
