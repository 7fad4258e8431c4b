#!/usr/bin/env bash
# Install size of an inference app: bench/InstallSize/OnnxApp (EmotionNet.Inference + EmotionNet.OnnxRuntime with
# the shipped model inside + ONNX Runtime natives, no TorchSharp) against bench/InstallSize/TorchApp
# (EmotionNet.Inference + EmotionNet.Torch with the shipped model inside + libtorch CPU). Both published
# framework-dependent for linux-x64 (the .NET runtime is the user's in both), then run once. Prints the folder
# sizes, the largest files, every native library with its format (file(1)), and fails when the ONNX app
# carries anything of TorchSharp, libtorch or Skia, another platform's native, a model file beside the
# assemblies, or weighs over 40 MB (docs/benchmarks-inference.md, docs/onnx-evidence/install-size.log).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-$(mktemp -d)}
for app in OnnxApp TorchApp; do
  rm -rf "${out:?}/$app"
  dotnet publish bench/InstallSize/$app -c Release -r linux-x64 --self-contained false -o "$out/$app" -nologo -v quiet
done
echo "OnnxApp: $(dotnet "$out/OnnxApp/OnnxApp.dll")"
echo "TorchApp: $(dotnet "$out/TorchApp/TorchApp.dll")"
for app in OnnxApp TorchApp; do
  echo "== $app: $(du -sb "$out/$app" | cut -f1) bytes ($(du -sh "$out/$app" | cut -f1)), $(find "$out/$app" -type f | wc -l) files"
  find "$out/$app" -type f -size +1M -printf '%s\t%P\n' | sort -rn | head -6 | awk -F'\t' '{ printf "   %8.1f MB  %s\n", $1 / 1048576, $2 }'
  echo "   natives (every file that is not a .NET assembly, with its format):"
  find "$out/$app" -type f \( -name '*.so*' -o -name '*.dll' -o -name '*.dylib' \) -print0 | sort -z | xargs -0 file \
    | grep -v 'Mono/.Net assembly' | sed "s|$out/$app/||; s|, BuildID.*||; s|^|     |" || true
done
onnx="$out/OnnxApp"
bad=$(find "$onnx" -type f \( -iname '*torch*' -o -iname 'libc10*' -o -iname '*skia*' -o -name '*.ckpt' -o -name '*.onnx' -o -name '*.dylib' \) -printf '%P\n')
windows=$(find "$onnx" -type f -name '*.dll' -print0 | xargs -0 file | grep -v 'Mono/.Net assembly' | cut -d: -f1 | sed "s|$onnx/||" || true)
size=$(du -sb "$onnx" | cut -f1)
[ -z "$bad" ] || { echo "OnnxApp carries what it must not: $bad" >&2; exit 1; }
[ -z "$windows" ] || { echo "OnnxApp carries Windows natives: $windows" >&2; exit 1; }
[ "$size" -le $((40 * 1024 * 1024)) ] || { echo "OnnxApp is $size bytes, over 40 MB" >&2; exit 1; }
echo "OnnxApp: no TorchSharp, libtorch, Skia, model file or other platform's native; $size bytes <= 40 MB"
