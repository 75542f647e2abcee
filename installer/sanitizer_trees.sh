# Sourced by installer/sanitize.sh and installer/fuzz.sh: where the sanitizer trees are and how
# each is configured (docs/sanitizers.md). Needs $root.
#  - build-asan/: clang, AddressSanitizer + UndefinedBehaviorSanitizer, and the libFuzzer
#    targets in the same tree (one instrumented build of models/ serves the tests and fuzzers);
#  - build-tsan/: gcc, ThreadSanitizer.
# -O1 -g1: line numbers in every report at half the compile time of -O2 -g. Debug keeps assert()
# and Q_ASSERT on. Warnings are the normal build's business (-Werror there).
asan_dir="${RECONSOLE_ASAN_DIR:-$root/build-asan}"
tsan_dir="${RECONSOLE_TSAN_DIR:-$root/build-tsan}"
launcher=()
if command -v ccache >/dev/null; then
  # ccache does not cache a source compiled with a precompiled header unless told to be
  # sloppy about it; without the header, it caches every source.
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DRECONSOLE_PCH=OFF)
fi

configure_sanitized() {   # <dir> <address|thread> [extra cmake arguments]
  local dir="$1" kind="$2"
  shift 2
  cmake -S "$root" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" \
    -DRECONSOLE_SANITIZE="$kind" "${launcher[@]}" "$@" >/dev/null
}

configure_asan_tree() {
  CC=clang CXX=clang++ configure_sanitized "$asan_dir" address -DRECONSOLE_BUILD_FUZZERS=ON
}

configure_tsan_tree() {
  configure_sanitized "$tsan_dir" thread
}
