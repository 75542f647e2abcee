#include "ops/crash_points.h"

#include <csignal>
#include <cstdlib>
#include <cstring>

namespace reconsole::ops {

void crashPoint(const char* name)
{
    const char* at = std::getenv("RECONSOLE_CRASH_AT");
    if (at && std::strcmp(at, name) == 0)
        std::raise(SIGKILL);
}

bool faultPoint(const char* name)
{
    const char* at = std::getenv("RECONSOLE_FAULT_AT");
    return at && std::strcmp(at, name) == 0;
}

}  // namespace reconsole::ops
