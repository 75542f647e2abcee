#pragma once
// Copies a writer's committed WAL frames into the database file from a thread of its own, so
// that the writer never stops for it. SQLite's automatic checkpoint runs inside the commit that
// crosses the WAL's size limit, on the writer's thread, and waits for two fsyncs: in a bulk
// import that was 15 % of the time (1.8 s of 12 s for 2.2 M lines). A passive checkpoint from a
// second connection takes no lock the writer needs; durability is unchanged (the frames are
// synced into the file exactly as the automatic checkpoint would).
//
// While it runs the writer's automatic checkpoint is off; the destructor turns it back on,
// after one last checkpoint. When its connection cannot be opened it does nothing and the
// writer keeps its automatic checkpoint. Failed checkpoints are left to the next one: the WAL
// keeps every frame until one succeeds.
//
// SQLite writes the WAL from its start again only when a transaction begins with every frame
// already copied, which a writer committing back to back never does: a 50 M-line load grew its
// WAL to 6.6 GB beside a 5 GB mirror, all of it disk and page cache. So once the writer has
// written restartBytes to the WAL, afterCommit() copies what is left on the writer's own
// connection (a passive checkpoint, after the thread's pass if one is under way: a batch or two
// of frames), and the writer's next transaction starts the WAL over, unless a reader still
// holds an older snapshot (the console reading, the catalog's read-ahead): then it tries again
// after as many bytes more.
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

struct sqlite3;

namespace reconsole {

class Database;

class WalCheckpointer {
public:
    static constexpr std::int64_t kRestartBytes = 256LL << 20;

    explicit WalCheckpointer(Database& writer, std::int64_t restartBytes = kRestartBytes);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    // Called by the writer after each commit, outside any transaction.
    void afterCommit();

    // How many passes found frames in the WAL to copy (for tests).
    int checkpointsDone() const;
    // How many times the writer copied every frame itself, so that the WAL could start over.
    int restartsPrepared() const { return restartsPrepared_; }

private:
    void run();
    void restoreAutoCheckpoint();

    std::int64_t pagesWritten() const;

    Database& writer_;
    const std::int64_t restartBytes_;
    std::int64_t pageSize_ = 0;
    std::int64_t pagesAtRestart_ = 0;   // the writer's pages written to the WAL when it last started over
    int restartsPrepared_ = 0;
    sqlite3* db_ = nullptr;   // the checkpoints' own connection; used by the thread alone
    std::mutex copying_;   // held while a checkpoint of either connection copies frames
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    int done_ = 0;
    std::thread thread_;
};

}  // namespace reconsole
