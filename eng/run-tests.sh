#!/usr/bin/env bash
# Runs the built test projects and says in one line how it went; the exit status is the verdict.
#   eng/run-tests.sh all      every test (what CI runs: ./build.sh test)
#   eng/run-tests.sh quick    all but [Trait("Category", "Slow")] (./build.sh quick)
# Expects a Release build (build.sh builds first). Exits non-zero when a test fails, when dotnet test
# fails or a test host crashes (a test run aborted), or when a test project (tests/*/*.Tests.csproj)
# reports no result or ran no test; 'quick' accepts a project whose tests are all slow, when
# dotnet test says that no test matched the filter. Each skipped test is listed with its reason,
# then the summary: tests: P passed, F failed, S skipped.
set -uo pipefail
cd "$(dirname "$0")/.."
mode="${1:-all}"
filter=()
case "$mode" in
  all) ;;
  quick) filter=(--filter 'Category!=Slow') ;;
  *) echo "run-tests: unknown mode '$mode' (all, quick)" >&2; exit 2 ;;
esac

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
log="$results/log.txt"

# No '|| true' here: under pipefail it would make PIPESTATUS that of 'true'.
dotnet test EmotionNet.sln -c Release --no-build -nologo --results-directory "$results" --logger trx "${filter[@]}" 2>&1 \
  | tee "$log" | grep --line-buffered -vE '^\s*$'
status=${PIPESTATUS[0]}

problems=()
[ "$status" -eq 0 ] || problems+=("dotnet test exited with status $status")
grep -q '^Test Run Aborted' "$log" && problems+=("a test run was aborted (a test host crashed): $(grep -m1 '^The active test run was aborted' "$log" | sed 's/^ *//')")

# Every test project must report, and must have run tests.
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  line=$(grep -E "^(Passed|Failed)!.* - $name\.dll " "$log" | tail -1)
  if [ -z "$line" ]; then
    [ "$mode" = quick ] && grep -qE "No test matches the given testcase filter .*/$name\.dll" "$log" && continue
    problems+=("$name reported no result (not run, or its test host crashed)")
  elif echo "$line" | grep -qE 'Total:\s+0,'; then
    problems+=("$name ran no test")
  fi
done

# Skip reasons, from the TRX files (the console shows only the test's name).
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  awk '
    function text(s) { gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s); gsub(/&apos;/, "'\''", s); gsub(/&amp;/, "\\&", s); return s }
    /<UnitTestResult / && /outcome="NotExecuted"/ { match($0, /testName="[^"]*"/); name = text(substr($0, RSTART + 10, RLENGTH - 11)); pending = 1
                                                     if ($0 ~ /\/>[ \t\r]*$/) { print "skipped: " name; pending = 0 }; next }
    pending && /<Message>/ { m = $0; sub(/.*<Message>/, "", m); sub(/<\/Message>.*/, "", m); print "skipped: " name ": " text(m); pending = 0; next }
    pending && /<\/UnitTestResult>/ { print "skipped: " name; pending = 0 }
  ' "$trx"
done

read -r passed failed skipped < <(awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { g = $i; gsub(/[:,]/, "", g);
    if (g == "Failed") f += $(i+1); if (g == "Passed") p += $(i+1); if (g == "Skipped") s += $(i+1) } }
  END { printf "%d %d %d\n", p, f, s }' "$log")
[ "$failed" -eq 0 ] || problems+=("$failed test(s) failed")

for p in "${problems[@]}"; do echo "run-tests: $p" >&2; done
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "${#problems[@]}" -eq 0 ]
