#!/usr/bin/env bash
# Install size of an inference-only app: bench/InstallSize/OnnxApp (EmotionNet.OnnxRuntime + ONNX Runtime
# natives, the model as an exported .onnx file) against bench/InstallSize/TorchApp (EmotionNet.Core with
# the shipped model + libtorch CPU). Both published framework-dependent for linux-x64 (the .NET runtime is
# the user's in both), then run once. Prints the folder sizes and the largest files (docs/benchmarks-inference.md).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-$(mktemp -d)}
dotnet run --project src/EmotionNet.Cli -c Release --no-launch-profile -- export --out "$out/model.onnx" >/dev/null
for app in OnnxApp TorchApp; do
  dotnet publish bench/InstallSize/$app -c Release -r linux-x64 --self-contained false -o "$out/$app" -nologo -v quiet
done
cp "$out/model.onnx" "$out/OnnxApp/"
echo "OnnxApp: $(dotnet "$out/OnnxApp/OnnxApp.dll" "$out/OnnxApp/model.onnx")"
echo "TorchApp: $(dotnet "$out/TorchApp/TorchApp.dll")"
for app in OnnxApp TorchApp; do
  echo "== $app: $(du -sb "$out/$app" | cut -f1) bytes ($(du -sh "$out/$app" | cut -f1)), $(find "$out/$app" -type f | wc -l) files"
  find "$out/$app" -type f -size +1M -printf '%s\t%P\n' | sort -rn | head -6 | awk -F'\t' '{ printf "   %8.1f MB  %s\n", $1 / 1048576, $2 }'
done
