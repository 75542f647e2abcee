#!/usr/bin/env bash
# Configures and builds Reconsole into build/ (or $RECONSOLE_BUILD_DIR).
# Warnings are errors here, as in CI.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${RECONSOLE_BUILD_DIR:-$root/build}"
bash "$root/installer/install-deps.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRECONSOLE_WERROR=ON >/dev/null
cmake --build "$build" --parallel "$(nproc)"
