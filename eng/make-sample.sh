#!/usr/bin/env bash
# Rebuilds data/sample/fer2013-sample.csv from the full FER2013 CSV (plain or .gz).
# Selection rule (fixed, no randomness): in file order, the first 30 rows of each class in
# Training and the first 5 rows of each class in PublicTest and PrivateTest: 7 x 40 = 280 rows.
#   eng/make-sample.sh [path/to/fer2013.csv.gz] [output.csv]
set -euo pipefail
cd "$(dirname "$0")/.."
src="${1:-../shared/datasets/fer2013/fer2013.csv.gz}"
out="${2:-data/sample/fer2013-sample.csv}"
[ -f "$src" ] || { echo "make-sample.sh: no FER2013 CSV at '$src' (see data/README.md)" >&2; exit 1; }
# gzip -cdf passes a plain CSV through unchanged.
gzip -cdf "$src" | awk -F, '
  NR == 1 { sub(/\r$/, ""); print; next }
  {
    usage = $3; sub(/\r$/, "", usage)
    cap = (usage == "Training") ? 30 : 5
    key = usage "," $1
    if (taken[key] < cap) { taken[key]++; sub(/\r$/, ""); print }
  }' > "$out"
echo "make-sample.sh: wrote $out ($(($(wc -l < "$out") - 1)) rows)"
