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

std::optional<RefundRequest> SqliteOpsTx::findRefund(const std::string& id)
{
    return oneRefund("id = ?1", id);
}

std::optional<RefundRequest> SqliteOpsTx::findRefundByOpId(const std::string& opId)
{
    return oneRefund("op_id = ?1", opId);
}

std::vector<RefundRequest> SqliteOpsTx::refundsForLedger(const std::string& ledgerId)
{
    auto& st = db_.cached(std::string("SELECT ") + rows::kRefundColumns
                          + " FROM refund_request WHERE ledger_id = ?1 ORDER BY requested_at DESC, id");
    st.bind(1, ledgerId);
    return allRefunds(st);
}

std::vector<RefundRequest> SqliteOpsTx::refunds(const RefundFilter& f)
{
    auto& st = db_.cached(std::string("SELECT ") + rows::kRefundColumns
                          + " FROM refund_request WHERE (?1 IS NULL OR state = ?1) AND (?2 IS NULL OR ledger_id = ?2)"
                            " AND (?3 IS NULL OR customer_id = ?3) AND (?4 IS NULL OR requested_by = ?4)"
                            " ORDER BY requested_at DESC, id LIMIT ?5");
    if (f.state)
        st.bind(1, refundStateCode(*f.state));
    else
        st.bindNull(1);
    bindOptText(st, 2, f.ledgerId);
    bindOptText(st, 3, f.customerId);
    bindOptText(st, 4, f.requestedBy);
    st.bind(5, f.limit);
    return allRefunds(st);
}

Money SqliteOpsTx::requestedBy(const std::string& operatorId, Instant since, Instant until)
{
    auto& st = db_.cached("SELECT amount FROM refund_request WHERE requested_by = ?1 AND requested_at >= ?2"
                          " AND requested_at < ?3 AND state NOT IN ('rejected', 'cancelled')");
    st.bind(1, operatorId).bind(2, since).bind(3, until);
    MoneyTotal total;
    while (st.step())
        total.add(Money(st.int64(0)));
    return total.value();
}

std::vector<RefundRequest> SqliteOpsTx::refundsOfExport(std::int64_t exportId)
{
    auto& st = db_.cached(std::string("SELECT ") + rows::kRefundColumns
                          + " FROM refund_request WHERE export_id = ?1 ORDER BY requested_at, id");
    st.bind(1, exportId);
    return allRefunds(st);
}

std::vector<ForeignCredit> SqliteOpsTx::foreignCredits(const std::optional<std::string>& ledgerId)
{
    auto& st = db_.cached(std::string("SELECT ") + rows::kForeignCreditColumns
                          + " FROM foreign_credit WHERE ?1 IS NULL OR ledger_id = ?1 ORDER BY seen_at, credit_id");
    bindOptText(st, 1, ledgerId);
    std::vector<ForeignCredit> out;
    while (st.step())
        out.push_back(rows::foreignCreditFrom(st));
    return out;
}

bool SqliteOpsTx::creditSeen(const std::string& creditId)
{
    auto& st = db_.cached("SELECT 1 FROM seen_credit WHERE credit_id = ?1");
    st.bind(1, creditId);
    return firstRow(st, [](const Statement&) { return true; }).has_value();
}

std::vector<std::string> SqliteOpsTx::unseenCredits(const std::vector<std::string>& creditIds)
{
    std::vector<std::string> out;
    for (const auto& id : creditIds)
        if (!creditSeen(id))
            out.push_back(id);
    return out;
}

std::vector<OutboxExport> SqliteOpsTx::unwrittenExports()
{
    auto& st = db_.cached("SELECT id, file_name, created_by, created_at, audit_count, audit_sha256 FROM outbox_export"
                          " WHERE written_at IS NULL ORDER BY id");
    std::vector<OutboxExport> out;
    while (st.step())
        out.push_back(OutboxExport{st.int64(0), st.string(1), st.string(2), st.int64(3),
                                   AuditHead{st.int64(4), st.string(5)}, false});
    return out;
}

std::vector<CatalogAck> SqliteOpsTx::catalogAcks(const std::optional<std::string>& productId)
{
    auto& st = db_.cached(std::string("SELECT ") + rows::kCatalogAckColumns
                          + " FROM catalog_ack WHERE ?1 IS NULL OR product_id = ?1 ORDER BY acked_at, product_id,"
                            " order_id, rule");
    bindOptText(st, 1, productId);
    std::vector<CatalogAck> out;
    while (st.step())
        out.push_back(rows::catalogAckFrom(st));
    st.reset();
    return out;
}

std::optional<CatalogFix> SqliteOpsTx::findCatalogFix(const std::string& id) { return oneFix("id = ?1", id); }

std::optional<CatalogFix> SqliteOpsTx::findCatalogFixByOpId(const std::string& opId) { return oneFix("op_id = ?1", opId); }

std::vector<CatalogFix> SqliteOpsTx::catalogFixes(const CatalogFixFilter& f)
{
    auto& st = db_.cached(std::string("SELECT ") + rows::kCatalogFixColumns
                          + " FROM catalog_fix WHERE (?1 IS NULL OR product_id = ?1) AND (?2 IS NULL OR state = ?2)"
                            " ORDER BY requested_at DESC, id LIMIT ?3");
    bindOptText(st, 1, f.productId);
    if (f.state)
        st.bind(2, refundStateCode(*f.state));
    else
        st.bindNull(2);
    st.bind(3, f.limit);
    return allFixes(st);
}

std::vector<CatalogFix> SqliteOpsTx::catalogFixesOfExport(std::int64_t exportId)
{
    auto& st = db_.cached(std::string("SELECT ") + rows::kCatalogFixColumns
                          + " FROM catalog_fix WHERE export_id = ?1 ORDER BY requested_at, id");
    st.bind(1, exportId);
    return allFixes(st);
}

std::optional<RepairBatch> SqliteOpsTx::findRepairBatch(const std::string& id)
{
    auto& st = db_.cached(std::string("SELECT ") + rows::kRepairBatchColumns + " FROM repair_batch WHERE id = ?1");
    st.bind(1, id);
    return firstRow(st, rows::repairBatchFrom<Statement>);
}

std::optional<RepairBatch> SqliteOpsTx::findRepairBatchByOpId(const std::string& opId)
{
    auto& st = db_.cached(std::string("SELECT ") + rows::kRepairBatchColumns + " FROM repair_batch WHERE op_id = ?1");
    st.bind(1, opId);
    return firstRow(st, rows::repairBatchFrom<Statement>);
}

std::vector<RepairBatch> SqliteOpsTx::repairBatches(const std::optional<std::string>& productId)
{
    auto& st = db_.cached(std::string("SELECT ") + rows::kRepairBatchColumns
                          + " FROM repair_batch WHERE ?1 IS NULL OR product_id = ?1 ORDER BY drafted_at DESC, id");
    bindOptText(st, 1, productId);
    std::vector<RepairBatch> out;
    while (st.step())
        out.push_back(rows::repairBatchFrom(st));
    return out;
}

std::vector<RefundRequest> SqliteOpsTx::refundsOfBatch(const std::string& batchId)
{
    auto& st = db_.cached(std::string("SELECT ") + rows::kRefundColumns
                          + " FROM refund_request WHERE batch_id = ?1 ORDER BY requested_at, id");
    st.bind(1, batchId);
    return allRefunds(st);
}

std::vector<RefundRequest> SqliteOpsTx::refundsOfOrder(const std::string& orderId)
{
    auto& st = db_.cached(std::string("SELECT ") + rows::kRefundColumns
                          + " FROM refund_request WHERE order_id = ?1 ORDER BY requested_at, id");
    st.bind(1, orderId);
    return allRefunds(st);
}

std::optional<CatalogSettingsRecord> SqliteOpsTx::catalogSettings()
{
    auto& st = db_.cached("SELECT entries, changed_by, changed_at FROM catalog_settings WHERE id = 1");
    return firstRow(st, [](const Statement& r) { return CatalogSettingsRecord{r.string(0), r.string(1), r.int64(2)}; });
}

std::vector<OrphanClock> SqliteOpsTx::orphanClocks(const std::optional<std::string>& customerId)
{
    auto& st = db_.cached(std::string("SELECT ") + rows::kOrphanClockColumns
                          + " FROM orphan_clock WHERE ?1 IS NULL OR customer_id = ?1 ORDER BY detected_at, ledger_id");
    bindOptText(st, 1, customerId);
    std::vector<OrphanClock> out;
    while (st.step())
        out.push_back(rows::orphanClockFrom(st));
    return out;
}

std::vector<std::string> SqliteOpsTx::unclockedDebits(const std::vector<std::string>& ledgerIds)
{
    auto& st = db_.cached("SELECT 1 FROM orphan_clock WHERE ledger_id = ?1");
    std::vector<std::string> out;
    for (const auto& id : ledgerIds) {
        st.bind(1, id);
        if (!firstRow(st, [](const Statement&) { return true; }))
            out.push_back(id);
    }
    return out;
}

std::optional<ComplaintCase> SqliteOpsTx::findCase(const std::string& id) { return oneCase("id = ?1", id); }

std::optional<ComplaintCase> SqliteOpsTx::findCaseByOpId(const std::string& opId) { return oneCase("op_id = ?1", opId); }

std::vector<ComplaintCase> SqliteOpsTx::cases(const CaseFilter& f)
{
    auto& st = db_.cached(std::string("SELECT ") + rows::kCaseColumns
                          + " FROM complaint_case WHERE (?1 IS NULL OR customer_id = ?1) AND (?2 IS NULL OR state = ?2)"
                            " AND (?3 IS NULL OR owner = ?3) AND (?5 IS NULL OR EXISTS (SELECT 1 FROM case_link l"
                            " WHERE l.case_id = complaint_case.id AND l.merchant_id = ?5))"
                            " ORDER BY received_at, id LIMIT ?4");
    bindOptText(st, 1, f.customerId);
    if (f.state)
        st.bind(2, caseStateCode(*f.state));
    else
        st.bindNull(2);
    bindOptText(st, 3, f.owner);
    st.bind(4, f.limit);
    bindOptText(st, 5, f.merchantId);
    std::vector<ComplaintCase> out;
    while (st.step())
        out.push_back(rows::caseFrom(st));
    return out;
}

std::vector<CaseLink> SqliteOpsTx::caseLinks(const std::optional<std::string>& caseId)
{
    auto& st = db_.cached(std::string("SELECT ") + rows::kCaseLinkColumns
                          + " FROM case_link WHERE ?1 IS NULL OR case_id = ?1 ORDER BY case_id, added_at, kind, target_id");
    bindOptText(st, 1, caseId);
    std::vector<CaseLink> out;
    while (st.step())
        out.push_back(rows::caseLinkFrom(st));
    return out;
}

std::optional<CaseLink> SqliteOpsTx::linkOf(const std::string& kind, const std::string& targetId)
{
    auto& st = db_.cached(std::string("SELECT ") + rows::kCaseLinkColumns
                          + " FROM case_link WHERE kind = ?1 AND target_id = ?2 ORDER BY added_at LIMIT 1");
    st.bind(1, kind).bind(2, targetId);
    return firstRow(st, rows::caseLinkFrom<Statement>);
}

std::vector<CaseNote> SqliteOpsTx::caseNotes(const std::string& caseId)
{
    auto& st = db_.cached(std::string("SELECT ") + rows::kCaseNoteColumns + " FROM case_note WHERE case_id = ?1 ORDER BY id");
    st.bind(1, caseId);
    std::vector<CaseNote> out;
    while (st.step())
        out.push_back(rows::caseNoteFrom(st));
    return out;
}

std::vector<OrphanNote> SqliteOpsTx::orphanNotes(const std::optional<std::string>& ledgerId)
{
    auto& st = db_.cached(std::string("SELECT ") + rows::kOrphanNoteColumns
                          + " FROM orphan_note WHERE ?1 IS NULL OR ledger_id = ?1 ORDER BY id");
    bindOptText(st, 1, ledgerId);
    std::vector<OrphanNote> out;
    while (st.step())
        out.push_back(rows::orphanNoteFrom(st));
    return out;
}

std::vector<CaseNotice> SqliteOpsTx::caseNotices(const std::string& caseId)
{
    auto& st = db_.cached(std::string("SELECT ") + rows::kCaseNoticeColumns
                          + " FROM case_notice WHERE case_id = ?1 ORDER BY id");
    st.bind(1, caseId);
    std::vector<CaseNotice> out;
    while (st.step())
        out.push_back(rows::caseNoticeFrom(st));
    return out;
}

CasePolicy SqliteOpsTx::casePolicy()
{
    auto& st = db_.cached("SELECT days, extend, holidays, changed_by, changed_at FROM case_policy");
    return firstRow(st, [](const Statement& r) {
               return CasePolicy{static_cast<int>(r.int64(0)), r.int64(1) != 0, r.optString(2), r.optString(3),
                                 rows::optInstant(r, 4)};
           }).value_or(CasePolicy{});
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

void SqliteOpsTx::insertRefund(const RefundRequest& r)
{
    auto& st = db_.cached(std::string("INSERT INTO refund_request(") + rows::kRefundColumns
                          + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
                            " ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31)");
    rows::bindRefund(st, r);
    st.run();
}

void SqliteOpsTx::updateRefund(const RefundRequest& r)
{
    // Everything but the identity and the target, which never change.
    auto& st = db_.cached(
        "UPDATE refund_request SET amount = ?8, reason = ?9, note = ?10, state = ?13, needs_approval = ?14,"
        " approval_why = ?15, approved_by = ?18, approved_at = ?19, approval_hash = ?20, decided_by = ?21,"
        " decided_at = ?22, decision_note = ?23, export_id = ?24, sent_at = ?25, settled_amount = ?26,"
        " settled_at = ?27, settlement_flag = ?28, updated_at = ?29"
        " WHERE id = ?1 AND op_id = ?2 AND ledger_id = ?3 AND customer_id = ?4 AND account_id = ?5"
        " AND (order_id IS ?6) AND debit_amount = ?7 AND place = ?11 AND idempotency_key = ?12"
        " AND requested_by = ?16 AND requested_at = ?17 AND (merchant_id IS ?30) AND (batch_id IS ?31)");
    rows::bindRefund(st, r);
    st.run();
    if (db_.changes() != 1)
        throw StoreError("refund request " + r.id + " changed its identity or vanished: nothing was written");
}

// One machine: an unfinished export is completed in the same folder, file for file, so a
// second exporter rewriting it changes nothing (see docs/refunds.md).
bool SqliteOpsTx::holdExport(std::int64_t) { return true; }

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

void SqliteOpsTx::insertForeignCredit(const ForeignCredit& c)
{
    auto& st = db_.cached(std::string("INSERT INTO foreign_credit(") + rows::kForeignCreditColumns
                          + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    st.bind(1, c.creditId).bind(2, c.requestId);
    bindOptText(st, 3, c.ledgerId);
    st.bind(4, c.amount.won()).bind(5, c.at).bind(6, c.place).bind(7, c.seenAt).run();
}

void SqliteOpsTx::markCreditSeen(const std::string& creditId, const std::string& requestId)
{
    auto& st = db_.cached("INSERT INTO seen_credit(credit_id, request_id) VALUES (?1, ?2)");
    st.bind(1, creditId).bind(2, requestId).run();
}

std::int64_t SqliteOpsTx::insertExport(const OutboxExport& e)
{
    auto& st = db_.cached("INSERT INTO outbox_export(file_name, created_by, created_at, audit_count, audit_sha256)"
                          " VALUES (?1, ?2, ?3, ?4, ?5)");
    st.bind(1, e.fileName).bind(2, e.createdBy).bind(3, e.createdAt).bind(4, e.head.count).bind(5, e.head.sha256);
    st.run();
    return db_.lastInsertRowId();
}

void SqliteOpsTx::insertCatalogAck(const CatalogAck& a)
{
    auto& st = db_.cached(std::string("INSERT INTO catalog_ack(") + rows::kCatalogAckColumns
                          + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    st.bind(1, a.productId).bind(2, a.orderId).bind(3, a.rule).bind(4, a.productSeq).bind(5, a.reason);
    st.bind(6, a.by).bind(7, a.at).run();
}

void SqliteOpsTx::insertCatalogFix(const CatalogFix& f)
{
    auto& st = db_.cached(std::string("INSERT INTO catalog_fix(") + rows::kCatalogFixColumns
                          + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
                            " ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)");
    rows::bindCatalogFix(st, f);
    st.run();
}

void SqliteOpsTx::updateCatalogFix(const CatalogFix& f)
{
    auto& st = db_.cached(
        "UPDATE catalog_fix SET state = ?11, approved_by = ?14, approved_at = ?15, approval_hash = ?16,"
        " decided_by = ?17, decided_at = ?18, decision_note = ?19, export_id = ?20, sent_at = ?21,"
        " settled_seq = ?22, settled_at = ?23, settlement_flag = ?24, updated_at = ?25"
        " WHERE id = ?1 AND op_id = ?2 AND product_id = ?3 AND (merchant_id IS ?4) AND product_seq = ?5"
        " AND set_json = ?6 AND expected_json = ?7 AND reason = ?8 AND note = ?9 AND idempotency_key = ?10"
        " AND requested_by = ?12 AND requested_at = ?13");
    rows::bindCatalogFix(st, f);
    st.run();
    if (db_.changes() != 1)
        throw StoreError("catalog fix " + f.id + " changed what it asks or vanished: nothing was written");
}

void SqliteOpsTx::insertRepairBatch(const RepairBatch& b)
{
    auto& st = db_.cached(std::string("INSERT INTO repair_batch(") + rows::kRepairBatchColumns
                          + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    st.bind(1, b.id).bind(2, b.opId).bind(3, b.productId);
    bindOptText(st, 4, b.merchantId);
    st.bind(5, b.draftedBy).bind(6, b.draftedAt).run();
}

void SqliteOpsTx::setCatalogSettings(const CatalogSettingsRecord& r)
{
    auto& st = db_.cached("INSERT INTO catalog_settings(id, entries, changed_by, changed_at) VALUES (1, ?1, ?2, ?3)"
                          " ON CONFLICT(id) DO UPDATE SET entries = excluded.entries,"
                          " changed_by = excluded.changed_by, changed_at = excluded.changed_at");
    st.bind(1, r.entries).bind(2, r.changedBy).bind(3, r.changedAt).run();
}

void SqliteOpsTx::recordOrphanClock(const OrphanClock& c)
{
    auto& st = db_.cached(std::string("INSERT INTO orphan_clock(") + rows::kOrphanClockColumns
                          + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(ledger_id) DO UPDATE SET"
                            " detected_at = min(detected_at, excluded.detected_at)");
    st.bind(1, c.ledgerId).bind(2, c.customerId).bind(3, c.amount.won()).bind(4, c.cls).bind(5, c.detectedAt);
    st.bind(6, c.firstToldAt);
    st.run();
}

void SqliteOpsTx::insertCase(const ComplaintCase& c)
{
    auto& st = db_.cached(std::string("INSERT INTO complaint_case(") + rows::kCaseColumns
                          + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
                            " ?19, ?20)");
    bindCase(st, c);
    st.run();
}

void SqliteOpsTx::updateCase(const ComplaintCase& c)
{
    auto& st = db_.cached("UPDATE complaint_case SET channel = ?5, received_at = ?6, text = ?7, claimed_amount = ?8,"
                          " claimed_date = ?9, owner = ?10, state = ?11, outcome = ?12, outcome_note = ?13,"
                          " answered_at = ?14, answered_late = ?15, closed_at = ?16, reopened = ?17, updated_at = ?20"
                          " WHERE id = ?1 AND op_id = ?2 AND origin = ?3 AND customer_id = ?4 AND opened_by = ?18"
                          " AND opened_at = ?19");
    bindCase(st, c);
    st.run();
    if (db_.changes() != 1)
        throw StoreError("case " + c.id + " changed its identity or vanished: nothing was written");
}

void SqliteOpsTx::insertCaseLink(const CaseLink& l)
{
    auto& st = db_.cached(std::string("INSERT INTO case_link(") + rows::kCaseLinkColumns + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    st.bind(1, l.caseId).bind(2, l.kind).bind(3, l.targetId);
    bindOptText(st, 4, l.merchantId);
    st.bind(5, l.addedBy).bind(6, l.addedAt).run();
}

void SqliteOpsTx::deleteCaseLink(const CaseLink& l)
{
    auto& st = db_.cached("DELETE FROM case_link WHERE case_id = ?1 AND kind = ?2 AND target_id = ?3");
    st.bind(1, l.caseId).bind(2, l.kind).bind(3, l.targetId).run();
}

std::int64_t SqliteOpsTx::insertCaseNote(const CaseNote& n)
{
    auto& st = db_.cached("INSERT INTO case_note(case_id, written_by, at, text, order_id, merchant_id)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    st.bind(1, n.caseId).bind(2, n.writtenBy).bind(3, n.at).bind(4, n.text);
    bindOptText(st, 5, n.orderId);
    bindOptText(st, 6, n.merchantId);
    st.run();
    return db_.lastInsertRowId();
}

std::int64_t SqliteOpsTx::insertOrphanNote(const OrphanNote& n)
{
    auto& st = db_.cached("INSERT INTO orphan_note(ledger_id, order_id, merchant_id, written_by, at, text)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    st.bind(1, n.ledgerId);
    bindOptText(st, 2, n.orderId);
    bindOptText(st, 3, n.merchantId);
    st.bind(4, n.writtenBy).bind(5, n.at).bind(6, n.text);
    st.run();
    return db_.lastInsertRowId();
}

std::int64_t SqliteOpsTx::insertCaseNotice(const CaseNotice& n)
{
    auto& st = db_.cached("INSERT INTO case_notice(case_id, channel, given_by, at, text, pdf_base64)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    st.bind(1, n.caseId).bind(2, n.channel).bind(3, n.givenBy).bind(4, n.at).bind(5, n.text);
    if (n.pdfBase64.empty())
        st.bindNull(6);
    else
        st.bind(6, n.pdfBase64);
    st.run();
    return db_.lastInsertRowId();
}

void SqliteOpsTx::setCasePolicy(const CasePolicy& p)
{
    auto& st = db_.cached("UPDATE case_policy SET days = ?1, extend = ?2, holidays = ?3, changed_by = ?4,"
                          " changed_at = ?5");
    st.bind(1, p.days).bind(2, p.extend ? 1 : 0);
    bindOptText(st, 3, p.holidays);
    bindOptText(st, 4, p.changedBy);
    if (p.changedAt)
        st.bind(5, *p.changedAt);
    else
        st.bindNull(5);
    st.run();
}

void SqliteOpsTx::markExportWritten(std::int64_t exportId, Instant at)
{
    auto& st = db_.cached("UPDATE outbox_export SET written_at = ?2 WHERE id = ?1");
    st.bind(1, exportId).bind(2, at).run();
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

void SqliteOpsTx::bindOptText(Statement& st, int i, const std::optional<std::string>& v)
{
    if (v)
        st.bind(i, *v);
    else
        st.bindNull(i);
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

std::optional<RefundRequest> SqliteOpsTx::oneRefund(const char* where, const std::string& value)
{
    auto& st = db_.cached(std::string("SELECT ") + rows::kRefundColumns + " FROM refund_request WHERE " + where);
    st.bind(1, value);
    return firstRow(st, rows::refundFrom<Statement>);
}

std::optional<ComplaintCase> SqliteOpsTx::oneCase(const char* where, const std::string& value)
{
    auto& st = db_.cached(std::string("SELECT ") + rows::kCaseColumns + " FROM complaint_case WHERE " + where);
    st.bind(1, value);
    return firstRow(st, rows::caseFrom<Statement>);
}

void SqliteOpsTx::bindCase(Statement& st, const ComplaintCase& c)
{
    st.bind(1, c.id).bind(2, c.opId).bind(3, c.origin).bind(4, c.customerId);
    bindOptText(st, 5, c.channel);
    st.bind(6, c.receivedAt).bind(7, c.text);
    if (c.claimedAmount)
        st.bind(8, c.claimedAmount->won());
    else
        st.bindNull(8);
    bindOptText(st, 9, c.claimedDate);
    bindOptText(st, 10, c.owner);
    st.bind(11, caseStateCode(c.state));
    if (c.outcome)
        st.bind(12, caseOutcomeCode(*c.outcome));
    else
        st.bindNull(12);
    st.bind(13, c.outcomeNote);
    if (c.answeredAt)
        st.bind(14, *c.answeredAt);
    else
        st.bindNull(14);
    st.bind(15, c.answeredLate ? 1 : 0);
    if (c.closedAt)
        st.bind(16, *c.closedAt);
    else
        st.bindNull(16);
    st.bind(17, c.reopened ? 1 : 0).bind(18, c.openedBy).bind(19, c.openedAt).bind(20, c.updatedAt);
}

std::optional<CatalogFix> SqliteOpsTx::oneFix(const char* where, const std::string& value)
{
    auto& st = db_.cached(std::string("SELECT ") + rows::kCatalogFixColumns + " FROM catalog_fix WHERE " + where);
    st.bind(1, value);
    return firstRow(st, rows::catalogFixFrom<Statement>);
}

std::vector<CatalogFix> SqliteOpsTx::allFixes(Statement& st)
{
    std::vector<CatalogFix> out;
    while (st.step())
        out.push_back(rows::catalogFixFrom(st));
    return out;
}

std::vector<RefundRequest> SqliteOpsTx::allRefunds(Statement& st)
{
    std::vector<RefundRequest> out;
    while (st.step())
        out.push_back(rows::refundFrom(st));
    return out;
}

}  // namespace reconsole::ops
