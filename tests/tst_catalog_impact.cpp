// The impact of a catalog error ("blast radius"): the orders placed while a wrong value was
// live, what they paid against what they should have paid, and the orphan debits the
// product's cash-receipt flag explains (docs/catalog.md, "Impact").
#include "catalog/catalog_check.h"
#include "catalog/catalog_impact.h"
#include "catalog/catalog_query.h"
#include "catalog/catalog_store.h"
#include "demo/demo_feed.h"
#include "recon/orphan_query.h"
#include "test_mirror.h"

#include <QElapsedTimer>
#include <QTest>
#include <algorithm>
#include <fstream>
#include <set>

using namespace reconsole;
using namespace reconsole::catalog;

namespace {

std::string merchant(const std::string& id, int maxBp)
{
    return R"("type":"merchant","id":")" + id + R"(","name":")" + id + R"(","category":"cafe","max_discount_bp":)"
        + std::to_string(maxBp) + "}";
}

std::string product(const std::string& id, const std::string& merchantId, int list, int price, int discountBp,
                    const std::string& updated)
{
    return R"("type":"product","id":")" + id + R"(","merchant_id":")" + merchantId + R"(","name":")" + id
        + R"(","kind":"goods","list_price":)" + std::to_string(list) + R"(,"price":)" + std::to_string(price)
        + R"(,"discount_bp":)" + std::to_string(discountBp) + R"(,"cash_receipt_eligible":true,"updated_at":")"
        + updated + R"("})";
}

std::string order(const std::string& id, const std::string& customer, const std::string& productId, int unit, int qty,
                  const std::string& created, const std::string& status = "paid")
{
    return R"("type":"order","id":")" + id + R"(","customer_id":")" + customer + R"(","product_id":")" + productId
        + R"(","quantity":)" + std::to_string(qty) + R"(,"unit_price":)" + std::to_string(unit) + R"(,"total":)"
        + std::to_string(unit * qty) + R"(,"status":")" + status + R"(","created_at":")" + created
        + R"(","updated_at":")" + created + R"("})";
}

// Lines numbered from `first` on (a later import must go on past the feed's max seq).
std::vector<std::string> numbered(const std::vector<std::string>& bodies, std::size_t first = 1)
{
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < bodies.size(); ++i)
        lines.push_back("{\"seq\":" + std::to_string(first + i) + "," + bodies[i]);
    return lines;
}

std::vector<std::string> orderIds(const CatalogImpact& x)
{
    std::vector<std::string> ids;
    for (const ImpactOrder& o : x.orders)
        ids.push_back(o.orderId);
    return ids;
}

const ImpactOrder* findOrder(const CatalogImpact& x, const std::string& id)
{
    for (const ImpactOrder& o : x.orders)
        if (o.orderId == id)
            return &o;
    return nullptr;
}

const AnomalyRow* findRun(const std::vector<AnomalyRow>& rows, Rule rule, const std::string& productId)
{
    for (const AnomalyRow& r : rows)
        if (r.anomaly.finding.rule == rule && r.anomaly.productId == productId && r.anomaly.orderId.empty())
            return &r;
    return nullptr;
}

constexpr Instant kTen = 1768039200000;   // 2026-01-10T10:00:00Z

}  // namespace

class TestCatalogImpact : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void missingZeroForTwoHours();
    void extraZeroOvercharges();
    void discountOverMaxChargedAtMax();
    void periodsMatchTheKeptRuns();
    void correctProductHasNoImpact();
    void unknownProduct();
    void noCorrectPriceIsNotGuessed();
    void versionNeverLiveIsNoPeriod();
    void exampleFeedCake();
    void exampleFeedVoucher();
    void demoAgreesWithTheHistory();

private:
    std::unique_ptr<test::TestMirror> m_;
};

void TestCatalogImpact::init()
{
    // One hand-made history, three products, each wrong for two hours (10:00 to 12:00) between
    // two correct versions. M-A allows at most 30 % off.
    m_ = std::make_unique<test::TestMirror>();
    CatalogState state;
    feed::ImportOptions o;
    o.catalog = &state;
    const auto r = m_->importLines(numbered({
        merchant("M-A", 3000),
        // P-MISS: list ₩10,000 at 10 % off (₩9,000); a zero missing from 10:00 to 12:00 (₩1,000 -> ₩900).
        product("P-MISS", "M-A", 10000, 10000, 1000, "2026-01-10T00:00:00Z"),
        product("P-MISS", "M-A", 10000, 1000, 1000, "2026-01-10T10:00:00Z"),
        product("P-MISS", "M-A", 10000, 10000, 1000, "2026-01-10T12:00:00Z"),
        order("O-M-BEFORE", "C-1", "P-MISS", 9000, 1, "2026-01-10T09:00:00Z"),
        order("O-M-1MS", "C-1", "P-MISS", 9000, 1, "2026-01-10T09:59:59.999Z"),   // 1 ms before: not during
        order("O-M-START", "C-1", "P-MISS", 900, 2, "2026-01-10T10:00:00Z"),      // exactly at the start: during
        order("O-M-MID", "C-2", "P-MISS", 900, 1, "2026-01-10T11:00:00Z"),
        order("O-M-PEND", "C-3", "P-MISS", 900, 1, "2026-01-10T11:30:00Z", "pending"),   // no money moved
        order("O-M-LAST", "C-2", "P-MISS", 900, 3, "2026-01-10T11:59:59.999Z"),
        order("O-M-END", "C-1", "P-MISS", 9000, 1, "2026-01-10T12:00:00Z"),      // the correction's start: after
        order("O-M-AFTER", "C-4", "P-MISS", 9000, 1, "2026-01-10T13:00:00Z"),
        // P-EXTRA: ₩5,000, no discount; an extra zero (₩50,000) from 10:00 to 12:00.
        product("P-EXTRA", "M-A", 5000, 5000, 0, "2026-01-10T00:00:00Z"),
        product("P-EXTRA", "M-A", 5000, 50000, 0, "2026-01-10T10:00:00Z"),
        product("P-EXTRA", "M-A", 5000, 5000, 0, "2026-01-10T12:00:00Z"),
        order("O-E-BEFORE", "C-1", "P-EXTRA", 5000, 1, "2026-01-10T09:59:59.999Z"),
        order("O-E-1", "C-1", "P-EXTRA", 50000, 1, "2026-01-10T10:00:00Z"),
        order("O-E-2", "C-1", "P-EXTRA", 50000, 2, "2026-01-10T10:30:00Z"),
        order("O-E-3", "C-2", "P-EXTRA", 50000, 1, "2026-01-10T11:00:00Z"),
        order("O-E-FAIL", "C-3", "P-EXTRA", 50000, 1, "2026-01-10T11:10:00Z", "failed"),
        order("O-E-AFTER", "C-4", "P-EXTRA", 5000, 1, "2026-01-10T12:00:00Z"),
        // P-DISC: ₩20,000 at 20 % off; 60 % off (over M-A's 30 %) from 10:00 to 12:00.
        product("P-DISC", "M-A", 20000, 20000, 2000, "2026-01-10T00:00:00Z"),
        product("P-DISC", "M-A", 20000, 20000, 6000, "2026-01-10T10:00:00Z"),
        product("P-DISC", "M-A", 20000, 20000, 2000, "2026-01-10T12:00:00Z"),
        order("O-D-BEFORE", "C-1", "P-DISC", 16000, 1, "2026-01-10T09:59:59.999Z"),
        order("O-D-1", "C-5", "P-DISC", 8000, 1, "2026-01-10T10:15:00Z"),
        order("O-D-2", "C-6", "P-DISC", 8000, 4, "2026-01-10T11:45:00Z"),
        order("O-D-AFTER", "C-1", "P-DISC", 16000, 1, "2026-01-10T12:00:00Z"),
    }), o);
    QCOMPARE(r.status, feed::ImportStatus::Done);
    QCOMPARE(r.counts.quarantined, std::int64_t(0));
}

void TestCatalogImpact::cleanup() { m_.reset(); }

void TestCatalogImpact::missingZeroForTwoHours()
{
    const auto x = computeImpact(m_->db(), "P-MISS");
    QVERIFY(x);
    QCOMPARE(x->periods.size(), 1u);
    const ImpactPeriod& p = x->periods[0];
    QCOMPARE(p.seq, 3);   // the second P-MISS line (seq 3 of the feed)
    QCOMPARE(p.lastSeq, 3);
    QCOMPARE(p.from, kTen);
    QCOMPARE(p.until, std::optional<Instant>(kTen + 2 * 3600 * 1000));
    QCOMPARE(p.rules, (std::vector<Rule>{Rule::PriceFarFromList}));

    // Exactly the orders placed during the two hours, the start included, the end not.
    QCOMPARE(orderIds(*x), (std::vector<std::string>{"O-M-START", "O-M-MID", "O-M-PEND", "O-M-LAST"}));
    // Should: the list price at the version's 10 % off, ₩9,000 a unit.
    const ImpactOrder* start = findOrder(*x, "O-M-START");
    QCOMPARE(start->seq, 3);
    QCOMPARE(start->paid, Money(1800));
    QCOMPARE(start->shouldUnit, std::optional<Money>(Money(9000)));
    QCOMPARE(start->shouldPay, std::optional<Money>(Money(18000)));
    QCOMPARE(start->undercharge, Money(16200));
    QCOMPARE(start->overcharge, Money(0));
    QCOMPARE(start->effect, OrderEffect::Undercharged);
    QCOMPARE(findOrder(*x, "O-M-PEND")->effect, OrderEffect::NotPaid);
    QCOMPARE(findOrder(*x, "O-M-LAST")->undercharge, Money(24300));

    // The merchant received 16,200 + 8,100 + 24,300 too little over three paid orders of two
    // customers; the pending order is listed but not counted. Nobody paid too much.
    QCOMPARE(x->undercharge.value(), Money(48600));
    QVERIFY(!x->undercharge.overflowed());
    QCOMPARE(x->underchargedOrders, 3);
    QCOMPARE(x->underchargedCustomers, 2);
    QCOMPARE(x->overcharge.value(), Money(0));
    QCOMPARE(x->overchargedOrders, 0);
    QCOMPARE(x->overchargedCustomers, 0);
    QCOMPARE(x->unknownOrders, 0);
    QVERIFY(x->receiptOrders.empty());
    QVERIFY(x->orphans.empty());
}

void TestCatalogImpact::extraZeroOvercharges()
{
    const auto x = computeImpact(m_->db(), "P-EXTRA");
    QVERIFY(x);
    QCOMPARE(x->periods.size(), 1u);
    QCOMPARE(orderIds(*x), (std::vector<std::string>{"O-E-1", "O-E-2", "O-E-3", "O-E-FAIL"}));
    // Should: ₩5,000 a unit. O-E-1 paid 45,000 too much, O-E-2 90,000, O-E-3 45,000; the
    // failed order took nothing.
    QCOMPARE(findOrder(*x, "O-E-2")->overcharge, Money(90000));
    QCOMPARE(findOrder(*x, "O-E-2")->shouldPay, std::optional<Money>(Money(10000)));
    QCOMPARE(findOrder(*x, "O-E-FAIL")->effect, OrderEffect::NotPaid);
    QCOMPARE(x->overcharge.value(), Money(180000));
    QCOMPARE(x->overchargedOrders, 3);
    QCOMPARE(x->overchargedCustomers, 2);
    QCOMPARE(x->undercharge.value(), Money(0));
    QCOMPARE(x->underchargedOrders, 0);
}

void TestCatalogImpact::discountOverMaxChargedAtMax()
{
    const auto x = computeImpact(m_->db(), "P-DISC");
    QVERIFY(x);
    QCOMPARE(x->periods.size(), 1u);
    QCOMPARE(x->periods[0].rules, (std::vector<Rule>{Rule::DiscountOverMax}));
    QCOMPARE(orderIds(*x), (std::vector<std::string>{"O-D-1", "O-D-2"}));
    // Should: ₩20,000 at the merchant's 30 % maximum, ₩14,000 (not the 20 % before the error).
    QCOMPARE(findOrder(*x, "O-D-1")->shouldUnit, std::optional<Money>(Money(14000)));
    QCOMPARE(findOrder(*x, "O-D-1")->undercharge, Money(6000));
    QCOMPARE(findOrder(*x, "O-D-2")->undercharge, Money(24000));
    QCOMPARE(x->undercharge.value(), Money(30000));
    QCOMPARE(x->underchargedOrders, 2);
    QCOMPARE(x->underchargedCustomers, 2);
    QCOMPARE(x->overchargedOrders, 0);
}

// The periods are the runs the checker keeps (catalog_anomaly), computed afresh.
void TestCatalogImpact::periodsMatchTheKeptRuns()
{
    const auto rows = listAnomalies(m_->db());
    for (const auto& [id, rule] : {std::pair<std::string, Rule>{"P-MISS", Rule::PriceFarFromList},
                                   {"P-EXTRA", Rule::PriceFarFromList}, {"P-DISC", Rule::DiscountOverMax}}) {
        const AnomalyRow* run = findRun(rows, rule, id);
        QVERIFY2(run, id.c_str());
        QVERIFY(!run->anomaly.open);
        const auto x = computeImpact(m_->db(), id);
        QCOMPARE(x->periods.size(), 1u);
        QCOMPARE(x->periods[0].from, run->anomaly.liveFrom);
        QCOMPARE(x->periods[0].until, run->anomaly.liveUntil);
        QCOMPARE(x->periods[0].seq, run->anomaly.seq);
        QCOMPARE(x->periods[0].lastSeq, run->anomaly.lastSeq);
    }
}

void TestCatalogImpact::correctProductHasNoImpact()
{
    QVERIFY(m_->importLines(numbered({product("P-OK", "M-A", 3000, 3000, 0, "2026-01-10T00:00:00Z"),
                                      order("O-OK", "C-1", "P-OK", 3000, 1, "2026-01-10T10:00:00Z")},
                                     1000))
                .status
            == feed::ImportStatus::Done);
    const auto x = computeImpact(m_->db(), "P-OK");
    QVERIFY(x);
    QCOMPARE(x->productName, std::string("P-OK"));
    QVERIFY(x->periods.empty());
    QVERIFY(x->orders.empty());
    QCOMPARE(x->overcharge.value(), Money(0));
    QCOMPARE(x->undercharge.value(), Money(0));
}

void TestCatalogImpact::unknownProduct() { QVERIFY(!computeImpact(m_->db(), "P-NOPE")); }

// 100 % off at a merchant that gave no maximum: the unit price is 0 and no rule says what it
// should have been. The order is listed, counted apart, and in neither total.
void TestCatalogImpact::noCorrectPriceIsNotGuessed()
{
    QVERIFY(m_->importLines(numbered({R"("type":"merchant","id":"M-B","name":"M-B","category":"cafe"})",
                                      product("P-FREE", "M-B", 8000, 8000, 0, "2026-01-10T00:00:00Z"),
                                      product("P-FREE", "M-B", 8000, 8000, 10000, "2026-01-10T10:00:00Z"),
                                      order("O-FREE", "C-1", "P-FREE", 0, 1, "2026-01-10T10:30:00Z")},
                                     2000))
                .status
            == feed::ImportStatus::Done);
    const auto x = computeImpact(m_->db(), "P-FREE");
    QVERIFY(x);
    QCOMPARE(x->periods.size(), 1u);
    QCOMPARE(x->periods[0].rules, (std::vector<Rule>{Rule::UnitPriceNotPositive}));
    QCOMPARE(orderIds(*x), (std::vector<std::string>{"O-FREE"}));
    QCOMPARE(x->orders[0].effect, OrderEffect::UnknownCorrect);
    QVERIFY(!x->orders[0].shouldPay);
    QCOMPARE(x->unknownOrders, 1);
    QCOMPARE(x->undercharge.value(), Money(0));
    QCOMPARE(x->underchargedOrders, 0);
}

// A wrong version followed by a correct one with the same updated_at was never live (the
// higher seq wins the tie): no period, and the order at that instant is not affected.
void TestCatalogImpact::versionNeverLiveIsNoPeriod()
{
    QVERIFY(m_->importLines(numbered({product("P-TIE", "M-A", 4000, 4000, 0, "2026-01-10T00:00:00Z"),
                                      product("P-TIE", "M-A", 4000, 400, 0, "2026-01-10T10:00:00Z"),
                                      product("P-TIE", "M-A", 4000, 4000, 0, "2026-01-10T10:00:00Z"),
                                      order("O-TIE", "C-1", "P-TIE", 4000, 1, "2026-01-10T10:00:00Z")},
                                     3000))
                .status
            == feed::ImportStatus::Done);
    const auto x = computeImpact(m_->db(), "P-TIE");
    QVERIFY(x);
    QVERIFY(x->periods.empty());
    QVERIFY(x->orders.empty());
}

// The example feed's cake set, ₩3,300 against its list price of ₩33,000 (a zero missing,
// live now): its one paid order brought the merchant ₩29,700 too little.
void TestCatalogImpact::exampleFeedCake()
{
    test::TestMirror m;
    m.import({test::sharedPath("examples/incident-small.jsonl")});
    const auto x = computeImpact(m.db(), "P-SBUX-CAKE");
    QVERIFY(x);
    QCOMPARE(x->productName, std::string("스타벅스 케이크 세트"));
    QCOMPARE(x->periods.size(), 1u);
    QVERIFY(!x->periods[0].until);   // still live
    QCOMPARE(x->periods[0].rules, (std::vector<Rule>{Rule::PriceFarFromList}));
    QCOMPARE(orderIds(*x), (std::vector<std::string>{"O-1003"}));
    const ImpactOrder& o = x->orders[0];
    QCOMPARE(o.paid, Money(3300));
    QCOMPARE(o.shouldPay, std::optional<Money>(Money(33000)));
    QCOMPARE(o.effect, OrderEffect::Undercharged);
    QCOMPARE(x->undercharge.value(), Money(29700));
    QCOMPARE(x->underchargedOrders, 1);
    QCOMPARE(x->underchargedCustomers, 1);
    QCOMPARE(x->overcharge.value(), Money(0));
    QVERIFY(x->receiptOrders.empty());
    const std::string json = impactToJson(*x);
    QVERIFY2(json.find("\"undercharge\":{\"total\":29700,") != std::string::npos, json.c_str());
}

// The LOTTE voucher is flagged correctly (not eligible), so no wrong value was ever live, yet
// O-1001 went through the cash-receipt step: the failed payment's debit L-0003 is the orphan
// it explains (L-0008, the cash-receipt debit, was reversed: no orphan).
void TestCatalogImpact::exampleFeedVoucher()
{
    test::TestMirror m;
    m.import({test::sharedPath("examples/incident-small.jsonl")});
    const auto x = computeImpact(m.db(), "P-LOTTE-50K");
    QVERIFY(x);
    QCOMPARE(x->kind, std::string("voucher"));
    QVERIFY(x->periods.empty());
    QVERIFY(x->orders.empty());
    QCOMPARE(x->receiptOrders.size(), 1u);
    QCOMPARE(x->receiptOrders[0].orderId, std::string("O-1001"));
    QCOMPARE(x->receiptOrders[0].receiptsFailed, 1);
    QCOMPARE(x->receiptOrders[0].seq, 3);
    QCOMPARE(x->orphans.size(), 1u);
    QCOMPARE(x->orphans[0].ledgerId, std::string("L-0003"));
    QCOMPARE(x->orphans[0].orderId, std::string("O-1001"));
    QCOMPARE(x->orphans[0].orphanAmount, Money(50000));
    QCOMPARE(x->orphanTotal.value(), Money(50000));
    const std::string table = impactToTable(*x);
    QVERIFY2(table.find("L-0003") != std::string::npos, table.c_str());
}

// On the demo, for every product a rule flags: the orders listed are exactly those whose live
// version (liveAt over the whole history, order by order) is wrong; the cash-receipt orders are
// the checker's RECEIPT_ON_INELIGIBLE findings; each explained orphan is an orphan of the
// orphan queries with the same amount; over/undercharge add up from the orders.
void TestCatalogImpact::demoAgreesWithTheHistory()
{
    test::TestMirror m;
    const std::string path = m.dir().toStdString() + "/demo.jsonl";
    {
        std::ofstream out(path, std::ios::binary);
        demo::DemoOptions d;
        d.orders = 60000;   // the size of the demo the console shows (its vouchers' orphans need it)
        d.customers = 6000;
        demo::writeDemoFeed(out, d);
    }
    CatalogState state;
    feed::ImportOptions o;
    o.catalog = &state;
    QCOMPARE(m.import({path}, o).status, feed::ImportStatus::Done);
    state.rebuildIfStale(m.db());   // a bulk load leaves it to be checked in full
    const auto rows = listAnomalies(m.db());
    std::set<std::string> flagged;
    for (const AnomalyRow& r : rows)
        if (r.anomaly.orderId.empty())
            flagged.insert(r.anomaly.productId);
    QCOMPARE(flagged.size(), 5u);   // the demo's five planted errors (tst_catalog_check)
    const CatalogRuleSettings s;
    int withOrders = 0, withOrphans = 0, withOvercharges = 0;
    for (const std::string& id : flagged) {
        QElapsedTimer timer;
        timer.start();
        const auto x = computeImpact(m.db(), id);
        QVERIFY(x);
        qInfo("%s: %d orders, %d receipt orders, %d orphans, %lld ms", id.c_str(), int(x->orders.size()),
              int(x->receiptOrders.size()), int(x->orphans.size()), static_cast<long long>(timer.elapsed()));
        QVERIFY(x && !x->periods.empty());
        MerchantLimits limits(m.db());
        const auto history = loadHistory(m.db(), id, limits);
        std::vector<std::string> expected;
        auto st = m.db().prepare("SELECT id, created_at FROM orders WHERE product_id = ?1 ORDER BY created_at, id");
        st.bind(1, id);
        while (st.step()) {
            const ProductVersion* live = liveAt(history, st.int64(1));
            if (live && (priceFarFromList(*live, s) || discountOverMax(*live, s) || unitPriceNotPositive(*live, s)
                         || receiptFlagKind(*live, s)))
                expected.push_back(st.string(0));
        }
        QCOMPARE(orderIds(*x), expected);
        withOrders += !expected.empty();
        MoneyTotal over, under;
        for (const ImpactOrder& io : x->orders) {
            QCOMPARE(io.paid - io.overcharge + io.undercharge, io.shouldPay.value_or(io.paid));
            if (io.status == "paid") {
                over.add(io.overcharge);
                under.add(io.undercharge);
            }
        }
        QCOMPARE(x->overcharge.value(), over.value());
        withOvercharges += over.value().isPositive();
        QCOMPARE(x->undercharge.value(), under.value());

        std::set<std::string> receiptFindings, receiptOrders;
        for (const AnomalyRow& r : rows)
            if (r.anomaly.productId == id && r.anomaly.finding.rule == Rule::ReceiptOnIneligible)
                receiptFindings.insert(r.anomaly.orderId);
        for (const ReceiptOrder& r : x->receiptOrders)
            receiptOrders.insert(r.orderId);
        QCOMPARE(receiptOrders, receiptFindings);
        Money orphanSum;
        for (const ExplainedOrphan& e : x->orphans) {
            QVERIFY(receiptOrders.count(e.orderId));
            const auto orphan = recon::findOrphan(m.db(), e.ledgerId);
            QVERIFY2(orphan, e.ledgerId.c_str());
            QCOMPARE(orphan->orphanAmount, e.orphanAmount);
            orphanSum += e.orphanAmount;
        }
        QCOMPARE(x->orphanTotal.value(), orphanSum);
        withOrphans += !x->orphans.empty();
    }
    QVERIFY(withOrders >= 4);   // the errors were live while the demo's customers ordered
    QCOMPARE(withOvercharges, 1);   // the extra zero: its buyers paid ten times the price
    QVERIFY(withOrphans >= 1);  // the voucher flagged eligible: receipts, and orphans among them
}

QTEST_GUILESS_MAIN(TestCatalogImpact)
#include "tst_catalog_impact.moc"
