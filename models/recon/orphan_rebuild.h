#pragma once
// Recomputes unsettled_debit from scratch in one pass over the ledger and payments.
// Used after a bulk load and whenever the state is marked stale.
#include "core/instant.h"
#include "core/money.h"
#include "core/orphan_class.h"

#include <optional>
#include <string>
#include <vector>

namespace reconsole {
class Database;
}

namespace reconsole::recon {

struct UnsettledRow {
    std::string ledgerId, customerId, accountId;
    std::optional<std::string> orderId, paymentId;
    OrphanClass cls;
    Money amount, covered, returned, orphanAmount;
    Instant at;
};

void writeUnsettled(Database& db, const UnsettledRow& row);

// In its own transaction; clears the stale flag. The debits of payments are read on this
// connection, the others at once on a read-only connection of its own.
void rebuildUnsettled(Database& db);

// The rebuild in its two halves, for a reader beside a bulk load's index build. The first only
// reads, on this one connection, in the caller's snapshot (a transaction or ReadSnapshot); its
// memory is the rows found, not the mirror's.
std::vector<UnsettledRow> findUnsettled(Database& db);
// The deferred indexes findUnsettled reads (store/bulk_load.h); without them it would sort.
const std::vector<std::string>& indexesFindUnsettledReads();
// Inside the caller's transaction: unsettled_debit becomes `rows`; clears the stale flag.
void replaceUnsettled(Database& db, const std::vector<UnsettledRow>& rows);

}  // namespace reconsole::recon
