// PgOpsTx: operators, the refund policy, sign-in and the audit chain.
#include "ops/pg/pg_ops_tx.h"

#include "ops/audit_chain.h"
#include "ops/ops_rows.h"

namespace reconsole::ops::pg {

std::string PgOpsTx::storeId() { return c_.exec("SELECT store_id FROM store_meta").row(0).string(0); }

int PgOpsTx::operatorCount() { return int(c_.exec("SELECT count(*) FROM operator").row(0).int64(0)); }

std::optional<Operator> PgOpsTx::findOperator(const std::string& id)
{
    return first<Operator>(c_.exec(sel(rows::kOperatorColumns, "FROM operator WHERE id = $1"), {p(id)}),
                           rows::operatorFrom<Row>);
}

std::vector<Operator> PgOpsTx::operators()
{
    return all<Operator>(c_.exec(sel(rows::kOperatorColumns, "FROM operator ORDER BY id")), rows::operatorFrom<Row>);
}

std::optional<Credential> PgOpsTx::credential(const std::string& operatorId)
{
    return first<Credential>(
        c_.exec("SELECT must_change, changed_at FROM operator_sign_in WHERE operator_id = $1", {p(operatorId)}),
        [&](const Row& r) { return Credential{operatorId, {}, r.int64(0) != 0, 0, 0, r.int64(1)}; });
}

Policy PgOpsTx::policy()
{
    const auto r = c_.exec("SELECT approval_threshold, daily_limit_agent, daily_limit_ops, overdue_ms FROM policy");
    if (!r.rows())
        throw StoreError("the operations server has no policy row: restore it from a backup");
    const auto row = r.row(0);
    return Policy{Money(row.int64(0)), Money(row.int64(1)), Money(row.int64(2)), row.int64(3)};
}

std::vector<PolicyChange> PgOpsTx::policyChanges(bool pendingOnly)
{
    return all<PolicyChange>(c_.exec(sel(rows::kPolicyChangeColumns,
                                         "FROM policy_change WHERE $1 = '0' OR state = 'pending' ORDER BY id DESC"),
                                     {p(pendingOnly)}),
                             rows::policyChangeFrom<Row>);
}

std::optional<PolicyChange> PgOpsTx::findPolicyChange(std::int64_t id)
{
    return first<PolicyChange>(c_.exec(sel(rows::kPolicyChangeColumns, "FROM policy_change WHERE id = $1"), {p(id)}),
                               rows::policyChangeFrom<Row>);
}

AuditHead PgOpsTx::auditHead()
{
    return first<AuditHead>(c_.exec("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"),
                            [](const Row& r) { return AuditHead{r.int64(0), r.string(1)}; })
        .value_or(AuditHead{0, kGenesisHash});
}

std::vector<AuditEntry> PgOpsTx::audit(const AuditFilter& f)
{
    return all<AuditEntry>(
        c_.exec(sel(rows::kAuditColumns,
                    "FROM audit_log WHERE ($1::text IS NULL OR actor = $1)"
                    " AND ($2::text IS NULL OR left(action, length($2)) = $2) AND ($3::text IS NULL OR target = $3)"
                    " AND ($4::bigint IS NULL OR at >= $4) AND ($5::bigint IS NULL OR at < $5)"
                    " AND ($6 = '0' OR outcome <> 'ok') ORDER BY seq DESC LIMIT $7"),
                {p(f.actor), p(f.actionPrefix), p(f.target), p(f.since), p(f.until), p(f.refusedOnly),
                 p(std::int64_t(f.limit))}),
        rows::auditFrom<Row>);
}

void PgOpsTx::walkAudit(const std::function<bool(const AuditEntry&)>& visit)
{
    // In pages by seq, so a long chain never sits in memory whole.
    std::int64_t after = 0;
    for (;;) {
        const auto r = c_.exec(sel(rows::kAuditColumns, "FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT 5000"),
                               {p(after)});
        for (int i = 0; i < r.rows(); ++i) {
            const AuditEntry e = rows::auditFrom(r.row(i));
            after = e.seq;
            if (!visit(e))
                return;
        }
        if (r.rows() < 5000)
            return;
    }
}

void PgOpsTx::insertOperator(const Operator& op) { c_.run("SELECT rc_add_operator($1::jsonb)", {operatorJson(op)}); }

void PgOpsTx::updateOperator(const Operator& op)
{
    c_.run("SELECT rc_update_operator($1::jsonb)", {operatorJson(op)});
}

void PgOpsTx::setPolicy(const Policy& x)
{
    JsonObject o;
    o.add("approval_threshold", x.approvalThreshold).add("daily_limit_agent", x.dailyLimitAgent);
    o.add("daily_limit_ops", x.dailyLimitOps).add("overdue_ms", std::int64_t(x.overdueAfter));
    c_.run("SELECT rc_set_policy($1::jsonb)", {o.str()});
}

std::int64_t PgOpsTx::insertPolicyChange(const PolicyChange& c)
{
    return c_.exec("SELECT rc_add_policy_change($1::jsonb)", {policyChangeJson(c)}).row(0).int64(0);
}

void PgOpsTx::updatePolicyChange(const PolicyChange& c)
{
    c_.run("SELECT rc_decide_policy_change($1::jsonb)", {policyChangeJson(c)});
}

void PgOpsTx::setSignInPassword(const std::string& operatorId, const NewPassword& pw)
{
    c_.run("SELECT rc_set_password($1, $2, $3, $4)",
           {p(operatorId), c_.scramVerifier(operatorId, pw.password), p(std::int64_t(pw.mustChange ? 1 : 0)),
            p(pw.at)});
}

// The server slows failed sign-ins itself (auth_delay): nothing to count here.
void PgOpsTx::recordSignInAttempts(const std::string&, int, Instant) {}

void PgOpsTx::replacePasswordHash(const std::string&, const std::string&)
{
    throw StoreError("a team server keeps SCRAM verifiers of its own: there is no Argon2id hash to upgrade");
}

// The server links the entry into the chain under its write lock and returns it as stored.
AuditEntry PgOpsTx::appendAudit(AuditEntry e)
{
    const auto r = c_.exec("SELECT o_seq, o_prev, o_hash FROM rc_append_audit($1, $2, $3, $4, $5, $6, $7)",
                           {p(e.at), p(e.actor), p(e.action), p(e.target), p(e.before), p(e.after), p(e.outcome)});
    e.seq = r.row(0).int64(0);
    e.prevHash = r.row(0).string(1);
    e.hash = r.row(0).string(2);
    return e;
}

std::string PgOpsTx::operatorJson(const Operator& op)
{
    JsonObject o;
    o.add("id", op.id).add("name", op.name).add("roles", std::int64_t(op.roles.bits()));
    o.add("merchant_id", op.merchantId).add("enabled", std::int64_t(op.enabled ? 1 : 0));
    o.add("created_at", std::int64_t(op.createdAt)).add("created_by", op.createdBy);
    return o.str();
}

std::string PgOpsTx::policyChangeJson(const PolicyChange& c)
{
    JsonObject o;
    o.add("id", c.id).add("approval_threshold", c.proposed.approvalThreshold);
    o.add("daily_limit_agent", c.proposed.dailyLimitAgent).add("daily_limit_ops", c.proposed.dailyLimitOps);
    o.add("overdue_ms", std::int64_t(c.proposed.overdueAfter)).add("proposed_by", c.proposedBy);
    o.add("proposed_at", std::int64_t(c.proposedAt)).add("state", policyState(c.state));
    o.add("decided_by", c.decidedBy);
    addOpt(o, "decided_at", c.decidedAt);
    return o.str();
}

}  // namespace reconsole::ops::pg
