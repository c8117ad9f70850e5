#!/usr/bin/env bash
# Runs zeromq.js's own unit tests (the ipc variant of each) against this project's reference, or
# against zeromq.js itself for comparison: a measure of the reference as a drop-in for zeromq.js
# written by someone else. Nothing of zeromq.js is copied into this repository: the tests come from
# a zeromq.js checkout you name, into a temporary directory removed afterwards.
#
# Usage: bash scripts/zeromqjs-unit-tests.sh ZEROMQJS_CHECKOUT [reference|zeromq] [TAG (default v6.5.0)]
#   ZEROMQJS_CHECKOUT  a git clone of https://github.com/zeromq/zeromq.js (or its bare mirror)
# Needs the npm registry (mocha 11, chai 4, ts-node, zeromq 6.8.0 into the temporary directory) and
# `npm run build` done here first (the reference is loaded from dist/reference).
# Prints mocha's summary; exits with mocha's status (the number of failing tests).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
checkout="${1:?usage: $0 ZEROMQJS_CHECKOUT [reference|zeromq] [TAG]}"
impl="${2:-reference}"
tag="${3:-v6.5.0}"
case "$impl" in reference|zeromq) ;; *) echo "error: the implementation is reference or zeromq, not '$impl'" >&2; exit 2 ;; esac
[ -f "$here/dist/reference/index.js" ] || { echo "error: no dist/reference: run npm run build first" >&2; exit 2; }

work="$(mktemp -d /var/tmp/zic-zeromqjs-tests.XXXXXX)"
trap 'rm -rf "$work"' EXIT
git -C "$checkout" archive "$tag" test/unit src/errors.ts | tar -x -C "$work"

# The files whose tests exist for ipc and need none of what the reference leaves out on purpose
# (Context, Proxy, Observer, CURVE/ZAP, draft sockets).
files=(socket-bind-unbind socket-close socket-connect-disconnect socket-construction socket-options socket-pair
  socket-process-exit socket-pub-sub socket-push-pull socket-req-rep socket-router-dealer socket-send-receive
  socket-thread socket-xpub-xsub zmq)

# What the tests import as "../../src": the reference (with the three module-level values the
# tests read) or zeromq.js.
reference_js="$(node -p 'JSON.stringify(process.argv[1])' "$here/dist/reference")"
cat >"$work/index.js" <<JS
if (process.env.ZJS_IMPL === "reference") {
  const ref = require($reference_js);
  module.exports = { ...ref, context: { blocky: true }, capability: { ipc: true }, version: "4.3.5" };
} else {
  module.exports = require("zeromq");
}
JS
mkdir -p "$work/src" && echo 'module.exports = require("..");' >"$work/src/index.js"
echo '{ "name": "zeromqjs-unit-tests", "private": true, "main": "index.js" }' >"$work/package.json"
echo '{ "compilerOptions": { "target": "ES2022", "module": "commonjs", "esModuleInterop": true, "skipLibCheck": true } }' >"$work/tsconfig.json"
# Only the ipc variant of each test.
sed -i 's/^  const set = new Set(requested)$/  const set = new Set(requested.filter(proto => proto === "ipc"))/' "$work/test/unit/helpers.ts"
grep -q 'proto === "ipc"' "$work/test/unit/helpers.ts" || { echo "error: $tag's test/unit/helpers.ts has no testProtos to restrict to ipc" >&2; exit 2; }

(cd "$work" && npm install --no-audit --no-fund --loglevel error mocha@11 chai@4 ts-node typescript@5.9 semver proper-lockfile zeromq@6.8.0 >/dev/null)
cd "$work"
status=0
ZJS_IMPL="$impl" TS_NODE_TRANSPILE_ONLY=true node --expose-gc node_modules/.bin/mocha -r ts-node/register --timeout 5000 --exit \
  --reporter dot $(printf "test/unit/%s-test.ts " "${files[@]}") || status=$?
exit "$status"
