// SqliteOpsTx: the whole store at once (snapshot, restore) and the binding every area shares.
#include "ops/sqlite_ops_tx.h"

#include "ops/sqlite_ops_rows.h"

namespace reconsole::ops {

OpsSnapshot SqliteOpsTx::snapshot()
{
    OpsSnapshot s;
    snapshotCommonParts(*this, s);
    auto ex = db_.prepare("SELECT id, file_name, created_by, created_at, audit_count, audit_sha256, written_at"
                          " FROM outbox_export ORDER BY id");
    while (ex.step()) {
        s.exports.push_back(OutboxExport{ex.int64(0), ex.string(1), ex.string(2), ex.int64(3),
                                         AuditHead{ex.int64(4), ex.string(5)}, !ex.isNull(6)});
        s.exportWrittenAt.push_back(rows::optInstant(ex, 6));
    }
    auto seen = db_.prepare("SELECT credit_id, request_id FROM seen_credit ORDER BY credit_id");
    while (seen.step())
        s.seenCredits.emplace_back(seen.string(0), seen.string(1));
    return s;
}

void SqliteOpsTx::restore(const OpsSnapshot& s)
{
    restoreCommonParts(*this, s);
    auto pc = db_.prepare(std::string("INSERT INTO policy_change(") + rows::kPolicyChangeColumns
                          + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    for (const auto& c : s.policyChanges) {
        pc.bind(1, c.id).bind(2, c.proposed.approvalThreshold.won()).bind(3, c.proposed.dailyLimitAgent.won());
        pc.bind(4, c.proposed.dailyLimitOps.won()).bind(5, c.proposed.overdueAfter).bind(6, c.proposedBy);
        pc.bind(7, c.proposedAt).bind(8, stateCode(c.state));
        bindOptText(pc, 9, c.decidedBy);
        if (c.decidedAt)
            pc.bind(10, *c.decidedAt);
        else
            pc.bindNull(10);
        pc.run();
    }
    auto ex = db_.prepare("INSERT INTO outbox_export(id, file_name, created_by, created_at, audit_count,"
                          " audit_sha256, written_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    for (std::size_t i = 0; i < s.exports.size(); ++i) {
        const auto& e = s.exports[i];
        ex.bind(1, e.id).bind(2, e.fileName).bind(3, e.createdBy).bind(4, e.createdAt).bind(5, e.head.count);
        ex.bind(6, e.head.sha256);
        if (s.exportWrittenAt[i])
            ex.bind(7, *s.exportWrittenAt[i]);
        else
            ex.bindNull(7);
        ex.run();
    }
    for (const auto& r : s.refunds)
        insertRefund(r);
    for (const auto& f : s.catalogFixes)
        insertCatalogFix(f);
    restoreCases(*this, s);
    auto au = db_.prepare(std::string("INSERT INTO audit_log(") + rows::kAuditColumns
                          + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    for (const auto& e : s.audit) {
        au.bind(1, e.seq).bind(2, e.at).bind(3, e.actor).bind(4, e.action).bind(5, e.target).bind(6, e.before);
        au.bind(7, e.after).bind(8, e.outcome).bind(9, e.prevHash).bind(10, e.hash).run();
    }
}

void SqliteOpsTx::bindOptText(Statement& st, int i, const std::optional<std::string>& v)
{
    if (v)
        st.bind(i, *v);
    else
        st.bindNull(i);
}

}  // namespace reconsole::ops
