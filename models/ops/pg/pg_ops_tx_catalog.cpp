// PgOpsTx: catalog acknowledgements, catalog fixes, repair batches and catalog settings.
#include "ops/pg/pg_ops_tx.h"

#include "ops/catalog_values.h"
#include "ops/ops_rows.h"

namespace reconsole::ops::pg {

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

std::optional<CatalogSettingsRecord> PgOpsTx::catalogSettings()
{
    return first<CatalogSettingsRecord>(c_.exec("SELECT entries, changed_by, changed_at FROM catalog_settings"
                                                " WHERE id = 1"),
                                        [](const Row& r) {
                                            return CatalogSettingsRecord{r.string(0), r.string(1), r.int64(2)};
                                        });
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
