#pragma once
// The refund rules as pure functions, so that every store applies exactly the same arithmetic
// inside its own transaction, and the tests read like the rules.
#include "ops/ops_types.h"

#include <optional>
#include <string>
#include <vector>

namespace reconsole::ops {

// How much each request holds back from the debit's refundable amount: a live request its
// amount, a settled one what actually came back, a released one (rejected, cancelled, failed)
// nothing.
Money reservedBy(const RefundRequest& r);

struct DebitMoney {
    Money debitAmount;        // the debit
    Money platformReturns;    // refunds and reversals in the feed that answer no request (the platform's own)
    Money foreignCredits;     // credits carrying a request id this store does not know
};

// debit - reservations - platform returns - foreign credits, never below zero.
Money refundable(const DebitMoney& debit, const std::vector<RefundRequest>& requestsOfDebit);

// The place of the debit's next refund: after every place a request still holds or that ever
// reached the platform, and after every foreign credit. Rejected and cancelled requests never
// left the console, so their places may be taken again.
int nextPlace(const std::vector<RefundRequest>& requestsOfDebit, const std::vector<ForeignCredit>& foreign);

// outbox-v1: equal for every request that must take effect at most once.
std::string idempotencyKey(const std::string& ledgerId, int place);

// Why a request needs a second person, or empty when it does not: "agent" (requested by an
// agent), "threshold" (above the approval threshold), "daily_limit" (takes the operator past
// the daily limit of their most generous refunding role).
std::string approvalNeeded(const Operator& requester, Money amount, Money requestedTodayBefore, const Policy& policy);

// The daily limit of an operator: that of their most generous role that may refund.
std::optional<Money> dailyLimit(const Roles& roles, const Policy& policy);

// SHA-256 over the parameters an approver sees: target, amount, reason, key.
std::string approvalHash(const RefundRequest& r);

// A sent request past the overdue time, not yet settled.
bool isOverdue(const RefundRequest& r, const Policy& policy, Instant now);

// Whether `from` may move to `to` at all (who may do it is checked by the service).
bool canMove(RefundState from, RefundState to);

// A policy change weakens a control when any threshold or limit goes up or the overdue time
// grows: it then waits for a second admin.
bool weakensControls(const Policy& from, const Policy& to);

// The start of the Seoul calendar day holding `at`.
Instant seoulDayStart(Instant at);

}  // namespace reconsole::ops
