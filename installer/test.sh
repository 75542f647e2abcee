#!/usr/bin/env bash
# Installs the dependencies, builds everything and runs every test: the normal build and its
# tests, then the sanitizer trees (installer/sanitize.sh, docs/sanitizers.md): every test but
# the soak and tst_refund_processes under AddressSanitizer + UndefinedBehaviorSanitizer, each
# fuzz target for a minute in the same tree (docs/fuzzing.md), and the threaded tests under
# ThreadSanitizer.
# RECONSOLE_QUICK_TESTS=1 stops after the first part.
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

stage "AddressSanitizer + UndefinedBehaviorSanitizer"
bash "$root/installer/sanitize.sh" address
stage "fuzzing"
bash "$root/installer/sanitize.sh" fuzz
stage "ThreadSanitizer"
bash "$root/installer/sanitize.sh" thread
stage "done"
