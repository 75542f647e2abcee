#include "feed/importer.h"

#include "feed/parse_pipeline.h"
#include "feed/record_writer.h"
#include "store/bulk_load.h"
#include "store/database.h"
#include "store/import_lock.h"
#include "store/wal_checkpointer.h"
#include "store/store_error.h"

#include <algorithm>
#include <chrono>
#include <memory>
#include <sys/stat.h>

namespace reconsole::feed {
namespace {

Instant nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::uint64_t fileSize(const std::string& path)
{
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 ? static_cast<std::uint64_t>(st.st_size) : 0;
}

std::string joinFiles(const std::vector<std::string>& files)
{
    std::string s;
    for (const auto& f : files)
        s += (s.empty() ? "" : "\n") + f;
    return s;
}

class ImportRun {
public:
    ImportRun(Database& db, const ImportOptions& options) : db_(db), options_(options) {}

    ImportSummary run(const std::vector<std::string>& files);

private:
    void start(const std::vector<std::string>& files);
    void consume(ParsePipeline& pipeline, const std::vector<std::string>& files);
    void handleLine(const ParsedLine& line, std::size_t index);
    void writeChunk(const ParsedChunk& chunk);
    void hold(const ParsedLine& line, std::string reason);
    void quarantineHeld();
    void beginBatch();
    void commitBatch();
    void updateCatalog();
    void finishDerivedState(bool afterSuccess);
    void finish(ImportStatus status, const std::string& message);
    bool cancelled() const { return options_.cancel && options_.cancel->load(std::memory_order_relaxed); }

    Database& db_;
    const ImportOptions& options_;
    Touched touched_;
    std::unique_ptr<RecordWriter> writer_;
    std::unique_ptr<Transaction> tx_;
    ImportSummary summary_;
    ImportCounts batch_;   // counts of the open batch
    std::vector<QuarantineSample> batchSamples_;
    std::vector<std::pair<const ParsedLine*, std::string>> held_;   // the chunk's lines to quarantine
    std::int64_t cursor_ = 0;
    std::string currentFile_;
    std::int64_t currentLine_ = 0;
    std::size_t touchedInRun_ = 0;
    std::size_t catalogTouchedInRun_ = 0;
    std::uint64_t bytesTotal_ = 0, bytesDone_ = 0;
    bool bulk_ = false;          // secondary indexes deferred, orphan state rebuilt at the end
    bool bulkStarted_ = false;
    int batchLines_ = 0;         // lines per committed batch, set once bulk_ is known
    WalCheckpointer* checkpointer_ = nullptr;   // while batches are written
};

void ImportRun::start(const std::vector<std::string>& files)
{
    // Under the import lock nobody else is importing: indexes left deferred by a killed bulk
    // load are built now, and a run left 'running' was interrupted.
    restoreDeferredIndexes(db_);
    Transaction tx(db_);
    db_.exec("UPDATE import_run SET status = 'failed', finished_at = started_at, "
             "message = 'interrupted: the importing program ended before it finished' WHERE status = 'running'");
    auto& st = db_.cached("INSERT INTO import_run(started_at, files, status) VALUES(?1, ?2, 'running')");
    st.bind(1, nowMs()).bind(2, joinFiles(files)).run();
    summary_.runId = db_.lastInsertRowId();
    tx.commit();
    for (const auto& f : files)
        bytesTotal_ += fileSize(f);
    switch (options_.bulk) {
    case BulkMode::Auto:
        bulk_ = bytesTotal_ >= options_.bulkMinBytes && bytesTotal_ >= fileSize(db_.path());
        break;
    case BulkMode::Always:
        bulk_ = true;
        break;
    case BulkMode::Never:
        bulk_ = false;
        break;
    }
    touched_.collecting = !bulk_;
    batchLines_ = bulk_ ? options_.bulkBatchLines : options_.batchLines;
    writer_ = std::make_unique<RecordWriter>(db_, touched_);
}

ImportSummary ImportRun::run(const std::vector<std::string>& files)
{
    try {
        ImportLock lock(db_.path());
        start(files);
        WalCheckpointer checkpointer(db_, options_.walRestartBytes);   // the writer never waits for a checkpoint
        checkpointer_ = &checkpointer;
        {
            // Batches are whole chunks: a small batch size (tests) is kept exactly.
            const int chunkLines = options_.batchLines < 256 ? std::max(1, options_.batchLines) : options_.batchLines / 4;
            ParsePipeline pipeline(files, static_cast<std::size_t>(chunkLines));
            consume(pipeline, files);
        }
        if (tx_)
            commitBatch();
        finishDerivedState(true);
        finish(cancelled() ? ImportStatus::Cancelled : ImportStatus::Done, {});
        checkpointer_ = nullptr;
    } catch (const std::exception& e) {
        checkpointer_ = nullptr;   // gone with the try block
        tx_.reset();   // rolls back the open batch: the mirror keeps the committed prefix
        summary_.error = e.what();
        try {
            if (summary_.runId) {
                finishDerivedState(false);
                finish(ImportStatus::Failed, e.what());
            }
        } catch (const std::exception&) {
            // The database itself is failing (disk full?); indexes and orphan state are
            // brought back the next time the mirror is opened; the summary tells the caller.
        }
        summary_.status = ImportStatus::Failed;
    }
    return summary_;
}

void ImportRun::consume(ParsePipeline& pipeline, const std::vector<std::string>& files)
{
    std::uint64_t bytesBeforeFile = 0;
    for (;;) {
        auto chunk = pipeline.next();
        if (!chunk->error.empty())
            throw FeedIoError(chunk->error);
        if (chunk->endOfInput)
            return;
        if (cancelled())
            return;
        currentFile_ = files[chunk->fileIndex];
        // A chunk is written in one transaction: a version it skips (superseded_versions.h) is
        // committed together with the line that replaces it.
        writeChunk(*chunk);
        bytesDone_ = bytesBeforeFile + chunk->fileBytesRead;
        if (tx_ && (batch_.lines() >= batchLines_ || chunk->endOfFile))
            commitBatch();   // a batch never spans files
        if (chunk->endOfFile)
            bytesBeforeFile += fileSize(currentFile_);
    }
}

// The chunk's records are queued and written together, its quarantined lines held and
// written after them in line order: the mirror ends as if each line were applied in turn.
void ImportRun::writeChunk(const ParsedChunk& chunk)
{
    for (std::size_t i = 0; i < chunk.lines.size(); ++i) {
        if (!tx_)
            beginBatch();
        currentLine_ = chunk.lines[i].number;
        handleLine(chunk.lines[i], i);
    }
    if (!tx_)
        return;
    try {
        for (auto& conflict : writer_->flush()) {
            --batch_.applied;   // counted when queued
            hold(chunk.lines[conflict.tag], std::move(conflict.reason));
        }
        quarantineHeld();
    } catch (...) {
        held_.clear();   // the batch is rolled back; nothing held outlives its chunk
        throw;
    }
}

void ImportRun::handleLine(const ParsedLine& line, std::size_t index)
{
    if (line.blank)
        return;
    if (line.seq && *line.seq <= cursor_) {
        ++batch_.redelivered;   // re-delivery: counted before any other check, never applied
        return;
    }
    if (line.seq)
        cursor_ = *line.seq;     // delivered, whether it applies or is quarantined
    if (!line.record) {
        hold(line, line.reason);
        return;
    }
    ++batch_.applied;   // unless the writer finds a conflict (writeChunk)
    if (!line.superseded)   // else a later line of this chunk writes the newer version
        writer_->add(*line.record, *line.seq, index);
}

void ImportRun::hold(const ParsedLine& line, std::string reason)
{
    ++batch_.quarantined;
    held_.emplace_back(&line, std::move(reason));
}

void ImportRun::quarantineHeld()
{
    std::stable_sort(held_.begin(), held_.end(),
                     [](const auto& a, const auto& b) { return a.first->number < b.first->number; });
    auto& st = db_.cached("INSERT INTO quarantine(run_id, file, line_no, seq, reason, raw) VALUES(?1,?2,?3,?4,?5,?6)");
    for (auto& [line, reason] : held_) {
        st.bind(1, summary_.runId).bind(2, currentFile_).bind(3, line->number);
        line->seq ? st.bind(4, *line->seq) : st.bindNull(4);
        st.bind(5, reason).bind(6, line->raw).run();
        if (summary_.samples.size() + batchSamples_.size() < options_.sampleCount)
            batchSamples_.push_back({currentFile_, line->number, line->seq, std::move(reason)});
    }
    held_.clear();
}

void ImportRun::beginBatch()
{
    tx_ = std::make_unique<Transaction>(db_);
    // Re-read inside the transaction: the cursor is the mirror's, not this process's.
    auto& st = db_.cached("SELECT max_seq FROM feed_cursor WHERE singleton = 1");
    cursor_ = st.step() ? st.int64(0) : 0;
    st.reset();
    if (bulk_ && !bulkStarted_) {
        // In the first batch's own transaction, so the mirror never holds records without
        // the stale mark and the deferred indexes' SQL.
        deferFeedIndexes(db_);
        if (options_.derived)
            options_.derived->markStale(db_);
        else
            db_.exec("UPDATE orphan_state SET needs_rebuild = 1");
        if (options_.catalog)
            options_.catalog->markStale(db_);
        else
            db_.exec("UPDATE catalog_state SET needs_recheck = 1");
        bulkStarted_ = true;
    }
}

void ImportRun::commitBatch()
{
    db_.cached("UPDATE feed_cursor SET max_seq = ?1 WHERE singleton = 1").bind(1, cursor_).run();
    if (touched_.maxLedgerAt)
        db_.cached("UPDATE feed_cursor SET max_ledger_at = max(coalesce(max_ledger_at, ?1), ?1) WHERE singleton = 1")
            .bind(1, *touched_.maxLedgerAt)
            .run();
    if ((!touched_.empty() || touched_.queueKeysTouched()) && !bulk_) {
        touchedInRun_ += touched_.size();
        if (!options_.derived)
            db_.exec("UPDATE orphan_state SET needs_rebuild = 1");
        else if (touchedInRun_ > options_.incrementalLimit || options_.derived->isStale(db_))
            options_.derived->markStale(db_);
        else
            options_.derived->update(db_, touched_);
    }
    updateCatalog();
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
    if (checkpointer_)
        checkpointer_->afterCommit();

    summary_.counts = after;
    summary_.cursor = cursor_;
    summary_.lastFile = currentFile_;
    summary_.lastLine = currentLine_;
    for (auto& s : batchSamples_)
        summary_.samples.push_back(std::move(s));
    batchSamples_.clear();
    batch_ = {};
    touched_.clear();
    if (options_.progress)
        options_.progress(ImportProgress{bytesDone_, bytesTotal_, summary_.counts});
}

// As the orphan state: kept batch by batch, or marked stale (checked again in full later)
// when nobody keeps it, when the run touched too much, or in a bulk load.
void ImportRun::updateCatalog()
{
    if (touched_.catalog.empty() || bulk_)
        return;
    catalogTouchedInRun_ += touched_.catalog.size();
    if (!options_.catalog)
        db_.exec("UPDATE catalog_state SET needs_recheck = 1");
    else if (catalogTouchedInRun_ > options_.incrementalLimit || options_.catalog->isStale(db_))
        options_.catalog->markStale(db_);
    else
        options_.catalog->update(db_, touched_);
}

void ImportRun::finishDerivedState(bool afterSuccess)
{
    const auto afterEach = [this] {
        if (checkpointer_)
            checkpointer_->afterCommit();
    };
    // The states read beside the index build; not after a failure, when the import lock is no
    // longer held and each state is simply rebuilt in one transaction.
    if (afterSuccess && hasDeferredIndexes(db_)) {
        for (DerivedState* state : {options_.catalog, options_.derived}) {
            if (!state)
                continue;
            restoreNamedDeferredIndexes(db_, state->readAheadIndexes(), afterEach);
            state->readAhead(db_);
        }
    }
    restoreDeferredIndexes(db_, afterEach);
    if (options_.derived)
        options_.derived->rebuildIfStale(db_);
    if (options_.catalog)
        options_.catalog->rebuildIfStale(db_);
    summary_.incremental = !bulk_ && touchedInRun_ <= options_.incrementalLimit;
}

void ImportRun::finish(ImportStatus status, const std::string& message)
{
    static constexpr const char* kStatus[] = {"done", "cancelled", "failed"};
    summary_.status = status;
    Transaction tx(db_);
    const Instant now = nowMs();
    if (options_.derived && !options_.derived->isStale(db_))
        options_.derived->afterRun(db_, summary_.runId, now);
    auto& st = db_.cached("UPDATE import_run SET status=?2, finished_at=?3, message=?4 WHERE id=?1");
    st.bind(1, summary_.runId).bind(2, kStatus[static_cast<int>(status)]).bind(3, now);
    message.empty() ? st.bindNull(4) : st.bind(4, message);
    st.run();
    tx.commit();
}

}  // namespace

ImportSummary importFeed(Database& db, const std::vector<std::string>& files, const ImportOptions& options)
{
    // A merchant mirror holds one merchant's part (docs/access.md): the feed would add the rest.
    if (auto scoped = db.prepare("SELECT merchant_id FROM main.mirror_scope LIMIT 1"); scoped.step()) {
        ImportSummary refused;
        refused.status = ImportStatus::Failed;
        refused.error = kMerchantMirrorImportRefusal + (" (merchant " + scoped.string(0) + ")");
        return refused;
    }
    ImportRun run(db, options);
    return run.run(files);
}

}  // namespace reconsole::feed
