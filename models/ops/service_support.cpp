#include "ops/service_support.h"

#include "ops/catalog_values.h"

#include "ops/operator_service.h"
#include "core/json_text.h"

namespace reconsole::ops {

Result<Operator> requireActor(OpsReader& r, const std::string& actorId, Permission permission)
{
    auto op = resolveOperator(r, actorId);
    if (!op)
        return op;
    // A password someone else set is replaced before anything else (docs/sign-in.md).
    if (const auto cred = r.credential(actorId); cred && cred->mustChange)
        return refuse(RefusalCode::MustChangePassword,
                      "operator '" + actorId + "' must set their own password first: operator passwd");
    if (!allows(*op, permission))
        return refuse(RefusalCode::NotPermitted, "operator '" + actorId + "' (" + rolesText(op->roles)
                                                     + ") may not " + permissionText(permission));
    return op;
}

void auditDone(OpsTx& tx, Instant at, const std::string& actor, const AuditNote& note)
{
    tx.appendAudit(AuditEntry{0, at, actor, note.action, note.target, note.before, note.after, "ok", {}, {}});
}

std::string refusedOutcome(const Refusal& why)
{
    return std::string("refused: ") + refusalCodeName(why.code) + ": " + why.message;
}

void auditRefused(OpsTx& tx, Instant at, const std::string& actor, const AuditNote& note, const Refusal& why)
{
    tx.appendAudit(AuditEntry{0, at, actor, note.action, note.target, note.before, note.after, refusedOutcome(why), {}, {}});
}

void JsonObject::key(const char* k)
{
    if (text_.size() > 1)
        text_ += ',';
    appendJsonString(text_, k);
    text_ += ':';
}

JsonObject& JsonObject::add(const char* k, const std::string& value)
{
    key(k);
    appendJsonString(text_, value);
    return *this;
}

JsonObject& JsonObject::add(const char* k, std::int64_t value)
{
    key(k);
    text_ += std::to_string(value);
    return *this;
}

JsonObject& JsonObject::add(const char* k, bool value)
{
    key(k);
    text_ += value ? "true" : "false";
    return *this;
}

JsonObject& JsonObject::add(const char* k, const std::optional<std::string>& value)
{
    if (!value) {
        key(k);
        text_ += "null";
        return *this;
    }
    return add(k, *value);
}

JsonObject& JsonObject::addRaw(const char* k, const std::string& json)
{
    key(k);
    text_ += json;
    return *this;
}

std::string refundJson(const RefundRequest& r)
{
    JsonObject o;
    o.add("request_id", r.id).add("ledger_id", r.ledgerId).add("account_id", r.accountId).add("amount", r.amount);
    o.add("reason", r.reason).add("note", r.note).add("state", refundStateCode(r.state));
    o.add("idempotency_key", r.idempotencyKey).add("approved_by", r.approvedBy);
    if (r.settledAmount)
        o.add("settled_amount", *r.settledAmount);
    if (!r.decisionNote.empty())
        o.add("decision_note", r.decisionNote);
    if (!r.settlementFlag.empty())
        o.add("flag", r.settlementFlag);
    return o.str();
}

std::string catalogFixJson(const CatalogFix& f)
{
    JsonObject o;
    o.add("request_id", f.id).add("product_id", f.productId).add("product_seq", f.productSeq);
    o.addRaw("set", catalogValuesJson(f.set)).addRaw("expected", catalogValuesJson(f.expected));
    o.add("reason", f.reason).add("note", f.note).add("state", refundStateCode(f.state));
    o.add("idempotency_key", f.idempotencyKey).add("approved_by", f.approvedBy);
    if (f.settledSeq)
        o.add("settled_seq", *f.settledSeq);
    if (!f.decisionNote.empty())
        o.add("decision_note", f.decisionNote);
    if (!f.settlementFlag.empty())
        o.add("flag", f.settlementFlag);
    return o.str();
}

std::string operatorJson(const Operator& op)
{
    JsonObject o;
    o.add("id", op.id).add("name", op.name).add("roles", rolesText(op.roles)).add("merchant_id", op.merchantId);
    o.add("enabled", op.enabled);
    return o.str();
}

std::string policyJson(const Policy& p)
{
    JsonObject o;
    o.add("approval_threshold", p.approvalThreshold).add("daily_limit_agent", p.dailyLimitAgent);
    o.add("daily_limit_ops", p.dailyLimitOps).add("overdue_minutes", p.overdueAfter / kMinuteMs);
    return o.str();
}

}  // namespace reconsole::ops
