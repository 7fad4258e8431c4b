#!/usr/bin/env bash
# Fuzzes a reader with AFL++ through SharpFuzz:  eng/fuzz.sh <csv|checkpoint|manifest|onnx|merge|image> [minutes=10]
# Installs what is missing (afl++ from apt, the sharpfuzz tool into .fuzz/tools), builds the
# harness, instruments the target's assemblies, seeds from tests/Corpus and runs afl-fuzz on one core.
# Findings land in .fuzz/<target>/findings/default/{crashes,hangs}; reproduce one (uninstrumented:
# the instrumented build runs only under afl-fuzz) with
#   dotnet run --project fuzz/EmotionNet.Fuzz -c Release -- <target> <file>
# Not part of the test run: it needs root for apt (or afl++ already installed) and takes minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: eng/fuzz.sh <csv|checkpoint|manifest|onnx|merge|image> [minutes]}"
minutes="${2:-10}"
# What each target instruments: the managed code its inputs reach (natives such as ONNX Runtime,
# OpenCV and FFmpeg cannot be instrumented; a native crash still ends the run and is reported).
case "$target" in
  csv) instrument="EmotionNet.Core.dll" ;;
  checkpoint) instrument="EmotionNet.Torch.dll TorchSharp.dll" ;;
  manifest|merge) instrument="EmotionNet.Inference.dll" ;;
  onnx) instrument="EmotionNet.OnnxRuntime.dll Microsoft.ML.OnnxRuntime.dll" ;;
  image) instrument="EmotionNet.Vision.dll EmotionNet.Inference.dll" ;;
  *) echo "fuzz.sh: unknown target '$target' (csv, checkpoint, manifest, onnx, merge, image)" >&2; exit 2 ;;
esac

if ! command -v afl-fuzz >/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then echo "fuzz.sh: afl-fuzz is missing; install the Debian package afl++ (as root: apt-get install afl++)" >&2; exit 1; fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++
fi
tools=.fuzz/tools
[ -x "$tools/sharpfuzz" ] || dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$tools"

work=".fuzz/$target"
rm -rf "$work/bin" "$work/seeds"
mkdir -p "$work/seeds"
dotnet publish fuzz/EmotionNet.Fuzz -c Release -o "$work/bin" -nologo -v:q
# Generated seeds are made before instrumenting: instrumented code runs only under afl-fuzz.
case "$target" in
  csv) cp tests/Corpus/csv/* tests/Corpus/gz/* "$work/seeds/" ;;
  checkpoint) dotnet "$work/bin/EmotionNet.Fuzz.dll" make-seeds checkpoint "$work/seeds"; cp tests/Corpus/checkpoints/* "$work/seeds/" ;;
  manifest) cp tests/Corpus/manifests/*.txt "$work/seeds/" ;;
  onnx)
    dotnet "$work/bin/EmotionNet.Fuzz.dll" make-seeds onnx "$work/seeds"
    cp "$work/seeds/tiny.onnx" "$work/bin/fuzz-base.onnx"   # the model the metadata form edits
    cp tests/Corpus/onnx/* "$work/seeds/" ;;
  merge) dotnet "$work/bin/EmotionNet.Fuzz.dll" make-seeds merge "$work/seeds" ;;
  # Small images and videos only: afl-fuzz is slow on seeds of hundreds of kilobytes.
  image) dotnet "$work/bin/EmotionNet.Fuzz.dll" make-seeds image "$work/seeds"; find tests/Corpus/images tests/Corpus/videos -type f -size -64k -exec cp {} "$work/seeds/" \; ;;
esac
# The checkpoint loader hands the weights to TorchSharp's reader: it is instrumented too, so the fuzzer sees its branches.
for dll in $instrument; do "$tools/sharpfuzz" "$work/bin/$dll"; done
# Every regression input found earlier seeds the next run too.
[ -d "tests/Corpus/fuzz/$target" ] && cp "tests/Corpus/fuzz/$target"/* "$work/seeds/" 2>/dev/null || true
find "$work/seeds" -size 0 -delete   # afl-fuzz refuses empty seeds

export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 DOTNET_TieredPGO=0
# -t: a hang is an input that takes over 10 s; -m none: .NET reserves far more address space than it uses.
afl-fuzz -i "$work/seeds" -o "$work/findings" -t 10000 -m none -V $((minutes * 60)) -- dotnet "$work/bin/EmotionNet.Fuzz.dll" "$target"
stats="$work/findings/default/fuzzer_stats"
grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs) ' "$stats" || true
