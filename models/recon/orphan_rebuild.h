#pragma once
// Recomputes unsettled_debit from scratch in one pass over the ledger and payments.
// Used after a bulk load and whenever the state is marked stale.
#include "core/instant.h"
#include "core/money.h"
#include "core/orphan_class.h"

#include <optional>
#include <string>

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

// In its own transaction; clears the stale flag.
void rebuildUnsettled(Database& db);

}  // namespace reconsole::recon
