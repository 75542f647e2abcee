// PgOpsTx: refund requests, foreign credits and the outbox.
#include "ops/pg/pg_ops_tx.h"

#include "ops/ops_rows.h"

namespace reconsole::ops::pg {

namespace {

constexpr int kExportLockClass = 0x5243;   // "RC": the advisory-lock space of held exports

}  // namespace

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
    return all<std::string>(c_.exec("SELECT id FROM unnest($1::text[]) AS t(id) WHERE NOT EXISTS"
                                    " (SELECT 1 FROM seen_credit s WHERE s.credit_id = t.id) ORDER BY id",
                                    {textArray(creditIds)}),
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

}  // namespace reconsole::ops::pg
