#include "ops/ops_context.h"

#include <chrono>

namespace reconsole::ops {

Instant wallClockNow()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace reconsole::ops
