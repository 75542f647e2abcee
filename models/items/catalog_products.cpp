#include "items/catalog_products.h"

#include "core/money.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <unordered_map>

namespace reconsole::items {
namespace {

QString tr(const char* s) { return QCoreApplication::translate("reconsole::items", s); }
QString won(std::int64_t w) { return formatWon(Money(w)); }

int severityRank(const std::optional<catalog::Severity>& s)
{
    return s ? 1 + static_cast<int>(*s) : 0;
}

}  // namespace

QString percentOfBp(std::int64_t bp)
{
    return QString::number(static_cast<double>(bp) / 100.0, 'g', 6) + QLatin1Char('%');
}

CatalogProducts loadCatalogProducts(Database& db, const CatalogFilter& filter)
{
    CatalogProducts out;
    {
        auto st = db.prepare("SELECT needs_recheck FROM catalog_state WHERE singleton = 1");
        out.stale = st.step() && st.int64(0) != 0;
    }
    // Open findings per product and rule, with the worst severity.
    struct Counts {
        std::array<int, catalog::kRuleCount> byRule{};
        int total = 0;
        std::optional<catalog::Severity> worst;
    };
    std::unordered_map<std::string, Counts> counts;
    {
        auto st = db.prepare("SELECT product_id, rule, severity, count(*) FROM catalog_anomaly WHERE open = 1 "
                             "GROUP BY product_id, rule, severity");
        while (st.step()) {
            const auto rule = catalog::ruleFromCode(st.text(1));
            const auto severity = catalog::severityFromCode(st.text(2));
            if (!rule || !severity)
                continue;   // written by a newer build
            Counts& c = counts[st.string(0)];
            const int n = int(st.int64(3));
            c.byRule[static_cast<std::size_t>(*rule)] += n;
            c.total += n;
            if (severityRank(severity) > severityRank(c.worst))
                c.worst = severity;
        }
    }
    auto st = db.prepare(
        "SELECT p.id, p.name, p.merchant_id, coalesce(m.name, ''), p.kind, p.list_price, p.price, p.discount_bp, "
        "p.cash_receipt_eligible, p.updated_at, (SELECT count(*) FROM product_version v WHERE v.product_id = p.id) "
        "FROM product p LEFT JOIN merchant m ON m.id = p.merchant_id "
        "WHERE (?1 = '' OR p.merchant_id = ?1) AND (?2 = '' OR p.kind = ?2) "
        "AND (?3 IS NULL OR EXISTS (SELECT 1 FROM catalog_anomaly a WHERE a.rule = ?3 AND a.open = 1 "
        "AND a.product_id = p.id))");
    st.bind(1, filter.merchantId);
    st.bind(2, filter.kind);
    filter.rule ? st.bind(3, catalog::ruleCode(*filter.rule)) : st.bindNull(3);
    while (st.step()) {
        CatalogProductRow r;
        r.id = st.string(0);
        r.name = st.string(1);
        r.merchantId = st.string(2);
        r.merchantName = st.string(3);
        r.kind = st.string(4);
        r.listPrice = st.int64(5);
        r.price = st.int64(6);
        r.discountBp = st.int64(7);
        r.cashReceiptEligible = st.int64(8) != 0;
        r.updatedAt = st.int64(9);
        r.versions = st.int64(10);
        if (const auto it = counts.find(r.id); it != counts.end()) {
            r.openByRule = it->second.byRule;
            r.openCount = it->second.total;
            r.worst = it->second.worst;
        }
        if (filter.flaggedOnly && r.openCount == 0)
            continue;
        out.rows.push_back(std::move(r));
    }
    std::stable_sort(out.rows.begin(), out.rows.end(), [](const CatalogProductRow& a, const CatalogProductRow& b) {
        if (severityRank(a.worst) != severityRank(b.worst))
            return severityRank(a.worst) > severityRank(b.worst);
        if (a.openCount != b.openCount)
            return a.openCount > b.openCount;
        if (a.name != b.name)
            return a.name < b.name;
        return a.id < b.id;
    });
    {
        auto m = db.prepare("SELECT m.id, m.name FROM merchant m WHERE EXISTS (SELECT 1 FROM product p "
                            "WHERE p.merchant_id = m.id) ORDER BY m.name, m.id");
        while (m.step())
            out.merchants.push_back({m.string(0), m.string(1)});
    }
    {
        auto k = db.prepare("SELECT DISTINCT kind FROM product ORDER BY kind");
        while (k.step())
            out.kinds.push_back(k.string(0));
    }
    return out;
}

CatalogProductDetail loadCatalogProductDetail(Database& db, const std::string& productId)
{
    CatalogProductDetail d;
    d.productId = productId;
    {
        auto st = db.prepare("SELECT seq, name, kind, list_price, price, discount_bp, cash_receipt_eligible, updated_at "
                             "FROM product_version WHERE product_id = ?1 ORDER BY seq");
        st.bind(1, productId);
        while (st.step()) {
            CatalogVersion v;
            v.seq = st.int64(0);
            v.name = st.string(1);
            v.kind = st.string(2);
            v.listPrice = st.int64(3);
            v.price = st.int64(4);
            v.discountBp = st.int64(5);
            v.cashReceiptEligible = st.int64(6) != 0;
            v.updatedAt = st.int64(7);
            d.versions.push_back(std::move(v));
        }
    }
    catalog::AnomalyQuery q;   // every finding of the product, open ones first
    q.productId = productId;
    d.anomalies = catalog::listAnomalies(db, q);
    return d;
}

QString ruleShortLabel(catalog::Rule r)
{
    using catalog::Rule;
    switch (r) {
    case Rule::PriceFarFromList: return tr("가격 이상");
    case Rule::DiscountOverMax: return tr("할인 초과");
    case Rule::UnitPriceNotPositive: return tr("0원 이하 판매가");
    case Rule::ReceiptFlagKind: return tr("현금영수증 표시");
    case Rule::SuddenPriceChange: return tr("급격한 가격 변경");
    case Rule::SuddenDiscountChange: return tr("급격한 할인 변경");
    case Rule::OrderPriceMismatch: return tr("주문 단가 불일치");
    case Rule::OrderTotalMismatch: return tr("주문 합계 불일치");
    case Rule::ReceiptOnIneligible: return tr("대상 아닌 현금영수증");
    case Rule::ReceiptFailed: return tr("현금영수증 실패");
    }
    return {};
}

QString kindLabel(const std::string& kind)
{
    if (kind == "voucher")
        return tr("상품권");
    if (kind == "goods")
        return tr("일반 상품");
    if (kind == "coupon")
        return tr("쿠폰");
    return QString::fromStdString(kind);
}

QString ruleCountsText(const std::array<int, catalog::kRuleCount>& counts)
{
    QStringList parts;
    for (int i = 0; i < catalog::kRuleCount; ++i)
        if (counts[static_cast<std::size_t>(i)] > 0)
            parts << QStringLiteral("%1 %2").arg(ruleShortLabel(static_cast<catalog::Rule>(i))).arg(counts[static_cast<std::size_t>(i)]);
    return parts.join(QStringLiteral(" · "));
}

QString versionChangeText(const CatalogVersion& v, const CatalogVersion* before)
{
    if (!before)
        return tr("처음 등록");
    QStringList parts;
    if (v.price != before->price)
        parts << tr("판매가 %1 → %2").arg(won(before->price), won(v.price));
    if (v.listPrice != before->listPrice)
        parts << tr("정가 %1 → %2").arg(won(before->listPrice), won(v.listPrice));
    if (v.discountBp != before->discountBp)
        parts << tr("할인 %1 → %2").arg(percentOfBp(before->discountBp), percentOfBp(v.discountBp));
    if (v.cashReceiptEligible != before->cashReceiptEligible)
        parts << (v.cashReceiptEligible ? tr("현금영수증 대상으로 바뀜") : tr("현금영수증 대상 아님으로 바뀜"));
    if (v.kind != before->kind)
        parts << tr("종류 %1 → %2").arg(kindLabel(before->kind), kindLabel(v.kind));
    if (v.name != before->name)
        parts << tr("이름 변경");
    return parts.isEmpty() ? tr("변경 없음") : parts.join(QStringLiteral(", "));
}

}  // namespace reconsole::items
