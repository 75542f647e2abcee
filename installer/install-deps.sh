#!/usr/bin/env bash
# Installs what Reconsole needs to build, test and run on Debian 12 (bookworm).
# Uses sudo when not root. Safe to run again: apt-get skips what is already there.
set -euo pipefail

PACKAGES=(
  g++ cmake ninja-build pkg-config file dpkg-dev
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libgl-dev libxkbcommon-dev
  libsqlite3-dev sqlite3 libsimdjson-dev
  libpq-dev                 # the shared operations server's client
  libargon2-dev             # Argon2id sign-in passwords of the embedded operations store
  postgresql-15 postgresql-common   # the tests start a throwaway PostgreSQL cluster
  fonts-noto-cjk            # Hangul in the interface
  xvfb xauth                # the GUI tests and screenshots without a display
  time                      # peak memory in the benchmark
  poppler-utils             # the tests read the notices' PDFs back (pdftotext)
  clang libfuzzer-14-dev    # the fuzz targets (installer/fuzz.sh, docs/fuzzing.md)
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
echo "Installing: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
