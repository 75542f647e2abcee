#pragma once
// Repairing what a price error did (docs/catalog.md, "Repair"): from a product's impact, one
// action drafts a refund request for every overcharged paid order (what was paid minus what
// should have been paid, reason PRICE_ERROR), as a batch to approve as a whole or row by row.
// Each refund is an ordinary request with its own idempotency key; drafting again drafts only
// what no PRICE_ERROR request of that order already reserves, so nobody is refunded twice.
// Undercharges are never taken back from customers (catalog/undercharge_report.h).
#include "ops/ops_context.h"
#include "ops/ops_store.h"
#include "ops/result.h"

#include <optional>
#include <string>
#include <vector>

namespace reconsole::ops {

// One overcharged order, and what a draft does for it.
struct RepairLine {
    std::string orderId, customerId;
    Money overcharge;          // paid - should have paid
    Money alreadyReserved;     // by this order's PRICE_ERROR requests (live, or what came back)
    Money drafted;             // by this draft (0 in a preview when nothing would be)
    std::vector<std::string> requestIds;   // drafted (empty in a preview)
    std::string skipped;       // why less than overcharge - alreadyReserved is drafted, for a person
    // The same as a code, for a screen to say in its own words.
    enum class Short { None, AlreadyHeld, NoDebit, LittleRefundable } why = Short::None;
};

struct RepairDraft {
    std::optional<RepairBatch> batch;        // nullopt: nothing to draft (no batch made)
    std::vector<RepairLine> lines;           // every overcharged paid order, by time
    MoneyTotal overcharge, alreadyReserved, drafted;
    int requests = 0;                        // refund requests drafted
};

// A batch with its refunds and what the reader may do.
struct RepairBatchView {
    RepairBatch batch;
    std::vector<RefundRequest> refunds;      // oldest first
    MoneyTotal total;
    int awaitingApproval = 0;
    bool canApproveAll = false;              // ops, not the drafter, and something awaits approval
};

class RepairService {
public:
    explicit RepairService(OpsContext ctx) : ctx_(ctx) {}

    // What drafting would do now; writes nothing.
    Result<RepairDraft> preview(const std::string& actorId, const std::string& productId);
    // Drafts the batch in one transaction (audited). The same operation id twice is one batch.
    Result<RepairDraft> draft(const std::string& actorId, const std::string& productId, std::string opId = {});
    Result<RepairBatchView> batch(const std::string& actorId, const std::string& batchId);
    Result<std::vector<RepairBatch>> batches(const std::string& actorId, const std::optional<std::string>& productId);
    // Approves every request of the batch still awaiting approval, in one transaction, each
    // audited. `seenHashes`: the approval hashes the approver saw (request id, hash); a request
    // changed since voids the whole approval. Refused for the batch's own drafter.
    Result<std::vector<RefundRequest>> approveAll(const std::string& actorId, const std::string& batchId,
                                                  const std::vector<std::pair<std::string, std::string>>& seenHashes = {});

private:
    OpsContext ctx_;
};

}  // namespace reconsole::ops
