#include "ops/pg/pg_ops_store.h"

#include "ops/audit_chain.h"
#include "ops/ops_rows.h"
#include "ops/pg/pg_connection.h"
#include "ops/pg/pg_fault.h"
#include "ops/service_support.h"

#include "ops/crash_points.h"

#include <QFile>

#include <chrono>
#include <thread>

namespace reconsole::ops::pg {
namespace {

constexpr int kRetries = 8;
constexpr int kExportLockClass = 0x5243;   // "RC": the advisory-lock space of held exports
const char* const kMigrations[] = {":/ops-migrations-pg/0001_operations.sql",
                                   ":/ops-migrations-pg/0002_team_server.sql",
                                   ":/ops-migrations-pg/0003_catalog_ack.sql",
                                   ":/ops-migrations-pg/0004_catalog_fix.sql",
                                   ":/ops-migrations-pg/0005_cases.sql",
                                   ":/ops-migrations-pg/0006_sign_in.sql",
                                   ":/ops-migrations-pg/" OPS_MIGRATION_ORPHAN_NOTE ".sql",
                                   ":/ops-migrations-pg/0008_partner_cases.sql"};

Param p(std::int64_t v) { return std::to_string(v); }
Param p(const std::string& v) { return v; }
Param p(const char* v) { return std::string(v); }
Param p(Money v) { return std::to_string(v.won()); }
Param p(bool v) { return std::string(v ? "1" : "0"); }
Param p(const std::optional<std::string>& v) { return v; }
Param p(const std::optional<Instant>& v) { return v ? p(*v) : Param(); }

int serverVersion(PgConnection& c)
{
    const auto r = c.exec("SELECT to_regclass('reconsole_schema') IS NOT NULL");
    if (r.row(0).string(0) != "t")
        return 0;
    const auto v = c.exec("SELECT version FROM reconsole_schema");
    return v.rows() ? static_cast<int>(v.row(0).int64(0)) : 0;
}

template <typename T, typename Map>
std::vector<T> all(const PgResult& r, Map map)
{
    std::vector<T> out;
    for (int i = 0; i < r.rows(); ++i)
        out.push_back(map(r.row(i)));
    return out;
}

template <typename T, typename Map>
std::optional<T> first(const PgResult& r, Map map)
{
    return r.rows() ? std::optional<T>(map(r.row(0))) : std::nullopt;
}

std::string sel(const char* columns, const std::string& rest) { return std::string("SELECT ") + columns + " " + rest; }

const char* policyState(PolicyChange::State s)
{
    return s == PolicyChange::State::Applied ? "applied" : s == PolicyChange::State::Rejected ? "rejected" : "pending";
}

class PgOpsTx final : public OpsTx {
public:
    explicit PgOpsTx(PgConnection& c) : c_(c) {}
    using Row = PgResult::Row;

    std::string storeId() override { return c_.exec("SELECT store_id FROM store_meta").row(0).string(0); }
    int operatorCount() override { return int(c_.exec("SELECT count(*) FROM operator").row(0).int64(0)); }

    std::optional<Operator> findOperator(const std::string& id) override
    {
        return first<Operator>(c_.exec(sel(rows::kOperatorColumns, "FROM operator WHERE id = $1"), {p(id)}),
                               rows::operatorFrom<Row>);
    }
    std::vector<Operator> operators() override
    {
        return all<Operator>(c_.exec(sel(rows::kOperatorColumns, "FROM operator ORDER BY id")), rows::operatorFrom<Row>);
    }
    std::optional<Credential> credential(const std::string& operatorId) override
    {
        return first<Credential>(
            c_.exec("SELECT must_change, changed_at FROM operator_sign_in WHERE operator_id = $1", {p(operatorId)}),
            [&](const Row& r) { return Credential{operatorId, {}, r.int64(0) != 0, 0, 0, r.int64(1)}; });
    }
    Policy policy() override
    {
        const auto r = c_.exec("SELECT approval_threshold, daily_limit_agent, daily_limit_ops, overdue_ms FROM policy");
        if (!r.rows())
            throw StoreError("the operations server has no policy row: restore it from a backup");
        const auto row = r.row(0);
        return Policy{Money(row.int64(0)), Money(row.int64(1)), Money(row.int64(2)), row.int64(3)};
    }
    std::vector<PolicyChange> policyChanges(bool pendingOnly) override
    {
        return all<PolicyChange>(c_.exec(sel(rows::kPolicyChangeColumns,
                                             "FROM policy_change WHERE $1 = '0' OR state = 'pending' ORDER BY id DESC"),
                                         {p(pendingOnly)}),
                                 rows::policyChangeFrom<Row>);
    }
    std::optional<PolicyChange> findPolicyChange(std::int64_t id) override
    {
        return first<PolicyChange>(c_.exec(sel(rows::kPolicyChangeColumns, "FROM policy_change WHERE id = $1"), {p(id)}),
                                   rows::policyChangeFrom<Row>);
    }
    std::optional<RefundRequest> findRefund(const std::string& id) override
    {
        return first<RefundRequest>(c_.exec(sel(rows::kRefundColumns, "FROM refund_request WHERE id = $1"), {p(id)}),
                                    rows::refundFrom<Row>);
    }
    std::optional<RefundRequest> findRefundByOpId(const std::string& opId) override
    {
        return first<RefundRequest>(c_.exec(sel(rows::kRefundColumns, "FROM refund_request WHERE op_id = $1"), {p(opId)}),
                                    rows::refundFrom<Row>);
    }
    std::vector<RefundRequest> refundsForLedger(const std::string& ledgerId) override
    {
        return all<RefundRequest>(c_.exec(sel(rows::kRefundColumns, "FROM refund_request WHERE ledger_id = $1"
                                                                    " ORDER BY requested_at DESC, id"),
                                          {p(ledgerId)}),
                                  rows::refundFrom<Row>);
    }
    std::vector<RefundRequest> refunds(const RefundFilter& f) override
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
    Money requestedBy(const std::string& operatorId, Instant since, Instant until) override
    {
        const auto r = c_.exec("SELECT amount FROM refund_request WHERE requested_by = $1 AND requested_at >= $2"
                               " AND requested_at < $3 AND state NOT IN ('rejected', 'cancelled')",
                               {p(operatorId), p(since), p(until)});
        MoneyTotal total;
        for (int i = 0; i < r.rows(); ++i)
            total.add(Money(r.row(i).int64(0)));
        return total.value();
    }
    std::vector<RefundRequest> refundsOfExport(std::int64_t exportId) override
    {
        return all<RefundRequest>(c_.exec(sel(rows::kRefundColumns, "FROM refund_request WHERE export_id = $1"
                                                                    " ORDER BY requested_at, id"),
                                          {p(exportId)}),
                                  rows::refundFrom<Row>);
    }
    std::vector<ForeignCredit> foreignCredits(const std::optional<std::string>& ledgerId) override
    {
        return all<ForeignCredit>(c_.exec(sel(rows::kForeignCreditColumns, "FROM foreign_credit WHERE $1::text IS NULL"
                                                                           " OR ledger_id = $1 ORDER BY seen_at, credit_id"),
                                          {p(ledgerId)}),
                                  rows::foreignCreditFrom<Row>);
    }
    bool creditSeen(const std::string& creditId) override
    {
        return c_.exec("SELECT 1 FROM seen_credit WHERE credit_id = $1", {p(creditId)}).rows() > 0;
    }
    std::vector<std::string> unseenCredits(const std::vector<std::string>& creditIds) override
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

    std::vector<OutboxExport> unwrittenExports() override
    {
        return all<OutboxExport>(c_.exec("SELECT id, file_name, created_by, created_at, audit_count, audit_sha256"
                                         " FROM outbox_export WHERE written_at IS NULL ORDER BY id"),
                                 [](const Row& r) {
                                     return OutboxExport{r.int64(0), r.string(1), r.string(2), r.int64(3),
                                                         AuditHead{r.int64(4), r.string(5)}, false};
                                 });
    }
    std::vector<CatalogAck> catalogAcks(const std::optional<std::string>& productId) override
    {
        return all<CatalogAck>(c_.exec(sel(rows::kCatalogAckColumns, "FROM catalog_ack WHERE $1::text IS NULL"
                                                                     " OR product_id = $1 ORDER BY acked_at, product_id,"
                                                                     " order_id, rule"),
                                       {p(productId)}),
                               rows::catalogAckFrom<Row>);
    }
    std::optional<CatalogFix> findCatalogFix(const std::string& id) override
    {
        return first<CatalogFix>(c_.exec(sel(rows::kCatalogFixColumns, "FROM catalog_fix WHERE id = $1"), {p(id)}),
                                 rows::catalogFixFrom<Row>);
    }
    std::optional<CatalogFix> findCatalogFixByOpId(const std::string& opId) override
    {
        return first<CatalogFix>(c_.exec(sel(rows::kCatalogFixColumns, "FROM catalog_fix WHERE op_id = $1"), {p(opId)}),
                                 rows::catalogFixFrom<Row>);
    }
    std::vector<CatalogFix> catalogFixes(const CatalogFixFilter& f) override
    {
        return all<CatalogFix>(c_.exec(sel(rows::kCatalogFixColumns,
                                           "FROM catalog_fix WHERE ($1::text IS NULL OR product_id = $1)"
                                           " AND ($2::text IS NULL OR state = $2) ORDER BY requested_at DESC, id LIMIT $3"),
                                       {p(f.productId), f.state ? p(refundStateCode(*f.state)) : Param(),
                                        p(std::int64_t(f.limit))}),
                               rows::catalogFixFrom<Row>);
    }
    std::vector<CatalogFix> catalogFixesOfExport(std::int64_t exportId) override
    {
        return all<CatalogFix>(c_.exec(sel(rows::kCatalogFixColumns, "FROM catalog_fix WHERE export_id = $1"
                                                                     " ORDER BY requested_at, id"),
                                       {p(exportId)}),
                               rows::catalogFixFrom<Row>);
    }
    std::optional<RepairBatch> findRepairBatch(const std::string& id) override
    {
        return first<RepairBatch>(c_.exec(sel(rows::kRepairBatchColumns, "FROM repair_batch WHERE id = $1"), {p(id)}),
                                  rows::repairBatchFrom<Row>);
    }
    std::optional<RepairBatch> findRepairBatchByOpId(const std::string& opId) override
    {
        return first<RepairBatch>(c_.exec(sel(rows::kRepairBatchColumns, "FROM repair_batch WHERE op_id = $1"), {p(opId)}),
                                  rows::repairBatchFrom<Row>);
    }
    std::vector<RepairBatch> repairBatches(const std::optional<std::string>& productId) override
    {
        return all<RepairBatch>(c_.exec(sel(rows::kRepairBatchColumns, "FROM repair_batch WHERE $1::text IS NULL"
                                                                       " OR product_id = $1 ORDER BY drafted_at DESC, id"),
                                        {p(productId)}),
                                rows::repairBatchFrom<Row>);
    }
    std::vector<RefundRequest> refundsOfBatch(const std::string& batchId) override
    {
        return all<RefundRequest>(c_.exec(sel(rows::kRefundColumns, "FROM refund_request WHERE batch_id = $1"
                                                                    " ORDER BY requested_at, id"),
                                          {p(batchId)}),
                                  rows::refundFrom<Row>);
    }
    std::vector<RefundRequest> refundsOfOrder(const std::string& orderId) override
    {
        return all<RefundRequest>(c_.exec(sel(rows::kRefundColumns, "FROM refund_request WHERE order_id = $1"
                                                                    " ORDER BY requested_at, id"),
                                          {p(orderId)}),
                                  rows::refundFrom<Row>);
    }
    std::optional<CatalogSettingsRecord> catalogSettings() override
    {
        return first<CatalogSettingsRecord>(c_.exec("SELECT entries, changed_by, changed_at FROM catalog_settings"
                                                    " WHERE id = 1"),
                                            [](const Row& r) {
                                                return CatalogSettingsRecord{r.string(0), r.string(1), r.int64(2)};
                                            });
    }
    std::vector<OrphanClock> orphanClocks(const std::optional<std::string>& customerId) override
    {
        return all<OrphanClock>(c_.exec(sel(rows::kOrphanClockColumns, "FROM visible_orphan_clock WHERE $1::text IS NULL"
                                                                       " OR customer_id = $1 ORDER BY detected_at, ledger_id"),
                                        {p(customerId)}),
                                rows::orphanClockFrom<Row>);
    }
    std::vector<std::string> unclockedDebits(const std::vector<std::string>& ledgerIds) override
    {
        if (ledgerIds.empty())
            return {};
        return all<std::string>(c_.exec("SELECT id FROM unnest($1::text[]) AS t(id) WHERE NOT EXISTS"
                                        " (SELECT 1 FROM orphan_clock c WHERE c.ledger_id = t.id) ORDER BY id",
                                        {textArray(ledgerIds)}),
                                [](const Row& r) { return r.string(0); });
    }
    std::optional<ComplaintCase> findCase(const std::string& id) override
    {
        return first<ComplaintCase>(c_.exec(sel(rows::kCaseColumns, "FROM visible_case WHERE id = $1"), {p(id)}),
                                    rows::caseFrom<Row>);
    }
    std::optional<ComplaintCase> findCaseByOpId(const std::string& opId) override
    {
        return first<ComplaintCase>(c_.exec(sel(rows::kCaseColumns, "FROM visible_case WHERE op_id = $1"), {p(opId)}),
                                    rows::caseFrom<Row>);
    }
    std::vector<ComplaintCase> cases(const CaseFilter& f) override
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
    std::vector<CaseLink> caseLinks(const std::optional<std::string>& caseId) override
    {
        return all<CaseLink>(c_.exec(sel(rows::kCaseLinkColumns, "FROM visible_case_link WHERE $1::text IS NULL OR case_id = $1"
                                                                 " ORDER BY case_id, added_at, kind, target_id"),
                                     {p(caseId)}),
                             rows::caseLinkFrom<Row>);
    }
    std::optional<CaseLink> linkOf(const std::string& kind, const std::string& targetId) override
    {
        return first<CaseLink>(c_.exec(sel(rows::kCaseLinkColumns, "FROM visible_case_link WHERE kind = $1 AND target_id = $2"
                                                                   " ORDER BY added_at LIMIT 1"),
                                       {p(kind), p(targetId)}),
                               rows::caseLinkFrom<Row>);
    }
    std::vector<CaseNote> caseNotes(const std::string& caseId) override
    {
        return all<CaseNote>(c_.exec(sel(rows::kCaseNoteColumns, "FROM visible_case_note WHERE case_id = $1 ORDER BY id"),
                                     {p(caseId)}),
                             rows::caseNoteFrom<Row>);
    }
    std::vector<OrphanNote> orphanNotes(const std::optional<std::string>& ledgerId) override
    {
        if (!ledgerId)
            return all<OrphanNote>(c_.exec(sel(rows::kOrphanNoteColumns, "FROM orphan_note ORDER BY id"), {}),
                                   rows::orphanNoteFrom<Row>);
        return all<OrphanNote>(c_.exec(sel(rows::kOrphanNoteColumns, "FROM orphan_note WHERE ledger_id = $1 ORDER BY id"),
                                       {p(*ledgerId)}),
                               rows::orphanNoteFrom<Row>);
    }
    std::vector<CaseNotice> caseNotices(const std::string& caseId) override
    {
        return all<CaseNotice>(c_.exec(sel(rows::kCaseNoticeColumns, "FROM case_notice WHERE case_id = $1 ORDER BY id"),
                                       {p(caseId)}),
                               rows::caseNoticeFrom<Row>);
    }
    CasePolicy casePolicy() override
    {
        return first<CasePolicy>(c_.exec("SELECT days, extend, holidays, changed_by, changed_at FROM case_policy"),
                                 [](const Row& r) {
                                     return CasePolicy{static_cast<int>(r.int64(0)), r.int64(1) != 0, r.optString(2),
                                                       r.optString(3), rows::optInstant(r, 4)};
                                 })
            .value_or(CasePolicy{});
    }
    AuditHead auditHead() override
    {
        return first<AuditHead>(c_.exec("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"),
                                [](const Row& r) { return AuditHead{r.int64(0), r.string(1)}; })
            .value_or(AuditHead{0, kGenesisHash});
    }
    std::vector<AuditEntry> audit(const AuditFilter& f) override
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
    void walkAudit(const std::function<bool(const AuditEntry&)>& visit) override
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

    OpsSnapshot snapshot() override
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

    void restore(const OpsSnapshot& s) override
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

    // Every write goes through the server's SECURITY DEFINER functions (schema 2), which check
    // who is signed in, four eyes, the reservation and the audit entry again: a second line
    // behind the services, and the only one against a psql session.
    void insertOperator(const Operator& op) override { c_.run("SELECT rc_add_operator($1::jsonb)", {operatorJson(op)}); }
    void updateOperator(const Operator& op) override
    {
        c_.run("SELECT rc_update_operator($1::jsonb)", {operatorJson(op)});
    }
    void setPolicy(const Policy& x) override
    {
        JsonObject o;
        o.add("approval_threshold", x.approvalThreshold).add("daily_limit_agent", x.dailyLimitAgent);
        o.add("daily_limit_ops", x.dailyLimitOps).add("overdue_ms", std::int64_t(x.overdueAfter));
        c_.run("SELECT rc_set_policy($1::jsonb)", {o.str()});
    }
    std::int64_t insertPolicyChange(const PolicyChange& c) override
    {
        return c_.exec("SELECT rc_add_policy_change($1::jsonb)", {policyChangeJson(c)}).row(0).int64(0);
    }
    void updatePolicyChange(const PolicyChange& c) override
    {
        c_.run("SELECT rc_decide_policy_change($1::jsonb)", {policyChangeJson(c)});
    }
    void insertRefund(const RefundRequest& r) override { c_.run("SELECT rc_add_refund($1::jsonb)", {refundRowJson(r)}); }
    void updateRefund(const RefundRequest& r) override
    {
        c_.run("SELECT rc_update_refund($1::jsonb)", {refundRowJson(r)});
    }
    void insertForeignCredit(const ForeignCredit& c) override
    {
        JsonObject o;
        o.add("credit_id", c.creditId).add("request_id", c.requestId).add("ledger_id", c.ledgerId);
        o.add("amount", c.amount).add("at", std::int64_t(c.at)).add("place", std::int64_t(c.place));
        o.add("seen_at", std::int64_t(c.seenAt));
        c_.run("SELECT rc_add_foreign_credit($1::jsonb)", {o.str()});
    }
    void markCreditSeen(const std::string& creditId, const std::string& requestId) override
    {
        c_.run("SELECT rc_mark_credit_seen($1, $2)", {p(creditId), p(requestId)});
    }
    std::int64_t insertExport(const OutboxExport& e) override
    {
        JsonObject o;
        o.add("file_name", e.fileName).add("created_by", e.createdBy).add("created_at", std::int64_t(e.createdAt));
        o.add("audit_count", std::int64_t(e.head.count)).add("audit_sha256", e.head.sha256);
        return c_.exec("SELECT rc_add_export($1::jsonb)", {o.str()}).row(0).int64(0);
    }
    void insertCatalogAck(const CatalogAck& a) override
    {
        JsonObject o;
        o.add("product_id", a.productId).add("order_id", a.orderId).add("rule", a.rule);
        o.add("product_seq", a.productSeq).add("reason", a.reason).add("acked_by", a.by);
        o.add("acked_at", std::int64_t(a.at));
        c_.run("SELECT rc_add_catalog_ack($1::jsonb)", {o.str()});
    }
    void insertCatalogFix(const CatalogFix& f) override { c_.run("SELECT rc_add_catalog_fix($1::jsonb)", {fixRowJson(f)}); }
    void updateCatalogFix(const CatalogFix& f) override
    {
        c_.run("SELECT rc_update_catalog_fix($1::jsonb)", {fixRowJson(f)});
    }
    void insertRepairBatch(const RepairBatch& b) override
    {
        JsonObject o;
        o.add("id", b.id).add("op_id", b.opId).add("product_id", b.productId).add("merchant_id", b.merchantId);
        o.add("drafted_by", b.draftedBy).add("drafted_at", std::int64_t(b.draftedAt));
        c_.run("SELECT rc_add_repair_batch($1::jsonb)", {o.str()});
    }
    void setCatalogSettings(const CatalogSettingsRecord& r) override
    {
        JsonObject o;
        o.add("entries", r.entries).add("changed_by", r.changedBy).add("changed_at", std::int64_t(r.changedAt));
        c_.run("SELECT rc_set_catalog_settings($1::jsonb)", {o.str()});
    }
    void recordOrphanClock(const OrphanClock& x) override
    {
        JsonObject o;
        o.add("ledger_id", x.ledgerId).add("customer_id", x.customerId).add("amount", x.amount).add("class", x.cls);
        o.add("detected_at", std::int64_t(x.detectedAt)).add("first_told_at", std::int64_t(x.firstToldAt));
        c_.run("SELECT rc_record_orphan_clock($1::jsonb)", {o.str()});
    }
    void insertCase(const ComplaintCase& x) override { c_.run("SELECT rc_add_case($1::jsonb)", {caseJson(x)}); }
    void updateCase(const ComplaintCase& x) override { c_.run("SELECT rc_update_case($1::jsonb)", {caseJson(x)}); }
    void insertCaseLink(const CaseLink& l) override
    {
        JsonObject o;
        o.add("case_id", l.caseId).add("kind", l.kind).add("target_id", l.targetId).add("merchant_id", l.merchantId);
        o.add("added_by", l.addedBy).add("added_at", std::int64_t(l.addedAt));
        c_.run("SELECT rc_add_case_link($1::jsonb)", {o.str()});
    }
    void deleteCaseLink(const CaseLink& l) override
    {
        c_.run("SELECT rc_delete_case_link($1, $2, $3)", {p(l.caseId), p(l.kind), p(l.targetId)});
    }
    std::int64_t insertCaseNote(const CaseNote& n) override
    {
        JsonObject o;
        o.add("case_id", n.caseId).add("written_by", n.writtenBy).add("at", std::int64_t(n.at)).add("text", n.text);
        o.add("order_id", n.orderId).add("merchant_id", n.merchantId);
        return c_.exec("SELECT rc_add_case_note($1::jsonb)", {o.str()}).row(0).int64(0);
    }
    std::int64_t insertOrphanNote(const OrphanNote& n) override
    {
        JsonObject o;
        o.add("ledger_id", n.ledgerId).add("order_id", n.orderId).add("merchant_id", n.merchantId);
        o.add("written_by", n.writtenBy).add("at", std::int64_t(n.at)).add("text", n.text);
        return c_.exec("SELECT rc_add_orphan_note($1::jsonb)", {o.str()}).row(0).int64(0);
    }
    std::int64_t insertCaseNotice(const CaseNotice& n) override
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
    void setCasePolicy(const CasePolicy& x) override
    {
        JsonObject o;
        o.add("days", std::int64_t(x.days)).add("extend", std::int64_t(x.extend ? 1 : 0)).add("holidays", x.holidays);
        o.add("changed_by", x.changedBy);
        addOpt(o, "changed_at", x.changedAt);
        c_.run("SELECT rc_set_case_policy($1::jsonb)", {o.str()});
    }
    void markExportWritten(std::int64_t exportId, Instant at) override
    {
        c_.run("SELECT rc_mark_export_written($1, $2)", {p(exportId), p(at)});
    }
    // A session-level advisory lock: it outlives the transaction and dies with the connection.
    bool holdExport(std::int64_t exportId) override
    {
        return c_.exec("SELECT pg_try_advisory_lock($1, $2::int)", {p(std::int64_t(kExportLockClass)), p(exportId)})
                   .row(0)
                   .int64(0)
            == 1;
    }
    void setSignInPassword(const std::string& operatorId, const NewPassword& pw) override
    {
        c_.run("SELECT rc_set_password($1, $2, $3, $4)",
               {p(operatorId), c_.scramVerifier(operatorId, pw.password), p(std::int64_t(pw.mustChange ? 1 : 0)),
                p(pw.at)});
    }
    // The server slows failed sign-ins itself (auth_delay): nothing to count here.
    void recordSignInAttempts(const std::string&, int, Instant) override {}
    void replacePasswordHash(const std::string&, const std::string&) override
    {
        throw StoreError("a team server keeps SCRAM verifiers of its own: there is no Argon2id hash to upgrade");
    }
    // The server links the entry into the chain under its write lock and returns it as stored.
    AuditEntry appendAudit(AuditEntry e) override
    {
        const auto r = c_.exec("SELECT o_seq, o_prev, o_hash FROM rc_append_audit($1, $2, $3, $4, $5, $6, $7)",
                               {p(e.at), p(e.actor), p(e.action), p(e.target), p(e.before), p(e.after), p(e.outcome)});
        e.seq = r.row(0).int64(0);
        e.prevHash = r.row(0).string(1);
        e.hash = r.row(0).string(2);
        return e;
    }

private:
    static std::string operatorJson(const Operator& op)
    {
        JsonObject o;
        o.add("id", op.id).add("name", op.name).add("roles", std::int64_t(op.roles.bits()));
        o.add("merchant_id", op.merchantId).add("enabled", std::int64_t(op.enabled ? 1 : 0));
        o.add("created_at", std::int64_t(op.createdAt)).add("created_by", op.createdBy);
        return o.str();
    }
    static std::string policyChangeJson(const PolicyChange& c)
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
    static void addOpt(JsonObject& o, const char* key, const std::optional<std::int64_t>& v)
    {
        if (v)
            o.add(key, *v);
        else
            o.addRaw(key, "null");
    }
    static std::string refundRowJson(const RefundRequest& r)
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
    static std::string caseJson(const ComplaintCase& x)
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
    static std::string textArray(const std::vector<std::string>& ids)
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
    static std::string fixRowJson(const CatalogFix& f)
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

    PgConnection& c_;
};

std::string loadMigration(const char* resource)
{
    QFile file(QString::fromLatin1(resource));
    if (!file.open(QIODevice::ReadOnly))
        throw StoreError(std::string("migration resource missing from this build: ") + resource);
    return file.readAll().toStdString();
}

void rollbackQuietly(PgConnection& c)
{
    try {
        c.run("ROLLBACK");
    } catch (const StoreError&) {
        // The connection is gone or the transaction already ended: nothing was committed.
    }
}

}  // namespace

int latestPgSchemaVersion() { return static_cast<int>(std::size(kMigrations)); }

PgOpsStore::PgOpsStore(const std::string& conninfo, const ServerSignIn& signIn)
    : conninfo_(conninfo), conn_(std::make_unique<PgConnection>(conninfo, signIn.user, signIn.password))
{
    const int v = serverVersion(*conn_);
    if (v > latestPgSchemaVersion())
        throw StoreError("the operations server " + conn_->describe() + " has schema version " + std::to_string(v)
                         + ", made by a newer Reconsole; this build knows up to " + std::to_string(latestPgSchemaVersion())
                         + ". Update Reconsole.");
    if (v < latestPgSchemaVersion())
        throw StoreError("the operations server " + conn_->describe() + " is at schema version " + std::to_string(v)
                         + " and this build needs " + std::to_string(latestPgSchemaVersion())
                         + ": an administrator runs 'reconsole-cli ops migrate --ops URL' (a console never changes a"
                           " shared schema by itself).");
}

PgOpsStore::~PgOpsStore() = default;

void PgOpsStore::write(const std::function<void(OpsTx&)>& work)
{
    for (int attempt = 1;; ++attempt) {
        conn_->reconnectIfLost();
        std::int64_t xid = 0;
        try {
            conn_->run("BEGIN ISOLATION LEVEL READ COMMITTED");
            xid = conn_->exec("SELECT rc_begin_write()").row(0).int64(0);
            PgOpsTx tx(*conn_);
            work(tx);
            if (faultPoint("pg.lost_before_commit"))
                conn_->cut();
            if (faultPoint("pg.lost_commit_reply")) {
                conn_->sendWithoutReply("COMMIT");
                std::this_thread::sleep_for(std::chrono::milliseconds(300));   // the server commits meanwhile
                conn_->cut();
            }
            conn_->run("COMMIT");
            return;
        } catch (const PgError& e) {
            if (xid && conn_->isLost())
                return settleLostCommit(xid);   // returns only when it did commit
            rollbackQuietly(*conn_);
            if (e.sqlstate() == "42501")
                throw StoreRefusal(e.what());
            if (!isRetryable(e.sqlstate()) || attempt >= kRetries)
                throw;
        } catch (...) {
            rollbackQuietly(*conn_);
            throw;
        }
    }
}

// The connection went away with a transaction open, perhaps during COMMIT: ask the server
// (on a new connection) whether that transaction committed before telling anyone anything.
void PgOpsStore::settleLostCommit(std::int64_t xid)
{
    std::string lastProblem;
    for (int i = 0; i < 20; ++i) {
        try {
            conn_->reconnectIfLost();
            const auto status = conn_->exec("SELECT txid_status($1)", {p(xid)}).row(0).optString(0);
            if (status == "committed")
                return;
            if (status == "aborted")
                throw StoreError("the connection to the operations server was lost before the change was committed: "
                                 "nothing was recorded; try again");
            lastProblem = "the server has not finished with it yet";
        } catch (const PgError& e) {
            lastProblem = e.what();
        } catch (const StoreError& e) {
            if (!conn_->isLost())
                throw;   // the answer: not committed
            lastProblem = e.what();
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100 * (i + 1)));
    }
    throw StoreError("the connection to the operations server was lost while committing, and whether the change was "
                     "recorded cannot be told yet (" + lastProblem + "); look at the refund list before acting again "
                     "(the same action with the same operation id is never done twice)");
}

void PgOpsStore::read(const std::function<void(OpsReader&)>& work)
{
    conn_->reconnectIfLost();
    conn_->run("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    try {
        PgOpsTx tx(*conn_);
        work(tx);
        conn_->run("COMMIT");
    } catch (const PgError& e) {
        rollbackQuietly(*conn_);
        if (e.sqlstate() == "42501")   // e.g. a merchant partner reading what is not its own
            throw StoreRefusal(e.what());
        throw;
    } catch (...) {
        rollbackQuietly(*conn_);
        throw;
    }
}

void PgOpsStore::releaseExports()
{
    try {
        if (!conn_->isLost())
            conn_->run("SELECT pg_advisory_unlock_all()");
    } catch (const StoreError&) {
        // A connection that failed holds nothing any more.
    }
}

void PgOpsStore::backup(const std::string&)
{
    throw StoreError("a shared operations server is backed up with pg_dump (or the server's own backups), "
                     "not from a console");
}

bool PgOpsStore::checkServerPassword(const std::string& operatorId, const std::string& password)
{
    if (password.empty())
        return false;   // libpq would look in ~/.pgpass: only the password given counts here
    try {
        PgConnection probe(conninfo_, operatorId, password);
        return true;
    } catch (const StoreError& e) {
        if (serverFaultOf(e) == ServerFault::SignInRefused)
            return false;
        throw;
    }
}

std::string PgOpsStore::describe() const { return "postgresql://" + conn_->describe(); }

std::pair<int, int> PgOpsStore::migrate(const std::string& conninfo)
{
    PgConnection c(conninfo);
    c.run("CREATE TABLE IF NOT EXISTS reconsole_schema (singleton SMALLINT PRIMARY KEY CHECK (singleton = 1),"
          " version INT NOT NULL)");
    const int before = serverVersion(c);
    if (before > latestPgSchemaVersion())
        throw StoreError("the operations server has schema version " + std::to_string(before)
                         + ", made by a newer Reconsole: update Reconsole before migrating");
    for (int v = before; v < latestPgSchemaVersion(); ++v) {
        c.run("BEGIN");
        try {
            // Two administrators migrating at once: the second waits, then finds it done.
            c.run("LOCK TABLE reconsole_schema IN EXCLUSIVE MODE");
            if (serverVersion(c) != v) {
                c.run("COMMIT");
                continue;
            }
            c.execScript(loadMigration(kMigrations[v]));
            c.run("INSERT INTO reconsole_schema VALUES (1, $1) ON CONFLICT (singleton) DO UPDATE SET version = $1",
                  {p(std::int64_t(v + 1))});
            c.run("COMMIT");
        } catch (...) {
            rollbackQuietly(c);
            throw;
        }
    }
    return {before, serverVersion(c)};
}

}  // namespace reconsole::ops::pg
