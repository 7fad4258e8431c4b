#!/usr/bin/env bash
# One entry point for a fresh machine: installs the native prerequisites, restores, builds, then
#   ./build.sh test      runs every test and prints one summary line
#   ./build.sh demo      the main job on the embedded default: trains a short run on data/sample
#   ./build.sh build     restore and build only
# Extra arguments after 'demo' go to 'emotionnet train'.
set -euo pipefail
cd "$(dirname "$0")"
verb="${1:-test}"; shift || true

command -v dotnet >/dev/null || { echo "build.sh: the .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH" >&2; exit 1; }

if [ "$(id -u)" -eq 0 ]; then
  bash eng/install-prerequisites.sh
elif command -v sudo >/dev/null; then
  sudo bash eng/install-prerequisites.sh
else
  bash eng/install-prerequisites.sh
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build EmotionNet.sln -c Release -nologo -clp:NoSummary -v:q

case "$verb" in
  build) ;;
  test)
    # The browser tests drive Debian's Chromium (EmotionNet.AspNetCore.Tests).
    if [ "$(id -u)" -eq 0 ]; then bash eng/install-browser.sh; elif command -v sudo >/dev/null; then sudo bash eng/install-browser.sh || true; else bash eng/install-browser.sh || true; fi
    results=$(mktemp -d)
    set +e
    dotnet test EmotionNet.sln -c Release --no-build -nologo \
      --results-directory "$results" 2>&1 | tee "$results/log.txt" | grep -vE '^\s*$' || true
    status=${PIPESTATUS[0]}
    set -e
    awk '/(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { g = $i; gsub(/[:,]/, "", g);
           if (g == "Failed") f += $(i+1); if (g == "Passed") p += $(i+1); if (g == "Skipped") s += $(i+1) } }
         END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$results/log.txt"
    exit "$status"
    ;;
  demo)
    dotnet run --project src/EmotionNet.Cli -c Release --no-build -- train --out runs/demo "$@"
    ;;
  *) echo "build.sh: unknown verb '$verb' (test, demo, build)" >&2; exit 2 ;;
esac
