#pragma once
// What the fuzz targets share: a check that aborts (libFuzzer then keeps the input as a
// crash, and the replay test fails), and a scratch folder in memory where there is one.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <unistd.h>

// Stops the run when `cond` does not hold, saying which property broke.
#define FUZZ_CHECK(cond, ...)                                                         \
    do {                                                                              \
        if (!(cond)) {                                                                \
            std::fprintf(stderr, "%s:%d: property failed: %s\n  ", __FILE__, __LINE__, #cond); \
            std::fprintf(stderr, __VA_ARGS__);                                        \
            std::fprintf(stderr, "\n");                                               \
            std::abort();                                                             \
        }                                                                             \
    } while (0)

namespace reconsole::fuzz {

inline std::string*& scratchDirSlot()
{
    static std::string* dir = nullptr;   // a plain pointer: still there when atexit handlers run
    return dir;
}

// A folder of this process's own, made on first use, in /dev/shm when it can be (no fsync
// waits), or under RECONSOLE_FUZZ_TMPDIR; removed when the process exits normally.
inline const std::string& scratchDir()
{
    std::string*& dir = scratchDirSlot();
    if (!dir) {
        std::string base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
        if (const char* tmp = std::getenv("RECONSOLE_FUZZ_TMPDIR"))
            base = tmp;
        std::string tmpl = base + "/reconsole-fuzz-XXXXXX";
        if (!mkdtemp(tmpl.data())) {
            std::perror("mkdtemp");
            std::abort();
        }
        dir = new std::string(tmpl);
        std::atexit([] {
            std::error_code ignored;
            std::filesystem::remove_all(*scratchDirSlot(), ignored);
        });
    }
    return *dir;
}

}  // namespace reconsole::fuzz
