#!/usr/bin/env bash
# Builds the libraries, the command line and the tests under the sanitizers and runs them
# (docs/sanitizers.md): AddressSanitizer + UndefinedBehaviorSanitizer over the tests of models/
# and the window tests (then the fuzzers, in the same tree), ThreadSanitizer over the tests
# whose threads are std::thread.
#   bash installer/sanitize.sh [address|fuzz|thread|all]    (default: all)
# Trees: build-asan/ and build-tsan/ (or $RECONSOLE_ASAN_DIR, $RECONSOLE_TSAN_DIR).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
which="${1:-all}"
supp="$root/tests/sanitizers"
jobs="$(nproc)"
# shellcheck source=installer/sanitizer_trees.sh
. "$root/installer/sanitizer_trees.sh"

bash "$root/installer/install-deps.sh"

build_and_test() {   # <dir> <build targets, space-separated> <ctest arguments…>
  local dir="$1" targets
  read -ra targets <<< "$2"
  shift 2
  cmake --build "$dir" --target "${targets[@]}" --parallel "$jobs"
  (cd "$dir" && QT_QPA_PLATFORM=offscreen ctest --output-on-failure --timeout 900 -j "$jobs" "$@")
}

run_address() {
  configure_asan_tree
  # The tests of models/ and the window tests (our widgets' code is instrumented, Qt is not).
  # Left to the normal build (label not_sanitized): tst_refund_processes runs the same services
  # through reconsole-cli processes (covered here by tst_refund_service and tst_cli) and spends
  # its 7 minutes starting and killing processes, which under ASan would take 15; tst_soak's
  # bounds are GUI-thread milliseconds and resident MiB, which instrumentation inflates.
  ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1" \
  LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0" \
  UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    build_and_test "$asan_dir" "reconsole_model_tests reconsole_gui_tests" -L 'models|gui' -LE not_sanitized
}

run_thread() {
  configure_tsan_tree
  # die_after_fork=0: a test with threads (the parse pipeline, QtTest's watchdog) starts
  # reconsole-cli, initdb or pg_ctl with QProcess, whose child only execs; by default
  # ThreadSanitizer kills such a child as soon as it is forked (docs/sanitizers.md).
  TSAN_OPTIONS="suppressions=$supp/tsan.supp:halt_on_error=1:second_deadlock_stack=1:die_after_fork=0" \
    build_and_test "$tsan_dir" reconsole_thread_tests -L threads
}

case "$which" in
  address) run_address ;;
  fuzz) bash "$root/installer/fuzz.sh" ;;
  thread) run_thread ;;
  all) run_address; bash "$root/installer/fuzz.sh"; run_thread ;;
  *) echo "usage: sanitize.sh [address|fuzz|thread|all]" >&2; exit 2 ;;
esac
