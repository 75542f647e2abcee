#pragma once
// Runs the catalog rules over the mirror and keeps their findings in catalog_anomaly, as the
// orphan state is kept: after each import batch only the products and orders it touched are
// checked again; a full recheck when the state is stale or the settings changed.
#include "catalog/catalog_history.h"
#include "feed/read_ahead.h"
#include "feed/touched.h"

#include <vector>

namespace reconsole::catalog {

// Inside the caller's transaction: every finding computed afresh; records the settings and
// clears the stale mark.
void recheckAll(Database& db, const CatalogRuleSettings& s, const SettlesOurFix& settles = {});
// recheckAll in its two halves. The first only reads, and none of what it reads needs an index
// a bulk load defers: it can run on a connection of its own while they are built. Its memory is
// the findings', not the mirror's.
std::vector<Anomaly> findAllAnomalies(Database& db, const CatalogRuleSettings& s, const SettlesOurFix& settles = {});
void replaceAllAnomalies(Database& db, const std::vector<Anomaly>& all, const CatalogRuleSettings& s);

// Inside the caller's transaction: the products stored (and those of the merchants stored)
// with their orders placed from the new versions' updated_at on, and the orders stored or
// named by a stored cash receipt.
void recheckTouched(Database& db, const feed::CatalogTouched& touched, const CatalogRuleSettings& s,
                    const SettlesOurFix& settles = {});

class CatalogState : public feed::DerivedState {
public:
    explicit CatalogState(CatalogRuleSettings settings = {}, SettlesOurFix settles = {});
    void update(Database& db, const feed::Touched& touched) override;
    void markStale(Database& db) override;
    // Marked stale, or computed with other settings than these.
    bool isStale(Database& db) override;
    // When stale, starts findAllAnomalies on a thread and read-only connection of its own, over
    // the mirror as committed now; rebuildIfStale then writes what it found. The importer calls
    // it before building the deferred indexes, which then cost the recheck no time.
    void readAhead(Database& db) override;
    // In its own transaction.
    void rebuildIfStale(Database& db) override;
    const CatalogRuleSettings& settings() const { return settings_; }
    int readAheadsWritten() const { return readAheadsWritten_; }   // for tests

private:
    CatalogRuleSettings settings_;
    SettlesOurFix settles_;
    feed::ReadAhead<std::vector<Anomaly>> ahead_;
    int readAheadsWritten_ = 0;
};

}  // namespace reconsole::catalog
