#!/usr/bin/env bash
# Issue #11's comparison, whole process against whole process on the same files in one run: `sitrep extract` (to jsonl,
# every core) against wink-nlp's tokenise + entities pass (tokenise-entities.mjs, one Node thread), alternately.
#
#   bench/wink/compare.sh [--count N] [--pairs P] [--jobs J] [--work DIR] [--sitrep CMD] [--ingest]
#
#   --count N    wire-corpus reports to write (default 4000; written once into the work folder, then reused)
#   --pairs P    sitrep/wink pairs to time (default 3)
#   --jobs J     sitrep's --jobs (default: its own default, every core)
#   --work DIR   where the corpus, the node packages and the outputs go (default /tmp/sitrep-wink); never the repository
#   --sitrep CMD the sitrep to time (default: this checkout's launcher ./sitrep, built first); e.g. another checkout's
#                ./sitrep, or "dotnet /path/sitrep.dll" (set SITREP_GAZETTEER for a build outside a checkout)
#   --ingest     also time `sitrep ingest` of the files into a new SQLite store in each pair
#
# Prints, for each run: wall and CPU (user+sys) seconds, reports/s of wall and of CPU, peak memory, the load average;
# then each pair's ratio of wink's wall time to sitrep's (above 1: sitrep is faster) and the medians.
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
root=$(cd "$here/../.." && pwd)
count=4000 pairs=3 jobs= work=/tmp/sitrep-wink sitrep= ingest=0
while [ $# -gt 0 ]; do
  case "$1" in
    --count) count=$2; shift 2 ;;
    --pairs) pairs=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --sitrep) sitrep=$2; shift 2 ;;
    --ingest) ingest=1; shift ;;
    *) echo "compare.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
case "$work/" in "$root"/*) echo "compare.sh: --work must be outside the repository ($root)" >&2; exit 2 ;; esac
mkdir -p "$work"
corpus="$work/wire-$count"

# The corpus: the project's wire corpus (reports of wire length and shape), written once per count.
if [ ! -f "$corpus/.done" ]; then
  rm -rf "$corpus"
  dotnet run -c Release --project "$root/bench/Sitrep.Benchmarks" -- wire-corpus "$corpus" --count "$count" >&2
  touch "$corpus/.done"
fi

# The peer: wink-nlp and its model from the npm registry, pinned by package.json and package-lock.json, installed
# into the work folder (never into the repository).
modules="$work/node"
if ! cmp -s "$here/package-lock.json" "$modules/package-lock.json" || [ ! -d "$modules/node_modules/wink-nlp" ]; then
  rm -rf "$modules"
  mkdir -p "$modules"
  cp "$here/package.json" "$here/package-lock.json" "$modules/"
  (cd "$modules" && npm ci --no-audit --no-fund --loglevel=error >&2)
fi

if [ -z "$sitrep" ]; then
  "$root/sitrep" --version >/dev/null # builds it when its sources changed, outside the timings
  sitrep="$root/sitrep" # the launcher, as users run it (it picks the runtime's settings for batch commands)
fi
jobargs=()
[ -n "$jobs" ] && jobargs=(--jobs "$jobs")

n=$(find "$corpus/articles" -type f | wc -l)
results="$work/results.tsv"
: > "$results"
# timed LABEL CMD...: runs CMD, its stdout to the work folder, and prints and records its figures.
timed() {
  local label=$1; shift
  local load; load=$(cut -d' ' -f1-3 /proc/loadavg)
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" > "$work/$label.out" 2> "$work/$label.err" || {
    echo "compare.sh: $label failed:" >&2; tail -5 "$work/$label.err" >&2; exit 1; }
  read -r wall user sys kb < "$work/time"
  awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v k="$kb" -v n="$n" -v load="$load" 'BEGIN {
    c = u + s; printf "%-8s %7.2f s wall %7.2f s CPU  %6.0f reports/s  %6.0f reports/CPU-s  %5.0f MB  load %s\n", l, w, c, n / w, n / c, k / 1024, load }'
  printf '%s\t%s\t%s\n' "$label" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" >> "$results"
}

echo "corpus: $n files in $corpus/articles; sitrep: $sitrep ${jobargs[*]}; $(nproc) cores"
for p in $(seq 1 "$pairs"); do
  # Alternate which goes first, so neither always runs on the machine the other left.
  if [ $((p % 2)) -eq 1 ]; then order="sitrep wink"; else order="wink sitrep"; fi
  for who in $order; do
    case $who in
      sitrep) timed sitrep $sitrep extract "$corpus/articles" --format jsonl "${jobargs[@]}" ;;
      wink) timed wink node "$here/tokenise-entities.mjs" "$modules" "$corpus/articles" ;;
    esac
  done
  if [ $ingest = 1 ]; then
    rm -f "$work/ingest.db" "$work/ingest.db-wal" "$work/ingest.db-shm"
    timed ingest $sitrep ingest "$corpus/articles" --db "$work/ingest.db" --quiet "${jobargs[@]}"
  fi
done
grep -h '^wink:' "$work/wink.err" || true

# Pair by pair: wink's wall over sitrep's (how many times faster sitrep is), and the same of CPU.
awk -F'\t' -v n="$n" '
  $1 == "sitrep" { sw[++i] = $2; sc[i] = $3 }
  $1 == "wink"   { ww[++j] = $2; wc[j] = $3 }
  $1 == "ingest" { iw[++k] = $2 }
  function median(a, m,   t, x, y) { for (x = 1; x <= m; x++) t[x] = a[x]
    for (x = 1; x <= m; x++) for (y = x + 1; y <= m; y++) if (t[y] < t[x]) { v = t[x]; t[x] = t[y]; t[y] = v }
    return m % 2 ? t[(m + 1) / 2] : (t[m / 2] + t[m / 2 + 1]) / 2 }
  END {
    for (x = 1; x <= i && x <= j; x++) { r[x] = ww[x] / sw[x]; rc[x] = wc[x] / sc[x]
      printf "pair %d: sitrep %.2fx wink by wall, %.2fx by CPU\n", x, r[x], rc[x] }
    m = i < j ? i : j
    printf "median: sitrep extract %.0f reports/s, wink %.0f reports/s, ratio %.2f (wall), %.2f (CPU)\n",
      n / median(sw, i), n / median(ww, j), median(r, m), median(rc, m)
    if (k > 0) printf "median: sitrep ingest into a new store %.0f reports/s; 730,000 reports at that rate: %.0f min\n", n / median(iw, k), 730000 / (n / median(iw, k)) / 60
  }' "$results"
