#!/usr/bin/env bash
# Builds the silo (saying so: the first build takes a while) and runs it with the given arguments, e.g. --demo.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "Building OpenWxCluster (Release; about two minutes the first time) ..."
dotnet build src/Silo -c Release -nologo -v:minimal -clp:NoSummary
echo "Starting the silo ..."
exec dotnet src/Silo/bin/Release/net10.0/OpenWxCluster.Silo.dll "$@"
