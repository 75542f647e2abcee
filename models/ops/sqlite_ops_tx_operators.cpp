// SqliteOpsTx: operators, the refund policy, sign-in and the audit chain.
#include "ops/sqlite_ops_tx.h"

#include "ops/audit_chain.h"
#include "ops/sqlite_credentials.h"
#include "ops/sqlite_ops_rows.h"
#include "store/store_error.h"

namespace reconsole::ops {

std::string SqliteOpsTx::storeId()
{
    auto& st = db_.cached("SELECT store_id FROM store_meta");
    return firstRow(st, [](const Statement& s) { return s.string(0); }).value_or(std::string());
}

int SqliteOpsTx::operatorCount()
{
    auto& st = db_.cached("SELECT count(*) FROM operator");
    return static_cast<int>(firstRow(st, [](const Statement& s) { return s.int64(0); }).value_or(0));
}

std::optional<Operator> SqliteOpsTx::findOperator(const std::string& id)
{
    auto& st = db_.cached(std::string("SELECT ") + rows::kOperatorColumns + " FROM operator WHERE id = ?1");
    st.bind(1, id);
    return firstRow(st, rows::operatorFrom<Statement>);
}

std::vector<Operator> SqliteOpsTx::operators()
{
    auto& st = db_.cached(std::string("SELECT ") + rows::kOperatorColumns + " FROM operator ORDER BY id");
    std::vector<Operator> out;
    while (st.step())
        out.push_back(rows::operatorFrom(st));
    return out;
}

std::optional<Credential> SqliteOpsTx::credential(const std::string& operatorId)
{
    return sqlite_credentials::find(db_, operatorId);
}

Policy SqliteOpsTx::policy()
{
    auto& st = db_.cached("SELECT approval_threshold, daily_limit_agent, daily_limit_ops, overdue_ms FROM policy");
    const auto p = firstRow(st, [](const Statement& s) {
        return Policy{Money(s.int64(0)), Money(s.int64(1)), Money(s.int64(2)), s.int64(3)};
    });
    if (!p)
        throw StoreError("the operations store has no policy row: restore it from a backup");
    return *p;
}

std::vector<PolicyChange> SqliteOpsTx::policyChanges(bool pendingOnly)
{
    auto& st = db_.cached(std::string("SELECT ") + rows::kPolicyChangeColumns
                          + " FROM policy_change WHERE ?1 = 0 OR state = 'pending' ORDER BY id DESC");
    st.bind(1, pendingOnly ? 1 : 0);
    std::vector<PolicyChange> out;
    while (st.step())
        out.push_back(rows::policyChangeFrom(st));
    return out;
}

std::optional<PolicyChange> SqliteOpsTx::findPolicyChange(std::int64_t id)
{
    auto& st = db_.cached(std::string("SELECT ") + rows::kPolicyChangeColumns + " FROM policy_change WHERE id = ?1");
    st.bind(1, id);
    return firstRow(st, rows::policyChangeFrom<Statement>);
}

AuditHead SqliteOpsTx::auditHead()
{
    auto& st = db_.cached("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
    return firstRow(st, [](const Statement& s) { return AuditHead{s.int64(0), s.string(1)}; })
        .value_or(AuditHead{0, kGenesisHash});
}

std::vector<AuditEntry> SqliteOpsTx::audit(const AuditFilter& f)
{
    auto& st = db_.cached(std::string("SELECT ") + rows::kAuditColumns
                          + " FROM audit_log WHERE (?1 IS NULL OR actor = ?1)"
                            " AND (?2 IS NULL OR substr(action, 1, length(?2)) = ?2) AND (?3 IS NULL OR target = ?3)"
                            " AND (?4 IS NULL OR at >= ?4) AND (?5 IS NULL OR at < ?5)"
                            " AND (?6 = 0 OR outcome <> 'ok') ORDER BY seq DESC LIMIT ?7");
    bindOptText(st, 1, f.actor);
    bindOptText(st, 2, f.actionPrefix);
    bindOptText(st, 3, f.target);
    if (f.since)
        st.bind(4, *f.since);
    else
        st.bindNull(4);
    if (f.until)
        st.bind(5, *f.until);
    else
        st.bindNull(5);
    st.bind(6, f.refusedOnly ? 1 : 0).bind(7, f.limit);
    std::vector<AuditEntry> out;
    while (st.step())
        out.push_back(rows::auditFrom(st));
    return out;
}

void SqliteOpsTx::walkAudit(const std::function<bool(const AuditEntry&)>& visit)
{
    // Not cached: a verify may walk while the same connection serves other reads.
    auto st = db_.prepare(std::string("SELECT ") + rows::kAuditColumns + " FROM audit_log ORDER BY seq");
    while (st.step())
        if (!visit(rows::auditFrom(st)))
            break;
}

void SqliteOpsTx::insertOperator(const Operator& op)
{
    auto& st = db_.cached(std::string("INSERT INTO operator(") + rows::kOperatorColumns
                          + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    bindOperator(st, op);
    st.run();
}

void SqliteOpsTx::updateOperator(const Operator& op)
{
    auto& st = db_.cached("UPDATE operator SET name = ?2, roles = ?3, merchant_id = ?4, enabled = ?5,"
                          " created_at = ?6, created_by = ?7 WHERE id = ?1");
    bindOperator(st, op);
    st.run();
}

void SqliteOpsTx::setPolicy(const Policy& p)
{
    auto& st = db_.cached("UPDATE policy SET approval_threshold = ?1, daily_limit_agent = ?2, daily_limit_ops = ?3,"
                          " overdue_ms = ?4");
    st.bind(1, p.approvalThreshold.won()).bind(2, p.dailyLimitAgent.won()).bind(3, p.dailyLimitOps.won());
    st.bind(4, p.overdueAfter).run();
}

std::int64_t SqliteOpsTx::insertPolicyChange(const PolicyChange& c)
{
    auto& st = db_.cached("INSERT INTO policy_change(approval_threshold, daily_limit_agent, daily_limit_ops, overdue_ms,"
                          " proposed_by, proposed_at, state) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    st.bind(1, c.proposed.approvalThreshold.won()).bind(2, c.proposed.dailyLimitAgent.won());
    st.bind(3, c.proposed.dailyLimitOps.won()).bind(4, c.proposed.overdueAfter);
    st.bind(5, c.proposedBy).bind(6, c.proposedAt).bind(7, stateCode(c.state)).run();
    return db_.lastInsertRowId();
}

void SqliteOpsTx::updatePolicyChange(const PolicyChange& c)
{
    auto& st = db_.cached("UPDATE policy_change SET state = ?2, decided_by = ?3, decided_at = ?4 WHERE id = ?1");
    st.bind(1, c.id).bind(2, stateCode(c.state));
    bindOptText(st, 3, c.decidedBy);
    if (c.decidedAt)
        st.bind(4, *c.decidedAt);
    else
        st.bindNull(4);
    st.run();
}

void SqliteOpsTx::setSignInPassword(const std::string& operatorId, const NewPassword& pw)
{
    sqlite_credentials::setPassword(db_, operatorId, pw);
}

void SqliteOpsTx::recordSignInAttempts(const std::string& operatorId, int failedAttempts, Instant nextAttemptAt)
{
    sqlite_credentials::recordAttempts(db_, operatorId, failedAttempts, nextAttemptAt);
}

void SqliteOpsTx::replacePasswordHash(const std::string& operatorId, const std::string& hash)
{
    sqlite_credentials::replaceHash(db_, operatorId, hash);
}

AuditEntry SqliteOpsTx::appendAudit(AuditEntry e)
{
    const AuditHead head = auditHead();
    e.seq = head.count + 1;
    e.prevHash = head.sha256;
    e.hash = entryHash(e);
    auto& st = db_.cached(std::string("INSERT INTO audit_log(") + rows::kAuditColumns
                          + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    st.bind(1, e.seq).bind(2, e.at).bind(3, e.actor).bind(4, e.action).bind(5, e.target).bind(6, e.before);
    st.bind(7, e.after).bind(8, e.outcome).bind(9, e.prevHash).bind(10, e.hash).run();
    return e;
}

const char* SqliteOpsTx::stateCode(PolicyChange::State s)
{
    return s == PolicyChange::State::Applied ? "applied" : s == PolicyChange::State::Rejected ? "rejected" : "pending";
}

void SqliteOpsTx::bindOperator(Statement& st, const Operator& op)
{
    st.bind(1, op.id).bind(2, op.name).bind(3, static_cast<std::int64_t>(op.roles.bits()));
    bindOptText(st, 4, op.merchantId);
    st.bind(5, op.enabled ? 1 : 0).bind(6, op.createdAt).bind(7, op.createdBy);
}

}  // namespace reconsole::ops
