#include "feed/importer.h"

#include "feed/line_reader.h"
#include "feed/record_parser.h"
#include "feed/record_writer.h"
#include "store/database.h"
#include "store/store_error.h"

#include <chrono>
#include <fcntl.h>
#include <memory>
#include <sys/file.h>
#include <unistd.h>

namespace reconsole::feed {
namespace {

Instant nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// One import at a time per mirror, across processes: an advisory lock on a file beside it.
// The kernel drops it when the process dies, so a killed import never leaves it held.
class ImportLock {
public:
    explicit ImportLock(const std::string& mirror)
    {
        fd_ = ::open((mirror + ".import-lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd_ < 0 || ::flock(fd_, LOCK_EX | LOCK_NB) != 0)
            throw StoreError("another import into '" + mirror + "' is running; wait for it to finish");
    }
    ~ImportLock()
    {
        if (fd_ >= 0)
            ::close(fd_);
    }
    ImportLock(const ImportLock&) = delete;
    ImportLock& operator=(const ImportLock&) = delete;

private:
    int fd_ = -1;
};

std::string joinFiles(const std::vector<std::string>& files)
{
    std::string s;
    for (const auto& f : files)
        s += (s.empty() ? "" : "\n") + f;
    return s;
}

class ImportRun {
public:
    ImportRun(Database& db, const ImportOptions& options) : db_(db), options_(options), writer_(db, touched_) {}

    ImportSummary run(const std::vector<std::string>& files);

private:
    void start(const std::vector<std::string>& files);
    void importFile(const std::string& path);
    void handleLine(const std::string& path, const Line& line);
    void quarantine(const std::string& path, const Line& line, std::optional<std::int64_t> seq, std::string reason);
    void beginBatch();
    void commitBatch();
    void finish(ImportStatus status, const std::string& message);
    bool cancelled() const { return options_.cancel && options_.cancel->load(std::memory_order_relaxed); }

    Database& db_;
    const ImportOptions& options_;
    Touched touched_;
    RecordWriter writer_;
    RecordParser parser_;
    std::unique_ptr<Transaction> tx_;
    ImportSummary summary_;
    ImportCounts batch_;                    // counts of the open batch
    std::vector<QuarantineSample> batchSamples_;
    std::int64_t cursor_ = 0;
    std::string currentFile_;
    std::int64_t currentLine_ = 0;
    std::size_t touchedInRun_ = 0;
    std::uint64_t bytesTotal_ = 0, bytesBefore_ = 0;
    const LineReader* reader_ = nullptr;
};

void ImportRun::start(const std::vector<std::string>& files)
{
    Transaction tx(db_);
    db_.exec("UPDATE import_run SET status = 'failed', finished_at = started_at, "
             "message = 'interrupted: the importing program ended before it finished' WHERE status = 'running'");
    auto& st = db_.cached("INSERT INTO import_run(started_at, files, status) VALUES(?1, ?2, 'running')");
    st.bind(1, nowMs()).bind(2, joinFiles(files)).run();
    summary_.runId = db_.lastInsertRowId();
    tx.commit();
}

ImportSummary ImportRun::run(const std::vector<std::string>& files)
{
    try {
        ImportLock lock(db_.path());
        start(files);
        for (const auto& f : files) {
            LineReader probe(f);   // fail early on a missing file, and learn the total size
            bytesTotal_ += probe.size();
        }
        for (const auto& f : files) {
            importFile(f);
            if (cancelled())
                break;
        }
        if (tx_)
            commitBatch();
        if (options_.derived)
            options_.derived->rebuildIfStale(db_);
        finish(cancelled() ? ImportStatus::Cancelled : ImportStatus::Done, {});
    } catch (const std::exception& e) {
        tx_.reset();   // rolls back the open batch: the mirror keeps the committed prefix
        summary_.error = e.what();
        try {
            if (summary_.runId)
                finish(ImportStatus::Failed, e.what());
        } catch (const std::exception&) {
            // The database itself is failing (disk full?); the summary still tells the caller.
        }
        summary_.status = ImportStatus::Failed;
    }
    return summary_;
}

void ImportRun::importFile(const std::string& path)
{
    LineReader reader(path);
    reader_ = &reader;
    currentFile_ = path;
    Line line;
    while (!cancelled() && reader.next(line)) {
        if (!tx_)
            beginBatch();
        currentLine_ = line.number;
        handleLine(path, line);
        if (batch_.lines() >= options_.batchLines)
            commitBatch();
    }
    if (tx_)
        commitBatch();
    bytesBefore_ += reader.size();
    reader_ = nullptr;
}

void ImportRun::handleLine(const std::string& path, const Line& line)
{
    if (line.truncated) {
        quarantine(path, line, std::nullopt,
                   "line longer than " + std::to_string(kMaxLineBytes >> 20) + " MiB; only its start is kept");
        return;
    }
    const Envelope env = parser_.read(line.text);
    if (env.blank)
        return;
    if (env.seq && *env.seq <= cursor_) {
        ++batch_.redelivered;   // re-delivery: counted before any other check, never applied
        return;
    }
    if (env.seq)
        cursor_ = *env.seq;     // delivered, whether it applies or is quarantined
    if (!env.json) {
        quarantine(path, line, std::nullopt, env.reason);
        return;
    }
    std::string reason;
    auto record = parser_.decode(reason);
    if (!record) {
        quarantine(path, line, env.seq, reason);
        return;
    }
    if (auto conflict = writer_.apply(*record, *env.seq)) {
        quarantine(path, line, env.seq, *conflict);
        return;
    }
    ++batch_.applied;
}

void ImportRun::quarantine(const std::string& path, const Line& line, std::optional<std::int64_t> seq,
                           std::string reason)
{
    ++batch_.quarantined;
    auto& st = db_.cached("INSERT INTO quarantine(run_id, file, line_no, seq, reason, raw) VALUES(?1,?2,?3,?4,?5,?6)");
    st.bind(1, summary_.runId).bind(2, path).bind(3, line.number);
    seq ? st.bind(4, *seq) : st.bindNull(4);
    st.bind(5, reason).bind(6, line.text).run();
    if (summary_.samples.size() + batchSamples_.size() < options_.sampleCount)
        batchSamples_.push_back({path, line.number, seq, std::move(reason)});
}

void ImportRun::beginBatch()
{
    tx_ = std::make_unique<Transaction>(db_);
    // Re-read inside the transaction: the cursor is the mirror's, not this process's.
    auto& st = db_.cached("SELECT max_seq FROM feed_cursor WHERE singleton = 1");
    cursor_ = st.step() ? st.int64(0) : 0;
    st.reset();
}

void ImportRun::commitBatch()
{
    db_.cached("UPDATE feed_cursor SET max_seq = ?1 WHERE singleton = 1").bind(1, cursor_).run();
    if (options_.derived && !touched_.empty()) {
        touchedInRun_ += touched_.size();
        if (touchedInRun_ > options_.incrementalLimit || options_.derived->isStale(db_))
            options_.derived->markStale(db_);
        else
            options_.derived->update(db_, touched_);
    } else if (!options_.derived && !touched_.empty()) {
        db_.exec("UPDATE orphan_state SET needs_rebuild = 1");
    }
    ImportCounts after = summary_.counts;
    after.applied += batch_.applied;
    after.redelivered += batch_.redelivered;
    after.quarantined += batch_.quarantined;
    auto& st = db_.cached("UPDATE import_run SET applied=?2, redelivered=?3, quarantined=?4, last_file=?5, "
                          "last_line=?6 WHERE id=?1");
    st.bind(1, summary_.runId).bind(2, after.applied).bind(3, after.redelivered).bind(4, after.quarantined);
    st.bind(5, currentFile_).bind(6, currentLine_).run();
    tx_->commit();
    tx_.reset();

    summary_.counts = after;
    summary_.cursor = cursor_;
    summary_.lastFile = currentFile_;
    summary_.lastLine = currentLine_;
    for (auto& s : batchSamples_)
        summary_.samples.push_back(std::move(s));
    batchSamples_.clear();
    batch_ = {};
    touched_.clear();
    if (options_.progress) {
        const std::uint64_t done = bytesBefore_ + (reader_ ? reader_->bytesRead() : 0);
        options_.progress(ImportProgress{done, bytesTotal_, summary_.counts});
    }
}

void ImportRun::finish(ImportStatus status, const std::string& message)
{
    static constexpr const char* kStatus[] = {"done", "cancelled", "failed"};
    summary_.status = status;
    summary_.incremental = touchedInRun_ <= options_.incrementalLimit;
    Transaction tx(db_);
    auto& st = db_.cached("UPDATE import_run SET status=?2, finished_at=?3, message=?4 WHERE id=?1");
    st.bind(1, summary_.runId).bind(2, kStatus[static_cast<int>(status)]).bind(3, nowMs());
    message.empty() ? st.bindNull(4) : st.bind(4, message);
    st.run();
    tx.commit();
}

}  // namespace

ImportSummary importFeed(Database& db, const std::vector<std::string>& files, const ImportOptions& options)
{
    ImportRun run(db, options);
    return run.run(files);
}

}  // namespace reconsole::feed
