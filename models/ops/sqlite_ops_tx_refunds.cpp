// SqliteOpsTx: refund requests, foreign credits and the outbox.
#include "ops/sqlite_ops_tx.h"

#include "ops/sqlite_ops_rows.h"
#include "store/store_error.h"

namespace reconsole::ops {

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

void SqliteOpsTx::markExportWritten(std::int64_t exportId, Instant at)
{
    auto& st = db_.cached("UPDATE outbox_export SET written_at = ?2 WHERE id = ?1");
    st.bind(1, exportId).bind(2, at).run();
}

std::optional<RefundRequest> SqliteOpsTx::oneRefund(const char* where, const std::string& value)
{
    auto& st = db_.cached(std::string("SELECT ") + rows::kRefundColumns + " FROM refund_request WHERE " + where);
    st.bind(1, value);
    return firstRow(st, rows::refundFrom<Statement>);
}

std::vector<RefundRequest> SqliteOpsTx::allRefunds(Statement& st)
{
    std::vector<RefundRequest> out;
    while (st.step())
        out.push_back(rows::refundFrom(st));
    return out;
}

}  // namespace reconsole::ops
