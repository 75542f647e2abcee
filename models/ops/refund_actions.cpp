#include "ops/refund_actions.h"

#include "ops/mirror_facts.h"
#include "ops/refund_rules.h"
#include "ops/refund_service.h"
#include "ops/service_support.h"

namespace reconsole::ops {

Result<RefundRequest> decideRefund(const OpsContext& ctx, const std::string& actorId, Permission permission,
                                   const std::string& requestId, const char* action, const Decision& decide)
{
    std::optional<Result<RefundRequest>> out;
    ctx.store.write([&](OpsTx& tx) {
        out.reset();
        const Instant now = ctx.now();
        const auto stored = tx.findRefund(requestId);
        AuditNote note{action, requestId, stored ? refundJson(*stored) : "", ""};
        const auto refused = refuser(tx, now, actorId, note, out);
        auto actor = requireActor(tx, actorId, permission);
        if (!actor)
            return refused(actor.refusal());
        if (!stored)
            return refused(refuse(RefusalCode::UnknownRequest, "there is no refund request '" + requestId + "'"));
        RefundRequest r = *stored;
        if (auto why = decide(tx, *actor, r))
            return refused(*why);
        r.updatedAt = now;
        tx.updateRefund(r);
        note.after = refundJson(r);
        auditDone(tx, now, actorId, note);
        out = r;
    });
    return *out;
}

namespace {

Refusal wrongState(const RefundRequest& r, const std::string& what)
{
    return refuse(RefusalCode::WrongState, "refund " + r.id + " is " + refundStateCode(r.state) + ": " + what);
}

}  // namespace

Result<RefundRequest> RefundService::approve(const std::string& actorId, const std::string& requestId,
                                             const std::optional<std::string>& seenHash)
{
    const Instant now = ctx_.now();
    return decideRefund(ctx_, actorId, Permission::ApproveRefund, requestId, "refund.approve",
                        [&](OpsTx&, const Operator& me, RefundRequest& r) -> std::optional<Refusal> {
                            if (r.state != RefundState::Requested)
                                return wrongState(r, "only a requested refund can be approved");
                            if (r.requestedBy == me.id)
                                return refuse(RefusalCode::SelfApproval, "nobody approves their own request: "
                                                                         "another ops operator must approve "
                                                                             + r.id);
                            if (seenHash && *seenHash != approvalHash(r))
                                return refuse(RefusalCode::ApprovalVoided,
                                              "refund " + r.id + " changed since it was shown: look at it again");
                            r.state = RefundState::Approved;
                            r.approvedBy = me.id;
                            r.approvedAt = now;
                            r.approvalHash = approvalHash(r);
                            return std::nullopt;
                        });
}

Result<RefundRequest> RefundService::reject(const std::string& actorId, const std::string& requestId,
                                            const std::string& note)
{
    const Instant now = ctx_.now();
    return decideRefund(ctx_, actorId, Permission::ApproveRefund, requestId, "refund.reject",
                        [&](OpsTx&, const Operator& me, RefundRequest& r) -> std::optional<Refusal> {
                            if (r.state != RefundState::Requested)
                                return wrongState(r, "only a requested refund can be rejected");
                            if (r.requestedBy == me.id)
                                return refuse(RefusalCode::SelfApproval,
                                              "a request is rejected by a second person: cancel your own instead");
                            r.state = RefundState::Rejected;
                            r.decidedBy = me.id;
                            r.decidedAt = now;
                            r.decisionNote = note;
                            return std::nullopt;
                        });
}

Result<RefundRequest> RefundService::cancel(const std::string& actorId, const std::string& requestId,
                                            const std::string& note)
{
    const Instant now = ctx_.now();
    // The requester cancels their own; an ops operator anyone's. Checked inside: the permission
    // depends on whose request it is.
    return decideRefund(ctx_, actorId, Permission::ReadRefunds, requestId, "refund.cancel",
                        [&](OpsTx&, const Operator& me, RefundRequest& r) -> std::optional<Refusal> {
                            const bool mine = r.requestedBy == me.id && allows(me, Permission::RequestRefund);
                            if (!mine && !allows(me, Permission::CancelAnyRefund))
                                return refuse(RefusalCode::NotPermitted,
                                              "only the requester or an ops operator may cancel " + r.id);
                            if (r.state != RefundState::Requested && r.state != RefundState::Approved)
                                return wrongState(r, "a refund handed to the platform can no longer be cancelled");
                            r.state = RefundState::Cancelled;
                            r.decidedBy = me.id;
                            r.decidedAt = now;
                            r.decisionNote = note;
                            return std::nullopt;
                        });
}

Result<RefundRequest> RefundService::amend(const std::string& actorId, const std::string& requestId, Money amount)
{
    const Money returns = [&] {
        std::optional<std::string> ledger;
        ctx_.store.read([&](OpsReader& r) {
            if (auto req = r.findRefund(requestId))
                ledger = req->ledgerId;
        });
        return ledger ? platformReturns(ctx_.mirror, *ledger) : Money(0);
    }();
    return decideRefund(
        ctx_, actorId, Permission::ReadRefunds, requestId, "refund.amend",
        [&](OpsTx& tx, const Operator& me, RefundRequest& r) -> std::optional<Refusal> {
            const bool mine = r.requestedBy == me.id && allows(me, Permission::RequestRefund);
            if (!mine && !allows(me, Permission::CancelAnyRefund))
                return refuse(RefusalCode::NotPermitted, "only the requester or an ops operator may change " + r.id);
            if (r.state != RefundState::Requested && r.state != RefundState::Approved)
                return wrongState(r, "a refund handed to the platform can no longer be changed");
            if (!amount.isPositive())
                return refuse(RefusalCode::InvalidInput, "a refund is at least 1 won");
            if (amount == r.amount)
                return refuse(RefusalCode::NoChange, "refund " + r.id + " already asks for that amount");
            std::vector<RefundRequest> others;
            Money foreign;
            for (auto& o : tx.refundsForLedger(r.ledgerId))
                if (o.id != r.id)
                    others.push_back(o);
            for (const auto& c : tx.foreignCredits(r.ledgerId))
                foreign = saturatingAdd(foreign, c.amount);
            const Money left = refundable({r.debitAmount, returns, foreign}, others);
            if (amount > left)
                return refuse(RefusalCode::OverRefundable, "KRW " + groupedWon(amount) + " is more than the KRW "
                                                               + groupedWon(left) + " still refundable on " + r.ledgerId);
            const auto requester = tx.findOperator(r.requestedBy);
            const Instant day = seoulDayStart(r.requestedAt);
            // The day's total includes this request; it is clamped at the 64-bit limit, and a
            // clamped total less this amount would read as room under the limit: keep it at the top.
            const Money today = tx.requestedBy(r.requestedBy, day, day + 24 * 60 * kMinuteMs);
            const Money before = today == Money::max() ? today : today - r.amount;
            r.amount = amount;
            // A change voids any approval: approved again only where none is needed.
            r.approvalWhy = requester ? approvalNeeded(*requester, amount, before, tx.policy()) : "agent";
            r.needsApproval = !r.approvalWhy.empty();
            r.approvedBy.reset();
            r.approvedAt.reset();
            r.approvalHash.reset();
            r.state = RefundState::Requested;
            if (r.batchId) {
                // A repair batch is approved by a second person, whatever its amounts.
                r.needsApproval = true;
                r.approvalWhy = "repair_batch";
            }
            if (!r.needsApproval && (!requester || requester->id != me.id)) {
                // Someone else changed it: the requester did not see this amount.
                r.needsApproval = true;
                r.approvalWhy = "amended";
            }
            if (!r.needsApproval) {
                r.state = RefundState::Approved;
                r.approvedBy = me.id;
                r.approvedAt = r.updatedAt = ctx_.now();
                r.approvalHash = approvalHash(r);
            }
            return std::nullopt;
        });
}

Result<RefundRequest> RefundService::recordFailure(const std::string& actorId, const std::string& requestId,
                                                   const std::string& reason)
{
    const Instant now = ctx_.now();
    return decideRefund(ctx_, actorId, Permission::RecordOutcome, requestId, "refund.failed",
                        [&](OpsTx& tx, const Operator& me, RefundRequest& r) -> std::optional<Refusal> {
                            if (r.state != RefundState::Sent)
                                return wrongState(r, "only a refund handed to the platform can have failed there");
                            for (const auto& e : tx.unwrittenExports())
                                if (r.exportId == e.id)
                                    return wrongState(r, "its outbox file was never written, so the platform "
                                                         "cannot have failed it: export again first");
                            if (reason.empty())
                                return refuse(RefusalCode::InvalidInput, "say why the platform failed it (--note)");
                            r.state = RefundState::Failed;
                            r.decidedBy = me.id;
                            r.decidedAt = now;
                            r.decisionNote = reason;
                            return std::nullopt;
                        });
}

}  // namespace reconsole::ops
