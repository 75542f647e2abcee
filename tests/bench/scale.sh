#!/usr/bin/env bash
# How the cost grows with the data (issue 12): run.sh (import beside the peer, rebuild,
# incremental update), bench_customers (search, timeline open) and bench_console (queue first
# page, the longest GUI-thread stall scrolling the queue) on demo feeds of about 2 M, 10 M and
# 50 M lines. Not part of the tests. Each size's feed and databases are written to a scratch
# folder under $SCALE_DIR (default /tmp) and deleted after: the 50 M feed is about 9 GB, and
# the peer's and our databases about as much again each.
#   bash tests/bench/scale.sh [2m] [10m] [50m]      (default: all three)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${RECONSOLE_BUILD_DIR:-$root/build}"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(2m 10m 50m)

# Orders and customers per size: a demo feed has about 4.9 lines per order or customer.
shape() {
  case "$1" in
    2m) echo "350000 100000" ;;
    10m) echo "1000000 1000000" ;;
    50m) echo "5100000 5100000" ;;
    *) echo "sizes are 2m, 10m and 50m, not '$1'" >&2; return 2 ;;
  esac
}

for size in "${sizes[@]}"; do
  read -r orders customers < <(shape "$size")
  work="$(mktemp -d "${SCALE_DIR:-/tmp}/reconsole-scale-$size.XXXXXX")"
  echo "## $size: $orders orders, $customers customers ($(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg))"
  BENCH_DIR="$work" bash "$root/tests/bench/run.sh" "$orders" "$customers"
  echo
  "$build/bin/bench_customers" --db "$work/ours.db" --samples 30
  echo
  QT_QPA_PLATFORM=offscreen "$build/bin/bench_console" --db "$work/ours.db"
  echo
  rm -rf "$work"
done
