#pragma once
// The orphan list for any as_of and grace: a range of the maintained unsettled_debit table.
#include "recon/orphan.h"

#include <functional>
#include <optional>
#include <vector>

namespace reconsole {
class Database;
}

namespace reconsole::recon {

struct OrphanQuery {
    std::optional<Instant> asOf;        // default: the latest ledger timestamp in the mirror
    DurationMs grace = kDefaultGrace;
};

// The latest `at` of any ledger entry, or nullopt for a mirror without ledger entries.
std::optional<Instant> defaultAsOf(Database& db);

// The instant a debit must be at or before to be old enough: as_of - grace (saturating).
Instant graceCutoff(Instant asOf, DurationMs grace);

// Rebuilds the maintained state first when an interrupted bulk import left it stale
// (that needs a read-write connection). Sorted by at, then ledger id by bytes.
std::vector<Orphan> listOrphans(Database& db, const OrphanQuery& query = {});
// The same rows, one at a time, without holding them: for writing a long list out. The
// Orphan passed is reused for the next row.
void forEachOrphan(Database& db, const OrphanQuery& query, const std::function<void(const Orphan&)>& visit);

// The orphans of one customer (no rebuild: for readers). Sorted like listOrphans.
std::vector<Orphan> customerOrphans(Database& db, const std::string& customerId, const OrphanQuery& query = {});

// The orphan with this ledger id under the default as_of and grace, if it is one.
std::optional<Orphan> findOrphan(Database& db, const std::string& ledgerId, const OrphanQuery& query = {});

}  // namespace reconsole::recon
