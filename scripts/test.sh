#!/usr/bin/env bash
# Runs every test assembly. Installs what a fresh machine lacks (PostgreSQL server binaries: the tests start
# throwaway servers themselves; Node.js for the wechat4u conformance harness, whose npm packages the test installs
# itself with `npm ci`), then prints one closing line "N passed, N failed" summed over all assemblies.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" = 0 ]; then SUDO=(); else SUDO=(sudo); fi
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}..."
  "${SUDO[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null \
    || { echo "could not install ${missing[*]}"; echo "0 passed, 1 failed"; exit 1; }
fi

log=$(mktemp)
dotnet build OpenWxCluster.sln -c Release 2>&1 | tail -n 3
build_rc=${PIPESTATUS[0]}
if [ "$build_rc" != 0 ]; then
  dotnet build OpenWxCluster.sln -c Release 2>&1 | grep -E "error" | sort -u | head -n 40
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test OpenWxCluster.sln -c Release --no-build 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
awk -f scripts/summarize.awk "$log"
rm -f "$log"
exit "$rc"
