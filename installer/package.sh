#!/usr/bin/env bash
# Builds the Debian package into build/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${RECONSOLE_BUILD_DIR:-$root/build}"
bash "$root/installer/build.sh"
cd "$build"
cpack -G DEB
ls -1 "$build"/*.deb
