#pragma once
// The orphan queue's reads, run on a MirrorWorker thread. Pages are found by key, never by
// OFFSET: a pass over the filtered keys counts the rows, sums the orphan money and notes
// the key that ends every page, so any page is one indexed range read
// `WHERE (sort value, ledger_id) > (key) ORDER BY sort value, ledger_id LIMIT n`.
#include "items/orphan_filter.h"
#include "recon/explanation.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace reconsole {
class Database;
}

namespace reconsole::items {

struct QueueRow {
    std::string ledgerId, customerId, customerName, accountId, orderId, paymentId;
    std::string merchantId, merchantName, productName;   // empty without an order
    OrphanClass cls = OrphanClass::NonPaymentDebit;
    Money amount, orphanAmount;
    Instant at = 0;
    // Filled in by a second read (likelyCauses): it looks at the evidence around each debit
    // and costs far more than the row itself on a big mirror.
    std::optional<recon::LikelyCause> cause;
};

// Where a page starts: the sort value and ledger id of the row just before it.
struct SortKey {
    std::int64_t number = 0;   // numeric sort columns
    std::string text;          // text sort columns
    std::string ledgerId;
};

struct QueueQuery {
    OrphanFilter filter;
    QueueSort sort;
    int pageSize = 100;
};

struct QueueSummary {
    bool hasLedger = false;            // false for an empty mirror: no as_of, no orphans
    Instant asOf = 0;                  // the orphan rules' default as_of, fixed for this summary
    bool orphanStateStale = false;     // a bulk import is rebuilding it
    std::int64_t rows = 0;
    MoneyTotal total;                  // orphan money under the filter (never wraps)
    std::vector<SortKey> pageEnds;     // pageEnds[p]: the last row of page p
    std::vector<QueueRow> firstPage;
};

// Every row of the filtered queue in its sort order, in one read snapshot (for an export);
// stops when `visit` returns false, and then returns false.
bool forEachQueueRow(Database& db, const QueueQuery& query, const std::function<bool(const QueueRow&)>& visit);

// Counts, sums and pages the filtered queue in one read snapshot, with the first page.
QueueSummary summarizeQueue(Database& db, const QueueQuery& query);

// The rows after `after` (or from the start), at most query.pageSize of them. Page p > 0
// of a summary starts after summary.pageEnds[p - 1].
std::vector<QueueRow> fetchQueueRows(Database& db, const QueueQuery& query, Instant asOf,
                                     const std::optional<SortKey>& after);

// The likely cause of each orphan, in the order given (Unknown for one that is no longer an
// orphan).
std::vector<recon::LikelyCause> likelyCauses(Database& db, const std::vector<std::string>& ledgerIds);

// The latest instant an orphan under `filter` may have: as_of less the grace, or less the
// filter's minimum age when that is longer.
Instant queueCutoff(Instant asOf, const OrphanFilter& filter);

}  // namespace reconsole::items
