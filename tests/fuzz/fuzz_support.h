#pragma once
// What the fuzz targets share: a check that aborts (libFuzzer then keeps the input as a
// crash, and the replay test fails), and a scratch folder in memory where there is one.
#include <cstdio>
#include <cstdlib>
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

// A folder of this process's own, made once, in /dev/shm when it can be (no fsync waits).
inline const std::string& scratchDir()
{
    static const std::string dir = [] {
        std::string base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
        if (const char* tmp = std::getenv("RECONSOLE_FUZZ_TMPDIR"))
            base = tmp;
        std::string tmpl = base + "/reconsole-fuzz-XXXXXX";
        if (!mkdtemp(tmpl.data())) {
            std::perror("mkdtemp");
            std::abort();
        }
        return tmpl;
    }();
    return dir;
}

}  // namespace reconsole::fuzz
