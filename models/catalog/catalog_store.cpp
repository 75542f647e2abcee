#include "catalog/catalog_store.h"

#include "store/database.h"

namespace reconsole::catalog {

std::optional<std::int64_t> MerchantLimits::maxDiscountBp(const std::string& merchantId)
{
    if (last_ && last_->first == merchantId)   // a product's versions mostly share a merchant
        return last_->second;
    if (const auto it = known_.find(merchantId); it != known_.end()) {
        last_ = &*it;
        return it->second;
    }
    if (all_)
        return std::nullopt;   // not in the mirror (yet)
    auto& st = db_.cached("SELECT max_discount_bp FROM merchant WHERE id = ?1");
    st.bind(1, merchantId);
    std::optional<std::int64_t> limit;
    if (st.step() && !st.isNull(0))
        limit = st.int64(0);
    st.reset();
    known_.emplace(merchantId, limit);
    return limit;
}

void MerchantLimits::loadAll()
{
    auto st = db_.prepare("SELECT id, max_discount_bp FROM merchant");
    while (st.step())
        known_[st.string(0)] = st.isNull(1) ? std::nullopt : std::optional<std::int64_t>(st.int64(1));
    all_ = true;
}

ProductVersion readVersion(const Statement& st, int first, MerchantLimits& limits)
{
    ProductVersion v;
    v.seq = st.int64(first);
    v.merchantId = st.text(first + 1);
    v.kind = st.text(first + 2);
    v.listPrice = st.int64(first + 3);
    v.price = st.int64(first + 4);
    v.discountBp = st.int64(first + 5);
    v.cashReceiptEligible = st.int64(first + 6) != 0;
    v.updatedAt = st.int64(first + 7);
    v.maxDiscountBp = limits.maxDiscountBp(v.merchantId);
    return v;
}

std::vector<ProductVersion> loadHistory(Database& db, const std::string& productId, MerchantLimits& limits)
{
    auto& st = db.cached(std::string("SELECT ") + kVersionColumns
                         + " FROM product_version WHERE product_id = ?1 ORDER BY seq");
    st.bind(1, productId);
    std::vector<ProductVersion> history;
    while (st.step())
        history.push_back(readVersion(st, 0, limits));
    st.reset();
    return history;
}

void insertAnomaly(Database& db, const Anomaly& a)
{
    auto& st = db.cached(
        "INSERT INTO catalog_anomaly(product_id, rule, seq, order_id, last_seq, merchant_id, kind, severity, open, "
        "live_from, live_until, value, reference) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)");
    st.bind(1, a.productId).bind(2, ruleCode(a.finding.rule)).bind(3, a.seq).bind(4, a.orderId).bind(5, a.lastSeq);
    st.bind(6, a.merchantId).bind(7, a.kind).bind(8, severityCode(a.finding.severity)).bind(9, a.open ? 1 : 0);
    st.bind(10, a.liveFrom);
    a.liveUntil ? st.bind(11, *a.liveUntil) : st.bindNull(11);
    st.bind(12, a.finding.value).bind(13, a.finding.reference).run();
}

void insertAnomalies(Database& db, const std::vector<Anomaly>& rows)
{
    for (const Anomaly& a : rows)
        insertAnomaly(db, a);
}

}  // namespace reconsole::catalog
