#include "ops/operator_service.h"
#include "ops/read_audit.h"

#include "ops/ops_store.h"
#include "ops/password_hash.h"
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

// What the store keeps of a new password: the embedded store an Argon2id hash (made here,
// before the write transaction, so the slow hash never holds the store's lock).
NewPassword newPassword(OpsStore& store, const std::string& password, bool mustChange, Instant at)
{
    NewPassword pw{password, {}, mustChange, at};
    if (!store.authenticatesOperators())
        pw.hash = hashPassword(password, argon2Policy());
    return pw;
}

int enabledAdmins(OpsReader& r)
{
    int n = 0;
    for (const auto& op : r.operators())
        n += op.enabled && op.roles.has(Role::Admin) ? 1 : 0;
    return n;
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
    if (!password.empty() && password.size() < kMinPasswordLength)
        return refuse(RefusalCode::InvalidInput, "a password is at least 12 characters");
    // Set by an admin: the operator replaces it before acting. The first admin chose their own.
    const std::optional<NewPassword> pw = password.empty()
        ? std::nullopt
        : std::optional<NewPassword>(newPassword(ctx_.store, password, !actorId.empty(), ctx_.now()));
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
        tx.insertOperator(op);
        if (pw)
            tx.setSignInPassword(op.id, *pw);
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
    return auditRefusedRead(ctx_, actorId, "operator.list", std::string(), std::move(*out));
}

Result<Operator> OperatorService::setPassword(const std::string& actorId, const std::string& operatorId,
                                             const std::string& password)
{
    if (actorId.empty())
        return setFirstPassword(operatorId, password);
    const Instant at = ctx_.now();
    std::optional<NewPassword> pw;
    if (password.size() >= kMinPasswordLength && operatorId != actorId)
        pw = newPassword(ctx_.store, password, true, at);
    std::optional<Result<Operator>> out;
    ctx_.store.write([&](OpsTx& tx) {
        out.reset();
        const Instant now = ctx_.now();
        const AuditNote note{"operator.password", operatorId, "", ""};   // never the password
        const auto refused = refuser(tx, now, actorId, note, out);
        if (operatorId == actorId)
            return refused(refuse(RefusalCode::InvalidInput,
                                  "one's own password is changed with the current one: operator passwd"));
        auto actor = requireActor(tx, actorId, Permission::ManageOperators);
        if (!actor)
            return refused(actor.refusal().code == RefusalCode::NotPermitted
                               ? refuse(RefusalCode::NotPermitted, "only an admin sets another operator's password")
                               : actor.refusal());
        const auto target = tx.findOperator(operatorId);
        if (!target)
            return refused(refuse(RefusalCode::UnknownOperator, "there is no operator '" + operatorId + "'"));
        if (!pw)
            return refused(refuse(RefusalCode::InvalidInput, "a password is at least 12 characters"));
        tx.setSignInPassword(operatorId, *pw);
        auditDone(tx, now, actorId, AuditNote{note.action, operatorId, "", "{\"must_change\":true}"});
        out = *target;
    });
    return *out;
}

Result<Operator> OperatorService::setFirstPassword(const std::string& adminId, const std::string& password)
{
    // A store made before sign-in existed has operators and no password at all: nobody could
    // sign in to set one. Like its first operator, its first password is set without an actor
    // (the store file is the boundary), for an enabled admin, once.
    std::optional<NewPassword> pw;
    if (password.size() >= kMinPasswordLength && !ctx_.store.authenticatesOperators())
        pw = newPassword(ctx_.store, password, false, ctx_.now());
    std::optional<Result<Operator>> out;
    ctx_.store.write([&](OpsTx& tx) {
        out.reset();
        const Instant now = ctx_.now();
        const AuditNote note{"operator.password", adminId, "", ""};   // never the password
        const auto refused = refuser(tx, now, "", note, out);
        if (ctx_.store.authenticatesOperators())
            return refused(refuse(RefusalCode::NotPermitted, "on a team server the server's owner sets passwords"));
        for (const auto& op : tx.operators())
            if (tx.credential(op.id))
                return refused(refuse(RefusalCode::NotPermitted,
                                      "this store has passwords already: sign in with --as to set one"));
        const auto target = tx.findOperator(adminId);
        if (!target || !target->enabled || !target->roles.has(Role::Admin))
            return refused(refuse(RefusalCode::InvalidInput, "the first password is an enabled admin's"));
        if (!pw)
            return refused(refuse(RefusalCode::InvalidInput, "a password is at least 12 characters"));
        tx.setSignInPassword(adminId, *pw);
        auditDone(tx, now, "", AuditNote{note.action, adminId, "", "{\"first_password\":true}"});
        out = *target;
    });
    return *out;
}

Result<Operator> OperatorService::setEnabled(const std::string& actorId, const std::string& operatorId, bool enabled)
{
    std::optional<Result<Operator>> out;
    ctx_.store.write([&](OpsTx& tx) {
        out.reset();
        const Instant now = ctx_.now();
        AuditNote note{enabled ? "operator.enable" : "operator.disable", operatorId, "", ""};
        const auto refused = refuser(tx, now, actorId, note, out);
        auto actor = requireActor(tx, actorId, Permission::ManageOperators);
        if (!actor)
            return refused(actor.refusal());
        auto target = tx.findOperator(operatorId);
        if (!target)
            return refused(refuse(RefusalCode::UnknownOperator, "there is no operator '" + operatorId + "'"));
        if (target->enabled == enabled)
            return refused(refuse(RefusalCode::NoChange, "operator '" + operatorId + "' is already "
                                                             + (enabled ? "enabled" : "disabled")));
        // Someone must always be able to add operators and enable them again.
        if (!enabled && target->enabled && target->roles.has(Role::Admin) && enabledAdmins(tx) <= 1)
            return refused(refuse(RefusalCode::NotPermitted, "operator '" + operatorId
                                                                 + "' is the last enabled admin: enable or add "
                                                                   "another admin first"));
        note.before = operatorJson(*target);
        target->enabled = enabled;
        note.after = operatorJson(*target);
        tx.updateOperator(*target);
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
