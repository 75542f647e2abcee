#pragma once
// What one committed batch of the import changed that the orphan state depends on.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>

namespace reconsole::feed {

struct Touched {
    std::unordered_set<std::string> debitIds;     // debits stored, or named by a stored credit's ref_id
    std::unordered_set<std::string> paymentIds;   // payments stored, or named by a stored debit
    std::optional<std::int64_t> maxLedgerAt;      // latest `at` of the ledger entries stored
    bool empty() const { return debitIds.empty() && paymentIds.empty(); }
    std::size_t size() const { return debitIds.size() + paymentIds.size(); }
    void clear()
    {
        debitIds.clear();
        paymentIds.clear();
        maxLedgerAt.reset();
    }
};

}  // namespace reconsole::feed

namespace reconsole {
class Database;
}

namespace reconsole::feed {

// Keeps derived state (the orphan engine's) in step with what the importer writes.
// Implemented by the orphan engine, so that the feed library does not depend on it.
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
};

}  // namespace reconsole::feed
