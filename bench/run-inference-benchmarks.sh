#!/usr/bin/env bash
# Refreshes every figure of docs/benchmarks-inference.md (and docs/images/inference-memory-rss.*).
#   bench/run-inference-benchmarks.sh              # all modes: profile latency e2e growth memory tracking onnx (detection, alignment and
#                                                  # tracking-real read ../shared datasets: name them to run them)
#   bench/run-inference-benchmarks.sh e2e memory   # only these
# Each mode runs in its own process and rewrites only its own section of the doc. The whole run is
# bounded: every mode gets a time limit and the script stops at 14 minutes in total; a mode that hits
# its limit leaves its section unchanged and makes the script fail. Run it on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."

declare -A limit=([profile]=90 [latency]=90 [e2e]=330 [growth]=180 [memory]=330 [tracking]=180 [tracking-real]=240 [detection]=60 [alignment]=420 [onnx]=240)
modes=("$@")
[ ${#modes[@]} -eq 0 ] && modes=(profile latency e2e growth memory tracking onnx)
for m in "${modes[@]}"; do
  [ -n "${limit[$m]:-}" ] || { echo "unknown mode '$m' (profile, latency, e2e, growth, memory, tracking, tracking-real, detection, alignment, onnx)" >&2; exit 2; }
done

start=$SECONDS
total=$((14 * 60))
dotnet build bench/EmotionNet.Benchmarks.Inference -c Release -nologo -v quiet
dll=bench/EmotionNet.Benchmarks.Inference/bin/Release/net10.0/EmotionNet.Benchmarks.Inference.dll
failed=()
for m in "${modes[@]}"; do
  left=$((total - (SECONDS - start)))
  cap=${limit[$m]}
  [ "$left" -lt "$cap" ] && cap=$left
  if [ "$cap" -le 0 ]; then echo "== $m: no time left" >&2; failed+=("$m"); continue; fi
  echo "== $m (limit ${cap} s)"
  # Pictures made of the dlib photos (alignment, tracking-real) stay out of the repository.
  images=docs/images
  case "$m" in alignment|tracking-real) images="${TMPDIR:-/tmp}/emotionnet-bench-images" ;; esac
  if ! timeout --kill-after=10 "$cap" dotnet "$dll" "$m" --doc docs/benchmarks-inference.md --images "$images"; then
    echo "== $m failed or ran out of time; its section is unchanged" >&2
    failed+=("$m")
  fi
done
echo "== done in $((SECONDS - start)) s"
[ ${#failed[@]} -eq 0 ] || { echo "failed: ${failed[*]}" >&2; exit 1; }
