#!/usr/bin/env bash
# Installs the native libraries EmotionNet needs at run time, and only those that are missing.
#   - libstdc++ with GLIBCXX_3.4.32 (GCC 13+): libLibTorchSharp.so from TorchSharp 0.107 needs it.
#   - libgtk-3-0, libdrm2, libatomic1: libOpenCvSharpExtern.so links against them.
#   - opencv-data: the Haar cascades (tests compare the packaged cascade with Debian's copy).
# Idempotent: where everything is present it changes nothing. On Debian 12 (bookworm), as root,
# it installs what is missing; Debian 12's libstdc++ is too old, so it adds Debian 13 (trixie) with
# an apt configuration of its own (the system's sources.list is never rewritten) and upgrades
# libstdc++6 alone from it. Elsewhere it prints exactly what is missing and how to get it.
#   eng/install-prerequisites.sh --check    changes nothing, prints nothing: exit 0 when all is present
set -euo pipefail

say() { printf 'install-prerequisites: %s\n' "$*"; }

libstdcxx_ok() {
  local lib
  for lib in /usr/lib/x86_64-linux-gnu/libstdc++.so.6 /usr/lib64/libstdc++.so.6 /usr/lib/libstdc++.so.6; do
    [ -e "$lib" ] && grep -qa 'GLIBCXX_3\.4\.32' "$lib" && return 0
  done
  return 1
}

shared_lib_ok() { ldconfig -p 2>/dev/null | grep -q "$1"; }

missing_debs=()
shared_lib_ok 'libgtk-3\.so\.0' || missing_debs+=(libgtk-3-0)
shared_lib_ok 'libdrm\.so\.2' || missing_debs+=(libdrm2)
shared_lib_ok 'libatomic\.so\.1' || missing_debs+=(libatomic1)
[ -f /usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml ] || missing_debs+=(opencv-data)
need_libstdcxx=0
libstdcxx_ok || need_libstdcxx=1

if [ "${1:-}" = --check ]; then
  [ ${#missing_debs[@]} -eq 0 ] && [ $need_libstdcxx -eq 0 ]
  exit
fi
if [ ${#missing_debs[@]} -eq 0 ] && [ $need_libstdcxx -eq 0 ]; then
  say "all native prerequisites are present"
  exit 0
fi

. /etc/os-release 2>/dev/null || true
is_debian12=0
[ "${ID:-}" = debian ] && [ "${VERSION_ID:-}" = 12 ] && is_debian12=1
is_apt=0
command -v apt-get >/dev/null && is_apt=1

if [ "$(id -u)" -ne 0 ] || [ $is_apt -eq 0 ]; then
  say "missing native prerequisites; this script installs them only as root with apt:"
  [ $need_libstdcxx -eq 1 ] && say "  - libstdc++ with GLIBCXX_3.4.32 (GCC 13 or newer): on Debian 13+, Ubuntu 24.04+ or Fedora 39+ the system one has it; on Debian 12 run this script as root"
  for p in "${missing_debs[@]}"; do say "  - $p (Debian/Ubuntu package '$p'; Fedora: gtk3 / libdrm / libatomic / opencv-data)"; done
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt_quiet=(-q -y -o Dpkg::Use-Pty=0)

if [ ${#missing_debs[@]} -gt 0 ]; then
  say "installing ${missing_debs[*]}"
  apt-get update -q >/dev/null
  apt-get install "${apt_quiet[@]}" --no-install-recommends "${missing_debs[@]}" >/dev/null
fi

if [ $need_libstdcxx -eq 1 ]; then
  if [ $is_debian12 -eq 0 ]; then
    say "libstdc++ lacks GLIBCXX_3.4.32 and this is not Debian 12 (${PRETTY_NAME:-unknown}); install libstdc++ from GCC 13 or newer (e.g. upgrade to Debian 13 / Ubuntu 24.04)"
    exit 1
  fi
  say "upgrading libstdc++6 from Debian 13 (trixie) for GLIBCXX_3.4.32"
  conf=/etc/emotionnet-apt
  mkdir -p "$conf/sources.list.d" "$conf/preferences.d" "$conf/lists/partial"
  # A private apt world: bookworm as the system has it plus trixie, pinned low so that nothing but
  # what we ask for comes from trixie.
  cp /etc/apt/sources.list.d/*.sources "$conf/sources.list.d/" 2>/dev/null || true
  [ -f /etc/apt/sources.list ] && cp /etc/apt/sources.list "$conf/sources.list" || : > "$conf/sources.list"
  cat > "$conf/sources.list.d/trixie.sources" <<'SRC'
Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  cat > "$conf/preferences.d/trixie" <<'PREF'
Package: *
Pin: release n=trixie
Pin-Priority: 100
PREF
  opts=(-o "Dir::Etc::SourceList=$conf/sources.list" -o "Dir::Etc::SourceParts=$conf/sources.list.d"
        -o "Dir::Etc::Preferences=/dev/null" -o "Dir::Etc::PreferencesParts=$conf/preferences.d"
        -o "Dir::State::Lists=$conf/lists")
  apt-get "${opts[@]}" update -q >/dev/null
  apt-get "${opts[@]}" install "${apt_quiet[@]}" --no-install-recommends -t trixie libstdc++6 >/dev/null
  libstdcxx_ok || { say "libstdc++6 from trixie did not provide GLIBCXX_3.4.32"; exit 1; }
fi
say "native prerequisites installed"
