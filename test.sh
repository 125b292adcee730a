#!/usr/bin/env bash
# Runs every test of the project (unit, property, store and browser suites) and prints one closing line:
# "tests: N passed, N failed, N skipped".
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet test Sitrep.slnx -c Release --nologo 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
# dotnet test prints one summary per test assembly: "Failed!  - Failed: 1, Passed: 7, Skipped: 0, ..."
read -r passed failed skipped < <(grep -E '(Passed|Failed)! +- +Failed: ' "$log" | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\2 \1 \3/' |
  awk '{p+=$1; f+=$2; s+=$3} END {print p+0, f+0, s+0}')
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; echo "test.sh: dotnet test exited $rc (build error or crashed test host)" >&2; fi
echo
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit $rc
