// PgOpsTx: the whole store at once (snapshot, restore) and the helpers every area shares.
#include "ops/pg/pg_ops_tx.h"

#include "ops/ops_rows.h"

namespace reconsole::ops::pg {

OpsSnapshot PgOpsTx::snapshot()
{
    OpsSnapshot s;
    snapshotCommonParts(*this, s);
    const auto ex = c_.exec("SELECT id, file_name, created_by, created_at, audit_count, audit_sha256, written_at"
                            " FROM outbox_export ORDER BY id");
    for (int i = 0; i < ex.rows(); ++i) {
        const auto r = ex.row(i);
        s.exports.push_back(OutboxExport{r.int64(0), r.string(1), r.string(2), r.int64(3),
                                         AuditHead{r.int64(4), r.string(5)}, !r.isNull(6)});
        s.exportWrittenAt.push_back(rows::optInstant(r, 6));
    }
    const auto seen = c_.exec("SELECT credit_id, request_id FROM seen_credit ORDER BY credit_id");
    for (int i = 0; i < seen.rows(); ++i)
        s.seenCredits.emplace_back(seen.row(i).string(0), seen.row(i).string(1));
    return s;
}

void PgOpsTx::restore(const OpsSnapshot& s)
{
    // Rows as they were (the server's functions skip their checks for the owner only).
    c_.run("SET LOCAL reconsole.restoring = 'on'");
    restoreCommonParts(*this, s);
    for (const auto& c : s.policyChanges)
        c_.run(std::string("INSERT INTO policy_change(") + rows::kPolicyChangeColumns
                   + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
               {p(c.id), p(c.proposed.approvalThreshold), p(c.proposed.dailyLimitAgent), p(c.proposed.dailyLimitOps),
                p(c.proposed.overdueAfter), p(c.proposedBy), p(c.proposedAt), p(policyState(c.state)),
                p(c.decidedBy), p(c.decidedAt)});
    for (std::size_t i = 0; i < s.exports.size(); ++i) {
        const auto& e = s.exports[i];
        c_.run("INSERT INTO outbox_export(id, file_name, created_by, created_at, audit_count, audit_sha256,"
               " written_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
               {p(e.id), p(e.fileName), p(e.createdBy), p(e.createdAt), p(e.head.count), p(e.head.sha256),
                p(s.exportWrittenAt[i])});
    }
    // The copied ids must not be handed out again.
    c_.run("SELECT setval(pg_get_serial_sequence('policy_change', 'id'), GREATEST(1, (SELECT max(id) FROM"
           " policy_change)), (SELECT count(*) > 0 FROM policy_change))");
    c_.run("SELECT setval(pg_get_serial_sequence('outbox_export', 'id'), GREATEST(1, (SELECT max(id) FROM"
           " outbox_export)), (SELECT count(*) > 0 FROM outbox_export))");
    for (const auto& r : s.refunds)
        insertRefund(r);
    for (const auto& f : s.catalogFixes)
        insertCatalogFix(f);
    restoreCases(*this, s);
    for (const auto& e : s.audit)
        c_.run(std::string("INSERT INTO audit_log(") + rows::kAuditColumns
                   + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
               {p(e.seq), p(e.at), p(e.actor), p(e.action), p(e.target), p(e.before), p(e.after), p(e.outcome),
                p(e.prevHash), p(e.hash)});
}

void PgOpsTx::addOpt(JsonObject& o, const char* key, const std::optional<std::int64_t>& v)
{
    if (v)
        o.add(key, *v);
    else
        o.addRaw(key, "null");
}

std::string PgOpsTx::textArray(const std::vector<std::string>& ids)
{
    std::string array = "{";
    for (const auto& id : ids) {
        array += array.size() > 1 ? ",\"" : "\"";
        for (char ch : id)
            array += (ch == '"' || ch == '\\') ? std::string("\\") + ch : std::string(1, ch);
        array += '"';
    }
    return array + '}';
}

}  // namespace reconsole::ops::pg
