#include "ops/policy_service.h"
#include "ops/read_audit.h"

#include "ops/ops_store.h"
#include "ops/refund_rules.h"
#include "ops/service_support.h"

namespace reconsole::ops {

Result<Policy> PolicyService::current(const std::string& actorId)
{
    std::optional<Result<Policy>> out;
    ctx_.store.read([&](OpsReader& r) {
        auto actor = requireActor(r, actorId, Permission::ReadOperators);
        out = actor ? Result<Policy>(r.policy()) : Result<Policy>(actor.refusal());
    });
    return auditRefusedRead(ctx_, actorId, "policy.read", std::string(), std::move(*out));
}

Result<PolicyChange> PolicyService::propose(const std::string& actorId, const Policy& proposed)
{
    std::optional<Result<PolicyChange>> out;
    ctx_.store.write([&](OpsTx& tx) {
        out.reset();
        const Instant now = ctx_.now();
        const Policy before = tx.policy();
        AuditNote note{"policy.propose", "policy", policyJson(before), policyJson(proposed)};
        auto actor = requireActor(tx, actorId, Permission::ChangePolicy);
        std::optional<Refusal> bad;
        if (!actor)
            bad = actor.refusal();
        else if (proposed.approvalThreshold.isNegative() || proposed.dailyLimitAgent.isNegative()
                 || proposed.dailyLimitOps.isNegative() || proposed.overdueAfter <= 0)
            bad = refuse(RefusalCode::InvalidInput, "amounts are at least 0 and the overdue time is positive");
        else if (proposed == before)
            bad = refuse(RefusalCode::NoChange, "the policy already has these values");
        if (bad) {
            auditRefused(tx, now, actorId, note, *bad);
            out = *bad;
            return;
        }
        PolicyChange change{0, proposed, actorId, now, PolicyChange::State::Pending, {}, {}};
        if (!weakensControls(before, proposed)) {
            change.state = PolicyChange::State::Applied;
            change.decidedBy = actorId;
            change.decidedAt = now;
            tx.setPolicy(proposed);
            note.action = "policy.change";
        }
        change.id = tx.insertPolicyChange(change);
        note.target = "policy/" + std::to_string(change.id);
        auditDone(tx, now, actorId, note);
        out = change;
    });
    return *out;
}

namespace {

Result<PolicyChange> decide(const OpsContext& ctx, const std::string& actorId, std::int64_t changeId, bool apply)
{
    std::optional<Result<PolicyChange>> out;
    ctx.store.write([&](OpsTx& tx) {
        out.reset();
        const Instant now = ctx.now();
        const Policy before = tx.policy();
        const auto change = tx.findPolicyChange(changeId);
        AuditNote note{apply ? "policy.approve" : "policy.reject", "policy/" + std::to_string(changeId),
                       policyJson(before), change ? policyJson(change->proposed) : ""};
        auto actor = requireActor(tx, actorId, Permission::ChangePolicy);
        std::optional<Refusal> bad;
        if (!actor)
            bad = actor.refusal();
        else if (!change)
            bad = refuse(RefusalCode::UnknownRequest, "there is no policy change " + std::to_string(changeId));
        else if (change->state != PolicyChange::State::Pending)
            bad = refuse(RefusalCode::WrongState, "policy change " + std::to_string(changeId) + " was already decided");
        else if (apply && change->proposedBy == actorId)
            bad = refuse(RefusalCode::SelfApproval, "a change that weakens a control needs a second admin");
        if (bad) {
            auditRefused(tx, now, actorId, note, *bad);
            out = *bad;
            return;
        }
        PolicyChange decided = *change;
        decided.state = apply ? PolicyChange::State::Applied : PolicyChange::State::Rejected;
        decided.decidedBy = actorId;
        decided.decidedAt = now;
        tx.updatePolicyChange(decided);
        if (apply)
            tx.setPolicy(decided.proposed);
        auditDone(tx, now, actorId, note);
        out = decided;
    });
    return *out;
}

}  // namespace

Result<PolicyChange> PolicyService::approve(const std::string& actorId, std::int64_t changeId)
{
    return decide(ctx_, actorId, changeId, true);
}

Result<PolicyChange> PolicyService::reject(const std::string& actorId, std::int64_t changeId)
{
    return decide(ctx_, actorId, changeId, false);
}

Result<std::vector<PolicyChange>> PolicyService::pending(const std::string& actorId)
{
    std::optional<Result<std::vector<PolicyChange>>> out;
    ctx_.store.read([&](OpsReader& r) {
        auto actor = requireActor(r, actorId, Permission::ReadOperators);
        out = actor ? Result<std::vector<PolicyChange>>(r.policyChanges(true))
                    : Result<std::vector<PolicyChange>>(actor.refusal());
    });
    return auditRefusedRead(ctx_, actorId, "policy.pending", std::string(), std::move(*out));
}

}  // namespace reconsole::ops
