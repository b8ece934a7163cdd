#!/usr/bin/env bash
# The throughput bench (issue 11): installs wrk when missing, builds the shipped silo, the emulator and the bench in
# Release, then runs it. Arguments go to the bench, e.g. `bench/Throughput/run.sh --seconds 2 --rounds 1 --accounts-max 50`.
# Defaults: 64 connections, 10 s per phase, 3 rounds, 1,000 accounts; optional phases: --webhook 1 (post_api delivery)
# and --longpolls 10000 (waiting check_event polls). Run it on a quiet machine: figures taken while
# other work runs are noise (each phase prints how busy the machine was).
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then SUDO=(); else SUDO=(sudo); fi
  echo "Installing wrk..."
  DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq wrk >/dev/null \
    || { "${SUDO[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y -qq wrk >/dev/null; }
fi

if [ -z "${THROUGHPUT_NO_BUILD:-}" ]; then
  for project in src/Silo/OpenWxCluster.Silo.csproj src/Emulator/OpenWxCluster.Emulator.csproj bench/Throughput/OpenWxCluster.Bench.Throughput.csproj; do
    dotnet build "$project" -c Release -v q -nologo | tail -n 2
  done
fi

# 1,000 accounts hold 1,000 synccheck long-polls plus wrk's connections: raise the descriptor limit where allowed.
ulimit -n 65536 2>/dev/null || true
exec dotnet bench/Throughput/bin/Release/net10.0/OpenWxCluster.Bench.Throughput.dll "$@"
