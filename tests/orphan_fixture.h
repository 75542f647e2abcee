#pragma once
// Synthetic orphans written straight into unsettled_debit (with customers, orders, products
// and merchants to join), for tests and benchmarks of the orphan queue at any size. The
// values repeat on purpose, so that sorting by them needs the ledger id to break ties.
#include "core/instant.h"
#include "core/money.h"
#include "core/orphan_class.h"

#include <string>
#include <vector>

namespace reconsole {
class Database;
}

namespace reconsole::test {

struct SyntheticOrphan {
    std::string ledgerId, customerId, orderId, merchantId, merchantName, productName;
    OrphanClass cls = OrphanClass::NoPayment;
    Money amount, orphanAmount;
    Instant at = 0;
};

struct SyntheticMirror {
    std::vector<SyntheticOrphan> orphans;
    Instant asOf = 0;   // every orphan is at least an hour older
};

// Writes `count` orphans (one in four without an order, so without merchant or product).
SyntheticMirror addSyntheticOrphans(Database& db, int count);

}  // namespace reconsole::test
