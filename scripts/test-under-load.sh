#!/usr/bin/env bash
# The project's own tests, N times in a row, while stress-ng oversubscribes the cores 2:1 (the
# load `npm run stability` uses): a test that fails even once here is flaky on a busy CI machine.
#
# Usage: bash scripts/test-under-load.sh [RUNS (default 10)] [LOG DIRECTORY (default a new one in /tmp)]
# Prints one line per run (exit code, seconds, jest's Tests: line) and keeps each run's log.
# Exits 0 when every run passed, 1 otherwise, 2 when stress-ng is missing (apt-get install -y stress-ng).
# Environment: NODE_MAJOR=22|24|26 runs the tests under that Node (scripts/node-runtime.sh).
set -uo pipefail
cd "$(dirname "$0")/.."

runs="${1:-10}"
logs="${2:-$(mktemp -d /tmp/zic-test-under-load-XXXXXX)}"
mkdir -p "$logs"
command -v stress-ng >/dev/null || { echo "stress-ng is not installed: apt-get install -y stress-ng" >&2; exit 2; }
if [ -n "${NODE_MAJOR:-}" ]; then
  node_bin="$(sh scripts/node-runtime.sh "$NODE_MAJOR")" || exit 2
  PATH="$(dirname "$node_bin"):$PATH"
fi

# The hog runs in its own session so that it outlives nothing but this script: killed on exit.
workers=$(($(nproc) * 2))
hog=$(sh -c "setsid stress-ng --cpu $workers --timeout 86400 --quiet >/dev/null 2>&1 & echo \$!")
trap 'kill -9 -- -"$hog" 2>/dev/null' EXIT
echo "npm test x $runs on node $(node --version) beside stress-ng --cpu $workers; logs in $logs"

failed=0
for i in $(seq 1 "$runs"); do
  start=$SECONDS
  CI=true npm test >"$logs/run-$i.log" 2>&1
  status=$?
  [ "$status" -eq 0 ] || failed=$((failed + 1))
  echo "run $i: exit $status, $((SECONDS - start)) s, $(grep -E '^Tests:' "$logs/run-$i.log" | tail -1)" | tee -a "$logs/summary.txt"
done
echo "failed runs: $failed of $runs" | tee -a "$logs/summary.txt"
[ "$failed" -eq 0 ]
