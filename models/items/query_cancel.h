#pragma once
// Stops a worker's query that a newer request has replaced. The GUI thread cancels a request;
// the worker's connection then fails that request's statements with SQLITE_INTERRUPT, at once
// (sqlite3_interrupt) and at the latest after a few hundred VM steps (a progress handler that
// reads the running request's flag). Only the request that was cancelled is hit: the
// connection is interrupted only while that very request runs on it.
#include <atomic>
#include <memory>
#include <mutex>

struct sqlite3;

namespace reconsole::items {

// One request's cancel flag, set by the thread that cancels it, read by the worker.
struct QueryRequest {
    std::atomic<bool> cancelled{false};
};

class QueryCanceller {
public:
    QueryCanceller() = default;
    QueryCanceller(const QueryCanceller&) = delete;
    QueryCanceller& operator=(const QueryCanceller&) = delete;

    // Worker thread: the connection was opened / is about to be closed.
    void attach(sqlite3* db);
    void detach();
    // Worker thread: marks `r` as running; false when it was cancelled before it started.
    bool begin(std::shared_ptr<QueryRequest> r);
    // Worker thread: the running request ended, by an interruption or not.
    void end(bool interrupted);

    // Any thread: cancels `r`, interrupting the connection if `r` is what runs on it now.
    void cancel(const std::shared_ptr<QueryRequest>& r);

    // For tests: requests stopped part way by SQLITE_INTERRUPT, and cancelled before they began.
    int interrupted() const { return interrupted_.load(); }
    int skipped() const { return skipped_.load(); }
    int started() const { return started_.load(); }
    // Over every worker of the process, including those already destroyed.
    static int interruptedEverywhere();

private:
    static int onProgress(void* self);
    static void settle(sqlite3* db);

    std::mutex mutex_;   // guards db_ and running_ against cancel() from another thread
    sqlite3* db_ = nullptr;
    std::shared_ptr<QueryRequest> running_;
    std::atomic<bool> runningCancelled_{false};
    std::atomic<int> interrupted_{0};
    std::atomic<int> skipped_{0};
    std::atomic<int> started_{0};
};

}  // namespace reconsole::items
