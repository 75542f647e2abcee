#include "ops/mirror_facts.h"

#include "recon/orphan_query.h"
#include "store/database.h"

namespace reconsole::ops {

namespace {

CatalogValues valuesAt(const Statement& st, int first)
{
    CatalogValues v;
    v.listPrice = st.int64(first);
    v.price = st.int64(first + 1);
    v.discountBp = st.int64(first + 2);
    v.cashReceiptEligible = st.int64(first + 3) != 0;
    return v;
}

}  // namespace

std::optional<ProductRecord> findProduct(Database& mirror, const std::string& productId)
{
    auto& st = mirror.cached("SELECT id, name, merchant_id, kind, seq, list_price, price, discount_bp,"
                             " cash_receipt_eligible FROM product WHERE id = ?1");
    st.bind(1, productId);
    std::optional<ProductRecord> p;
    if (st.step())
        p = ProductRecord{st.string(0), st.string(1), st.string(2), st.string(3), st.int64(4), valuesAt(st, 5)};
    st.reset();
    return p;
}

std::vector<ProductVersionValues> productVersionsAfter(Database& mirror, const std::string& productId,
                                                       std::int64_t afterSeq)
{
    auto& st = mirror.cached("SELECT seq, list_price, price, discount_bp, cash_receipt_eligible FROM product_version"
                             " WHERE product_id = ?1 AND seq > ?2 ORDER BY seq");
    st.bind(1, productId).bind(2, afterSeq);
    std::vector<ProductVersionValues> out;
    while (st.step())
        out.push_back(ProductVersionValues{st.int64(0), valuesAt(st, 1)});
    st.reset();
    return out;
}

std::optional<DebitRecord> findLedgerEntry(Database& mirror, const std::string& id)
{
    auto& st = mirror.cached("SELECT l.id, l.customer_id, l.account_id, l.direction, l.purpose, l.order_id, l.amount,"
                             " l.at, p.merchant_id FROM ledger l LEFT JOIN orders o ON o.id = l.order_id"
                             " LEFT JOIN product p ON p.id = o.product_id WHERE l.id = ?1");
    st.bind(1, id);
    std::optional<DebitRecord> d;
    if (st.step())
        d = DebitRecord{st.string(0), st.string(1), st.string(2), st.string(3), st.string(4),
                        st.optString(5), Money(st.int64(6)), st.int64(7), st.optString(8)};
    st.reset();   // an open statement would pin this connection's read snapshot
    return d;
}

std::optional<std::string> orderMerchant(Database& mirror, const std::string& orderId)
{
    auto& st = mirror.cached("SELECT p.merchant_id FROM orders o JOIN product p ON p.id = o.product_id WHERE o.id = ?1");
    st.bind(1, orderId);
    std::optional<std::string> merchant;
    if (st.step())
        merchant = st.optString(0);
    st.reset();
    return merchant;
}

Money platformReturns(Database& mirror, const std::string& debitId)
{
    auto& st = mirror.cached("SELECT amount FROM ledger WHERE ref_id = ?1 AND direction = 'credit'"
                             " AND purpose IN ('refund', 'reversal') AND request_id IS NULL");
    st.bind(1, debitId);
    MoneyTotal total;
    while (st.step())
        total.add(Money(st.int64(0)));
    return total.value();
}

std::vector<RequestCredit> requestCredits(Database& mirror)
{
    auto& st = mirror.cached("SELECT id, request_id, purpose, direction, ref_id, amount, at FROM ledger"
                             " WHERE request_id IS NOT NULL ORDER BY request_id, id");
    std::vector<RequestCredit> out;
    while (st.step())
        out.push_back(RequestCredit{st.string(0), st.string(1), st.string(2), st.string(3), st.optString(4),
                                    Money(st.int64(5)), st.int64(6)});
    return out;
}

std::optional<Money> orphanAmount(Database& mirror, const std::string& debitId)
{
    if (auto o = recon::findOrphan(mirror, debitId))
        return o->orphanAmount;
    return std::nullopt;
}

}  // namespace reconsole::ops
