#!/usr/bin/env bash
# Prepares the issue-26 GPU batch (eng/gpu/ablation.py) for the device tool, whose calls carry at most
# 64 MiB each, the repository's tracked files included (docs/gpu.md, "The ablation batch on a lent H200"):
#   .gpu/p1: the trimmed self-contained CLI (about 20 MB), PublicTest and the first part of Training
#   .gpu/p2: the rest of Training and the script.
# Usage: eng/gpu/prepare.sh [FER2013_CSV_GZ]   (add /.gpu/ to .git/info/exclude first)
set -euo pipefail
cd "$(dirname "$0")/../.."
data="${1:-../shared/datasets/fer2013/fer2013.csv.gz}"
work=$(mktemp -d)
dotnet publish src/EmotionNet.Cli -c Release -r linux-x64 --self-contained -p:UsesTorchNative=false \
  -p:PublishTrimmed=true -p:TrimMode=partial -p:TreatWarningsAsErrors=false -p:SuppressTrimAnalysisWarnings=true \
  -p:JsonSerializerIsReflectionEnabledByDefault=true -p:CustomAfterMicrosoftCommonTargets="$PWD/eng/gpu/trim.targets" \
  -o "$work/gpu-cli-t" -v:q -nologo
# Debugger libraries, and a libtorch TorchSharp may have assembled next to the app when it was run here.
rm -rf "$work/gpu-cli-t/cpu" "$work"/gpu-cli-t/{libmscordaccore.so,libmscordbi.so,createdump} "$work"/gpu-cli-t/*.pdb
(cd "$work" && tar -cf - gpu-cli-t | xz -6 -T2 > cli.tar.xz)
python3 eng/gpu/pack_fer.py "$data" "$work"
tree=$(git ls-files -z | xargs -0 du -cb | tail -1 | cut -f1)
limit=$((64 * 1024 * 1024 - 600 * 1024))
first=$((limit - tree - $(stat -c %s "$work/cli.tar.xz") - $(stat -c %s "$work/PublicTest.bin.xz") - 2 * $(stat -c %s eng/gpu/ablation.py)))
rm -rf .gpu/p1 .gpu/p2 && mkdir -p .gpu/p1 .gpu/p2
cp "$work/cli.tar.xz" "$work/PublicTest.bin.xz" eng/gpu/ablation.py .gpu/p1/
head -c "$first" "$work/Training.bin.xz" > .gpu/p1/part-a
tail -c +"$((first + 1))" "$work/Training.bin.xz" > .gpu/p2/part-b
cp eng/gpu/ablation.py .gpu/p2/
echo "call 1 carries $(du -cb .gpu/p1/* | tail -1 | cut -f1) bytes, call 2 $(du -cb .gpu/p2/* | tail -1 | cut -f1), beside $tree tracked"
