#!/usr/bin/env bash
# Installs what the browser tests of EmotionNet.AspNetCore need: Debian's Chromium (driven headless by
# Playwright for .NET through its ExecutablePath; Playwright's own browser download is never used).
# Idempotent: where /usr/bin/chromium exists it changes nothing. As root with apt it installs it
# (about 1-2 minutes on a fresh machine); elsewhere it says what is missing.
set -euo pipefail

say() { printf 'install-browser: %s\n' "$*"; }

if [ -x /usr/bin/chromium ]; then
  say "chromium is present"
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  say "chromium is missing: install Debian's 'chromium' package (apt-get install chromium) for the browser tests"
  exit 1
fi
say "installing chromium"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
apt-get install -q -y -o Dpkg::Use-Pty=0 --no-install-recommends chromium >/dev/null
say "installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
