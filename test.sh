#!/usr/bin/env bash
# Runs every test of the project (unit, property, store and browser suites) and prints one closing line:
# "tests: N passed, N failed, N skipped".
# The store suite runs against SQLite and a real PostgreSQL: unless SITREP_TEST_PG already names a server,
# a throwaway PostgreSQL 15 cluster is started on 127.0.0.1 for the run and removed after it.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log=$(mktemp)
pgdir=""
cleanup() {
  if [ -n "$pgdir" ]; then
    if ! as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 && [ -f "$pgdir/data/postmaster.pid" ]; then
      kill -9 "$(head -1 "$pgdir/data/postmaster.pid")" 2>/dev/null || true
    fi
    rm -rf "$pgdir"
  fi
  rm -f "$log"
}
trap cleanup EXIT

pgbin=/usr/lib/postgresql/15/bin
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_postgres() {
  if [ -n "${SITREP_TEST_PG:-}" ]; then
    echo "== PostgreSQL store tests use SITREP_TEST_PG=$SITREP_TEST_PG"
    return
  fi
  if [ ! -x "$pgbin/initdb" ]; then
    echo "test.sh: PostgreSQL 15 is not installed (./setup.sh installs it); the PostgreSQL store tests will be skipped." >&2
    return
  fi
  pgdir=$(mktemp -d /tmp/sitrep-pg.XXXXXX)
  chmod 755 "$pgdir"
  if [ "$(id -u)" = 0 ]; then chown postgres "$pgdir"; fi
  if ! as_pg "$pgbin/initdb" -D "$pgdir/data" -A trust -U sitrep -E UTF8 --no-sync >"$pgdir/initdb.log" 2>&1; then
    echo "test.sh: initdb failed:" >&2; cat "$pgdir/initdb.log" >&2; return
  fi
  local port
  for port in $(shuf -i 20000-40000 -n 5); do
    if as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -t 60 \
        -o "-h 127.0.0.1 -p $port -k $pgdir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null; then
      "$pgbin/createdb" -h 127.0.0.1 -p "$port" -U sitrep sitrep_test
      export SITREP_TEST_PG="postgres://sitrep@127.0.0.1:$port/sitrep_test"
      echo "== PostgreSQL 15 for the store tests on 127.0.0.1:$port (removed after the run)"
      return
    fi
  done
  echo "test.sh: could not start PostgreSQL; see $pgdir/server.log" >&2
  cat "$pgdir/server.log" >&2 || true
}

start_postgres
dotnet test Sitrep.slnx -c Release --nologo 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
# dotnet test prints one summary per test assembly: "Failed!  - Failed: 1, Passed: 7, Skipped: 0, ..."
read -r passed failed skipped < <(grep -E '(Passed|Failed)! +- +Failed: ' "$log" | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\2 \1 \3/' |
  awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; echo "test.sh: dotnet test exited $rc (build error or crashed test host)" >&2; fi
echo
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit $rc
