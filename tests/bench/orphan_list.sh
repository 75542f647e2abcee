#!/usr/bin/env bash
# Benchmark: reading 100 000 orphans back out, `reconsole-cli orphans --format json` as a whole
# process, beside the peer's orphan query (../shared/bench), on the same feed, in the same run.
# The feed is the demo's, plus N payments that failed after their debit (one orphan each).
#   bash tests/bench/orphan_list.sh [EXTRA_ORPHANS] [ORDERS]   (defaults 100000 and 350000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="${RECONSOLE_SHARED_DIR:-$root/../shared}"
bin="${RECONSOLE_BUILD_DIR:-$root/build}/bin"
extra="${1:-100000}"; orders="${2:-350000}"
work="${BENCH_DIR:-$(mktemp -d /tmp/reconsole-orphan-list.XXXXXX)}"
[ -x "$bin/reconsole-cli" ] || { echo "build first: bash installer/build.sh" >&2; exit 2; }
timed() { local out=$1; shift; /usr/bin/time -f "%e" -o "$work/time.txt" "$@" > "$out" || true; cat "$work/time.txt"; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load $(cut -d' ' -f1-3 /proc/loadavg)"
"$bin/reconsole-cli" demo --feed-only --feed-out "$work/base.jsonl" --orders "$orders" --customers 100000 --seed 7 > /dev/null
last=$(tail -n 1 "$work/base.jsonl" | sed -n 's/^{"seq":\([0-9]*\),.*/\1/p')
# One failed payment with a debit per orphan, in February (well before the default as_of).
awk -v n="$extra" -v s0="$last" 'BEGIN { for (i = 1; i <= n; i++) {
  c = sprintf("C-%06d", i % 100000 + 1); a = sprintf("A-%06d-MONEY", i % 100000 + 1); s = s0 + 3 * (i - 1)
  t = sprintf("2026-02-%02dT%02d:%02d:00+09:00", 1 + i % 28, i % 24, i % 60)
  printf "{\"seq\":%d,\"type\":\"order\",\"id\":\"O-X%07d\",\"customer_id\":\"%s\",\"product_id\":\"P-PB-001\",\"quantity\":1,\"unit_price\":26000,\"total\":26000,\"status\":\"failed\",\"created_at\":\"%s\",\"updated_at\":\"%s\"}\n", s + 1, i, c, t, t
  printf "{\"seq\":%d,\"type\":\"payment\",\"id\":\"PAY-X%07d\",\"order_id\":\"O-X%07d\",\"amount\":26000,\"status\":\"failed\",\"at\":\"%s\"}\n", s + 2, i, i, t
  printf "{\"seq\":%d,\"type\":\"ledger\",\"id\":\"L-X%07d\",\"account_id\":\"%s\",\"customer_id\":\"%s\",\"direction\":\"debit\",\"amount\":26000,\"purpose\":\"payment\",\"payment_id\":\"PAY-X%07d\",\"order_id\":\"O-X%07d\",\"at\":\"%s\"}\n", s + 3, i, a, c, i, i, t } }' \
  >> "$work/base.jsonl"
echo "feed: $(wc -l < "$work/base.jsonl") lines"
bash "$shared/bench/peer-load.sh" "$work/peer.db" "$work/base.jsonl" > /dev/null
"$bin/reconsole-cli" import --quiet --db "$work/ours.db" "$work/base.jsonl" > /dev/null || true

peer=(); ours=()
for run in 1 2 3; do
  sync
  peer+=("$(timed "$work/peer.txt" sqlite3 -init "$shared/bench/peer-orphans.sql" "$work/peer.db" .quit)")
  ours+=("$(timed "$work/ours.json" "$bin/reconsole-cli" orphans --db "$work/ours.db" --format json)")
done
median() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
peer_s=$(median "${peer[@]}"); ours_s=$(median "${ours[@]}")
# The same orphans as the peer, row for row (id, class, orphan amount).
"$bin/reconsole-cli" orphans --db "$work/ours.db" --format csv | tail -n +2 | cut -d, -f1,6,8 | sort > "$work/ours-set.txt"
tr '|' ',' < "$work/peer.txt" | cut -d, -f1,6,8 | sort > "$work/peer-set.txt"
cat <<TABLE

| measure (median of 3) | peer (sqlite3 shell) | Reconsole | share of the peer |
| --- | --- | --- | --- |
| the orphan list, $(wc -l < "$work/peer-set.txt") orphans | ${peer_s} s (query from raw tables) | ${ours_s} s (\`orphans --format json\`, whole process, $(du -h "$work/ours.json" | cut -f1)) | $(awk -v a="$ours_s" -v b="$peer_s" 'BEGIN { printf "%.1f%%", 100 * a / b }') |
| runs | ${peer[*]} | ${ours[*]} | rows that differ: $(comm -3 "$work/ours-set.txt" "$work/peer-set.txt" | wc -l) |
TABLE
