#pragma once
// Keeps the table unsettled_debit (every debit not fully accounted for, whatever its age)
// up to date as the importer commits batches. Covered and returned amounts do not depend
// on as_of, so the orphans for any as_of and grace are a range of this table, and a batch
// costs in proportion to the debits and payments it touched, not to the mirror.
#include "feed/read_ahead.h"
#include "feed/touched.h"
#include "recon/orphan_rebuild.h"

#include <string>
#include <vector>

namespace reconsole::recon {

class OrphanState : public feed::DerivedState {
public:
    void update(Database& db, const feed::Touched& touched) override;
    void markStale(Database& db) override;
    bool isStale(Database& db) override;
    // The indexes the read-ahead reads: a bulk load builds them first, then calls readAhead.
    std::vector<std::string> readAheadIndexes() const override;
    // When stale, starts finding the unsettled debits on a thread and read-only connection of its
    // own, over the mirror as committed now; rebuildIfStale writes what it found if the feed's
    // cursor has not moved since (else rebuilds as usual). The rest of the indexes are built
    // meanwhile, and the rebuild costs the import only its writes.
    void readAhead(Database& db) override;
    void rebuildIfStale(Database& db) override;
    int readAheadsWritten() const { return readAheadsWritten_; }   // for tests
    void waitForReadAhead() const { ahead_.wait(); }                // for tests
    // Records, once per debit, the wall-clock time of the run that first made it an orphan
    // (default as_of and grace): when the company learned of the error, which starts its
    // legal clock (docs/cases.md). A debit seen earlier keeps its first time.
    void afterRun(Database& db, std::int64_t runId, std::int64_t at) override;

private:
    feed::ReadAhead<std::vector<UnsettledRow>> ahead_;
    int readAheadsWritten_ = 0;
};

// Settles the given debits afresh (they and their payments' other debits), writing
// unsettled_debit rows. Runs inside the caller's transaction.
void resettle(Database& db, const feed::Touched& touched);
// The queue's sort keys (product, customer name) of unsettled debits whose order or customer
// the batch stored again.
void refreshQueueKeys(Database& db, const feed::Touched& touched);

}  // namespace reconsole::recon
