// SqliteOpsTx: catalog acknowledgements, catalog fixes, repair batches and catalog settings.
#include "ops/sqlite_ops_tx.h"

#include "ops/sqlite_ops_rows.h"
#include "store/store_error.h"

namespace reconsole::ops {

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

std::optional<CatalogSettingsRecord> SqliteOpsTx::catalogSettings()
{
    auto& st = db_.cached("SELECT entries, changed_by, changed_at FROM catalog_settings WHERE id = 1");
    return firstRow(st, [](const Statement& r) { return CatalogSettingsRecord{r.string(0), r.string(1), r.int64(2)}; });
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

}  // namespace reconsole::ops
