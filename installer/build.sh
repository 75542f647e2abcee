#!/usr/bin/env bash
# Configures and builds Reconsole into build/ (or $RECONSOLE_BUILD_DIR).
# Warnings are errors here, as in CI.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${RECONSOLE_BUILD_DIR:-$root/build}"
bash "$root/installer/install-deps.sh"
# -g1: line tables and function names, enough for a crash's backtrace, at two thirds of the
# compile time of -g (whose full debug info made every test binary 140 MB).
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" -DRECONSOLE_WERROR=ON >/dev/null
cmake --build "$build" --parallel "$(nproc)"
