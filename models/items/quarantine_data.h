#pragma once
// What the Quarantine screen reads: the import runs, and the lines each set aside, a page at
// a time (a bad feed can quarantine millions of lines).
#include "core/instant.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace reconsole {
class Database;
}

namespace reconsole::items {

struct ImportRunRow {
    std::int64_t id = 0;
    Instant startedAt = 0;
    std::optional<Instant> finishedAt;
    std::string files, status, message;
    std::int64_t applied = 0, redelivered = 0, quarantined = 0;
};

struct QuarantineLine {
    std::int64_t id = 0, runId = 0, lineNo = 0;
    std::optional<std::int64_t> seq;
    std::string file, reason, raw;
};

struct QuarantinePageRequest {
    std::optional<std::int64_t> runId;   // none: every run
    std::string text;                    // in the reason, the line or the file name; empty: all
    std::int64_t afterId = 0;            // the last id of the page before (newest first: 0 = start)
    int limit = 200;
};

// Newest run first, runs that quarantined nothing included (the agent sees the import happened).
std::vector<ImportRunRow> loadImportRuns(Database& db, int limit = 500);
// Newest line first; the next page starts after the last line's id.
std::vector<QuarantineLine> loadQuarantinePage(Database& db, const QuarantinePageRequest& request);
// How many lines match (for "N lines" above the table).
std::int64_t countQuarantine(Database& db, const QuarantinePageRequest& request);

}  // namespace reconsole::items
