#pragma once
// The catalog screen's operations side, read on the session's OpsWorker (never the GUI thread):
// one product's fixes, repair batches and acknowledgements with what the reader may do, the
// products with a fix under way (the "fix pending" mark), and the catalog rules in force.
// Plain functions over an OpsContext, so tests can call them directly.
#include "catalog/catalog_query.h"
#include "items/catalog_products.h"
#include "ops/catalog_fix_service.h"
#include "ops/catalog_rules_in_force.h"
#include "ops/repair_service.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace reconsole::items {

class OpsSession;

// An acknowledgement that holds now for one of the product's open findings.
struct AckMark {
    std::string orderId, rule, by, reason;
    Instant at = 0;
};

struct ProductOps {
    std::string productId;
    std::optional<ops::FixQuote> quote;        // nullopt: refused (see refusal)
    std::vector<ops::FixRow> fixes;            // newest first, with what the reader may do
    std::vector<ops::RepairBatch> batches;     // the product's repair batches
    std::vector<catalog::AnomalyRow> openFindings;   // open in the mirror, not acknowledged
    std::vector<AckMark> acks;                 // acknowledgements holding now
    std::optional<ops::Refusal> refusal;       // why the reader sees no fixes
    bool canAcknowledge = false, canPropose = false, canDraftRepair = false;
    // A fix requested, approved or sent: the product shows "fix pending".
    bool fixPending() const { return quote && quote->underWay.has_value(); }
};

// Reads everything above for `productId` as `actorId`. Throws StoreError.
ProductOps loadProductOps(ops::OpsContext& ctx, const std::string& actorId, const std::string& productId);

// Products with a fix requested, approved or sent (empty for a reader who may not see fixes).
QSet<QString> productsWithFixPending(ops::OpsContext& ctx, const std::string& actorId);

// Products with an open finding acknowledged now, and what stays open on each.
QHash<QString, OpenAfterAcks> openAfterAcks(ops::OpsContext& ctx);

// Reads the catalog rules in force on the session's worker; `done` runs on the GUI thread with
// them, or with the defaults and the store's error when it could not be read.
void readCatalogRules(OpsSession* session, QObject* context,
                      std::function<void(const ops::CatalogRulesInForce& rules, const QString& error)> done);

// Words for the catalog side of the operations store.
QString fixReasonLabel(const std::string& code);   // "가격 오류 (PRICE_ERROR)"
// "판매가 ₩3,300 → ₩33,000 · 할인 0% → 5%" for the values a fix sets against what it expected.
QString fixChangeText(const ops::CatalogValues& from, const ops::CatalogValues& to);
// "수정 대기 (승인 대기)" and so on for a fix under way; empty otherwise.
QString fixPendingText(const ops::CatalogFix& fix);

}  // namespace reconsole::items
