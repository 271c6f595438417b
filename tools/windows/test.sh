#!/usr/bin/env bash
# `npm run test:windows`: the Windows tier. Sets up (or reuses) Wine 10 and node.exe, then runs
#   (a) the committed bundle under node.exe against the emulator, with Windows runner paths
#       (__tests__/windows/, by jest on Linux: the emulator and the checks run here);
#   (b) the unit and integration suites by jest's own CLI under node.exe (tools/windows/unit-suites.ts).
# Without root, or when the setup fails, the tier is skipped with a line saying why; with
# NETIKS_REQUIRE_WINDOWS=1 (CI as root) it fails instead, naming why.
set -uo pipefail
cd "$(dirname "$0")/../.."

banner=$(printf '!%.0s' $(seq 1 100))
not_run() {
  if [ "${NETIKS_REQUIRE_WINDOWS:-}" = 1 ]; then
    printf '%s\n::error::Windows tier FAILED (NETIKS_REQUIRE_WINDOWS=1): %s\n%s\n' "$banner" "$1" "$banner" >&2
    exit 1
  fi
  printf '%s\nWindows tier SKIPPED: %s\n%s\n' "$banner" "$1" "$banner" >&2
  exit 0
}

[ "$(id -u)" -eq 0 ] || not_run "it needs root (debootstrap, unshare, mount, chroot), and this is uid $(id -u)"

started=$SECONDS
log=$(mktemp)
if ! timeout 900 tools/windows/wine.sh install 2> "$log"; then
  cat "$log" >&2
  not_run "setting up Wine 10 and node.exe failed: $(grep '^windows: ' "$log" | tail -n 1 | sed 's/^windows: //')"
fi
cat "$log" >&2
rm -f "$log"
echo "windows: setup ready in $((SECONDS - started)) s" >&2

started=$SECONDS
node --experimental-vm-modules node_modules/jest/bin/jest.js --ci --config tools/windows/jest.config.js
bundle=$?
echo "windows: (a) the bundle under node.exe: exit $bundle in $((SECONDS - started)) s" >&2

started=$SECONDS
node_modules/.bin/tsx tools/windows/unit-suites.ts
units=$?
echo "windows: (b) the unit and integration suites under node.exe: exit $units in $((SECONDS - started)) s" >&2

[ $bundle -eq 0 ] && [ $units -eq 0 ]
