#pragma once
// Refunds: requested, approved by a second person where policy says so, handed to the
// platform through the outbox, settled when the feed brings the credit. Every rule is enforced
// here, inside the store's transaction, and every action (refused ones too) is audited.
#include "ops/ops_context.h"
#include "ops/ops_store.h"
#include "ops/result.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace reconsole::ops {

// What an operator sees before requesting a refund of one debit.
struct RefundQuote {
    std::string ledgerId, customerId, accountId;
    std::optional<std::string> orderId;
    Money debitAmount;
    std::optional<Money> orphanAmount;   // when the debit is an orphan (default as_of and grace)
    Money reserved;                      // held by this console's requests
    Money platformReturns;               // the platform's own refunds and reversals
    Money foreignCredits;                // credits naming requests this store does not know
    Money refundable;                    // the most a new request may ask
    Money defaultAmount;                 // the orphan amount when there is one, capped at refundable
    int nextPlace = 1;
    Instant debitAt = 0;
    std::vector<RefundRequest> requests; // this debit's requests, newest first
    // What decides whether a request by the reader would need a second person, so that a
    // dialog can say so as the amount is typed: approvalNeeded(reader, amount, requestedToday, policy).
    Operator reader;
    Money requestedToday;                // by the reader, this Seoul day
    Policy policy;
};

struct RefundDraft {
    std::string ledgerId;
    std::optional<Money> amount;         // default: RefundQuote::defaultAmount
    std::string reason, note;
    std::string opId;                    // the same operation id twice is one request; generated when empty
};

// A request with what the reader may do with it now.
struct RefundRow {
    RefundRequest request;
    bool overdue = false;
    bool canApprove = false, canReject = false, canCancel = false, canRecordFailure = false;
};

struct RefundSummary {
    std::array<int, kRefundStateCount> count{};
    std::array<MoneyTotal, kRefundStateCount> amount{};
    int overdue = 0;
    int awaitingMyApproval = 0;          // requested, needing approval, not mine, and I may approve
    int flagged = 0;                     // settlement flags and foreign credits for a person
};

// For the orphan queue and the timeline: the refund work on one debit.
struct DebitRefunds {
    Money underWay;                      // requested, approved or sent
    Money settled;
    RefundState latest = RefundState::Requested;
    int requests = 0;
};

class RefundService {
public:
    explicit RefundService(OpsContext ctx) : ctx_(ctx) {}

    Result<RefundQuote> quote(const std::string& actorId, const std::string& ledgerId);
    // A new request, or the one this operation id already made.
    Result<RefundRequest> request(const std::string& actorId, RefundDraft draft);
    // `seenHash`: the approval hash of the request as the approver saw it; a request changed
    // since is refused (ApprovalVoided).
    Result<RefundRequest> approve(const std::string& actorId, const std::string& requestId,
                                  const std::optional<std::string>& seenHash = {});
    Result<RefundRequest> reject(const std::string& actorId, const std::string& requestId, const std::string& note);
    Result<RefundRequest> cancel(const std::string& actorId, const std::string& requestId, const std::string& note);
    // A new amount voids an approval: the request goes back to requested when it needs one.
    Result<RefundRequest> amend(const std::string& actorId, const std::string& requestId, Money amount);
    // The platform failed a sent request (an ops operator records it): its reservation is released.
    Result<RefundRequest> recordFailure(const std::string& actorId, const std::string& requestId,
                                        const std::string& reason);

    Result<std::vector<RefundRow>> list(const std::string& actorId, const RefundFilter& filter);
    Result<RefundSummary> summary(const std::string& actorId);
    Result<std::map<std::string, DebitRefunds>> byDebit(const std::string& actorId,
                                                        const std::optional<std::string>& customerId = {});
    Result<std::vector<ForeignCredit>> foreignCredits(const std::string& actorId);

private:
    OpsContext ctx_;
};

// A fresh operation id ("op-" and 128 random bits in hex).
std::string newOperationId();

}  // namespace reconsole::ops
