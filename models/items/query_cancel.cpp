#include "items/query_cancel.h"

#include "store/cancel_point.h"

#include <sqlite3.h>

namespace reconsole::items {
namespace {
std::atomic<int> gInterrupted{0};
// VM steps between two looks at the flag: cheap, and well under a millisecond apart.
constexpr int kProgressSteps = 200;
}  // namespace

int QueryCanceller::interruptedEverywhere() { return gInterrupted.load(); }

int QueryCanceller::onProgress(void* self)
{
    return static_cast<QueryCanceller*>(self)->runningCancelled_.load(std::memory_order_relaxed) ? 1 : 0;
}

void QueryCanceller::attach(sqlite3* db)
{
    std::lock_guard lock(mutex_);
    db_ = db;
    sqlite3_progress_handler(db_, kProgressSteps, &QueryCanceller::onProgress, this);
}

void QueryCanceller::detach()
{
    std::lock_guard lock(mutex_);
    if (db_)
        sqlite3_progress_handler(db_, 0, nullptr, nullptr);
    db_ = nullptr;
}

bool QueryCanceller::begin(std::shared_ptr<QueryRequest> r)
{
    std::lock_guard lock(mutex_);
    if (r->cancelled.load()) {
        skipped_.fetch_add(1);
        return false;
    }
    running_ = std::move(r);
    runningCancelled_.store(false);
    setThreadCancelFlag(&running_->cancelled);   // for the job's loops of short statements
    started_.fetch_add(1);
    return true;
}

void QueryCanceller::end(bool interrupted)
{
    std::lock_guard lock(mutex_);
    const bool cancelled = running_ && running_->cancelled.load();
    if (interrupted && cancelled) {
        interrupted_.fetch_add(1);
        gInterrupted.fetch_add(1);
    }
    setThreadCancelFlag(nullptr);
    running_.reset();
    runningCancelled_.store(false);
    if (cancelled && db_)
        settle(db_);
}

void QueryCanceller::settle(sqlite3* db)
{
    // An interrupted request can leave an outer loop's statement mid-way and its read
    // transaction open; SQLite keeps an interrupt pending while any statement is active, so
    // the next request would be hit too. Reset them all and end the transaction.
    for (sqlite3_stmt* st = sqlite3_next_stmt(db, nullptr); st; st = sqlite3_next_stmt(db, st))
        if (sqlite3_stmt_busy(st))
            sqlite3_reset(st);
    if (!sqlite3_get_autocommit(db))
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
}

void QueryCanceller::cancel(const std::shared_ptr<QueryRequest>& r)
{
    std::lock_guard lock(mutex_);
    r->cancelled.store(true);
    // Under the lock, `r` cannot end (and another request begin) before the interrupt lands.
    if (r == running_ && db_) {
        runningCancelled_.store(true);
        sqlite3_interrupt(db_);
    }
}

}  // namespace reconsole::items
