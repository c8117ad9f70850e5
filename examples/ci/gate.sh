#!/usr/bin/env sh
# The ipc conformance gate as one shell step, for any CI: run it from your repository's root after
# `npm ci` (zmq-ipc-conformance is in your devDependencies: docs/implementers-ci.md#install).
# Exit code: 0 every result expected, 1 something unexpected, 2 the harness, the driver or the
# environment failed. The summary is printed either way.
set -u
if [ ! -x node_modules/.bin/zmq-ipc-conformance ]; then
  echo "gate.sh: zmq-ipc-conformance is not installed here: run npm ci first (see docs/implementers-ci.md#install)" >&2
  exit 2
fi
npx zmq-ipc-conformance gate --driver mylib="node conformance/driver.js" --expect conformance/mylib.json --out conformance-report
status=$?
cat conformance-report/summary.md 2>/dev/null || true
exit $status
