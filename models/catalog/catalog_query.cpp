#include "catalog/catalog_query.h"

#include "store/database.h"

namespace reconsole::catalog {

std::vector<AnomalyRow> listAnomalies(Database& db, const AnomalyQuery& q)
{
    // One product's findings (the console's detail pane) go through the key, not a scan.
    const std::string productFilter = q.productId.empty() ? "" : "AND a.product_id = ?4 ";
    auto st = db.prepare(
        "SELECT a.product_id, a.rule, a.seq, a.order_id, a.last_seq, a.merchant_id, a.kind, a.severity, a.open, "
        "a.live_from, a.live_until, a.value, a.reference, coalesce(p.name, ''), coalesce(m.name, '') "
        "FROM catalog_anomaly a LEFT JOIN product p ON p.id = a.product_id LEFT JOIN merchant m ON m.id = a.merchant_id "
        "WHERE (?1 = 0 OR a.open = 1) AND (?2 IS NULL OR a.rule = ?2) AND (?3 = '' OR a.merchant_id = ?3) "
        + productFilter
        + "ORDER BY a.open DESC, CASE a.severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, a.rule, "
          "a.product_id, a.seq, a.order_id");
    st.bind(1, q.openOnly ? 1 : 0);
    q.rule ? st.bind(2, ruleCode(*q.rule)) : st.bindNull(2);
    st.bind(3, q.merchantId);
    if (!q.productId.empty())
        st.bind(4, q.productId);
    std::vector<AnomalyRow> rows;
    while (st.step()) {
        AnomalyRow r;
        Anomaly& a = r.anomaly;
        a.productId = st.string(0);
        const auto rule = ruleFromCode(st.text(1));
        const auto severity = severityFromCode(st.text(7));
        if (!rule || !severity)
            continue;   // written by a newer build: not ours to show
        a.finding = {*rule, *severity, st.int64(11), st.int64(12)};
        a.seq = st.int64(2);
        a.orderId = st.string(3);
        a.lastSeq = st.int64(4);
        a.merchantId = st.string(5);
        a.kind = st.string(6);
        a.open = st.int64(8) != 0;
        a.liveFrom = st.int64(9);
        if (!st.isNull(10))
            a.liveUntil = st.int64(10);
        r.productName = st.string(13);
        r.merchantName = st.string(14);
        rows.push_back(std::move(r));
    }
    return rows;
}

}  // namespace reconsole::catalog
