#!/usr/bin/env sh
# The same gate as a plain shell step, for any CI. Exit code: 0 expected, 1 unexpected, 2 broken.
set -u
npx --yes zmq-ipc-conformance gate \
  --driver mylib="./conformance/driver" \
  --expect conformance/mylib.json \
  --out conformance-report
status=$?
cat conformance-report/summary.md 2>/dev/null || true
exit $status
