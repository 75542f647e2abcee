#include "ops/refund_rules.h"

#include "ops/audit_chain.h"

#include <algorithm>

namespace reconsole::ops {

Money reservedBy(const RefundRequest& r)
{
    switch (r.state) {
    case RefundState::Requested:
    case RefundState::Approved:
    case RefundState::Sent: return r.amount;
    case RefundState::Settled: return r.settledAmount.value_or(r.amount);
    case RefundState::Rejected:
    case RefundState::Cancelled:
    case RefundState::Failed: return Money(0);
    }
    return r.amount;
}

Money refundable(const DebitMoney& debit, const std::vector<RefundRequest>& requestsOfDebit)
{
    MoneyTotal taken;
    for (const auto& r : requestsOfDebit)
        taken.add(reservedBy(r));
    taken.add(debit.platformReturns);
    taken.add(debit.foreignCredits);
    if (taken.overflowed() || taken.value() >= debit.debitAmount)
        return Money(0);
    return debit.debitAmount - taken.value();
}

int nextPlace(const std::vector<RefundRequest>& requestsOfDebit, const std::vector<ForeignCredit>& foreign)
{
    int last = 0;
    for (const auto& r : requestsOfDebit)
        if (r.state != RefundState::Rejected && r.state != RefundState::Cancelled)
            last = std::max(last, r.place);
    for (const auto& c : foreign)
        last = std::max(last, c.place);
    return last + 1;
}

std::string idempotencyKey(const std::string& ledgerId, int place)
{
    return "refund:" + ledgerId + ":" + std::to_string(place);
}

std::optional<Money> dailyLimit(const Roles& roles, const Policy& policy)
{
    if (roles.has(Role::Ops))
        return std::max(policy.dailyLimitOps, roles.has(Role::Agent) ? policy.dailyLimitAgent : Money(0));
    if (roles.has(Role::Agent))
        return policy.dailyLimitAgent;
    return std::nullopt;
}

std::string approvalNeeded(const Operator& requester, Money amount, Money requestedTodayBefore, const Policy& policy)
{
    if (!requester.roles.has(Role::Ops))
        return "agent";
    if (amount > policy.approvalThreshold)
        return "threshold";
    const auto limit = dailyLimit(requester.roles, policy);
    const auto after = checkedAdd(requestedTodayBefore, amount);
    if (!limit || !after || *after > *limit)
        return "daily_limit";
    return {};
}

std::string approvalHash(const RefundRequest& r)
{
    return sha256Hex("refund\n" + r.id + "\n" + r.ledgerId + "\n" + r.customerId + "\n" + r.accountId + "\n"
                     + std::to_string(r.amount.won()) + "\n" + r.reason + "\n" + r.idempotencyKey);
}

bool isOverdue(const RefundRequest& r, const Policy& policy, Instant now)
{
    return r.state == RefundState::Sent && r.sentAt && now - *r.sentAt > policy.overdueAfter;
}

bool canMove(RefundState from, RefundState to)
{
    using S = RefundState;
    switch (from) {
    case S::Requested: return to == S::Requested || to == S::Approved || to == S::Rejected || to == S::Cancelled;
    case S::Approved: return to == S::Requested || to == S::Approved || to == S::Sent || to == S::Cancelled;
    case S::Sent: return to == S::Settled || to == S::Failed;
    case S::Failed: return to == S::Settled;   // the platform paid after all: the money is back
    case S::Settled:
    case S::Rejected:
    case S::Cancelled: return false;
    }
    return false;
}

bool weakensControls(const Policy& from, const Policy& to)
{
    return to.approvalThreshold > from.approvalThreshold || to.dailyLimitAgent > from.dailyLimitAgent
        || to.dailyLimitOps > from.dailyLimitOps || to.overdueAfter > from.overdueAfter;
}

Instant seoulDayStart(Instant at)
{
    constexpr std::int64_t kDay = 24 * 60 * kMinuteMs;
    constexpr std::int64_t kOffset = kSeoulOffsetMinutes * kMinuteMs;
    const std::int64_t local = at + kOffset;
    const std::int64_t day = local / kDay - ((local % kDay != 0) && (local < 0));
    return day * kDay - kOffset;
}

}  // namespace reconsole::ops
