#include "ops/pg/pg_ops_tx.h"

#include "ops/audit_chain.h"
#include "ops/catalog_values.h"
#include "ops/ops_rows.h"

namespace reconsole::ops::pg {

namespace {

constexpr int kExportLockClass = 0x5243;   // "RC": the advisory-lock space of held exports

}  // namespace

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

std::optional<RefundRequest> PgOpsTx::findRefund(const std::string& id)
{
    return first<RefundRequest>(c_.exec(sel(rows::kRefundColumns, "FROM refund_request WHERE id = $1"), {p(id)}),
                                rows::refundFrom<Row>);
}

std::optional<RefundRequest> PgOpsTx::findRefundByOpId(const std::string& opId)
{
    return first<RefundRequest>(c_.exec(sel(rows::kRefundColumns, "FROM refund_request WHERE op_id = $1"), {p(opId)}),
                                rows::refundFrom<Row>);
}

std::vector<RefundRequest> PgOpsTx::refundsForLedger(const std::string& ledgerId)
{
    return all<RefundRequest>(c_.exec(sel(rows::kRefundColumns, "FROM refund_request WHERE ledger_id = $1"
                                                                " ORDER BY requested_at DESC, id"),
                                      {p(ledgerId)}),
                              rows::refundFrom<Row>);
}

std::vector<RefundRequest> PgOpsTx::refunds(const RefundFilter& f)
{
    return all<RefundRequest>(
        c_.exec(sel(rows::kRefundColumns,
                    "FROM refund_request WHERE ($1::text IS NULL OR state = $1) AND ($2::text IS NULL OR ledger_id = $2)"
                    " AND ($3::text IS NULL OR customer_id = $3) AND ($4::text IS NULL OR requested_by = $4)"
                    " ORDER BY requested_at DESC, id LIMIT $5"),
                {f.state ? p(refundStateCode(*f.state)) : Param(), p(f.ledgerId), p(f.customerId), p(f.requestedBy),
                 p(std::int64_t(f.limit))}),
        rows::refundFrom<Row>);
}

Money PgOpsTx::requestedBy(const std::string& operatorId, Instant since, Instant until)
{
    const auto r = c_.exec("SELECT amount FROM refund_request WHERE requested_by = $1 AND requested_at >= $2"
                           " AND requested_at < $3 AND state NOT IN ('rejected', 'cancelled')",
                           {p(operatorId), p(since), p(until)});
    MoneyTotal total;
    for (int i = 0; i < r.rows(); ++i)
        total.add(Money(r.row(i).int64(0)));
    return total.value();
}

std::vector<RefundRequest> PgOpsTx::refundsOfExport(std::int64_t exportId)
{
    return all<RefundRequest>(c_.exec(sel(rows::kRefundColumns, "FROM refund_request WHERE export_id = $1"
                                                                " ORDER BY requested_at, id"),
                                      {p(exportId)}),
                              rows::refundFrom<Row>);
}

std::vector<ForeignCredit> PgOpsTx::foreignCredits(const std::optional<std::string>& ledgerId)
{
    return all<ForeignCredit>(c_.exec(sel(rows::kForeignCreditColumns, "FROM foreign_credit WHERE $1::text IS NULL"
                                                                       " OR ledger_id = $1 ORDER BY seen_at, credit_id"),
                                      {p(ledgerId)}),
                              rows::foreignCreditFrom<Row>);
}

bool PgOpsTx::creditSeen(const std::string& creditId)
{
    return c_.exec("SELECT 1 FROM seen_credit WHERE credit_id = $1", {p(creditId)}).rows() > 0;
}

std::vector<std::string> PgOpsTx::unseenCredits(const std::vector<std::string>& creditIds)
{
    if (creditIds.empty())
        return {};
    std::string array = "{";
    for (const auto& id : creditIds) {
        array += array.size() > 1 ? ",\"" : "\"";
        for (char ch : id)
            array += (ch == '"' || ch == '\\') ? std::string("\\") + ch : std::string(1, ch);
        array += '"';
    }
    array += '}';
    return all<std::string>(c_.exec("SELECT id FROM unnest($1::text[]) AS t(id) WHERE NOT EXISTS"
                                    " (SELECT 1 FROM seen_credit s WHERE s.credit_id = t.id) ORDER BY id",
                                    {array}),
                            [](const Row& r) { return r.string(0); });
}

std::vector<OutboxExport> PgOpsTx::unwrittenExports()
{
    return all<OutboxExport>(c_.exec("SELECT id, file_name, created_by, created_at, audit_count, audit_sha256"
                                     " FROM outbox_export WHERE written_at IS NULL ORDER BY id"),
                             [](const Row& r) {
                                 return OutboxExport{r.int64(0), r.string(1), r.string(2), r.int64(3),
                                                     AuditHead{r.int64(4), r.string(5)}, false};
                             });
}

std::vector<CatalogAck> PgOpsTx::catalogAcks(const std::optional<std::string>& productId)
{
    return all<CatalogAck>(c_.exec(sel(rows::kCatalogAckColumns, "FROM catalog_ack WHERE $1::text IS NULL"
                                                                 " OR product_id = $1 ORDER BY acked_at, product_id,"
                                                                 " order_id, rule"),
                                   {p(productId)}),
                           rows::catalogAckFrom<Row>);
}

std::optional<CatalogFix> PgOpsTx::findCatalogFix(const std::string& id)
{
    return first<CatalogFix>(c_.exec(sel(rows::kCatalogFixColumns, "FROM catalog_fix WHERE id = $1"), {p(id)}),
                             rows::catalogFixFrom<Row>);
}

std::optional<CatalogFix> PgOpsTx::findCatalogFixByOpId(const std::string& opId)
{
    return first<CatalogFix>(c_.exec(sel(rows::kCatalogFixColumns, "FROM catalog_fix WHERE op_id = $1"), {p(opId)}),
                             rows::catalogFixFrom<Row>);
}

std::vector<CatalogFix> PgOpsTx::catalogFixes(const CatalogFixFilter& f)
{
    return all<CatalogFix>(c_.exec(sel(rows::kCatalogFixColumns,
                                       "FROM catalog_fix WHERE ($1::text IS NULL OR product_id = $1)"
                                       " AND ($2::text IS NULL OR state = $2) ORDER BY requested_at DESC, id LIMIT $3"),
                                   {p(f.productId), f.state ? p(refundStateCode(*f.state)) : Param(),
                                    p(std::int64_t(f.limit))}),
                           rows::catalogFixFrom<Row>);
}

std::vector<CatalogFix> PgOpsTx::catalogFixesOfExport(std::int64_t exportId)
{
    return all<CatalogFix>(c_.exec(sel(rows::kCatalogFixColumns, "FROM catalog_fix WHERE export_id = $1"
                                                                 " ORDER BY requested_at, id"),
                                   {p(exportId)}),
                           rows::catalogFixFrom<Row>);
}

std::optional<RepairBatch> PgOpsTx::findRepairBatch(const std::string& id)
{
    return first<RepairBatch>(c_.exec(sel(rows::kRepairBatchColumns, "FROM repair_batch WHERE id = $1"), {p(id)}),
                              rows::repairBatchFrom<Row>);
}

std::optional<RepairBatch> PgOpsTx::findRepairBatchByOpId(const std::string& opId)
{
    return first<RepairBatch>(c_.exec(sel(rows::kRepairBatchColumns, "FROM repair_batch WHERE op_id = $1"), {p(opId)}),
                              rows::repairBatchFrom<Row>);
}

std::vector<RepairBatch> PgOpsTx::repairBatches(const std::optional<std::string>& productId)
{
    return all<RepairBatch>(c_.exec(sel(rows::kRepairBatchColumns, "FROM repair_batch WHERE $1::text IS NULL"
                                                                   " OR product_id = $1 ORDER BY drafted_at DESC, id"),
                                    {p(productId)}),
                            rows::repairBatchFrom<Row>);
}

std::vector<RefundRequest> PgOpsTx::refundsOfBatch(const std::string& batchId)
{
    return all<RefundRequest>(c_.exec(sel(rows::kRefundColumns, "FROM refund_request WHERE batch_id = $1"
                                                                " ORDER BY requested_at, id"),
                                      {p(batchId)}),
                              rows::refundFrom<Row>);
}

std::vector<RefundRequest> PgOpsTx::refundsOfOrder(const std::string& orderId)
{
    return all<RefundRequest>(c_.exec(sel(rows::kRefundColumns, "FROM refund_request WHERE order_id = $1"
                                                                " ORDER BY requested_at, id"),
                                      {p(orderId)}),
                              rows::refundFrom<Row>);
}

std::optional<CatalogSettingsRecord> PgOpsTx::catalogSettings()
{
    return first<CatalogSettingsRecord>(c_.exec("SELECT entries, changed_by, changed_at FROM catalog_settings"
                                                " WHERE id = 1"),
                                        [](const Row& r) {
                                            return CatalogSettingsRecord{r.string(0), r.string(1), r.int64(2)};
                                        });
}

std::vector<OrphanClock> PgOpsTx::orphanClocks(const std::optional<std::string>& customerId)
{
    return all<OrphanClock>(c_.exec(sel(rows::kOrphanClockColumns, "FROM visible_orphan_clock WHERE $1::text IS NULL"
                                                                   " OR customer_id = $1 ORDER BY detected_at, ledger_id"),
                                    {p(customerId)}),
                            rows::orphanClockFrom<Row>);
}

std::vector<std::string> PgOpsTx::unclockedDebits(const std::vector<std::string>& ledgerIds)
{
    if (ledgerIds.empty())
        return {};
    return all<std::string>(c_.exec("SELECT id FROM unnest($1::text[]) AS t(id) WHERE NOT EXISTS"
                                    " (SELECT 1 FROM orphan_clock c WHERE c.ledger_id = t.id) ORDER BY id",
                                    {textArray(ledgerIds)}),
                            [](const Row& r) { return r.string(0); });
}

std::optional<ComplaintCase> PgOpsTx::findCase(const std::string& id)
{
    return first<ComplaintCase>(c_.exec(sel(rows::kCaseColumns, "FROM visible_case WHERE id = $1"), {p(id)}),
                                rows::caseFrom<Row>);
}

std::optional<ComplaintCase> PgOpsTx::findCaseByOpId(const std::string& opId)
{
    return first<ComplaintCase>(c_.exec(sel(rows::kCaseColumns, "FROM visible_case WHERE op_id = $1"), {p(opId)}),
                                rows::caseFrom<Row>);
}

std::vector<ComplaintCase> PgOpsTx::cases(const CaseFilter& f)
{
    return all<ComplaintCase>(
        c_.exec(sel(rows::kCaseColumns, "FROM visible_case c WHERE ($1::text IS NULL OR customer_id = $1)"
                                        " AND ($2::text IS NULL OR state = $2) AND ($3::text IS NULL OR owner = $3)"
                                        " AND ($5::text IS NULL OR EXISTS (SELECT 1 FROM visible_case_link l"
                                        " WHERE l.case_id = c.id AND l.merchant_id = $5))"
                                        " ORDER BY received_at, id LIMIT $4"),
                {p(f.customerId), f.state ? p(caseStateCode(*f.state)) : Param(), p(f.owner),
                 p(std::int64_t(f.limit)), p(f.merchantId)}),
        rows::caseFrom<Row>);
}

std::vector<CaseLink> PgOpsTx::caseLinks(const std::optional<std::string>& caseId)
{
    return all<CaseLink>(c_.exec(sel(rows::kCaseLinkColumns, "FROM visible_case_link WHERE $1::text IS NULL OR case_id = $1"
                                                             " ORDER BY case_id, added_at, kind, target_id"),
                                 {p(caseId)}),
                         rows::caseLinkFrom<Row>);
}

std::optional<CaseLink> PgOpsTx::linkOf(const std::string& kind, const std::string& targetId)
{
    return first<CaseLink>(c_.exec(sel(rows::kCaseLinkColumns, "FROM visible_case_link WHERE kind = $1 AND target_id = $2"
                                                               " ORDER BY added_at LIMIT 1"),
                                   {p(kind), p(targetId)}),
                           rows::caseLinkFrom<Row>);
}

std::vector<CaseNote> PgOpsTx::caseNotes(const std::string& caseId)
{
    return all<CaseNote>(c_.exec(sel(rows::kCaseNoteColumns, "FROM visible_case_note WHERE case_id = $1 ORDER BY id"),
                                 {p(caseId)}),
                         rows::caseNoteFrom<Row>);
}

std::vector<OrphanNote> PgOpsTx::orphanNotes(const std::optional<std::string>& ledgerId)
{
    if (!ledgerId)
        return all<OrphanNote>(c_.exec(sel(rows::kOrphanNoteColumns, "FROM orphan_note ORDER BY id"), {}),
                               rows::orphanNoteFrom<Row>);
    return all<OrphanNote>(c_.exec(sel(rows::kOrphanNoteColumns, "FROM orphan_note WHERE ledger_id = $1 ORDER BY id"),
                                   {p(*ledgerId)}),
                           rows::orphanNoteFrom<Row>);
}

std::vector<CaseNotice> PgOpsTx::caseNotices(const std::string& caseId)
{
    return all<CaseNotice>(c_.exec(sel(rows::kCaseNoticeColumns, "FROM case_notice WHERE case_id = $1 ORDER BY id"),
                                   {p(caseId)}),
                           rows::caseNoticeFrom<Row>);
}

CasePolicy PgOpsTx::casePolicy()
{
    return first<CasePolicy>(c_.exec("SELECT days, extend, holidays, changed_by, changed_at FROM case_policy"),
                             [](const Row& r) {
                                 return CasePolicy{static_cast<int>(r.int64(0)), r.int64(1) != 0, r.optString(2),
                                                   r.optString(3), rows::optInstant(r, 4)};
                             })
        .value_or(CasePolicy{});
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

void PgOpsTx::insertRefund(const RefundRequest& r) { c_.run("SELECT rc_add_refund($1::jsonb)", {refundRowJson(r)}); }

void PgOpsTx::updateRefund(const RefundRequest& r)
{
    c_.run("SELECT rc_update_refund($1::jsonb)", {refundRowJson(r)});
}

void PgOpsTx::insertForeignCredit(const ForeignCredit& c)
{
    JsonObject o;
    o.add("credit_id", c.creditId).add("request_id", c.requestId).add("ledger_id", c.ledgerId);
    o.add("amount", c.amount).add("at", std::int64_t(c.at)).add("place", std::int64_t(c.place));
    o.add("seen_at", std::int64_t(c.seenAt));
    c_.run("SELECT rc_add_foreign_credit($1::jsonb)", {o.str()});
}

void PgOpsTx::markCreditSeen(const std::string& creditId, const std::string& requestId)
{
    c_.run("SELECT rc_mark_credit_seen($1, $2)", {p(creditId), p(requestId)});
}

std::int64_t PgOpsTx::insertExport(const OutboxExport& e)
{
    JsonObject o;
    o.add("file_name", e.fileName).add("created_by", e.createdBy).add("created_at", std::int64_t(e.createdAt));
    o.add("audit_count", std::int64_t(e.head.count)).add("audit_sha256", e.head.sha256);
    return c_.exec("SELECT rc_add_export($1::jsonb)", {o.str()}).row(0).int64(0);
}

void PgOpsTx::insertCatalogAck(const CatalogAck& a)
{
    JsonObject o;
    o.add("product_id", a.productId).add("order_id", a.orderId).add("rule", a.rule);
    o.add("product_seq", a.productSeq).add("reason", a.reason).add("acked_by", a.by);
    o.add("acked_at", std::int64_t(a.at));
    c_.run("SELECT rc_add_catalog_ack($1::jsonb)", {o.str()});
}

void PgOpsTx::insertCatalogFix(const CatalogFix& f) { c_.run("SELECT rc_add_catalog_fix($1::jsonb)", {fixRowJson(f)}); }

void PgOpsTx::updateCatalogFix(const CatalogFix& f)
{
    c_.run("SELECT rc_update_catalog_fix($1::jsonb)", {fixRowJson(f)});
}

void PgOpsTx::insertRepairBatch(const RepairBatch& b)
{
    JsonObject o;
    o.add("id", b.id).add("op_id", b.opId).add("product_id", b.productId).add("merchant_id", b.merchantId);
    o.add("drafted_by", b.draftedBy).add("drafted_at", std::int64_t(b.draftedAt));
    c_.run("SELECT rc_add_repair_batch($1::jsonb)", {o.str()});
}

void PgOpsTx::setCatalogSettings(const CatalogSettingsRecord& r)
{
    JsonObject o;
    o.add("entries", r.entries).add("changed_by", r.changedBy).add("changed_at", std::int64_t(r.changedAt));
    c_.run("SELECT rc_set_catalog_settings($1::jsonb)", {o.str()});
}

void PgOpsTx::recordOrphanClock(const OrphanClock& x)
{
    JsonObject o;
    o.add("ledger_id", x.ledgerId).add("customer_id", x.customerId).add("amount", x.amount).add("class", x.cls);
    o.add("detected_at", std::int64_t(x.detectedAt)).add("first_told_at", std::int64_t(x.firstToldAt));
    c_.run("SELECT rc_record_orphan_clock($1::jsonb)", {o.str()});
}

void PgOpsTx::insertCase(const ComplaintCase& x) { c_.run("SELECT rc_add_case($1::jsonb)", {caseJson(x)}); }

void PgOpsTx::updateCase(const ComplaintCase& x) { c_.run("SELECT rc_update_case($1::jsonb)", {caseJson(x)}); }

void PgOpsTx::insertCaseLink(const CaseLink& l)
{
    JsonObject o;
    o.add("case_id", l.caseId).add("kind", l.kind).add("target_id", l.targetId).add("merchant_id", l.merchantId);
    o.add("added_by", l.addedBy).add("added_at", std::int64_t(l.addedAt));
    c_.run("SELECT rc_add_case_link($1::jsonb)", {o.str()});
}

void PgOpsTx::deleteCaseLink(const CaseLink& l)
{
    c_.run("SELECT rc_delete_case_link($1, $2, $3)", {p(l.caseId), p(l.kind), p(l.targetId)});
}

std::int64_t PgOpsTx::insertCaseNote(const CaseNote& n)
{
    JsonObject o;
    o.add("case_id", n.caseId).add("written_by", n.writtenBy).add("at", std::int64_t(n.at)).add("text", n.text);
    o.add("order_id", n.orderId).add("merchant_id", n.merchantId);
    return c_.exec("SELECT rc_add_case_note($1::jsonb)", {o.str()}).row(0).int64(0);
}

std::int64_t PgOpsTx::insertOrphanNote(const OrphanNote& n)
{
    JsonObject o;
    o.add("ledger_id", n.ledgerId).add("order_id", n.orderId).add("merchant_id", n.merchantId);
    o.add("written_by", n.writtenBy).add("at", std::int64_t(n.at)).add("text", n.text);
    return c_.exec("SELECT rc_add_orphan_note($1::jsonb)", {o.str()}).row(0).int64(0);
}

std::int64_t PgOpsTx::insertCaseNotice(const CaseNotice& n)
{
    JsonObject o;
    o.add("case_id", n.caseId).add("channel", n.channel).add("given_by", n.givenBy).add("at", std::int64_t(n.at));
    o.add("text", n.text);
    if (n.pdfBase64.empty())
        o.addRaw("pdf_base64", "null");
    else
        o.add("pdf_base64", n.pdfBase64);
    return c_.exec("SELECT rc_add_case_notice($1::jsonb)", {o.str()}).row(0).int64(0);
}

void PgOpsTx::setCasePolicy(const CasePolicy& x)
{
    JsonObject o;
    o.add("days", std::int64_t(x.days)).add("extend", std::int64_t(x.extend ? 1 : 0)).add("holidays", x.holidays);
    o.add("changed_by", x.changedBy);
    addOpt(o, "changed_at", x.changedAt);
    c_.run("SELECT rc_set_case_policy($1::jsonb)", {o.str()});
}

void PgOpsTx::markExportWritten(std::int64_t exportId, Instant at)
{
    c_.run("SELECT rc_mark_export_written($1, $2)", {p(exportId), p(at)});
}

// A session-level advisory lock: it outlives the transaction and dies with the connection.
bool PgOpsTx::holdExport(std::int64_t exportId)
{
    return c_.exec("SELECT pg_try_advisory_lock($1, $2::int)", {p(std::int64_t(kExportLockClass)), p(exportId)})
               .row(0)
               .int64(0)
        == 1;
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

void PgOpsTx::addOpt(JsonObject& o, const char* key, const std::optional<std::int64_t>& v)
{
    if (v)
        o.add(key, *v);
    else
        o.addRaw(key, "null");
}

std::string PgOpsTx::refundRowJson(const RefundRequest& r)
{
    JsonObject o;
    o.add("id", r.id).add("op_id", r.opId).add("ledger_id", r.ledgerId).add("customer_id", r.customerId);
    o.add("account_id", r.accountId).add("order_id", r.orderId).add("debit_amount", r.debitAmount);
    o.add("amount", r.amount).add("reason", r.reason).add("note", r.note).add("place", std::int64_t(r.place));
    o.add("idempotency_key", r.idempotencyKey).add("state", refundStateCode(r.state));
    o.add("needs_approval", std::int64_t(r.needsApproval ? 1 : 0)).add("approval_why", r.approvalWhy);
    o.add("requested_by", r.requestedBy).add("requested_at", std::int64_t(r.requestedAt));
    o.add("approved_by", r.approvedBy);
    addOpt(o, "approved_at", r.approvedAt);
    o.add("approval_hash", r.approvalHash).add("decided_by", r.decidedBy);
    addOpt(o, "decided_at", r.decidedAt);
    o.add("decision_note", r.decisionNote);
    addOpt(o, "export_id", r.exportId);
    addOpt(o, "sent_at", r.sentAt);
    addOpt(o, "settled_amount", r.settledAmount ? std::optional<std::int64_t>(r.settledAmount->won()) : std::nullopt);
    addOpt(o, "settled_at", r.settledAt);
    o.add("settlement_flag", r.settlementFlag).add("updated_at", std::int64_t(r.updatedAt));
    o.add("merchant_id", r.merchantId).add("batch_id", r.batchId);
    return o.str();
}

std::string PgOpsTx::caseJson(const ComplaintCase& x)
{
    JsonObject o;
    o.add("id", x.id).add("op_id", x.opId).add("origin", x.origin).add("customer_id", x.customerId);
    o.add("channel", x.channel).add("received_at", std::int64_t(x.receivedAt)).add("text", x.text);
    addOpt(o, "claimed_amount", x.claimedAmount ? std::optional<std::int64_t>(x.claimedAmount->won()) : std::nullopt);
    o.add("claimed_date", x.claimedDate).add("owner", x.owner).add("state", caseStateCode(x.state));
    o.add("outcome", x.outcome ? std::optional<std::string>(caseOutcomeCode(*x.outcome)) : std::nullopt);
    o.add("outcome_note", x.outcomeNote);
    addOpt(o, "answered_at", x.answeredAt);
    o.add("answered_late", std::int64_t(x.answeredLate ? 1 : 0));
    addOpt(o, "closed_at", x.closedAt);
    o.add("reopened", std::int64_t(x.reopened ? 1 : 0)).add("opened_by", x.openedBy);
    o.add("opened_at", std::int64_t(x.openedAt)).add("updated_at", std::int64_t(x.updatedAt));
    return o.str();
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

std::string PgOpsTx::fixRowJson(const CatalogFix& f)
{
    JsonObject o;
    o.add("id", f.id).add("op_id", f.opId).add("product_id", f.productId).add("merchant_id", f.merchantId);
    o.add("product_seq", f.productSeq).add("set_json", catalogValuesJson(f.set));
    o.add("expected_json", catalogValuesJson(f.expected)).add("reason", f.reason).add("note", f.note);
    o.add("idempotency_key", f.idempotencyKey).add("state", refundStateCode(f.state));
    o.add("requested_by", f.requestedBy).add("requested_at", std::int64_t(f.requestedAt));
    o.add("approved_by", f.approvedBy);
    addOpt(o, "approved_at", f.approvedAt);
    o.add("approval_hash", f.approvalHash).add("decided_by", f.decidedBy);
    addOpt(o, "decided_at", f.decidedAt);
    o.add("decision_note", f.decisionNote);
    addOpt(o, "export_id", f.exportId);
    addOpt(o, "sent_at", f.sentAt);
    addOpt(o, "settled_seq", f.settledSeq);
    addOpt(o, "settled_at", f.settledAt);
    o.add("settlement_flag", f.settlementFlag).add("updated_at", std::int64_t(f.updatedAt));
    return o.str();
}

}  // namespace reconsole::ops::pg
