#pragma once
// Keeps the table unsettled_debit (every debit not fully accounted for, whatever its age)
// up to date as the importer commits batches. Covered and returned amounts do not depend
// on as_of, so the orphans for any as_of and grace are a range of this table, and a batch
// costs in proportion to the debits and payments it touched, not to the mirror.
#include "feed/touched.h"

#include <string>

namespace reconsole::recon {

class OrphanState : public feed::DerivedState {
public:
    void update(Database& db, const feed::Touched& touched) override;
    void markStale(Database& db) override;
    bool isStale(Database& db) override;
    void rebuildIfStale(Database& db) override;
    // Records, once per debit, the wall-clock time of the run that first made it an orphan
    // (default as_of and grace): when the company learned of the error, which starts its
    // legal clock (docs/cases.md). A debit seen earlier keeps its first time.
    void afterRun(Database& db, std::int64_t runId, std::int64_t at) override;
};

// Settles the given debits afresh (they and their payments' other debits), writing
// unsettled_debit rows. Runs inside the caller's transaction.
void resettle(Database& db, const feed::Touched& touched);
// The queue's sort keys (product, customer name) of unsettled debits whose order or customer
// the batch stored again.
void refreshQueueKeys(Database& db, const feed::Touched& touched);

}  // namespace reconsole::recon
