#include "catalog/undercharge_report.h"

#include "catalog/catalog_impact.h"
#include "core/instant.h"
#include "store/database.h"

#include <algorithm>
#include <tuple>

namespace reconsole::catalog {
namespace {

constexpr int kSeoulOffsetMinutes = 9 * 60;

// Products a price rule flagged at some time: only their wrong versions can have undercharged.
std::vector<std::string> flaggedProducts(Database& db, const std::optional<std::string>& merchantId)
{
    auto st = db.prepare("SELECT DISTINCT a.product_id FROM catalog_anomaly a WHERE a.order_id = ''"
                         " AND a.rule IN ('PRICE_FAR_FROM_LIST', 'DISCOUNT_OVER_MAX', 'UNIT_PRICE_NOT_POSITIVE')"
                         " AND (?1 IS NULL OR a.merchant_id = ?1) ORDER BY a.product_id");
    if (merchantId)
        st.bind(1, *merchantId);
    else
        st.bindNull(1);
    std::vector<std::string> out;
    while (st.step())
        out.push_back(st.string(0));
    return out;
}

// A CSV field: quoted when it holds a comma, a quote or a line break.
std::string field(const std::string& v)
{
    if (v.find_first_of(",\"\r\n") == std::string::npos)
        return v;
    std::string out = "\"";
    for (char c : v)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string won(Money m) { return std::to_string(m.won()); }

}  // namespace

std::vector<UnderchargeRow> undercharges(Database& db, const std::optional<std::string>& merchantId,
                                         const CatalogRuleSettings& s)
{
    ReadSnapshot snapshot(db);
    std::vector<UnderchargeRow> rows;
    for (const auto& productId : flaggedProducts(db, merchantId)) {
        const auto impact = computeImpact(db, productId, s);
        if (!impact || (merchantId && impact->merchantId != *merchantId))
            continue;
        for (const auto& o : impact->orders) {
            if (o.effect != OrderEffect::Undercharged)
                continue;
            rows.push_back(UnderchargeRow{impact->merchantId, impact->merchantName, impact->productId,
                                          impact->productName, o.orderId, o.customerId, o.createdAt, o.quantity,
                                          o.unitPrice, o.shouldUnit.value_or(o.unitPrice), o.paid,
                                          o.shouldPay.value_or(o.paid), o.undercharge});
        }
    }
    std::stable_sort(rows.begin(), rows.end(), [](const UnderchargeRow& a, const UnderchargeRow& b) {
        return std::tie(a.merchantId, a.productId, a.createdAt, a.orderId)
             < std::tie(b.merchantId, b.productId, b.createdAt, b.orderId);
    });
    return rows;
}

std::string underchargesCsv(const std::vector<UnderchargeRow>& rows)
{
    std::string out = "\xEF\xBB\xBF";
    out += "merchant_id,merchant_name,product_id,product_name,order_id,customer_id,ordered_at_seoul,quantity,"
           "unit_price,should_unit_price,paid,should_have_paid,undercharge\r\n";
    for (const auto& r : rows) {
        out += field(r.merchantId) + "," + field(r.merchantName) + "," + field(r.productId) + "," + field(r.productName)
             + "," + field(r.orderId) + "," + field(r.customerId) + ","
             + formatWithOffset(r.createdAt, kSeoulOffsetMinutes) + "," + std::to_string(r.quantity) + ","
             + won(r.unitPrice) + "," + won(r.shouldUnit) + "," + won(r.paid) + "," + won(r.shouldPay) + ","
             + won(r.undercharge) + "\r\n";
    }
    return out;
}

}  // namespace reconsole::catalog
