#pragma once
// Catalog fixes (docs/catalog.md, "Fixing the catalog"): an ops or admin operator proposes
// corrected values for a product with a reason; another ops operator approves; the outbox hands
// the fix to the platform as kind = catalog_fix, carrying the values the proposer saw so the
// platform can refuse a fix to a product that changed meanwhile; it is settled when the feed
// brings a version with the corrected values. Each step is one transaction with its audit entry.
#include "ops/ops_context.h"
#include "ops/ops_store.h"
#include "ops/result.h"

#include <optional>
#include <string>
#include <vector>

namespace reconsole::ops {

// What an operator sees before proposing a fix: the product as the mirror has it now.
struct FixQuote {
    std::string productId, productName, merchantId, kind;
    std::int64_t productSeq = 0;          // its current version
    CatalogValues current;                // all four values of that version
    std::optional<CatalogFix> underWay;   // requested, approved or sent
    std::vector<CatalogFix> fixes;        // every fix of the product, newest first
    bool canPropose = false;              // the reader may propose one now
};

struct FixDraft {
    std::string productId;
    CatalogValues set;                    // at least one value, differing from the current one
    std::string reason, note;
    // The version the operator looked at: a product changed since is refused (look again).
    // Empty: the current one (the command line, which reads and files at once).
    std::optional<std::int64_t> seenSeq;
    std::string opId;                     // the same operation id twice is one fix; generated when empty
};

// A fix with what the reader may do with it now.
struct FixRow {
    CatalogFix fix;
    bool overdue = false;
    bool canApprove = false, canReject = false, canCancel = false, canRecordFailure = false;
};

// Reason codes a fix carries.
const std::vector<std::string>& catalogFixReasonCodes();   // PRICE_ERROR, DISCOUNT_ERROR, ...

// SHA-256 over what an approver sees: product, version, set, expected, reason, key.
std::string fixApprovalHash(const CatalogFix& f);

class CatalogFixService {
public:
    explicit CatalogFixService(OpsContext ctx) : ctx_(ctx) {}

    Result<FixQuote> quote(const std::string& actorId, const std::string& productId);
    // A new fix, or the one this operation id already made.
    Result<CatalogFix> propose(const std::string& actorId, FixDraft draft);
    Result<CatalogFix> approve(const std::string& actorId, const std::string& fixId,
                               const std::optional<std::string>& seenHash = {});
    Result<CatalogFix> reject(const std::string& actorId, const std::string& fixId, const std::string& note);
    Result<CatalogFix> cancel(const std::string& actorId, const std::string& fixId, const std::string& note);
    // The platform refused a sent fix (its report says why): an ops operator records it.
    Result<CatalogFix> recordFailure(const std::string& actorId, const std::string& fixId, const std::string& reason);

    Result<std::vector<FixRow>> list(const std::string& actorId, const CatalogFixFilter& filter);

private:
    OpsContext ctx_;
};

}  // namespace reconsole::ops
