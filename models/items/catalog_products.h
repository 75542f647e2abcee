#pragma once
// The catalog screen's data, read from the mirror: products with their open catalog findings
// counted per rule (catalog_anomaly, kept by models/catalog), and one product's versions with
// every finding on it. Plain functions over a Database, run on a MirrorWorker thread by the
// models (catalog_product_model.h, catalog_history_model.h) and called directly by tests.
#include "catalog/catalog_query.h"

#include <QString>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace reconsole::items {

struct CatalogFilter {
    std::string merchantId;              // empty: every merchant
    std::string kind;                    // empty: every kind (voucher, goods, coupon)
    std::optional<catalog::Rule> rule;   // only products with an open finding of this rule
    bool flaggedOnly = false;            // only products with an open finding
    friend bool operator==(const CatalogFilter&, const CatalogFilter&) = default;
};

struct CatalogProductRow {
    std::string id, name, merchantId, merchantName, kind;
    std::int64_t listPrice = 0, price = 0, discountBp = 0;
    bool cashReceiptEligible = false;
    Instant updatedAt = 0;
    std::int64_t versions = 0;
    std::array<int, catalog::kRuleCount> openByRule{};   // open findings per rule
    int openCount = 0;
    std::optional<catalog::Severity> worst;              // of the open findings
};

// A product's open findings once the acknowledgements that hold now are left out (read from the
// operations store; the mirror's counts do not know them).
struct OpenAfterAcks {
    std::array<int, catalog::kRuleCount> openByRule{};
    int openCount = 0;
    int acknowledged = 0, acknowledgedHigh = 0;   // open findings an acknowledgement covers now
    std::optional<catalog::Severity> worst;
    friend bool operator==(const OpenAfterAcks&, const OpenAfterAcks&) = default;
};

struct CatalogChoice {
    std::string id, name;
};

struct CatalogProducts {
    std::vector<CatalogProductRow> rows;   // flagged first (worst severity, most findings), then by name
    std::vector<CatalogChoice> merchants;  // every merchant with a product, by name
    std::vector<std::string> kinds;        // every product kind in the mirror
    bool stale = false;                    // catalog_state says the findings need a full recheck
};

CatalogProducts loadCatalogProducts(Database& db, const CatalogFilter& filter);

struct CatalogVersion {
    std::int64_t seq = 0;
    std::string name, kind;
    std::int64_t listPrice = 0, price = 0, discountBp = 0;
    bool cashReceiptEligible = false;
    Instant updatedAt = 0;
};

struct CatalogProductDetail {
    std::string productId;
    std::vector<CatalogVersion> versions;        // by seq
    std::vector<catalog::AnomalyRow> anomalies;  // open first, then by severity, rule, version, order
};

CatalogProductDetail loadCatalogProductDetail(Database& db, const std::string& productId);

// A short label for per-rule counts ("가격 이상"); catalog::ruleLabel is the long one.
QString ruleShortLabel(catalog::Rule r);
QString kindLabel(const std::string& kind);   // "상품권", "일반 상품", "쿠폰"
// "가격 이상 3 · 할인 초과 1"; empty when every count is 0.
QString ruleCountsText(const std::array<int, catalog::kRuleCount>& counts);
// What changed from `before` to `v` ("판매가 ₩33,000 → ₩3,300, 할인 0% → 10%"); the first version reads "처음 등록".
QString versionChangeText(const CatalogVersion& v, const CatalogVersion* before);
QString percentOfBp(std::int64_t bp);   // 1000 -> "10%"

}  // namespace reconsole::items
