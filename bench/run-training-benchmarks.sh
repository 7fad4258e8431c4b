#!/usr/bin/env bash
# Runs the data and training benchmarks and rewrites their generated sections of docs/benchmarks.md
# (between <!-- bench:MODE --> markers), each with its machine, exact command, medians and ranges.
#
#   bench/run-training-benchmarks.sh                 # all modes; estimated 15 minutes on an idle 2-core machine
#   bench/run-training-benchmarks.sh train growth    # only those modes
#   FER2013=/path/fer2013.csv.gz bench/run-training-benchmarks.sh
#
# Every mode has its own time limit and all of them share one budget, so the whole script stays
# under 20 minutes; a mode that hits its limit leaves its previous section in place, and the script
# reports it and exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."

data="${FER2013:-}"
if [ -z "$data" ]; then
  for candidate in ../shared/datasets/fer2013/fer2013.csv.gz ../../shared/datasets/fer2013/fer2013.csv.gz; do
    if [ -f "$candidate" ]; then data="$candidate"; break; fi
  done
fi
if [ ! -f "$data" ]; then
  echo "run-training-benchmarks: FER2013 not found; set FER2013=/path/to/fer2013.csv.gz" >&2
  exit 1
fi

doc=docs/benchmarks.md
modes=("$@")
[ ${#modes[@]} -gt 0 ] || modes=(load augment micro train accuracy growth memory)

# Seconds each mode may take (the comment: estimated idle-machine runtime).
declare -A limit=(
  [load]=90       # ~15 s
  [augment]=90    # ~20 s
  [micro]=180     # ~1 min
  [train]=300     # ~1.5-2 min
  [accuracy]=480  # ~5-6 min (validation and the final report are a third of it)
  [growth]=300    # ~3 min
  [memory]=240    # ~2-2.5 min
)
budget=1140       # seconds for all modes together: with the build, under 20 minutes

dotnet build bench/EmotionNet.Benchmarks -c Release -nologo -v q -clp:ErrorsOnly
start=$SECONDS
failed=()
timings=()
for mode in "${modes[@]}"; do
  if [ -z "${limit[$mode]:-}" ]; then echo "run-training-benchmarks: unknown mode '$mode'" >&2; exit 2; fi
  left=$((budget - (SECONDS - start)))
  allowed=$(( limit[$mode] < left ? limit[$mode] : left ))
  if [ "$allowed" -lt 30 ]; then
    failed+=("$mode"); timings+=("$mode SKIPPED (time budget spent)"); continue
  fi
  echo "=== $mode (limit $allowed s)"
  t0=$SECONDS
  if timeout --signal=INT --kill-after=15 "$allowed" \
       dotnet bench/EmotionNet.Benchmarks/bin/Release/net10.0/EmotionNet.Benchmarks.dll "$mode" --data "$data" --doc "$doc"; then
    timings+=("$mode $((SECONDS - t0)) s")
  else
    failed+=("$mode")
    timings+=("$mode FAILED after $((SECONDS - t0)) s")
  fi
done
echo "=== done in $((SECONDS - start)) s: ${timings[*]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "run-training-benchmarks: failed or timed out: ${failed[*]}" >&2
  exit 1
fi
