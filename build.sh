#!/usr/bin/env bash
# One entry point for a fresh machine: installs the native prerequisites, restores, builds, then
#   ./build.sh test      runs every test and prints one summary line; exits non-zero when any test
#                        fails or a test run crashes (eng/run-tests.sh)
#   ./build.sh quick     the same without the slow tests ([Trait("Category", "Slow")]): the edit-build-test loop
#   ./build.sh demo      the main job on the embedded default: trains a short run on data/sample
#   ./build.sh build     restore and build only
# Extra arguments after 'demo' go to 'emotionnet train'.
set -euo pipefail
cd "$(dirname "$0")"
verb="${1:-test}"; shift || true
case "$verb" in build|test|quick|demo) ;; *) echo "build.sh: unknown verb '$verb' (test, quick, demo, build)" >&2; exit 2 ;; esac

command -v dotnet >/dev/null || { echo "build.sh: the .NET 10 SDK is required (https://dot.net); 'dotnet' is not on PATH" >&2; exit 1; }

# sudo only when something is missing: where all is present the check needs no privileges.
if [ "$(id -u)" -eq 0 ] || ! command -v sudo >/dev/null || bash eng/install-prerequisites.sh --check; then
  bash eng/install-prerequisites.sh
else
  sudo bash eng/install-prerequisites.sh
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build EmotionNet.sln -c Release -nologo -clp:NoSummary -v:q

case "$verb" in
  build) ;;
  test)
    # The browser tests drive Debian's Chromium (EmotionNet.AspNetCore.Tests, Slow: 'quick' skips them).
    if [ "$(id -u)" -eq 0 ]; then bash eng/install-browser.sh; elif command -v sudo >/dev/null; then sudo bash eng/install-browser.sh || true; else bash eng/install-browser.sh || true; fi
    exec bash eng/run-tests.sh all ;;
  quick) exec bash eng/run-tests.sh quick ;;
  demo)
    dotnet run --project src/EmotionNet.Cli -c Release --no-build -- train --out runs/demo "$@"
    ;;
esac
