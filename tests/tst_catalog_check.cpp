// The catalog checker over real mirrors: the example feed's cake set and voucher, the demo's
// planted catalog errors, and the state kept batch by batch equal to a full recheck.
#include "catalog/catalog_check.h"
#include "catalog/catalog_query.h"
#include "catalog/catalog_text.h"
#include "demo/demo_catalog.h"
#include "demo/demo_feed.h"
#include "mirror_dump.h"
#include "test_mirror.h"

#include <QTest>
#include <fstream>
#include <map>
#include <set>

using namespace reconsole;
using namespace reconsole::catalog;

namespace {

// The findings as text, sorted: what a full recheck must reproduce exactly.
std::vector<std::string> dumpAnomalies(Database& db) { return test::dumpTable(db, "catalog_anomaly"); }

// A demo feed of 6 000 orders beside the mirror; its path.
std::string writeSmallDemo(test::TestMirror& m)
{
    const std::string path = m.dir().toStdString() + "/demo.jsonl";
    std::ofstream out(path, std::ios::binary);
    demo::DemoOptions d;
    d.orders = 6000;
    d.customers = 800;
    demo::writeDemoFeed(out, d);
    return path;
}

// A full recheck in a transaction rolled back afterwards, so the kept state goes on as it was.
std::vector<std::string> dumpAfterFullRecheck(Database& db, const CatalogRuleSettings& s = {})
{
    Transaction tx(db);
    recheckAll(db, s);
    return dumpAnomalies(db);
}

const AnomalyRow* find(const std::vector<AnomalyRow>& rows, Rule rule, const std::string& product,
                       const std::string& order = {})
{
    for (const AnomalyRow& r : rows)
        if (r.anomaly.finding.rule == rule && r.anomaly.productId == product && r.anomaly.orderId == order)
            return &r;
    return nullptr;
}

std::string product(const std::string& id, const std::string& merchant, const std::string& kind, int list, int price,
                    int discountBp, bool eligible, const std::string& updated)
{
    return R"("type":"product","id":")" + id + R"(","merchant_id":")" + merchant + R"(","name":")" + id
        + R"(","kind":")" + kind + R"(","list_price":)" + std::to_string(list) + R"(,"price":)" + std::to_string(price)
        + R"(,"discount_bp":)" + std::to_string(discountBp) + R"(,"cash_receipt_eligible":)"
        + (eligible ? "true" : "false") + R"(,"updated_at":")" + updated + R"("})";
}

std::string order(const std::string& id, const std::string& productId, int unit, int qty, int total,
                  const std::string& created)
{
    return R"("type":"order","id":")" + id + R"(","customer_id":"C-1","product_id":")" + productId
        + R"(","quantity":)" + std::to_string(qty) + R"(,"unit_price":)" + std::to_string(unit) + R"(,"total":)"
        + std::to_string(total) + R"(,"status":"paid","created_at":")" + created + R"(","updated_at":")" + created
        + R"("})";
}

std::string merchant(const std::string& id, int maxBp)
{
    return R"("type":"merchant","id":")" + id + R"(","name":"가맹점","category":"cafe","max_discount_bp":)"
        + std::to_string(maxBp) + "}";
}

std::string receipt(const std::string& id, const std::string& orderId, const std::string& status)
{
    return R"("type":"cash_receipt","id":")" + id + R"(","order_id":")" + orderId + R"(","amount":1000,"status":")"
        + status + R"(","at":"2026-01-10T00:00:00Z"})";
}

}  // namespace

class TestCatalogCheck : public QObject {
    Q_OBJECT
private slots:
    void exampleFeed();
    void demoErrorsAllFound();
    void incrementalEqualsFull();
    void bulkLoadChecksBesideTheIndexBuild();
    void staleWhenNotKept();
    void otherSettingsMeanFullRecheck();

private:
    // Numbers lines from `seq_` on and imports them as one file, in batches of `batch` lines.
    feed::ImportSummary importStep(test::TestMirror& m, CatalogState& state, const std::vector<std::string>& bodies,
                                   int batch)
    {
        std::vector<std::string> lines;
        for (const auto& b : bodies)
            lines.push_back("{\"seq\":" + std::to_string(++seq_) + "," + b);
        feed::ImportOptions o;
        o.catalog = &state;
        o.batchLines = batch;
        o.bulk = feed::BulkMode::Never;
        return m.importLines(lines, o);
    }
    std::int64_t seq_ = 0;
};

void TestCatalogCheck::exampleFeed()
{
    test::TestMirror m;
    CatalogState state;
    feed::ImportOptions o;
    o.catalog = &state;
    m.import({test::sharedPath("examples/incident-small.jsonl")}, o);
    const auto rows = listAnomalies(m.db());
    // The cake set at ₩3,300 against ₩33,000: a missing zero, live now.
    const AnomalyRow* cake = find(rows, Rule::PriceFarFromList, "P-SBUX-CAKE");
    QVERIFY(cake);
    QCOMPARE(cake->anomaly.finding, (Finding{Rule::PriceFarFromList, Severity::High, 3300, 33000}));
    QVERIFY(cake->anomaly.open);
    QCOMPARE(cake->anomaly.merchantId, std::string("M-SBUX"));
    const QString text = explanationText(*cake);
    QVERIFY2(text.contains("₩3,300") && text.contains("₩33,000") && text.contains("스타벅스 케이크 세트"), qPrintable(text));
    // The LOTTE voucher is flagged correctly (not eligible): no product finding. Its order went
    // through the cash-receipt step anyway, which failed: the incident, on the order.
    for (const AnomalyRow& r : rows)
        QVERIFY2(r.anomaly.productId != "P-LOTTE-50K" || !r.anomaly.orderId.empty(), ruleCode(r.anomaly.finding.rule).data());
    const AnomalyRow* incident = find(rows, Rule::ReceiptOnIneligible, "P-LOTTE-50K", "O-1001");
    QVERIFY(incident);
    QCOMPARE(incident->anomaly.finding, (Finding{Rule::ReceiptOnIneligible, Severity::High, 1, 0}));
    QCOMPARE(incident->anomaly.seq, 3);   // the version live at the order's time
    // Nothing else: O-1002 (goods, receipt issued) and O-1003 (priced as the catalog said) are fine.
    QCOMPARE(rows.size(), 2u);
    QCOMPARE(dumpAfterFullRecheck(m.db()), dumpAnomalies(m.db()));
}

// Every catalog error the demo plants (models/demo/demo_catalog_data.cpp) is found, on the
// product it was planted on, and no product without one is flagged by a version rule.
void TestCatalogCheck::demoErrorsAllFound()
{
    test::TestMirror m;
    const std::string path = writeSmallDemo(m);
    CatalogState state;
    feed::ImportOptions o;
    o.catalog = &state;
    o.batchLines = 2000;   // incremental, batch by batch
    o.bulk = feed::BulkMode::Never;
    QCOMPARE(m.import({path}, o).status, feed::ImportStatus::Done);

    std::map<std::string, demo::Flaw> planted;   // product id -> flaw
    for (const demo::MerchantDef& def : demo::merchantDefs())
        for (const demo::ItemDef& item : def.items) {
            if (item.flaw == demo::Flaw::None)
                continue;
            QVERIFY(std::string(item.variants).empty() && !item.hotIce);   // one product of that name
            auto st = m.db().prepare("SELECT id FROM product WHERE name = ?1");
            st.bind(1, std::string(def.name) + " " + item.name);
            QVERIFY2(st.step(), item.name);
            planted[st.string(0)] = item.flaw;
        }
    QCOMPARE(planted.size(), 5u);

    const auto rows = listAnomalies(m.db());
    for (const auto& [id, flaw] : planted) {
        const AnomalyRow* r = nullptr;
        switch (flaw) {
        case demo::Flaw::PriceZeroMissing:
            r = find(rows, Rule::PriceFarFromList, id);
            QVERIFY2(r && r->anomaly.open && r->anomaly.finding.severity == Severity::High, id.c_str());
            break;
        case demo::Flaw::PriceZeroMissingFixed:
            // Fixed mid-month by the platform: a past run, and the correction a low sudden change.
            r = find(rows, Rule::PriceFarFromList, id);
            QVERIFY2(r && !r->anomaly.open && r->anomaly.liveUntil, id.c_str());
            r = find(rows, Rule::SuddenPriceChange, id);
            QVERIFY2(r && r->anomaly.finding.severity == Severity::Low, id.c_str());
            break;
        case demo::Flaw::PriceExtraZeroFixed:
            // Right at first, ten times the price for two days, then right again: a past run,
            // the rise a medium sudden change and the correction a low one.
            r = find(rows, Rule::PriceFarFromList, id);
            QVERIFY2(r && !r->anomaly.open && r->anomaly.finding.severity == Severity::High
                         && r->anomaly.finding.value == 10 * r->anomaly.finding.reference,
                     id.c_str());
            r = find(rows, Rule::SuddenPriceChange, id);
            QVERIFY2(r, id.c_str());
            break;
        case demo::Flaw::DiscountOverMax:
            r = find(rows, Rule::DiscountOverMax, id);
            QVERIFY2(r && r->anomaly.open, id.c_str());
            break;
        case demo::Flaw::VoucherEligible:
            r = find(rows, Rule::ReceiptFlagKind, id);
            QVERIFY2(r && r->anomaly.open && r->anomaly.finding.value == 1, id.c_str());
            break;
        case demo::Flaw::None:
            break;
        }
    }
    int receiptsOnVouchers = 0;
    for (const AnomalyRow& r : rows) {
        const Anomaly& a = r.anomaly;
        if (a.orderId.empty())
            QVERIFY2(planted.count(a.productId), (a.productId + " " + std::string(ruleCode(a.finding.rule))).c_str());
        // The demo prices every order from the catalog live at its time.
        QVERIFY2(a.finding.rule != Rule::OrderPriceMismatch && a.finding.rule != Rule::OrderTotalMismatch,
                 a.orderId.c_str());
        if (a.finding.rule == Rule::ReceiptOnIneligible) {
            QCOMPARE(a.kind, std::string("voucher"));
            ++receiptsOnVouchers;
        }
    }
    QVERIFY(receiptsOnVouchers > 0);   // the incident and the voucher flagged eligible
    QCOMPARE(dumpAfterFullRecheck(m.db()), dumpAnomalies(m.db()));
}

// Records in every awkward order, a few lines per batch: after each import the kept state
// is what a full recheck computes.
void TestCatalogCheck::incrementalEqualsFull()
{
    CatalogState state;
    const std::vector<std::vector<std::string>> steps = {
        {merchant("M-A", 1000), product("P-1", "M-A", "goods", 10000, 10000, 0, true, "2026-01-01T00:00:00Z"),
         order("O-1", "P-1", 10000, 1, 10000, "2026-01-05T00:00:00Z"),
         order("O-2", "P-1", 9000, 1, 9000, "2026-01-10T00:00:00Z"),   // not the catalog's price...
         product("P-2", "M-A", "goods", 10000, 10000, 800, true, "2026-01-01T00:00:00Z")},
        // ...until a version dated before it arrives.
        {product("P-1", "M-A", "goods", 10000, 9000, 0, true, "2026-01-08T00:00:00Z"),
         merchant("M-A", 500)},   // P-2's discount is now over the maximum
        // An order of a product not in the mirror yet, then the product.
        {order("O-3", "P-9", 5000, 2, 10000, "2026-01-10T00:00:00Z"),
         product("P-9", "M-B", "goods", 4000, 4000, 0, true, "2026-01-01T00:00:00Z")},
        // A receipt before its order, for a voucher; an order that moves to another product.
        {receipt("R-1", "O-4", "failed"),
         product("P-V", "M-A", "voucher", 50000, 50000, 0, false, "2026-01-01T00:00:00Z"),
         order("O-4", "P-V", 50000, 1, 50000, "2026-01-10T00:00:00Z"),
         order("O-1", "P-9", 5000, 1, 5000, "2026-01-05T00:00:00Z")},
        // A late version dated between two others; a price with a zero missing; then fixed.
        {product("P-1", "M-A", "goods", 10000, 12000, 0, true, "2026-01-09T00:00:00Z"),
         product("P-2", "M-A", "goods", 10000, 1000, 0, true, "2026-01-11T00:00:00Z"),
         product("P-2", "M-B", "goods", 10000, 10000, 0, true, "2026-01-12T00:00:00Z"),
         merchant("M-B", 0), receipt("R-2", "O-2", "failed"), receipt("R-3", "O-2", "issued")},
        // A voucher flagged eligible from now on, and its product's merchant changing its limit.
        {product("P-V", "M-A", "voucher", 50000, 50000, 0, true, "2026-01-20T00:00:00Z"), merchant("M-A", 0)},
        // The full recheck reads receipts beside the orders in id order: a receipt whose order
        // never came sorts first, and "O-10" sorts between "O-1" and "O-2".
        {receipt("R-4", "O-0", "issued"), order("O-10", "P-1", 12000, 1, 12000, "2026-01-21T00:00:00Z"),
         receipt("R-5", "O-10", "failed")},
    };
    for (int batch : {1, 3}) {
        test::TestMirror fresh;
        seq_ = 0;
        for (std::size_t i = 0; i < steps.size(); ++i) {
            QCOMPARE(importStep(fresh, state, steps[i], batch).status, feed::ImportStatus::Done);
            QVERIFY(!state.isStale(fresh.db()));
            const auto kept = dumpAnomalies(fresh.db());
            QCOMPARE(kept, dumpAfterFullRecheck(fresh.db()));
        }
        // The story's findings, so that "equal" is not "both empty".
        const auto rows = listAnomalies(fresh.db());
        QVERIFY(find(rows, Rule::OrderPriceMismatch, "P-1", "O-2"));      // 9,000 against v3's 12,000
        QVERIFY(find(rows, Rule::OrderPriceMismatch, "P-9", "O-3"));      // 5,000 against 4,000
        QVERIFY(!find(rows, Rule::OrderPriceMismatch, "P-1", "O-1"));     // moved to P-9
        QVERIFY(find(rows, Rule::OrderPriceMismatch, "P-9", "O-1"));
        QVERIFY(find(rows, Rule::ReceiptOnIneligible, "P-V", "O-4"));
        QVERIFY(find(rows, Rule::ReceiptFailed, "P-1", "O-2"));
        QVERIFY(find(rows, Rule::ReceiptFailed, "P-1", "O-10"));
        QVERIFY(find(rows, Rule::DiscountOverMax, "P-2"));                // a past run, under M-A's 500
        QVERIFY(find(rows, Rule::ReceiptFlagKind, "P-V"));
        QVERIFY(find(rows, Rule::PriceFarFromList, "P-2"));
        QVERIFY(find(rows, Rule::SuddenPriceChange, "P-2"));
        QCOMPARE(find(rows, Rule::PriceFarFromList, "P-2")->anomaly.open, false);
    }
}

void TestCatalogCheck::bulkLoadChecksBesideTheIndexBuild()
{
    // A bulk load reads the catalog's findings on a connection of its own while the deferred
    // indexes are built, then writes them: the same findings as a full recheck afterwards, and
    // as the import that checks batch by batch.
    test::TestMirror bulk, batches;
    const std::string path = writeSmallDemo(bulk);
    CatalogState bulkState, batchState;
    feed::ImportOptions o;
    o.catalog = &bulkState;
    o.bulk = feed::BulkMode::Always;
    QCOMPARE(bulk.import({path}, o).status, feed::ImportStatus::Done);
    QCOMPARE(bulkState.readAheadsWritten(), 1);
    QVERIFY(!bulkState.isStale(bulk.db()));
    const auto found = dumpAnomalies(bulk.db());
    QVERIFY2(found.size() > 20, qPrintable(QString::number(found.size())));
    QCOMPARE(found, dumpAfterFullRecheck(bulk.db()));

    o.catalog = &batchState;
    o.bulk = feed::BulkMode::Never;
    o.batchLines = 2000;
    QCOMPARE(batches.import({path}, o).status, feed::ImportStatus::Done);
    QCOMPARE(batchState.readAheadsWritten(), 0);
    QCOMPARE(found, dumpAnomalies(batches.db()));
}

void TestCatalogCheck::staleWhenNotKept()
{
    test::TestMirror kept, notKept;
    CatalogState state;
    feed::ImportOptions o;
    o.catalog = &state;
    const std::string example = test::sharedPath("examples/incident-small.jsonl");
    kept.import({example}, o);
    QVERIFY(!state.isStale(kept.db()));
    notKept.import({example});   // as the console's import does until it keeps the catalog state
    QCOMPARE(notKept.count("SELECT needs_recheck FROM catalog_state"), 1);
    QVERIFY(state.isStale(notKept.db()));
    state.rebuildIfStale(notKept.db());
    QVERIFY(!state.isStale(notKept.db()));
    QCOMPARE(dumpAnomalies(notKept.db()), dumpAnomalies(kept.db()));
}

void TestCatalogCheck::otherSettingsMeanFullRecheck()
{
    test::TestMirror m;
    CatalogState state;
    feed::ImportOptions o;
    o.catalog = &state;
    m.import({test::sharedPath("examples/incident-small.jsonl")}, o);
    CatalogRuleSettings wide;
    wide.zeroSlipLowPct = 5;
    wide.minPricePct = 5;   // 3,300 of 33,000 is 10 %: inside
    CatalogState wideState(wide);
    QVERIFY(wideState.isStale(m.db()));
    wideState.rebuildIfStale(m.db());
    QVERIFY(!find(listAnomalies(m.db()), Rule::PriceFarFromList, "P-SBUX-CAKE"));
    QVERIFY(state.isStale(m.db()));   // the default settings now see another state
}

QTEST_GUILESS_MAIN(TestCatalogCheck)
#include "tst_catalog_check.moc"
