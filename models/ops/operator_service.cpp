#include "ops/operator_service.h"

#include "ops/ops_store.h"
#include "ops/service_support.h"

namespace reconsole::ops {
namespace {

bool validId(const std::string& id)
{
    if (id.empty() || id.size() > 64)
        return false;
    for (unsigned char c : id)
        if (c <= ' ' || c == 0x7f)
            return false;
    return true;
}

std::optional<Refusal> checkDraft(OpsReader& r, const Operator& d)
{
    if (!validId(d.id))
        return refuse(RefusalCode::InvalidInput, "an operator id is 1-64 bytes without spaces or control characters");
    if (d.roles.empty())
        return refuse(RefusalCode::InvalidInput, "an operator needs at least one role");
    if (d.roles.has(Role::Merchant) && (!d.merchantId || d.merchantId->empty()))
        return refuse(RefusalCode::InvalidInput, "a merchant partner is bound to one merchant: give --merchant MID");
    if (d.roles.has(Role::Merchant) && d.roles.bits() != static_cast<unsigned>(Role::Merchant))
        return refuse(RefusalCode::InvalidInput, "a merchant partner holds no other role");
    if (!d.roles.has(Role::Merchant) && d.merchantId)
        return refuse(RefusalCode::InvalidInput, "only a merchant partner is bound to a merchant");
    if (r.findOperator(d.id))
        return refuse(RefusalCode::InvalidInput, "operator '" + d.id + "' already exists");
    return std::nullopt;
}

}  // namespace

Result<Operator> resolveOperator(OpsReader& r, const std::string& id)
{
    if (id.empty())
        return refuse(RefusalCode::UnknownOperator, "no operator named: act with --as OPERATOR");
    auto op = r.findOperator(id);
    if (!op)
        return refuse(RefusalCode::UnknownOperator, "there is no operator '" + id + "' in this operations store");
    if (!op->enabled)
        return refuse(RefusalCode::OperatorDisabled, "operator '" + id + "' is disabled");
    return *op;
}

Result<Operator> OperatorService::add(const std::string& actorId, const Operator& draft, const std::string& password)
{
    std::optional<Result<Operator>> out;
    ctx_.store.write([&](OpsTx& tx) {
        out.reset();
        const Instant now = ctx_.now();
        Operator op = draft;
        op.createdAt = now;
        op.enabled = true;
        const AuditNote note{"operator.add", op.id, "", operatorJson(op)};
        if (actorId.empty()) {
            // Bootstrapping: the first operator of a store, who must be an admin.
            if (tx.operatorCount() > 0) {
                out = refuse(RefusalCode::UnknownOperator, "this store has operators: act as an admin with --as ADMIN");
                return;
            }
            if (!op.roles.has(Role::Admin)) {
                out = refuse(RefusalCode::InvalidInput, "the first operator of a store must be an admin");
                return;
            }
            op.createdBy = op.id;
        } else {
            auto actor = requireActor(tx, actorId, Permission::ManageOperators);
            if (!actor) {
                auditRefused(tx, now, actorId, note, actor.refusal());
                out = actor.refusal();
                return;
            }
            op.createdBy = actorId;
        }
        if (auto bad = checkDraft(tx, op)) {
            if (!actorId.empty())
                auditRefused(tx, now, actorId, note, *bad);
            out = *bad;
            return;
        }
        if (!password.empty() && password.size() < 12) {
            out = refuse(RefusalCode::InvalidInput, "a password is at least 12 characters");
            return;
        }
        tx.insertOperator(op);
        if (!password.empty())
            tx.setSignInPassword(op.id, password);
        auditDone(tx, now, op.createdBy, note);
        out = op;
    });
    return *out;
}

Result<std::vector<Operator>> OperatorService::list(const std::string& actorId)
{
    std::optional<Result<std::vector<Operator>>> out;
    ctx_.store.read([&](OpsReader& r) {
        auto actor = requireActor(r, actorId, Permission::ReadOperators);
        if (!actor)
            out = actor.refusal();
        else
            out = r.operators();
    });
    return *out;
}

Result<Operator> OperatorService::setPassword(const std::string& actorId, const std::string& operatorId,
                                             const std::string& password)
{
    std::optional<Result<Operator>> out;
    ctx_.store.write([&](OpsTx& tx) {
        out.reset();
        const Instant now = ctx_.now();
        const AuditNote note{"operator.password", operatorId, "", ""};   // never the password
        const auto refused = [&](Refusal why) {
            auditRefused(tx, now, actorId, note, why);
            out = std::move(why);
        };
        auto actor = resolveOperator(tx, actorId);
        if (!actor)
            return refused(actor.refusal());
        if (operatorId != actorId && !allows(*actor, Permission::ManageOperators))
            return refused(refuse(RefusalCode::NotPermitted, "only an admin sets another operator's password"));
        const auto target = tx.findOperator(operatorId);
        if (!target)
            return refused(refuse(RefusalCode::UnknownOperator, "there is no operator '" + operatorId + "'"));
        if (password.size() < 12)
            return refused(refuse(RefusalCode::InvalidInput, "a password is at least 12 characters"));
        tx.setSignInPassword(operatorId, password);
        auditDone(tx, now, actorId, note);
        out = *target;
    });
    return *out;
}

Result<Operator> OperatorService::whoAmI(const std::string& actorId)
{
    std::optional<Result<Operator>> out;
    ctx_.store.read([&](OpsReader& r) { out = resolveOperator(r, actorId); });
    return *out;
}

}  // namespace reconsole::ops
