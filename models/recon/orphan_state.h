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
};

// Settles the given debits afresh (they and their payments' other debits), writing
// unsettled_debit rows. Runs inside the caller's transaction.
void resettle(Database& db, const feed::Touched& touched);

}  // namespace reconsole::recon
