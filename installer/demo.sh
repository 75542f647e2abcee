#!/usr/bin/env bash
# Installs the dependencies, builds, makes a demo mirror (once) and starts the console on it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${RECONSOLE_BUILD_DIR:-$root/build}"
bash "$root/installer/build.sh"
mirror="${RECONSOLE_DEMO_MIRROR:-$HOME/.local/share/reconsole/demo.db}"
mkdir -p "$(dirname "$mirror")"
ops="${mirror%.db}.ops.sqlite"
# A demo made before sign-in has operators without passwords: nobody could sign in to it.
# It is a demo: make it again.
if [ -s "$ops" ] && [ "$(sqlite3 "$ops" "SELECT count(*) FROM operator_credential" 2>/dev/null || echo 0)" = "0" ]; then
  echo "The demo at $mirror predates sign-in: making it again."
  rm -f "$mirror" "$mirror-wal" "$mirror-shm" "$ops" "$ops-wal" "$ops-shm"
fi
if [ ! -s "$mirror" ]; then
  echo "Creating the demo mirror $mirror ..."
  "$build/bin/reconsole-cli" demo --db "$mirror" --orders 60000 --customers 6000
elif [ ! -s "$ops" ]; then
  # A demo mirror from before refunds existed: give it its operators and refunds.
  "$build/bin/reconsole-cli" demo --db "$mirror" --operations-only
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found: starting under xvfb-run (nothing will be visible)." >&2
  echo "To see the console without a display: $build/bin/reconsole --screenshots DIR --db $mirror" >&2
  exec xvfb-run -a "$build/bin/reconsole" --db "$mirror" --demo "$@"
fi
# --demo: with no --as, the console acts as the demo operator (lee.ops), so refunds can be tried.
exec "$build/bin/reconsole" --db "$mirror" --demo "$@"
