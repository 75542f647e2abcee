#pragma once
// Reading product histories and orders from the mirror, and writing findings to
// catalog_anomaly. Used by the checker (full and incremental) and by queries.
#include "catalog/catalog_history.h"

#include <unordered_map>

namespace reconsole {
class Database;
class Statement;
}

namespace reconsole::catalog {

// Each merchant's max_discount_bp, read once per check.
class MerchantLimits {
public:
    explicit MerchantLimits(Database& db) : db_(db) {}
    std::optional<std::int64_t> maxDiscountBp(const std::string& merchantId);
    void loadAll();   // for a full check: one scan instead of a lookup per merchant

private:
    Database& db_;
    std::unordered_map<std::string, std::optional<std::int64_t>> known_;   // nodes stay put: last_ is safe
    const std::pair<const std::string, std::optional<std::int64_t>>* last_ = nullptr;
    bool all_ = false;
};

// Reads a product_version row (columns seq, merchant_id, kind, list_price, price, discount_bp,
// cash_receipt_eligible, updated_at from `first`) into a version with its merchant's limit.
ProductVersion readVersion(const Statement& st, int first, MerchantLimits& limits);
inline constexpr const char* kVersionColumns =
    "seq, merchant_id, kind, list_price, price, discount_bp, cash_receipt_eligible, updated_at";

std::vector<ProductVersion> loadHistory(Database& db, const std::string& productId, MerchantLimits& limits);

void insertAnomaly(Database& db, const Anomaly& a);
void insertAnomalies(Database& db, const std::vector<Anomaly>& rows);

}  // namespace reconsole::catalog
