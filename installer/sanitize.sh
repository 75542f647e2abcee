#!/usr/bin/env bash
# Builds models/, the command line and their tests under the sanitizers and runs them
# (docs/sanitizers.md): AddressSanitizer + UndefinedBehaviorSanitizer over every test of
# models/, ThreadSanitizer over the tests whose threads are std::thread.
#   bash installer/sanitize.sh [address|thread|all]    (default: all)
# Trees: build-asan/ and build-tsan/ (or $RECONSOLE_ASAN_DIR, $RECONSOLE_TSAN_DIR).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
which="${1:-all}"
supp="$root/tests/sanitizers"
jobs="$(nproc)"

bash "$root/installer/install-deps.sh"

# -O1 -g1: line numbers in every report at half the compile time of -O2 -g. Debug keeps
# assert() and Q_ASSERT on. Warnings are the normal build's job (-Werror there).
configure() {
  cmake -S "$root" -B "$1" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" \
    -DRECONSOLE_SANITIZE="$2" >/dev/null
}

run_address() {
  local dir="${RECONSOLE_ASAN_DIR:-$root/build-asan}"
  configure "$dir" address
  cmake --build "$dir" --target reconsole_model_tests --parallel "$jobs"
  # tst_refund_processes is left to the normal build: it runs the same services through
  # reconsole-cli processes (covered here by tst_refund_service and tst_cli) and spends its
  # 7 minutes starting and killing processes, which under ASan would take 15.
  (cd "$dir" &&
    ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:strict_string_checks=1:detect_stack_use_after_return=1" \
    LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0" \
    UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    QT_QPA_PLATFORM=offscreen \
    ctest -L models -E '^tst_refund_processes' --output-on-failure --timeout 900 -j "$jobs")
}

run_thread() {
  local dir="${RECONSOLE_TSAN_DIR:-$root/build-tsan}"
  configure "$dir" thread
  cmake --build "$dir" --target reconsole_thread_tests --parallel "$jobs"
  (cd "$dir" &&
    TSAN_OPTIONS="suppressions=$supp/tsan.supp:halt_on_error=1:second_deadlock_stack=1" \
    QT_QPA_PLATFORM=offscreen \
    ctest -L threads --output-on-failure --timeout 900 -j "$jobs")
}

case "$which" in
  address) run_address ;;
  thread) run_thread ;;
  all) run_address; run_thread ;;
  *) echo "usage: sanitize.sh [address|thread|all]" >&2; exit 2 ;;
esac
