#pragma once
// What one committed batch of the import changed that the orphan state depends on.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace reconsole::feed {

// What the catalog checks depend on (models/catalog): kept apart from the orphan state's sets,
// so that a batch of catalog records costs the orphan engine nothing and the other way round.
struct CatalogTouched {
    std::unordered_map<std::string, std::int64_t> products;   // product id -> earliest updated_at stored
    std::unordered_set<std::string> merchants;                // merchants stored
    std::unordered_set<std::string> orders;                   // orders stored, or named by a stored cash receipt
    bool empty() const { return products.empty() && merchants.empty() && orders.empty(); }
    std::size_t size() const { return products.size() + merchants.size() + orders.size(); }
    void clear()
    {
        products.clear();
        merchants.clear();
        orders.clear();
    }
};

struct Touched {
    std::unordered_set<std::string> debitIds;     // debits stored, or named by a stored credit's ref_id
    std::unordered_set<std::string> paymentIds;   // payments stored, or named by a stored debit
    std::optional<std::int64_t> maxLedgerAt;      // latest `at` of the ledger entries stored
    std::unordered_set<std::string> customerIds;  // customers stored: their debits' names in the queue
    CatalogTouched catalog;                       // not counted by empty() and size(): the orphan state's
    // Off in a bulk load, which rebuilds both states at its end: the sets would only be cleared.
    bool collecting = true;
    bool empty() const { return debitIds.empty() && paymentIds.empty(); }
    // Orders or customers stored: the queue's sort keys of their unsettled debits may change
    // (migration 0008). Not counted by empty() and size(): no debit is settled again for them.
    bool queueKeysTouched() const { return !customerIds.empty() || !catalog.orders.empty(); }
    std::size_t size() const { return debitIds.size() + paymentIds.size(); }
    void clear()
    {
        debitIds.clear();
        paymentIds.clear();
        maxLedgerAt.reset();
        customerIds.clear();
        catalog.clear();
    }
};

}  // namespace reconsole::feed

namespace reconsole {
class Database;
}

namespace reconsole::feed {

// Keeps derived state (the orphan engine's, the catalog checks') in step with what the importer
// writes. Implemented by those engines, so that the feed library does not depend on them.
class DerivedState {
public:
    virtual ~DerivedState() = default;
    // Inside the batch's transaction: bring the state up to date for what the batch touched.
    virtual void update(Database& db, const Touched& touched) = 0;
    // Inside the batch's transaction: the state can no longer be kept incrementally.
    virtual void markStale(Database& db) = 0;
    virtual bool isStale(Database& db) = 0;
    // In its own transaction: recompute from scratch when stale.
    virtual void rebuildIfStale(Database& db) = 0;
    // While a bulk load builds its deferred indexes, once those named by readAheadIndexes are
    // built (before any, if it names none): the state may start reading now, beside the rest
    // of the build, for rebuildIfStale to finish.
    virtual void readAhead(Database&) {}
    virtual std::vector<std::string> readAheadIndexes() const { return {}; }
    // Inside the transaction that ends import run `runId`, at wall-clock time `at` (after
    // rebuildIfStale): record what the run made known (the orphan state: which debits it first
    // made orphans). Nothing by default.
    virtual void afterRun(Database&, std::int64_t /*runId*/, std::int64_t /*at*/) {}
};

}  // namespace reconsole::feed
