#include "items/table_exports.h"

#include "store/database.h"

namespace reconsole::items {
namespace {

const char* kindCode(recon::EventKind k)
{
    switch (k) {
    case recon::EventKind::Order: return "order";
    case recon::EventKind::Payment: return "payment";
    case recon::EventKind::Ledger: return "ledger";
    case recon::EventKind::CashReceipt: return "cash_receipt";
    }
    return "";
}

}  // namespace

CsvExport::Job queueCsvJob(const QString& mirrorPath, const QueueQuery& query)
{
    return [path = mirrorPath.toStdString(), query](CsvWriter& out, const std::atomic<bool>& cancelled) {
        Database db(path, Database::Mode::ReadOnly);
        for (const char* h : {"ledger_id", "at_seoul", "customer_id", "customer_name", "account_id", "order_id",
                              "payment_id", "merchant_id", "merchant_name", "product_name", "class", "amount",
                              "orphan_amount"})
            out.field(h);
        out.endRow();
        forEachQueueRow(db, query, [&](const QueueRow& r) {
            out.field(r.ledgerId).field(seoulTime(r.at)).field(r.customerId).field(r.customerName).field(r.accountId);
            out.field(r.orderId).field(r.paymentId).field(r.merchantId).field(r.merchantName).field(r.productName);
            out.field(orphanClassCode(r.cls)).field(r.amount.won()).field(r.orphanAmount.won());
            out.endRow();
            return !cancelled.load(std::memory_order_relaxed);
        });
    };
}

CsvExport::Job timelineCsvJob(const recon::CustomerTimeline& timeline)
{
    return [t = timeline](CsvWriter& out, const std::atomic<bool>& cancelled) {
        for (const char* h : {"at_seoul", "kind", "id", "customer_id", "order_id", "status", "purpose", "account_id",
                              "detail", "amount", "orphan_class", "orphan_amount"})
            out.field(h);
        out.endRow();
        for (const auto& e : t.events) {
            if (cancelled.load(std::memory_order_relaxed))
                return;
            out.field(seoulTime(e.at)).field(kindCode(e.kind)).field(e.id).field(t.customerId).field(e.orderId);
            out.field(e.status).field(e.purpose).field(e.accountId).field(e.detail).field(e.amount.won());
            if (e.orphan)
                out.field(orphanClassCode(e.orphan->cls)).field(e.orphan->orphanAmount.won());
            else
                out.field("").field("");
            out.endRow();
        }
    };
}

}  // namespace reconsole::items
