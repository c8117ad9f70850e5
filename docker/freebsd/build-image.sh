#!/usr/bin/env bash
# Builds the FreeBSD guest image of the `freebsd-qemu` platform from a FreeBSD source tree, on a
# Debian 12 machine, without FreeBSD: the kernel, the boot loader and the libraries are built with
# FreeBSD's own cross-build (tools/build/make.py), then libzmq, jansson, the C driver, the site
# agent and guest-init.c are cross-compiled against those libraries, static, and put on an ISO.
#
# Usage: bash docker/freebsd/build-image.sh FREEBSD_SOURCE_TREE
#   FREEBSD_SOURCE_TREE  a FreeBSD 13.x source tree (e.g. a checkout of releng/13.2); it is not
#                        changed (the build works on a linked copy)
# Environment:
#   ZIC_FREEBSD_IMAGE       where the ISO goes (default: the cache the platform reads, below)
#   ZIC_FREEBSD_WORK        the build's work directory (default: beside the ISO, in work/); a
#                           second run resumes after the last step that finished
#   ZIC_FREEBSD_SOURCE_NOTE what the source tree is, for the report's provenance (default: its
#                           git commit when it is a checkout, else "unknown origin")
#   JOBS                    make -j (default: the number of cores)
# Needs (Debian): apt-get install -y clang lld libarchive-dev zlib1g-dev libbz2-dev xorriso cmake
#   ninja-build python3 dpkg-dev; and Debian's source packages of libzmq and jansson, which it
#   downloads with `apt-get source` (the same versions as Debian's libzmq3-dev, so the Linux and
#   the FreeBSD columns run the same libzmq).
# Time on 2 cores without KVM: about an hour of compute the first time.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
project="$(cd "$here/../.." && pwd)"

src_in="${1:-}"
if [ -z "$src_in" ] || [ ! -f "$src_in/sys/conf/newvers.sh" ] || [ ! -f "$src_in/tools/build/make.py" ]; then
  echo "usage: bash docker/freebsd/build-image.sh FREEBSD_SOURCE_TREE (a tree with sys/conf/newvers.sh and tools/build/make.py)" >&2
  exit 2
fi
src_in="$(cd "$src_in" && pwd)"
if [ "$(id -u)" = 0 ]; then cache=/var/cache/zmq-ipc-conformance; else cache="${XDG_CACHE_HOME:-$HOME/.cache}/zmq-ipc-conformance"; fi
image="${ZIC_FREEBSD_IMAGE:-$cache/freebsd/zic-freebsd.iso}"
work="${ZIC_FREEBSD_WORK:-$(dirname "$image")/work}"
jobs="${JOBS:-$(nproc)}"
mkdir -p "$work/stamps" "$(dirname "$image")"

for tool in clang-14 ld.lld-14 xorriso cmake ninja python3 dpkg-source; do
  command -v "$tool" >/dev/null || {
    echo "missing $tool: apt-get install -y clang lld libarchive-dev zlib1g-dev libbz2-dev xorriso cmake ninja-build python3 dpkg-dev" >&2
    exit 2
  }
done
llvm=/usr/lib/llvm-14/bin

revision="$(sed -n 's/^REVISION="\(.*\)"/\1/p' "$src_in/sys/conf/newvers.sh")"
branch="$(sed -n 's/^BRANCH="\(.*\)"/\1/p' "$src_in/sys/conf/newvers.sh")"
target="x86_64-unknown-freebsd${revision}"

# Runs step NAME once: its stamp says it finished, so a second run resumes after it.
step() {
  local name="$1"
  shift
  if [ -e "$work/stamps/$name" ]; then
    echo "== $name: done before"
    return
  fi
  echo "== $name ($(date -u +%H:%M:%S))"
  local start=$SECONDS
  "$@"
  echo "$((SECONDS - start)) s" >"$work/stamps/$name"
  echo "== $name: $((SECONDS - start)) s"
}

# A copy of the tree made of hard links (seconds, no space): the one file the build changes is
# replaced, never edited in place, so the caller's tree stays as it was.
copy_source() {
  rm -rf "$work/src"
  cp -al "$src_in" "$work/src"
  # On Linux, ar needs libelf from the bootstrap tools even when SUBDIR_OVERRIDE builds only the
  # boot loader: keep _bootstrap-tools in the world targets always.
  sed -i '/^\.if empty(SUBDIR_OVERRIDE)$/{N;s/^\.if empty(SUBDIR_OVERRIDE)\n\(WMAKE_TGTS+=\t_bootstrap-tools\)$/.if 1 # zic: bootstrap tools always\n\1/}' "$work/src/Makefile.inc1"
  grep -q '^\.if 1 # zic: bootstrap tools' "$work/src/Makefile.inc1"
  mkdir -p "$work/src/sys/amd64/conf"
  cp "$here/ZIC" "$work/src/sys/amd64/conf/ZIC.zic-tmp" && mv "$work/src/sys/amd64/conf/ZIC.zic-tmp" "$work/src/sys/amd64/conf/ZIC"
}

# make.py bootstraps bmake, but runs bmake's unit tests first, and one of them fails under dash
# (Debian's /bin/sh). Build it the same way without the tests, where make.py looks for it.
bootstrap_bmake() {
  local build="$work/obj/bmake-build" install="$work/obj/bmake-install"
  rm -rf "$build" && mkdir -p "$build"
  local args=("--with-default-sys-path=$install/share/mk" --with-machine=amd64 --without-filemon "--prefix=$install")
  (
    cd "$build"
    export CFLAGS="-I$work/src/tools/build/cross-build/include/common -I$work/src/tools/build/cross-build/include/linux -D_GNU_SOURCE=1"
    # op=build configures and builds in a directory of its own (named after the host), then runs
    # the unit tests: their failure is expected here.
    sh "$work/src/contrib/bmake/boot-strap" op=build "${args[@]}" || true
    local objdir
    objdir="$(dirname "$(find "$build" -name make-bootstrap.sh | head -1)")"
    test -x "$objdir/bmake"
    cd "$work/src/contrib/bmake"
    MAKESYSPATH="$work/src/contrib/bmake/mk" SRCTOP="$work/src/contrib/bmake" OBJTOP="$objdir" \
      MAKEOBJDIR='${.CURDIR:S,${SRCTOP:tA},${OBJTOP:tA},}' \
      "$objdir/bmake" -f "$work/src/contrib/bmake/Makefile" install "prefix=$install" "BINDIR=$install/bin"
  )
  test -x "$install/bin/bmake"
}

# What every FreeBSD build step gets: no compiler or tests of FreeBSD's own (the host's clang
# cross-compiles), amd64.
freebsd_make() {
  (
    cd "$work/src"
    MAKEOBJDIRPREFIX="$work/obj" python3 tools/build/make.py --no-clean "--cross-bindir=$llvm" \
      TARGET=amd64 TARGET_ARCH=amd64 -DWITHOUT_CLANG -DWITHOUT_LLD -DWITHOUT_LLDB \
      -DWITHOUT_CLANG_BOOTSTRAP -DWITHOUT_LLD_BOOTSTRAP -DWITHOUT_TESTS -DWITHOUT_LIB32 "$@"
  )
}

objtop="$work/obj$work/src/amd64.amd64"
sysroot="$objtop/tmp"

kernel_toolchain() { freebsd_make kernel-toolchain -j"$jobs"; }
kernel() {
  freebsd_make buildkernel KERNCONF=ZIC NO_MODULES=yes -j"$jobs"
  test -f "$objtop/sys/ZIC/kernel"
}
# The boot loader: cdboot and the lua loader. -k: userboot's test program does not link on a
# Linux host, and nothing here needs it.
loader() {
  freebsd_make -DNO_LIBS SUBDIR_OVERRIDE=stand buildworld -j"$jobs" -k || true
  test -f "$objtop/stand/i386/cdboot/cdboot" && test -f "$objtop/stand/i386/loader_lua/loader_lua"
}
# The libraries (libc, libthr, libm, libc++, libcxxrt, ...) installed in the world's temporary
# tree, which then serves as the sysroot for cross-compiling.
libraries() {
  freebsd_make toolchain -j"$jobs"
  test -f "$sysroot/usr/lib/libc.a" && test -f "$sysroot/usr/lib/libthr.a" && test -f "$sysroot/usr/lib/libc++.a"
}

# A cmake toolchain for programs cross-compiled against that sysroot.
toolchain_file() {
  cat >"$work/freebsd.cmake" <<EOF
set(CMAKE_SYSTEM_NAME FreeBSD)
set(CMAKE_SYSTEM_PROCESSOR amd64)
set(CMAKE_SYSROOT $sysroot)
set(CMAKE_C_COMPILER $llvm/clang)
set(CMAKE_CXX_COMPILER $llvm/clang++)
set(CMAKE_C_COMPILER_TARGET $target)
set(CMAKE_CXX_COMPILER_TARGET $target)
set(CMAKE_CXX_FLAGS_INIT "-stdlib=libc++")
set(CMAKE_EXE_LINKER_FLAGS_INIT "-fuse-ld=lld")
set(CMAKE_AR $llvm/llvm-ar)
set(CMAKE_RANLIB $llvm/llvm-ranlib)
set(CMAKE_FIND_ROOT_PATH $work/prefix)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
EOF
}

# Debian's source package NAME, unpacked in $work/deb/NAME (apt-get source with a deb-src list of
# its own, so the machine's apt configuration is not touched).
debian_source() {
  local name="$1" apt="$work/apt"
  mkdir -p "$apt/parts" "$apt/lists/partial" "$work/deb"
  local suites
  suites="$(. /etc/os-release && echo "$VERSION_CODENAME")"
  printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: %s\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$suites" >"$apt/parts/src.sources"
  local opts=(-o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$apt/parts" -o "Dir::State::Lists=$apt/lists" -o "APT::Sandbox::User=root")
  apt-get -q "${opts[@]}" update >/dev/null
  rm -rf "$work/deb/$name" && mkdir -p "$work/deb/$name"
  (cd "$work/deb/$name" && apt-get -q "${opts[@]}" source "$name" >/dev/null)
}

cross_cmake() {
  local source="$1" build="$2"
  shift 2
  cmake -S "$source" -B "$build" -G Ninja "-DCMAKE_TOOLCHAIN_FILE=$work/freebsd.cmake" -DCMAKE_BUILD_TYPE=Release \
    "-DCMAKE_INSTALL_PREFIX=$work/prefix" "$@" >/dev/null
  cmake --build "$build" -j "$jobs"
  cmake --install "$build" >/dev/null
}

jansson() {
  debian_source jansson
  local dir
  dir="$(find "$work/deb/jansson" -mindepth 1 -maxdepth 1 -type d -name 'jansson-*')"
  cross_cmake "$dir" "$work/build/jansson" -DJANSSON_BUILD_DOCS=OFF -DJANSSON_EXAMPLES=OFF -DJANSSON_WITHOUT_TESTS=ON -DJANSSON_BUILD_SHARED_LIBS=OFF
}

libzmq() {
  debian_source zeromq3
  local dir
  dir="$(find "$work/deb/zeromq3" -mindepth 1 -maxdepth 1 -type d -name 'zeromq3-*')"
  cross_cmake "$dir" "$work/build/libzmq" -DBUILD_SHARED=OFF -DBUILD_STATIC=ON -DBUILD_TESTS=OFF -DWITH_DOCS=OFF \
    -DWITH_PERF_TOOL=OFF -DENABLE_CURVE=OFF -DWITH_LIBSODIUM=OFF -DENABLE_DRAFTS=OFF -DENABLE_WS=OFF
}

# The guest's programs, static: nothing to load at run time on a CD root with no /usr/lib.
freebsd_flags=("--target=$target" "--sysroot=$sysroot" -fuse-ld=lld -static -O2 -Wall)
cc_freebsd() { "$llvm/clang" "${freebsd_flags[@]}" "$@"; }
cxx_freebsd() { "$llvm/clang++" "${freebsd_flags[@]}" -stdlib=libc++ "$@"; }

programs() {
  local bin="$work/bin" shared="$project/drivers/libzmq-c"
  mkdir -p "$bin"
  cc_freebsd -o "$bin/init" "$here/guest-init.c"
  cc_freebsd -DZIC_NO_ZMQ -I"$shared" -I"$work/prefix/include" -o "$bin/zic-site-agent" \
    "$project/docker/site-agent/agent.c" "$project/docker/site-agent/agent-fs.c" "$shared/base64.c" "$shared/errno-names.c" \
    -L"$work/prefix/lib" -ljansson
  # The driver is C; libzmq is C++, so the C++ compiler links (libc++, libcxxrt, libthr).
  cc_freebsd -c -I"$work/prefix/include" -o "$bin/driver.o" "$shared/driver.c"
  cc_freebsd -c -o "$bin/base64.o" "$shared/base64.c"
  cc_freebsd -c -I"$work/prefix/include" -o "$bin/errno-names.o" "$shared/errno-names.c"
  cxx_freebsd -o "$bin/libzmq-c-driver" "$bin/driver.o" "$bin/base64.o" "$bin/errno-names.o" \
    -L"$work/prefix/lib" -lzmq -ljansson -lcxxrt -lthr -lm
  rm -f "$bin"/*.o
}

provenance() {
  local note="${ZIC_FREEBSD_SOURCE_NOTE:-}"
  if [ -z "$note" ] && git -C "$src_in" rev-parse HEAD >/dev/null 2>&1; then
    note="git $(git -C "$src_in" rev-parse HEAD)$(git -C "$src_in" remote get-url origin 2>/dev/null | sed 's/^/ from /')"
  fi
  local zmq_version jansson_version
  zmq_version="$(ls "$work/deb/zeromq3" | sed -n 's/^zeromq3_\(.*\)\.dsc$/\1/p')"
  jansson_version="$(ls "$work/deb/jansson" | sed -n 's/^jansson_\(.*\)\.dsc$/\1/p')"
  echo "FreeBSD $revision-$branch built from source (${note:-unknown origin}) on $(date -u +%Y-%m-%d) by docker/freebsd/build-image.sh; kernel config ZIC (MINIMAL + virtio, cd9660, tmpfs); libzmq $zmq_version and jansson $jansson_version from Debian's source packages, static"
}

iso() {
  local root="$work/iso"
  rm -rf "$root"
  mkdir -p "$root/boot/kernel" "$root/boot/defaults" "$root/sbin" "$root/dev" "$root/tmp" "$root/usr/local/libexec/zic"
  cp "$objtop/stand/i386/cdboot/cdboot" "$root/boot/cdboot"
  cp "$objtop/stand/i386/loader_lua/loader_lua" "$root/boot/loader"
  cp -r "$work/src/stand/lua" "$root/boot/lua"
  cp "$work/src/stand/defaults/loader.conf" "$root/boot/defaults/loader.conf"
  cp "$here/loader.conf" "$root/boot/loader.conf"
  cp "$objtop/sys/ZIC/kernel" "$root/boot/kernel/kernel"
  cp "$work/bin/init" "$root/sbin/init"
  cp "$work/bin/zic-site-agent" "$work/bin/libzmq-c-driver" "$root/usr/local/libexec/zic/"
  xorriso -as mkisofs -quiet -R -J -b boot/cdboot -no-emul-boot -o "$image.tmp" "$root"
  provenance >"$image.provenance.tmp"
  mv "$image.tmp" "$image"
  mv "$image.provenance.tmp" "$image.provenance"
}

step copy-source copy_source
step bmake bootstrap_bmake
step kernel-toolchain kernel_toolchain
step kernel kernel
step loader loader
step libraries libraries
toolchain_file
step jansson jansson
step libzmq libzmq
rm -f "$work/stamps/programs" "$work/stamps/iso" # cheap, and they follow this checkout's sources
step programs programs
step iso iso
echo "image: $image ($(du -h "$image" | cut -f1)); provenance: $(cat "$image.provenance")"
