#!/usr/bin/env bash
# Builds the libFuzzer targets in the AddressSanitizer tree (clang, ASan + UBSan; see
# installer/sanitizer_trees.sh), then runs each for RECONSOLE_FUZZ_SECONDS (default 60), one per
# core at a time, on a scratch copy of its seed corpus (tests/fuzz/corpus/X). Exits 1 when any
# target crashes, naming the input that crashed it; that input then belongs in
# tests/fuzz/regressions/X/ (docs/fuzzing.md).
#   RECONSOLE_ASAN_DIR         the build tree (default: build-asan beside build)
#   RECONSOLE_FUZZ_SECONDS     seconds per target (default 60)
#   RECONSOLE_FUZZ_TARGETS     which targets (default: all four)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${RECONSOLE_FUZZ_SECONDS:-60}"
targets=(${RECONSOLE_FUZZ_TARGETS:-feed_line instant outbox importer})

# The longest input worth trying: a feed line, a timestamp, an outbox file, a feed file.
max_len() {
  case "$1" in
    feed_line) echo 4096 ;;
    instant) echo 64 ;;
    outbox) echo 4096 ;;
    importer) echo 8192 ;;
    *) echo 4096 ;;
  esac
}

# Words of the format, so that mutations reach fields and values sooner.
dict_args() {
  case "$1" in
    feed_line | importer) echo "-dict=$root/tests/fuzz/feed.dict" ;;
    outbox) echo "-dict=$root/tests/fuzz/outbox.dict" ;;
  esac
}

bash "$root/installer/install-deps.sh"

# shellcheck source=installer/sanitizer_trees.sh
. "$root/installer/sanitizer_trees.sh"
build="$asan_dir"
configure_asan_tree
ninja -C "$build" -j "$(nproc)" "${targets[@]/#/fuzz_}"

# One target per core at a time: each is single-threaded, and the stage then takes
# (targets / cores) minutes instead of one minute per target.
prepare() {   # <target>: a scratch copy of its corpus (in the foreground: a failure stops the script)
  local t="$1" run="$build/fuzz-runs/$1"
  rm -rf "$run"
  mkdir -p "$run/corpus"
  cp "$root/tests/fuzz/corpus/$t/"* "$run/corpus/"
}

fuzz_one() {   # <target>: runs it; libFuzzer's exit status (0, or non-zero when it found something)
  local t="$1" run="$build/fuzz-runs/$1"
  # Crashes, leaks, timeouts and out-of-memory inputs are written to $run/ as crash-*, etc.
  # exec: the background job is the fuzzer itself, so the trap below stops the fuzzer.
  exec "$build/bin/fuzz_$t" -max_total_time="$seconds" -max_len="$(max_len "$t")" -timeout=20 $(dict_args "$t") \
    -print_final_stats=1 -artifact_prefix="$run/" "$run/corpus" >"$run/log" 2>&1
}

report() {   # <target> <exit status>
  local t="$1" run="$build/fuzz-runs/$1"
  echo "fuzz_$t: ${seconds} s (log: $run/log)"
  if [ "$2" -eq 0 ]; then
    grep -E '^stat::number_of_executed_units' "$run/log" | sed 's/^/  /' || true
    return
  fi
  failed+=("$t")
  echo "fuzz_$t FAILED:" >&2
  grep -E 'ERROR: |property failed|runtime error' "$run/log" | head -5 | sed 's/^/  /' >&2 || true
  for f in "$run"/crash-* "$run"/leak-* "$run"/timeout-* "$run"/oom-*; do
    [ -e "$f" ] || continue
    echo "  input: $f" >&2
    echo "  replay: $build/bin/fuzz_$t $f" >&2
    echo "  keep it: cp $f $root/tests/fuzz/regressions/$t/<what-it-shows>" >&2
  done
}

failed=()
cores="$(nproc)"
pids=()
# Interrupted (Ctrl-C, a CI timeout): the fuzzers running in the background stop too.
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
trap 'exit 130' INT TERM
for ((i = 0; i < ${#targets[@]}; i += cores)); do
  batch=("${targets[@]:i:cores}")
  pids=()
  for t in "${batch[@]}"; do
    prepare "$t"
    fuzz_one "$t" &
    pids+=("$!")
  done
  for j in "${!batch[@]}"; do
    status=0
    wait "${pids[$j]}" || status=$?
    report "${batch[$j]}" "$status"
  done
done
pids=()
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found crashes in: ${failed[*]}" >&2
  exit 1
fi
echo "fuzzing: no crash in ${targets[*]} (${seconds} s each)"
