#pragma once
// Undercharges for the merchants' records (docs/catalog.md, "Repair"): orders a catalog error
// charged less than they should have been. They are never taken back from customers; the
// merchant received too little, and this report tells each merchant by how much, order by order.
#include "catalog/catalog_settings.h"
#include "core/instant.h"
#include "core/money.h"

#include <optional>
#include <string>
#include <vector>

namespace reconsole {
class Database;
}

namespace reconsole::catalog {

struct UnderchargeRow {
    std::string merchantId, merchantName, productId, productName, orderId, customerId;
    Instant createdAt = 0;
    std::int64_t quantity = 0;
    Money unitPrice, shouldUnit, paid, shouldPay, undercharge;
};

// Every undercharged paid order of every product a price rule flagged (open or past), by
// merchant, product, time, order; one merchant's only when `merchantId` is given.
std::vector<UnderchargeRow> undercharges(Database& db, const std::optional<std::string>& merchantId,
                                         const CatalogRuleSettings& s = {});

// CSV, UTF-8 with a byte-order mark so that spreadsheet programs show Hangul, a header row,
// times in Asia/Seoul; data rows only (totals are for the caller to say).
std::string underchargesCsv(const std::vector<UnderchargeRow>& rows);

}  // namespace reconsole::catalog
