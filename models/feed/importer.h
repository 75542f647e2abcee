#pragma once
// The feed-v1 importer: streams files line by line, skips re-deliveries by seq, validates,
// quarantines bad lines with a reason, and commits in batches so that a killed import
// leaves the mirror at a prefix of whole lines.
#include "feed/touched.h"
#include "store/wal_checkpointer.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace reconsole {
class Database;
}

namespace reconsole::feed {

struct QuarantineSample {
    std::string file;
    std::int64_t line = 0;
    std::optional<std::int64_t> seq;
    std::string reason;
};

struct ImportCounts {
    std::int64_t applied = 0, redelivered = 0, quarantined = 0;
    std::int64_t lines() const { return applied + redelivered + quarantined; }
};

struct ImportProgress {
    std::uint64_t bytesDone = 0, bytesTotal = 0;
    ImportCounts counts;   // committed so far
};

enum class ImportStatus { Done, Cancelled, Failed };

struct ImportSummary {
    ImportStatus status = ImportStatus::Done;
    std::int64_t runId = 0;
    ImportCounts counts;                    // committed lines only
    std::vector<QuarantineSample> samples;  // the first few quarantined lines
    std::string error;                      // why the import failed, when it did
    std::string lastFile;                   // how far the committed prefix reaches
    std::int64_t lastLine = 0;
    std::int64_t cursor = 0;                // highest seq delivered after the import
    bool incremental = true;                // orphan state kept batch by batch (else rebuilt)
};

enum class BulkMode {
    Auto,     // bulk when the input is at least bulkMinBytes and larger than the mirror file
    Always,
    Never,
};

struct ImportOptions {
    // Lines per committed transaction, at least. A batch is made of whole parse chunks (a
    // quarter of this, or exactly this below 256 lines), so it may run a chunk over.
    int batchLines = 10000;
    // Lines per committed transaction in a bulk load. A page that two commits change is written
    // to the WAL twice: the right-hand pages of each table, and the pages of the orders and
    // payments a later line updates. The tables of a 2.2 M-line load are 8 100 pages; its batches
    // wrote 15 165 with 100 000 lines each, 10 325 with these, and the dirty pages of one
    // (about 30 MB) stay within the writer's cache (docs/benchmarks.md). Nobody reads a bulk
    // load's tables before it ends.
    int bulkBatchLines = 400000;
    // Bytes written to the WAL after which the import lets it start over (store/wal_checkpointer.h).
    std::int64_t walRestartBytes = WalCheckpointer::kRestartBytes;
    // A bulk load defers the feed tables' secondary indexes and rebuilds them, and the orphan
    // state, once at the end: much faster for a first import or one larger than the mirror.
    BulkMode bulk = BulkMode::Auto;
    std::uint64_t bulkMinBytes = 64ull << 20;
    // After this many touched debits and payments in one run, stop updating the orphan
    // state batch by batch and rebuild it once at the end (a bulk load). The same limit
    // applies to the products, merchants and orders the catalog state follows.
    std::size_t incrementalLimit = 50000;
    std::size_t sampleCount = 5;
    DerivedState* derived = nullptr;               // null: the orphan state is marked stale
    DerivedState* catalog = nullptr;               // the catalog checks' state; null: marked stale
    const std::atomic<bool>* cancel = nullptr;
    std::function<void(const ImportProgress&)> progress;   // after each committed batch
};

inline constexpr const char* kMerchantMirrorImportRefusal =
    "this is a merchant mirror: it takes no import, it is refreshed by a new reconsole-cli export-mirror --merchant";

// Imports `files` in order. A merchant mirror is refused (status Failed, error
// kMerchantMirrorImportRefusal). Never throws for bad input or I/O: failures come back in the
// summary with everything committed before them kept.
ImportSummary importFeed(Database& db, const std::vector<std::string>& files, const ImportOptions& options = {});

}  // namespace reconsole::feed
