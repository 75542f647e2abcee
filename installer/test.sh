#!/usr/bin/env bash
# Installs the dependencies, builds everything and runs every test: the normal build and its
# tests, then each fuzz target for a minute (installer/fuzz.sh, docs/fuzzing.md).
# RECONSOLE_QUICK_TESTS=1 stops after the first part. The sanitizer builds are
# installer/sanitize.sh (docs/sanitizers.md).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${RECONSOLE_BUILD_DIR:-$root/build}"
stage() { echo "== $1 ($(date -u +%H:%M:%S))"; }

stage "build and test"
bash "$root/installer/build.sh"
(cd "$build" && QT_QPA_PLATFORM=offscreen ctest --output-on-failure --timeout 900 -j "$(nproc)")
if [ "${RECONSOLE_QUICK_TESTS:-0}" = "1" ]; then
  exit 0
fi

stage "fuzzing"
bash "$root/installer/fuzz.sh"
stage "done"
