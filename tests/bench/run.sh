#!/usr/bin/env bash
# Benchmark: Reconsole beside the peer of ../shared/bench (the sqlite3 shell), on the same
# demo feed, in the same run. Not part of the tests.
#   [REPEATS=3] bash tests/bench/run.sh [ORDERS] [CUSTOMERS]   (default 350000 orders, 100000 customers: ~2 M lines)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="${RECONSOLE_SHARED_DIR:-$root/../shared}"
build="${RECONSOLE_BUILD_DIR:-$root/build}"
orders="${1:-350000}"; customers="${2:-100000}"
work="${BENCH_DIR:-$(mktemp -d /tmp/reconsole-bench.XXXXXX)}"
more=10000
bin="$build/bin"
[ -x "$bin/bench_recon" ] || { echo "build first: bash installer/build.sh" >&2; exit 2; }
repeats="${REPEATS:-1}"
[[ $repeats =~ ^[1-9][0-9]*$ ]] || { echo "REPEATS is a positive number, not '$repeats'" >&2; exit 2; }
# timed OUT CMD...: runs CMD with its stdout in OUT; prints "seconds peak-KiB" (exit status ignored:
# an import exits 3 when it quarantined lines).
# (time writes "Command exited with non-zero status N" above its figures then: the last line.)
timed() { local out=$1; shift; /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" > "$out" || true; tail -n 1 "$work/time.txt"; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "sqlite3 $(sqlite3 --version | cut -d' ' -f1); work dir $work"

"$bin/reconsole-cli" demo --feed-only --feed-out "$work/all.jsonl" --orders "$orders" --customers "$customers" --seed 7
total=$(wc -l < "$work/all.jsonl")
head -n $((total - more)) "$work/all.jsonl" > "$work/base.jsonl"
tail -n "$more" "$work/all.jsonl" > "$work/more.jsonl"
rm "$work/all.jsonl"   # at 50 M lines it is 9 GB
ledger=$(grep -c '"type":"ledger"' "$work/base.jsonl" || true)
echo "feed: $((total - more)) lines ($ledger ledger entries), $(du -h "$work/base.jsonl" | cut -f1); then $more more lines"

# The peer's load and ours, in turn, REPEATS times (default 1): on this kind of machine the same
# load's time moves by a fifth to a third from run to run, so the ratio of one pair can mislead.
# Reported: the median of each time and the median of the pairs' ratios; the last databases stay.
peer_times=(); our_times=(); ratios=(); peer_load_kb=0; our_load_kb=0
for ((r = 1; r <= repeats; r++)); do
  rm -f "$work"/peer.db* "$work"/ours.db*
  sync
  read -r s kb < <(timed /dev/null bash "$shared/bench/peer-load.sh" "$work/peer.db" "$work/base.jsonl")
  peer_times+=("$s"); [ "$kb" -gt "$peer_load_kb" ] && peer_load_kb=$kb
  sync
  read -r o kb < <(timed "$work/import.json" "$bin/reconsole-cli" import --quiet --format json --db "$work/ours.db" "$work/base.jsonl")
  our_times+=("$o"); [ "$kb" -gt "$our_load_kb" ] && our_load_kb=$kb
  ratios+=("$(awk -v a="$o" -v b="$s" 'BEGIN { printf "%.3f", a / b }')")
  echo "pair $r: peer $s s, ours $o s, ratio ${ratios[-1]}"
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
peer_load_s=$(median "${peer_times[@]}"); our_load_s=$(median "${our_times[@]}"); median_ratio=$(median "${ratios[@]}")
read -r peer_query_s peer_query_kb < <(timed "$work/peer-orphans.txt" sqlite3 -init "$shared/bench/peer-orphans.sql" "$work/peer.db" .quit)
peer_count=$(wc -l < "$work/peer-orphans.txt")
cat "$work/import.json"
# Same orphans as the peer, row for row (id, class, orphan amount), not just as many.
"$bin/reconsole-cli" orphans --db "$work/ours.db" --format csv | tail -n +2 | cut -d, -f1,6,8 | sort > "$work/ours-set.txt"
tr '|' ',' < "$work/peer-orphans.txt" | cut -d, -f1,6,8 | sort > "$work/peer-set.txt"
differ=$(comm -3 "$work/ours-set.txt" "$work/peer-set.txt" | wc -l)
recon=$("$bin/bench_recon" --db "$work/ours.db" --more "$work/more.jsonl")
echo "$recon"
field() { echo "$recon" | sed -n "s/.*\"$1\":\([0-9.a-z]*\).*/\1/p"; }
our_count=$(field orphans)

# The rule the peer's query skips: it takes payment.amount with debits of any payment;
# counts that differ are reported, not hidden.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f×", a / b; else print "-" }'; }
list_s=$(awk -v m="$(field list_default_ms)" 'BEGIN { printf "%.4f", m / 1000 }')
rebuild_s=$(awk -v m="$(field rebuild_ms)" 'BEGIN { printf "%.3f", m / 1000 }')
lines=$((total - more))
per_s() { awk -v n="$lines" -v s="$1" 'BEGIN { if (s > 0) printf "%.0f", n / s; else print "-" }'; }
share() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f×", a / b; else print "-" }'; }
# Bytes of the database's pages in use per ledger entry: not the file's size, since the peer's
# file keeps the free pages of its dropped staging table.
per_entry() {
  local used
  used=$(sqlite3 -readonly "$1" "SELECT (p.page_count - f.freelist_count) * s.page_size
    FROM pragma_page_count() p, pragma_freelist_count() f, pragma_page_size() s")
  awk -v b="$used" -v n="$ledger" 'BEGIN { if (n > 0) printf "%.0f B", b / n; else print "-" }'
}
cat <<TABLE

| measure | peer (sqlite3 shell) | Reconsole | Reconsole faster by |
| --- | --- | --- | --- |
| load / import ${lines} lines (median of ${repeats}) | ${peer_load_s} s | ${our_load_s} s (full validation) | $(ratio "$peer_load_s" "$our_load_s") |
| lines per second | $(per_s "$peer_load_s") | $(per_s "$our_load_s") | our time is $(share "$our_load_s" "$peer_load_s") the peer's |
| our time ÷ the peer's, pair by pair ($repeats) | | ${ratios[*]} | median ${median_ratio} |
| peak memory of the load | $((peer_load_kb / 1024)) MiB | $((our_load_kb / 1024)) MiB | |
| database size per ledger entry ($ledger) | $(per_entry "$work/peer.db") | $(per_entry "$work/ours.db") (every record, indexes, orphan state) | |
| full orphan pass, default as_of | ${peer_query_s} s | ${list_s} s (list from maintained state) | $(ratio "$peer_query_s" "$list_s") |
| orphan state rebuilt from scratch | | ${rebuild_s} s | $(ratio "$peer_query_s" "$rebuild_s") |
| other as_of and grace | (edit the SQL) | $(field list_other_ms) ms | |
| incremental update after $more more lines | (reload + query) | $(field incremental_update_ms) ms in $(field incremental_batches) batch(es) | |
| orphans found | $peer_count | $our_count | rows that differ (id, class, orphan amount): $differ |
TABLE
