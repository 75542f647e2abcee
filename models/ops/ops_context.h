#pragma once
// What a service works with: the operations store, the mirror it reads facts from, and the
// clock. Both connections belong to the calling thread.
#include "core/instant.h"

#include <functional>

namespace reconsole {
class Database;
}

namespace reconsole::ops {

class OpsStore;

using Clock = std::function<Instant()>;
Instant wallClockNow();

struct OpsContext {
    OpsStore& store;
    Database& mirror;
    Clock now = wallClockNow;
};

}  // namespace reconsole::ops
