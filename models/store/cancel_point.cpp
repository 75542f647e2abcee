#include "store/cancel_point.h"

#include "store/store_error.h"

#include <sqlite3.h>

namespace reconsole {
namespace {
thread_local const std::atomic<bool>* tCancelFlag = nullptr;
}  // namespace

void setThreadCancelFlag(const std::atomic<bool>* flag) { tCancelFlag = flag; }

void throwIfCancelled()
{
    if (tCancelFlag && tCancelFlag->load(std::memory_order_relaxed))
        throw StoreError("the read was replaced by a newer one", SQLITE_INTERRUPT);
}

}  // namespace reconsole
