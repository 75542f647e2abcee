#include "store/wal_checkpointer.h"

#include "store/database.h"

#include <sqlite3.h>

#include <chrono>
#include <string>

namespace reconsole {
namespace {

// Pages the writer may add between two looks; SQLite's own limit is 1 000.
constexpr auto kInterval = std::chrono::milliseconds(100);
constexpr int kAutoCheckpointPages = 1000;

}  // namespace

WalCheckpointer::WalCheckpointer(Database& writer, std::int64_t restartBytes)
    : writer_(writer), restartBytes_(restartBytes)
{
    // No schema work and no pragmas: this connection only copies frames the writer committed.
    if (sqlite3_open_v2(writer.path().c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        sqlite3_close(db_);
        db_ = nullptr;
        return;   // the writer keeps its automatic checkpoint
    }
    // A connection finds the WAL only when it first reads; until then a checkpoint does nothing.
    sqlite3_exec(db_, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
    try {
        auto size = writer_.prepare("PRAGMA page_size");
        pageSize_ = size.step() ? size.int64(0) : 4096;
        pagesAtRestart_ = pagesWritten();
        writer_.exec("PRAGMA wal_autocheckpoint = 0");
        thread_ = std::thread([this] { run(); });
    } catch (...) {
        // No thread: the writer checkpoints as before; its own trouble shows on its next use.
        sqlite3_close(db_);
        db_ = nullptr;
        restoreAutoCheckpoint();
    }
}

void WalCheckpointer::restoreAutoCheckpoint()
{
    try {
        writer_.exec("PRAGMA wal_autocheckpoint = " + std::to_string(kAutoCheckpointPages));
    } catch (...) {
        // A connection that can no longer run a pragma reports its trouble on its next use.
    }
}

WalCheckpointer::~WalCheckpointer()
{
    if (!db_)
        return;
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
    sqlite3_close(db_);
    restoreAutoCheckpoint();
}

std::int64_t WalCheckpointer::pagesWritten() const
{
    // Pages the writer's connection wrote to the WAL since it opened (commits and cache spills).
    int current = 0, highwater = 0;
    sqlite3_db_status(writer_.handle(), SQLITE_DBSTATUS_CACHE_WRITE, &current, &highwater, 0);
    return current;
}

void WalCheckpointer::afterCommit()
{
    if (!db_ || (pagesWritten() - pagesAtRestart_) * pageSize_ < restartBytes_)
        return;
    int walFrames = 0, copied = 0;
    // After the thread's pass, if one is under way (else this one would be refused as busy).
    std::lock_guard copying(copying_);
    const int rc = sqlite3_wal_checkpoint_v2(writer_.handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &walFrames, &copied);
    if (rc != SQLITE_OK)
        return;   // another process checkpointing: tried again after the next commit
    // A reader's older snapshot may keep some frames from being copied; then the WAL cannot
    // start over yet, and the next try waits for as many bytes again, not for the next commit.
    pagesAtRestart_ = pagesWritten();
    if (copied == walFrames)
        ++restartsPrepared_;
}

int WalCheckpointer::checkpointsDone() const
{
    std::lock_guard lock(mutex_);
    return done_;
}

void WalCheckpointer::run()
{
    std::unique_lock lock(mutex_);
    for (bool last = false; !last;) {
        wake_.wait_for(lock, kInterval, [this] { return stopping_; });
        last = stopping_;
        lock.unlock();
        int walFrames = 0, copied = 0;
        int rc = SQLITE_OK;
        {
            std::lock_guard copying(copying_);
            rc = sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, &walFrames, &copied);
        }
        lock.lock();
        if (rc == SQLITE_OK && walFrames > 0)
            ++done_;
    }
}

}  // namespace reconsole
