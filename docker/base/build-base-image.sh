#!/usr/bin/env bash
# Builds the local base image zic-base:SUITE from Debian's packages, for a SUITE that a platform in
# harness/model/container-platforms.json is built from (bookworm, trixie).
#
# Why: no container registry is reachable from the machines this project runs on (only Debian's apt
# mirror and npm are), so `FROM debian:bookworm` cannot be pulled. debootstrap builds the same
# minimal Debian userland from deb.debian.org and `docker import` turns it into an image.
# With a registry, skip this: pass `--build-arg BASE_IMAGE=debian:bookworm` to the Dockerfile.
#
# Usage: bash docker/base/build-base-image.sh SUITE     (as root: debootstrap needs it)
# Exits 0 at once if the image already exists. About 35-45 s per suite otherwise.
set -euo pipefail

# shellcheck source=docker/container-platforms.sh
. "$(dirname "${BASH_SOURCE[0]}")/../container-platforms.sh"
suites="$(platform_rows | cut -f3 | sort -u | tr '\n' ' ')" || exit 2
suite="${1:-}"
if [ -z "$suite" ] || [[ " $suites" != *" $suite "* ]]; then
  echo "usage: $0 SUITE, one of: ${suites% } (the platforms' Debian suites in $platforms_json)" >&2
  exit 2
fi
# ZIC_BASE_REPO: another repository name (build-images.sh passes its own); default zic-base.
image="${ZIC_BASE_REPO:-zic-base}:$suite"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"

# The docker CLI on PATH may be a newer client than the daemon (it negotiates the API version);
# nothing here needs BuildKit.
docker="${DOCKER:-docker}"
if ! command -v "$docker" >/dev/null 2>&1; then
  echo "error: no docker client ('$docker') on PATH: apt-get install -y docker.io" >&2
  exit 2
fi
if ! "$docker" info >/dev/null 2>&1; then
  echo "error: the docker daemon is unreachable ('$docker info' fails); start it with: bash docker/start-dockerd.sh" >&2
  exit 2
fi

if "$docker" image inspect "$image" >/dev/null 2>&1; then
  echo "$image exists already ($("$docker" image inspect -f '{{.Id}}' "$image" | cut -c1-19)): nothing to do"
  exit 0
fi

# debootstrap lives in /usr/sbin, which a non-root PATH may lack.
PATH="$PATH:/usr/sbin:/sbin"
debootstrap_bin="${DEBOOTSTRAP:-debootstrap}"
if ! command -v "$debootstrap_bin" >/dev/null 2>&1; then
  echo "error: debootstrap is not installed: apt-get install -y debootstrap" >&2
  exit 2
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "error: debootstrap needs root (it creates device nodes and chroots)" >&2
  exit 2
fi

# /var/tmp, not /tmp: /tmp may be a small tmpfs, and a minbase tree is ~200 MB. The tree is
# removed whatever happens (success, failure, Ctrl-C); debootstrap's log is kept only on failure.
dir="$(mktemp -d /var/tmp/zic-base-"$suite".XXXXXX)"
log="$dir.log"
keep_log=0
child=""
cleanup() {
  if [ -n "$child" ]; then kill -TERM -- "-$child" 2>/dev/null || true; wait "$child" 2>/dev/null || true; fi
  # debootstrap mounts /proc (and /sys) in the tree while it configures packages: an interrupted
  # run may leave them mounted, and rm must not descend into them.
  awk -v d="$dir/" 'index($2, d) == 1 { print $2 }' /proc/mounts | sort -r | while read -r m; do umount -l "$m" || true; done
  rm -rf --one-file-system "$dir"
  [ "$keep_log" -eq 1 ] || rm -f "$log"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start=$(date +%s)
echo "debootstrap --variant=minbase $suite into $dir from $mirror ..."
# In a session of its own (setsid), waited for in the background: an interrupt then stops the
# whole of it (wget, dpkg in the chroot) before the tree is removed.
setsid "$debootstrap_bin" --variant=minbase "$suite" "$dir" "$mirror" >"$log" 2>&1 </dev/null &
child=$!
status=0
wait "$child" || status=$?
child=""
if [ "$status" -ne 0 ]; then
  keep_log=1
  echo "error: debootstrap $suite failed (exit $status); the last lines of its log ($log):" >&2
  tail -n 20 "$log" >&2
  if [ -f "$dir/debootstrap/debootstrap.log" ]; then tail -n 20 "$dir/debootstrap/debootstrap.log" >&2; fi
  exit 1
fi
echo "importing into $image ..."
# A label-free import: build-images.sh identifies the base by its image id.
if ! tar -C "$dir" --numeric-owner -c . | "$docker" import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'CMD ["/bin/bash"]' \
  --message "debootstrap --variant=minbase $suite $mirror" \
  - "$image" >/dev/null; then
  echo "error: docker import of $image failed" >&2
  exit 1
fi
echo "$image built in $(( $(date +%s) - start )) s"
