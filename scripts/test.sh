#!/usr/bin/env bash
# Runs every test assembly. Installs what a fresh machine lacks (PostgreSQL server binaries: the tests start
# throwaway servers themselves; Node.js for the wechat4u conformance harness, whose npm packages the test installs
# itself with `npm ci`), builds the solution once, then runs each project of tests/test-assemblies.txt on its own,
# one after the other, each writing a TRX file. tools/TestReport judges every assembly from its exit code and TRX
# (ok, failed tests, aborted, ran zero tests, no results, not in the expected list), prints the figures the tests
# recorded, and ends with the closing line "N passed, N failed, N skipped". The exit code is 0 if and only if
# N failed is 0.
set -uo pipefail
cd "$(dirname "$0")/.."

closing_fail() { echo "$1"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }

if [ "$(id -u)" = 0 ]; then SUDO=(); else SUDO=(sudo); fi
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}..."
  "${SUDO[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null \
    || closing_fail "could not install ${missing[*]}"
fi

dotnet build OpenWxCluster.sln -c Release 2>&1 | tail -n 3
build_rc=${PIPESTATUS[0]}
if [ "$build_rc" != 0 ]; then
  dotnet build OpenWxCluster.sln -c Release 2>&1 | grep -E "error" | sort -u | head -n 40
  closing_fail "build failed"
fi

list=tests/test-assemblies.txt
[ -f "$list" ] || closing_fail "missing $list"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
results="$work/results"
mkdir "$results"
# Tests (and the processes they start) write measured figures here with TestKit's TestFigures.Record.
export OPENWX_TEST_FIGURES="$work/figures"
mkdir "$OPENWX_TEST_FIGURES"

# Same reading as tools/TestReport's ExpectedList: trimmed lines, blank ones and # comments skipped.
while IFS= read -r project <&3; do
  project="${project#"${project%%[![:space:]]*}"}"
  project="${project%"${project##*[![:space:]]}"}"
  case "$project" in '' | '#'*) continue ;; esac
  name=$(basename "$project" .csproj)
  echo "=== $name ($project)"
  # A hung test would stall the whole run: after 15 min the host is killed and the assembly reads as aborted.
  dotnet test "$project" -c Release --no-build --blame-hang-timeout 15m --logger "trx;LogFileName=$name.trx" --results-directory "$results" </dev/null
  echo "$?" >"$results/$name.exitcode"
done 3<"$list"

report="$work/report.txt"
dotnet tools/TestReport/bin/Release/net10.0/OpenWxCluster.TestReport.dll \
  --root . --list "$list" --results "$results" --figures "$OPENWX_TEST_FIGURES" >"$report" 2>&1
rc=$?
cat "$report"
# The summarizer's last line is the closing line and its exit code agrees with it; if it crashed, say so in red.
last=$(tail -n 1 "$report")
if [[ "$last" =~ ^[0-9]+\ passed,\ ([0-9]+)\ failed,\ [0-9]+\ skipped$ ]]; then
  if { [ "${BASH_REMATCH[1]}" = 0 ] && [ "$rc" = 0 ]; } || { [ "${BASH_REMATCH[1]}" != 0 ] && [ "$rc" = 1 ]; }; then
    exit "$rc"
  fi
fi
closing_fail "the test summarizer failed (exit code $rc)"
