#pragma once
// Runs the catalog rules over the mirror and keeps their findings in catalog_anomaly, as the
// orphan state is kept: after each import batch only the products and orders it touched are
// checked again; a full recheck when the state is stale or the settings changed.
#include "catalog/catalog_history.h"
#include "feed/touched.h"

namespace reconsole::catalog {

// Inside the caller's transaction: every finding computed afresh; records the settings and
// clears the stale mark.
void recheckAll(Database& db, const CatalogRuleSettings& s, const SettlesOurFix& settles = {});

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
    // In its own transaction.
    void rebuildIfStale(Database& db) override;
    const CatalogRuleSettings& settings() const { return settings_; }

private:
    CatalogRuleSettings settings_;
    SettlesOurFix settles_;
};

}  // namespace reconsole::catalog
