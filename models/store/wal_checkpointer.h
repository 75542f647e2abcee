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
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

struct sqlite3;

namespace reconsole {

class Database;

class WalCheckpointer {
public:
    explicit WalCheckpointer(Database& writer);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    // How many passes found frames in the WAL to copy (for tests).
    int checkpointsDone() const;

private:
    void run();
    void restoreAutoCheckpoint();

    Database& writer_;
    sqlite3* db_ = nullptr;   // the checkpoints' own connection; used by the thread alone
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    int done_ = 0;
    std::thread thread_;
};

}  // namespace reconsole
