#include "ops/refund_service.h"
#include "ops/read_audit.h"

#include "ops/crash_points.h"
#include "ops/mirror_facts.h"
#include "ops/refund_rules.h"
#include "ops/service_support.h"
#include "ops/settlement.h"

#include <QRandomGenerator>

#include <algorithm>

namespace reconsole::ops {
namespace {

constexpr std::size_t kMaxNote = 2000;

std::string randomHex(int words)
{
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < words; ++i) {
        quint32 v = QRandomGenerator::system()->generate();
        for (int n = 0; n < 8; ++n, v >>= 4)
            out += digits[v & 15u];
    }
    return out;
}

Money sumForeign(const std::vector<ForeignCredit>& foreign)
{
    MoneyTotal t;
    for (const auto& c : foreign)
        t.add(c.amount);
    return t.value();
}

// The debit's amount as the store first recorded it, or the mirror's for a first request.
Money recordedDebitAmount(const std::vector<RefundRequest>& requests, Money mirrorAmount)
{
    return requests.empty() ? mirrorAmount : requests.back().debitAmount;
}

Money defaultAmountFor(const std::optional<Money>& orphan, Money refundableNow)
{
    return orphan ? std::min(*orphan, refundableNow) : refundableNow;
}

RefundRow rowFor(const Operator& me, const RefundRequest& r, const Policy& policy, Instant now)
{
    RefundRow row{r, isOverdue(r, policy, now)};
    const bool mine = r.requestedBy == me.id;
    const bool ops = allows(me, Permission::ApproveRefund);
    const bool unsent = r.state == RefundState::Requested || r.state == RefundState::Approved;
    row.canApprove = ops && !mine && r.state == RefundState::Requested;
    row.canReject = row.canApprove;
    row.canCancel = unsent && (ops || (mine && allows(me, Permission::RequestRefund)));
    row.canRecordFailure = allows(me, Permission::RecordOutcome) && r.state == RefundState::Sent;
    return row;
}

}  // namespace

std::string newOperationId() { return "op-" + randomHex(4); }

Result<RefundQuote> RefundService::quote(const std::string& actorId, const std::string& ledgerId)
{
    syncSettlements(ctx_);
    const auto debit = findLedgerEntry(ctx_.mirror, ledgerId);
    const Money returns = debit ? platformReturns(ctx_.mirror, ledgerId) : Money(0);
    const auto orphan = debit ? orphanAmount(ctx_.mirror, ledgerId) : std::nullopt;
    std::optional<Result<RefundQuote>> out;
    ctx_.store.read([&](OpsReader& r) {
        auto actor = requireActor(r, actorId, Permission::ReadRefunds);
        if (!actor) {
            out = actor.refusal();
            return;
        }
        if (!debit || debit->direction != "debit") {
            out = debit ? refuse(RefusalCode::NotADebit, "ledger entry '" + ledgerId + "' is a credit, not a debit")
                        : refuse(RefusalCode::UnknownDebit, "there is no ledger entry '" + ledgerId + "' in the mirror");
            return;
        }
        RefundQuote q;
        q.ledgerId = debit->id;
        q.customerId = debit->customerId;
        q.accountId = debit->accountId;
        q.orderId = debit->orderId;
        q.requests = r.refundsForLedger(ledgerId);
        const auto foreign = r.foreignCredits(ledgerId);
        q.debitAmount = recordedDebitAmount(q.requests, debit->amount);
        q.orphanAmount = orphan;
        MoneyTotal reserved;
        for (const auto& req : q.requests)
            reserved.add(reservedBy(req));
        q.reserved = reserved.value();
        q.platformReturns = returns;
        q.foreignCredits = sumForeign(foreign);
        q.refundable = refundable({q.debitAmount, returns, q.foreignCredits}, q.requests);
        q.defaultAmount = defaultAmountFor(orphan, q.refundable);
        q.nextPlace = nextPlace(q.requests, foreign);
        q.debitAt = debit->at;
        q.reader = *actor;
        const Instant day = seoulDayStart(ctx_.now());
        q.requestedToday = r.requestedBy(actor->id, day, day + 24 * 60 * kMinuteMs);
        q.policy = r.policy();
        out = q;
    });
    return auditRefusedRead(ctx_, actorId, "refund.quote", ledgerId, std::move(*out));
}

Result<RefundRequest> RefundService::request(const std::string& actorId, RefundDraft draft)
{
    syncSettlements(ctx_);
    if (draft.opId.empty())
        draft.opId = newOperationId();
    const auto debit = findLedgerEntry(ctx_.mirror, draft.ledgerId);
    const Money returns = debit ? platformReturns(ctx_.mirror, draft.ledgerId) : Money(0);
    const auto orphan = debit ? orphanAmount(ctx_.mirror, draft.ledgerId) : std::nullopt;
    std::optional<Result<RefundRequest>> out;
    crashPoint("refund.before_tx");
    ctx_.store.write([&](OpsTx& tx) {
        out.reset();
        const Instant now = ctx_.now();
        AuditNote note{"refund.request", draft.ledgerId, "", ""};
        const auto refused = refuser(tx, now, actorId, note, out);
        auto actor = requireActor(tx, actorId, Permission::RequestRefund);
        if (!actor)
            return refused(actor.refusal());
        if (auto same = tx.findRefundByOpId(draft.opId)) {
            // A double click, a retry after a crash, a second window: the request already made.
            if (same->ledgerId != draft.ledgerId)
                return refused(refuse(RefusalCode::InvalidInput, "operation id '" + draft.opId
                                                                     + "' was already used for another debit"));
            out = *same;
            return;
        }
        if (!debit)
            return refused(refuse(RefusalCode::UnknownDebit, "there is no ledger entry '" + draft.ledgerId + "' in the mirror"));
        if (debit->direction != "debit")
            return refused(refuse(RefusalCode::NotADebit, "ledger entry '" + draft.ledgerId + "' is a credit, not a debit"));
        if (!isRefundReason(draft.reason))
            return refused(refuse(RefusalCode::InvalidInput, "unknown reason code '" + draft.reason + "'"));
        if (draft.note.size() > kMaxNote)
            return refused(refuse(RefusalCode::InvalidInput, "the note is longer than 2000 bytes"));
        const auto requests = tx.refundsForLedger(draft.ledgerId);
        const auto foreign = tx.foreignCredits(draft.ledgerId);
        const Money debitAmount = recordedDebitAmount(requests, debit->amount);
        const Money left = refundable({debitAmount, returns, sumForeign(foreign)}, requests);
        if (left.isZero())
            return refused(refuse(RefusalCode::NothingLeft, "nothing is left to refund on " + draft.ledgerId
                                                                + ": the whole debit is refunded or being refunded"));
        const Money amount = draft.amount.value_or(defaultAmountFor(orphan, left));
        note.after = JsonObject().add("amount", amount).add("reason", draft.reason).str();
        if (!amount.isPositive())
            return refused(refuse(RefusalCode::InvalidInput, "a refund is at least 1 won"));
        if (amount > left)
            return refused(refuse(RefusalCode::OverRefundable, "KRW " + groupedWon(amount) + " is more than the KRW "
                                                                   + groupedWon(left) + " still refundable on "
                                                                   + draft.ledgerId));
        RefundRequest r;
        r.id = "RF-" + randomHex(3);
        r.opId = draft.opId;
        r.ledgerId = debit->id;
        r.customerId = debit->customerId;
        r.accountId = debit->accountId;
        r.orderId = debit->orderId;
        r.merchantId = debit->merchantId;
        r.debitAmount = debitAmount;
        r.amount = amount;
        r.reason = draft.reason;
        r.note = draft.note;
        r.place = nextPlace(requests, foreign);
        r.idempotencyKey = idempotencyKey(r.ledgerId, r.place);
        r.requestedBy = actor->id;
        r.requestedAt = now;
        r.updatedAt = now;
        const Instant day = seoulDayStart(now);
        r.approvalWhy = approvalNeeded(*actor, amount, tx.requestedBy(actor->id, day, day + 24 * 60 * kMinuteMs),
                                       tx.policy());
        r.needsApproval = !r.approvalWhy.empty();
        if (!r.needsApproval) {
            r.state = RefundState::Approved;
            r.approvedBy = actor->id;
            r.approvedAt = now;
            r.approvalHash = approvalHash(r);
        }
        tx.insertRefund(r);
        note.target = r.id;
        note.after = refundJson(r);
        auditDone(tx, now, actorId, note);
        out = r;
        crashPoint("refund.in_tx");
    });
    crashPoint("refund.after_tx");
    return *out;
}

Result<std::vector<RefundRow>> RefundService::list(const std::string& actorId, const RefundFilter& filter)
{
    syncSettlements(ctx_);
    std::optional<Result<std::vector<RefundRow>>> out;
    ctx_.store.read([&](OpsReader& r) {
        auto actor = requireActor(r, actorId, Permission::ReadRefunds);
        if (!actor) {
            out = actor.refusal();
            return;
        }
        const Policy policy = r.policy();
        const Instant now = ctx_.now();
        std::vector<RefundRow> rows;
        for (const auto& req : r.refunds(filter))
            rows.push_back(rowFor(*actor, req, policy, now));
        // Overdue ones on top; otherwise newest first, as the store gave them.
        std::stable_partition(rows.begin(), rows.end(), [](const RefundRow& row) { return row.overdue; });
        out = std::move(rows);
    });
    return auditRefusedRead(ctx_, actorId, "refund.list", std::string(), std::move(*out));
}

Result<RefundSummary> RefundService::summary(const std::string& actorId)
{
    auto rows = list(actorId, {});
    if (!rows)
        return rows.refusal();
    RefundSummary s;
    for (const auto& row : rows.value()) {
        const auto i = static_cast<std::size_t>(row.request.state);
        ++s.count[i];
        s.amount[i].add(row.request.amount);
        s.overdue += row.overdue ? 1 : 0;
        s.awaitingMyApproval += row.canApprove ? 1 : 0;
        s.flagged += row.request.settlementFlag.empty() ? 0 : 1;
    }
    std::optional<int> foreign;
    ctx_.store.read([&](OpsReader& r) { foreign = static_cast<int>(r.foreignCredits().size()); });
    s.flagged += foreign.value_or(0);
    return s;
}

Result<std::map<std::string, DebitRefunds>> RefundService::byDebit(const std::string& actorId,
                                                                   const std::optional<std::string>& customerId)
{
    RefundFilter filter;
    filter.customerId = customerId;
    auto rows = list(actorId, filter);
    if (!rows)
        return rows.refusal();
    std::map<std::string, DebitRefunds> out;
    // Rows are newest first: the first one seen for a debit is its latest.
    for (const auto& row : rows.value()) {
        const auto& r = row.request;
        auto [it, fresh] = out.try_emplace(r.ledgerId);
        DebitRefunds& d = it->second;
        if (fresh)
            d.latest = r.state;
        ++d.requests;
        if (r.state == RefundState::Requested || r.state == RefundState::Approved || r.state == RefundState::Sent)
            d.underWay = saturatingAdd(d.underWay, r.amount);
        if (r.state == RefundState::Settled)
            d.settled = saturatingAdd(d.settled, r.settledAmount.value_or(r.amount));
    }
    return out;
}

Result<std::vector<ForeignCredit>> RefundService::foreignCredits(const std::string& actorId)
{
    syncSettlements(ctx_);
    std::optional<Result<std::vector<ForeignCredit>>> out;
    ctx_.store.read([&](OpsReader& r) {
        auto actor = requireActor(r, actorId, Permission::ReadRefunds);
        out = actor ? Result<std::vector<ForeignCredit>>(r.foreignCredits())
                    : Result<std::vector<ForeignCredit>>(actor.refusal());
    });
    return auditRefusedRead(ctx_, actorId, "refund.foreign_credits", std::string(), std::move(*out));
}

}  // namespace reconsole::ops
