// The catalog rules as tables, boundaries included (docs/catalog.md): each rule is a pure
// function of plain structs, so every row states the facts and what the rule must say.
#include "catalog/catalog_history.h"

#include <QTest>
#include <limits>

using namespace reconsole;
using namespace reconsole::catalog;

Q_DECLARE_METATYPE(std::optional<std::int64_t>)
using History = QList<QPair<qint64, qint64>>;   // (seq, updated_at) in seq order

namespace {

constexpr int kNone = -1;   // "the rule says nothing" in the severity column

ProductVersion version(std::int64_t list, std::int64_t price, std::int64_t discountBp = 0)
{
    ProductVersion v;
    v.seq = 1;
    v.merchantId = "M-1";
    v.kind = "goods";
    v.listPrice = list;
    v.price = price;
    v.discountBp = discountBp;
    v.cashReceiptEligible = true;
    return v;
}

// Compares a finding with the row's expectation: kNone, or a severity and the numbers.
void expect(const std::optional<Finding>& f, Rule rule, int severity, std::int64_t value, std::int64_t reference)
{
    if (severity == kNone) {
        QVERIFY2(!f, f ? std::string(ruleCode(f->rule)).c_str() : "");
        return;
    }
    QVERIFY(f.has_value());
    QCOMPARE(f->rule, rule);
    QCOMPARE(static_cast<int>(f->severity), severity);
    QCOMPARE(f->value, value);
    QCOMPARE(f->reference, reference);
}

constexpr int L = static_cast<int>(Severity::Low), M = static_cast<int>(Severity::Medium),
              H = static_cast<int>(Severity::High);

}  // namespace

class TestCatalogRules : public QObject {
    Q_OBJECT
private slots:
    void priceFarFromList_data();
    void priceFarFromList();
    void discountOverMax_data();
    void discountOverMax();
    void unitPriceNotPositive_data();
    void unitPriceNotPositive();
    void receiptFlagKind_data();
    void receiptFlagKind();
    void suddenPriceChange_data();
    void suddenPriceChange();
    void suddenDiscountChange_data();
    void suddenDiscountChange();
    void orderPriceMismatch_data();
    void orderPriceMismatch();
    void orderTotalMismatch_data();
    void orderTotalMismatch();
    void orderReceipts_data();
    void orderReceipts();
    void liveAt_data();
    void liveAt();
    void rulesSwitchedOff();
    void historyRuns();
    void historySettlesOurFix();
    void orderWithoutLiveVersion();
    void settingsEntries();
    void settingsRefused_data();
    void settingsRefused();
};

void TestCatalogRules::priceFarFromList_data()
{
    QTest::addColumn<qint64>("list");
    QTest::addColumn<qint64>("price");
    QTest::addColumn<int>("severity");
    QTest::newRow("at list price") << 10000LL << 10000LL << kNone;
    QTest::newRow("exactly 50 %") << 10000LL << 5000LL << kNone;
    QTest::newRow("1 won under 50 %") << 10000LL << 4999LL << M;
    QTest::newRow("exactly 110 %") << 10000LL << 11000LL << kNone;
    QTest::newRow("1 won over 110 %") << 10000LL << 11001LL << M;
    QTest::newRow("a sale at 90 %") << 4700LL << 4230LL << kNone;
    QTest::newRow("missing zero: the cake set 3,300 of 33,000") << 33000LL << 3300LL << H;
    QTest::newRow("exactly 20 %: still a zero slip") << 10000LL << 2000LL << H;
    QTest::newRow("1 won over 20 %") << 10000LL << 2001LL << M;
    QTest::newRow("extra zero: 47,000 for 4,700") << 4700LL << 47000LL << H;
    QTest::newRow("exactly 500 %") << 1000LL << 5000LL << H;
    QTest::newRow("1 won under 500 %") << 1000LL << 4999LL << M;
    QTest::newRow("price 0 against a list price") << 1000LL << 0LL << H;
    QTest::newRow("a price with list price 0") << 0LL << 100LL << H;
    QTest::newRow("both 0: nothing to compare") << 0LL << 0LL << kNone;
    QTest::newRow("64-bit prices do not overflow") << std::numeric_limits<qint64>::max()
                                                   << std::numeric_limits<qint64>::max() << kNone;
}

void TestCatalogRules::priceFarFromList()
{
    QFETCH(qint64, list);
    QFETCH(qint64, price);
    QFETCH(int, severity);
    expect(catalog::priceFarFromList(version(list, price), {}), Rule::PriceFarFromList, severity, price, list);
}

void TestCatalogRules::discountOverMax_data()
{
    QTest::addColumn<qint64>("discountBp");
    QTest::addColumn<std::optional<std::int64_t>>("maxBp");
    QTest::addColumn<int>("severity");
    QTest::newRow("exactly the maximum") << 1000LL << std::optional<std::int64_t>(1000) << kNone;
    QTest::newRow("maximum + 1 bp") << 1001LL << std::optional<std::int64_t>(1000) << H;
    QTest::newRow("under the maximum") << 500LL << std::optional<std::int64_t>(1000) << kNone;
    QTest::newRow("maximum 0, discount 0") << 0LL << std::optional<std::int64_t>(0) << kNone;
    QTest::newRow("maximum 0, discount 1 bp") << 1LL << std::optional<std::int64_t>(0) << H;
    QTest::newRow("no maximum agreed") << 10000LL << std::optional<std::int64_t>() << kNone;
}

void TestCatalogRules::discountOverMax()
{
    QFETCH(qint64, discountBp);
    QFETCH(std::optional<std::int64_t>, maxBp);
    QFETCH(int, severity);
    ProductVersion v = version(10000, 10000, discountBp);
    v.maxDiscountBp = maxBp;
    expect(catalog::discountOverMax(v, {}), Rule::DiscountOverMax, severity, discountBp, maxBp.value_or(0));
}

void TestCatalogRules::unitPriceNotPositive_data()
{
    QTest::addColumn<qint64>("price");
    QTest::addColumn<qint64>("discountBp");
    QTest::addColumn<qint64>("unit");
    QTest::addColumn<int>("severity");
    QTest::newRow("unit price 1") << 1LL << 0LL << 1LL << kNone;
    QTest::newRow("unit price 0: price 0") << 0LL << 0LL << 0LL << H;
    QTest::newRow("unit price 0: 100 % off") << 5000LL << 10000LL << 0LL << H;
    QTest::newRow("99.99 % off 10,000 leaves 1") << 10000LL << 9999LL << 1LL << kNone;
    QTest::newRow("discount rounds down: 1 won at 99.99 %") << 1LL << 9999LL << 1LL << kNone;
    QTest::newRow("floor(3 x 50 %) = 1 off") << 3LL << 5000LL << 2LL << kNone;
}

void TestCatalogRules::unitPriceNotPositive()
{
    QFETCH(qint64, price);
    QFETCH(qint64, discountBp);
    QFETCH(qint64, unit);
    QFETCH(int, severity);
    QCOMPARE(unitPriceOf(price, discountBp), unit);
    expect(catalog::unitPriceNotPositive(version(price, price, discountBp), {}), Rule::UnitPriceNotPositive, severity,
           unit, price);
}

void TestCatalogRules::receiptFlagKind_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("eligible");
    QTest::addColumn<int>("severity");
    QTest::newRow("voucher flagged eligible") << "voucher" << true << H;
    QTest::newRow("voucher not eligible") << "voucher" << false << kNone;
    QTest::newRow("goods not eligible") << "goods" << false << M;
    QTest::newRow("goods eligible") << "goods" << true << kNone;
    QTest::newRow("coupon eligible: the spec is silent") << "coupon" << true << kNone;
    QTest::newRow("coupon not eligible") << "coupon" << false << kNone;
}

void TestCatalogRules::receiptFlagKind()
{
    QFETCH(QString, kind);
    QFETCH(bool, eligible);
    QFETCH(int, severity);
    ProductVersion v = version(10000, 10000);
    v.kind = kind.toStdString();
    v.cashReceiptEligible = eligible;
    expect(catalog::receiptFlagKind(v, {}), Rule::ReceiptFlagKind, severity, eligible ? 1 : 0, eligible ? 0 : 1);
}

void TestCatalogRules::suddenPriceChange_data()
{
    QTest::addColumn<qint64>("before");
    QTest::addColumn<qint64>("after");
    QTest::addColumn<bool>("ours");
    QTest::addColumn<bool>("corrects");
    QTest::addColumn<int>("severity");
    QTest::newRow("unchanged") << 1000LL << 1000LL << false << false << kNone;
    QTest::newRow("exactly +50 %") << 1000LL << 1500LL << false << false << kNone;
    QTest::newRow("+50 % and 1 won") << 1000LL << 1501LL << false << false << M;
    QTest::newRow("exactly -50 %") << 1000LL << 500LL << false << false << kNone;
    QTest::newRow("-50 % and 1 won") << 1000LL << 499LL << false << false << M;
    QTest::newRow("a zero dropped: -90 %") << 33000LL << 3300LL << false << false << M;
    QTest::newRow("a version settling our fix") << 3300LL << 33000LL << true << true << kNone;
    QTest::newRow("the platform's own correction") << 3300LL << 33000LL << false << true << L;
    QTest::newRow("from 0 to 1 won") << 0LL << 1LL << false << false << M;
    QTest::newRow("0 to 0") << 0LL << 0LL << false << false << kNone;
}

void TestCatalogRules::suddenPriceChange()
{
    QFETCH(qint64, before);
    QFETCH(qint64, after);
    QFETCH(bool, ours);
    QFETCH(bool, corrects);
    QFETCH(int, severity);
    expect(catalog::suddenPriceChange(version(after, before), version(after, after), ours, corrects, {}),
           Rule::SuddenPriceChange, severity, after, before);
}

void TestCatalogRules::suddenDiscountChange_data()
{
    QTest::addColumn<qint64>("before");
    QTest::addColumn<qint64>("after");
    QTest::addColumn<bool>("ours");
    QTest::addColumn<int>("severity");
    QTest::newRow("a 10 % promotion") << 0LL << 1000LL << false << kNone;
    QTest::newRow("exactly 20 points") << 0LL << 2000LL << false << kNone;
    QTest::newRow("20 points and 1 bp") << 0LL << 2001LL << false << M;
    QTest::newRow("down by 20 points and 1 bp") << 3000LL << 999LL << false << M;
    QTest::newRow("a version settling our fix") << 0LL << 5000LL << true << kNone;
}

void TestCatalogRules::suddenDiscountChange()
{
    QFETCH(qint64, before);
    QFETCH(qint64, after);
    QFETCH(bool, ours);
    QFETCH(int, severity);
    expect(catalog::suddenDiscountChange(version(10000, 10000, before), version(10000, 10000, after), ours, {}),
           Rule::SuddenDiscountChange, severity, after, before);
}

void TestCatalogRules::orderPriceMismatch_data()
{
    QTest::addColumn<qint64>("unitPrice");
    QTest::addColumn<qint64>("price");
    QTest::addColumn<qint64>("discountBp");
    QTest::addColumn<qint64>("catalogUnit");
    QTest::addColumn<int>("severity");
    QTest::newRow("as the catalog said") << 4700LL << 4700LL << 0LL << 4700LL << kNone;
    QTest::newRow("1 won more: overcharged") << 4701LL << 4700LL << 0LL << 4700LL << H;
    QTest::newRow("1 won less") << 4699LL << 4700LL << 0LL << 4700LL << M;
    QTest::newRow("discount applied") << 4230LL << 4700LL << 1000LL << 4230LL << kNone;
    QTest::newRow("discount not applied") << 4700LL << 4700LL << 1000LL << 4230LL << H;
    QTest::newRow("discount rounded down") << 4231LL << 4701LL << 1000LL << 4231LL << kNone;
}

void TestCatalogRules::orderPriceMismatch()
{
    QFETCH(qint64, unitPrice);
    QFETCH(qint64, price);
    QFETCH(qint64, discountBp);
    QFETCH(qint64, catalogUnit);
    QFETCH(int, severity);
    OrderFacts o;
    o.unitPrice = unitPrice;
    o.total = unitPrice;
    const ProductVersion v = version(price, price, discountBp);
    expect(catalog::orderPriceMismatch(o, &v, {}), Rule::OrderPriceMismatch, severity, unitPrice, catalogUnit);
    QVERIFY(!catalog::orderPriceMismatch(o, nullptr, {}));   // no version known live: nothing said
}

void TestCatalogRules::orderTotalMismatch_data()
{
    QTest::addColumn<qint64>("unitPrice");
    QTest::addColumn<qint64>("quantity");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<qint64>("expected");
    QTest::addColumn<int>("severity");
    const qint64 max = std::numeric_limits<qint64>::max();
    QTest::newRow("unit x quantity") << 4700LL << 2LL << 9400LL << 9400LL << kNone;
    QTest::newRow("1 won more") << 4700LL << 2LL << 9401LL << 9400LL << H;
    QTest::newRow("1 won less") << 4700LL << 2LL << 9399LL << 9400LL << M;
    QTest::newRow("beyond 64 bits: saturated, never wrapped") << max << 2LL << max << max << M;
}

void TestCatalogRules::orderTotalMismatch()
{
    QFETCH(qint64, unitPrice);
    QFETCH(qint64, quantity);
    QFETCH(qint64, total);
    QFETCH(qint64, expected);
    QFETCH(int, severity);
    OrderFacts o;
    o.unitPrice = unitPrice;
    o.quantity = quantity;
    o.total = total;
    expect(catalog::orderTotalMismatch(o, {}), Rule::OrderTotalMismatch, severity, total, expected);
}

void TestCatalogRules::orderReceipts_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("eligible");
    QTest::addColumn<int>("issued");
    QTest::addColumn<int>("failed");
    QTest::addColumn<QString>("rule");   // empty: neither rule says anything
    QTest::addColumn<int>("severity");
    QTest::newRow("the incident: voucher, step failed") << "voucher" << false << 0 << 1 << "RECEIPT_ON_INELIGIBLE" << H;
    QTest::newRow("voucher, receipt issued") << "voucher" << false << 1 << 0 << "RECEIPT_ON_INELIGIBLE" << H;
    QTest::newRow("voucher flagged eligible, issued") << "voucher" << true << 1 << 0 << "RECEIPT_ON_INELIGIBLE" << H;
    QTest::newRow("goods flagged not eligible, failed") << "goods" << false << 0 << 1 << "RECEIPT_ON_INELIGIBLE" << H;
    QTest::newRow("voucher, no receipt") << "voucher" << false << 0 << 0 << "" << kNone;
    QTest::newRow("goods, step failed") << "goods" << true << 0 << 1 << "RECEIPT_FAILED" << L;
    QTest::newRow("goods, failed then issued") << "goods" << true << 1 << 1 << "RECEIPT_FAILED" << L;
    QTest::newRow("goods, issued") << "goods" << true << 1 << 0 << "" << kNone;
}

void TestCatalogRules::orderReceipts()
{
    QFETCH(QString, kind);
    QFETCH(bool, eligible);
    QFETCH(int, issued);
    QFETCH(int, failed);
    QFETCH(QString, rule);
    QFETCH(int, severity);
    OrderFacts o;
    o.unitPrice = o.total = 50000;
    o.receiptsIssued = issued;
    o.receiptsFailed = failed;
    ProductVersion v = version(50000, 50000);
    v.kind = kind.toStdString();
    v.cashReceiptEligible = eligible;
    const auto ineligible = receiptOnIneligible(o, &v, {});
    const auto failedStep = receiptFailed(o, &v, {});
    expect(ineligible, Rule::ReceiptOnIneligible, rule == "RECEIPT_ON_INELIGIBLE" ? severity : kNone, failed, issued);
    expect(failedStep, Rule::ReceiptFailed, rule == "RECEIPT_FAILED" ? severity : kNone, failed, issued);
    QVERIFY(!receiptOnIneligible(o, nullptr, {}) && !receiptFailed(o, nullptr, {}));
}

void TestCatalogRules::liveAt_data()
{
    // History (seq:updated_at, in seq order), the order's time, the seq live then (0: none).
    QTest::addColumn<History>("history");
    QTest::addColumn<qint64>("at");
    QTest::addColumn<qint64>("seq");
    using H = History;
    const H two{{1, 100}, {5, 200}};
    QTest::newRow("before every version") << two << 99LL << 0LL;
    QTest::newRow("at the first's updated_at") << two << 100LL << 1LL;
    QTest::newRow("between") << two << 199LL << 1LL;
    QTest::newRow("at the second's updated_at") << two << 200LL << 5LL;
    QTest::newRow("after both") << two << 999LL << 5LL;
    QTest::newRow("same updated_at: the higher seq") << H{{1, 100}, {2, 100}} << 100LL << 2LL;
    QTest::newRow("a late version dated earlier") << H{{1, 100}, {2, 300}, {3, 200}} << 250LL << 3LL;
    QTest::newRow("no history") << H{} << 100LL << 0LL;
}

void TestCatalogRules::liveAt()
{
    QFETCH(History, history);
    QFETCH(qint64, at);
    QFETCH(qint64, seq);
    std::vector<ProductVersion> versions;
    for (const auto& [s, u] : history) {
        versions.push_back(version(1000, 1000));
        versions.back().seq = s;
        versions.back().updatedAt = u;
    }
    const ProductVersion* live = catalog::liveAt(versions, at);
    QCOMPARE(live ? live->seq : 0, seq);
}

void TestCatalogRules::rulesSwitchedOff()
{
    auto entries = CatalogRuleSettings{}.toEntries();
    for (auto& [key, value] : entries)
        if (key.ends_with(".enabled"))
            value = "0";
    const CatalogRuleSettings off = *CatalogRuleSettings::fromEntries(entries);
    for (int r = 0; r < kRuleCount; ++r)
        QVERIFY2(!isEnabled(off, static_cast<Rule>(r)), ruleCode(static_cast<Rule>(r)).data());
    ProductVersion bad = version(33000, 0, 10000);
    bad.kind = "voucher";
    bad.maxDiscountBp = 0;
    QVERIFY(checkProductHistory("P", std::vector{version(33000, 33000), bad}, off).empty());
    OrderFacts o;
    o.unitPrice = 1;
    o.total = 7;
    o.receiptsFailed = 1;
    QVERIFY(checkOrder("O", "P", o, std::vector{bad}, off).empty());
    // And on, the same facts are findings.
    QCOMPARE(checkProductHistory("P", std::vector{version(33000, 33000), bad}, {}).size(), 6u);
    QCOMPARE(checkOrder("O", "P", o, std::vector{bad}, {}).size(), 3u);
}

// A price typed without a zero for two versions, then corrected: one past run; the drop is
// sudden, the correction sudden but low.
void TestCatalogRules::historyRuns()
{
    std::vector<ProductVersion> h = {version(33000, 33000), version(33000, 3300), version(33000, 3400),
                                     version(33000, 33000), version(33000, 3000)};
    for (std::size_t i = 0; i < h.size(); ++i) {
        h[i].seq = 10 + static_cast<std::int64_t>(i);
        h[i].updatedAt = 1000 * static_cast<std::int64_t>(i + 1);
    }
    const auto found = checkProductHistory("P-CAKE", h, {});
    std::vector<Anomaly> price, sudden;
    for (const Anomaly& a : found)
        (a.finding.rule == Rule::PriceFarFromList ? price : sudden).push_back(a);
    QCOMPARE(price.size(), 2u);
    QCOMPARE(price[0].seq, 11);
    QCOMPARE(price[0].lastSeq, 12);
    QCOMPARE(price[0].open, false);
    QCOMPARE(price[0].liveFrom, 2000);
    QCOMPARE(price[0].liveUntil, std::optional<Instant>(4000));
    QCOMPARE(price[0].finding, (Finding{Rule::PriceFarFromList, Severity::High, 3400, 33000}));
    QCOMPARE(price[1].seq, 14);
    QCOMPARE(price[1].open, true);
    QCOMPARE(price[1].liveUntil, std::nullopt);
    QCOMPARE(sudden.size(), 3u);
    QCOMPARE(sudden[0].seq, 11);
    QCOMPARE(sudden[0].finding.severity, Severity::Medium);
    QCOMPARE(sudden[0].open, false);
    QCOMPARE(sudden[1].seq, 13);
    QCOMPARE(sudden[1].finding.severity, Severity::Low);   // back within the list-price band
    QCOMPARE(sudden[2].seq, 14);
    QCOMPARE(sudden[2].open, true);
}

void TestCatalogRules::historySettlesOurFix()
{
    std::vector<ProductVersion> h = {version(33000, 3300), version(33000, 33000)};
    h[1].seq = 2;
    const auto settles = [](std::string_view product, const ProductVersion& after) { return product == "P-CAKE" && after.seq == 2; };
    for (const Anomaly& a : checkProductHistory("P-CAKE", h, {}, settles))
        QVERIFY(a.finding.rule != Rule::SuddenPriceChange);
    bool sudden = false;
    for (const Anomaly& a : checkProductHistory("P-OTHER", h, {}, settles))
        sudden = sudden || a.finding.rule == Rule::SuddenPriceChange;
    QVERIFY(sudden);
}

void TestCatalogRules::orderWithoutLiveVersion()
{
    ProductVersion v = version(1000, 1000);
    v.updatedAt = 5000;
    OrderFacts o;
    o.createdAt = 4999;
    o.unitPrice = 1;   // differs from the catalog, but no version was live yet
    o.total = 2;
    const auto found = checkOrder("O", "P", o, std::vector{v}, {});
    QCOMPARE(found.size(), 1u);
    QCOMPARE(found[0].finding.rule, Rule::OrderTotalMismatch);
    QCOMPARE(found[0].seq, 0);
    QCOMPARE(found[0].merchantId, std::string("M-1"));
}

void TestCatalogRules::settingsEntries()
{
    CatalogRuleSettings s;
    s.maxPricePct = 120;
    s.receiptFailed = false;
    const auto back = CatalogRuleSettings::fromEntries(s.toEntries());
    QVERIFY(back);
    QCOMPARE(back->fingerprint(), s.fingerprint());
    QVERIFY(s.fingerprint() != CatalogRuleSettings{}.fingerprint());
    QCOMPARE(CatalogRuleSettings::fromEntries({})->fingerprint(), CatalogRuleSettings{}.fingerprint());
    QCOMPARE(CatalogRuleSettings::fromEntries({{"price_far_from_list.min_pct", "60"}})->minPricePct, 60);
}

void TestCatalogRules::settingsRefused_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::newRow("unknown key") << "price.min" << "50";
    QTest::newRow("not a number") << "price_far_from_list.min_pct" << "fifty";
    QTest::newRow("a switch takes 0 or 1") << "receipt_failed.enabled" << "2";
    QTest::newRow("min above 100") << "price_far_from_list.min_pct" << "101";
    QTest::newRow("max under 100") << "price_far_from_list.max_pct" << "99";
    QTest::newRow("zero slip above min") << "price_far_from_list.zero_slip_low_pct" << "51";
    QTest::newRow("discount over 10000 bp") << "sudden_discount_change.bp" << "10001";
    QTest::newRow("negative") << "sudden_price_change.pct" << "-1";
}

void TestCatalogRules::settingsRefused()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    std::string why;
    QVERIFY(!CatalogRuleSettings::fromEntries({{key.toStdString(), value.toStdString()}}, &why));
    QVERIFY(!why.empty());
}

QTEST_GUILESS_MAIN(TestCatalogRules)
#include "tst_catalog_rules.moc"
