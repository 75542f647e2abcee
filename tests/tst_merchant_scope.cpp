// Merchant scoping of the mirror (docs/access.md): every table has a rule; through a scoped
// connection every table, and every query every screen runs (captured with the parameters it
// ran with, then read back row by row), shows nothing of the other brand and nothing outside
// the merchant's orders; asking for another brand's record answers as for one that does not exist.
#include "access/read_scope.h"
#include "brand_fixture.h"
#include "catalog/catalog_check.h"
#include "catalog/catalog_impact.h"
#include "catalog/catalog_query.h"
#include "catalog/undercharge_report.h"
#include "items/catalog_products.h"
#include "items/customer_search.h"
#include "items/dashboard_stats.h"
#include "items/merchant_choice_model.h"
#include "items/mirror_freshness.h"
#include "items/orphan_detail_loader.h"
#include "items/orphan_queue_sql.h"
#include "items/timeline_data.h"
#include "recon/explanation.h"
#include "recon/timeline.h"
#include "store/database.h"
#include "test_mirror.h"

#include <QtTest>
#include <sqlite3.h>

#include <set>

using namespace reconsole;
using namespace reconsole::test;

namespace {

const std::vector<std::string> kLedgerIds = {"L-0001", "L-0002", "L-0003", "L-0004", "L-0005", "L-0006", "L-0007",
                                             "L-0008", "L-0009", "L-0010", "L-0011", "L-0012", "L-0013", "L-NONE"};
const std::vector<std::string> kCustomerIds = {"C-NAM", "C-KIM", "C-NONE"};
const std::vector<std::string> kProductIds = {"P-LOTTE-50K", "P-SBUX-AMER", "P-SBUX-CAKE", "P-NONE"};
const std::vector<std::string> kMerchantIds = {"M-LOTTE", "M-SBUX", ""};

// Tables that keep no record of any merchant: counters and settings of the whole file.
const std::set<std::string> kUnscopedTables = {"feed_cursor", "orphan_state", "catalog_state", "deferred_index",
                                               "mirror_scope"};

void importExample(TestMirror& m)
{
    m.import({sharedPath("examples/incident-small.jsonl")});
    catalog::CatalogState().rebuildIfStale(m.db());
}

// Every row of `sql` on `db`, every column as text.
std::string dumpRows(Database& db, const std::string& sql)
{
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db.handle(), sql.c_str(), -1, &raw, nullptr) != SQLITE_OK)
        throw std::runtime_error("cannot prepare: " + sql + ": " + sqlite3_errmsg(db.handle()));
    std::string text;
    while (sqlite3_step(raw) == SQLITE_ROW) {
        for (int c = 0; c < sqlite3_column_count(raw); ++c) {
            const auto* v = sqlite3_column_text(raw, c);
            text += v ? reinterpret_cast<const char*>(v) : "NULL";
            text += '|';
        }
        text += '\n';
    }
    sqlite3_finalize(raw);
    return text;
}

// The statements a connection runs, with their bound values written in.
class StatementCapture {
public:
    explicit StatementCapture(Database& db) : db_(db)
    {
        sqlite3_trace_v2(db.handle(), SQLITE_TRACE_STMT, &StatementCapture::onStatement, this);
    }
    ~StatementCapture() { sqlite3_trace_v2(db_.handle(), 0, nullptr, nullptr); }
    const std::set<std::string>& reads() const { return reads_; }

private:
    static int onStatement(unsigned, void* self, void* stmt, void*)
    {
        char* sql = sqlite3_expanded_sql(static_cast<sqlite3_stmt*>(stmt));
        if (sql) {
            const std::string text(sql);
            if (text.rfind("SELECT", 0) == 0 || text.rfind("WITH", 0) == 0 || text.rfind("select", 0) == 0)
                static_cast<StatementCapture*>(self)->reads_.insert(text);
            sqlite3_free(sql);
        }
        return 0;
    }
    Database& db_;
    std::set<std::string> reads_;
};

// Runs every screen's query (models/items) and the reads the commands share (recon, catalog)
// with every id of the example, both brands', and ids that do not exist.
void runEveryScreenQuery(Database& db)
{
    items::loadDashboardStats(db);
    items::loadCatalogStat(db);
    items::loadMerchantChoices(db);
    items::loadFreshnessFacts(db);
    for (const auto& m : kMerchantIds) {
        items::CatalogFilter f;
        f.merchantId = m;
        items::loadCatalogProducts(db, f);
        f.flaggedOnly = true;
        items::loadCatalogProducts(db, f);
    }
    for (const auto& p : kProductIds) {
        items::loadCatalogProductDetail(db, p);
        catalog::computeImpact(db, p);
    }
    for (const char* text : {"C-NAM", "C-KIM", "남", "김", "4821", "1177", "2231", "9001", "M-LOTTE", "롯데"})
        items::searchCustomers(db, QString::fromUtf8(text));
    for (int column = 0; column < items::kQueueColumnCount; ++column) {
        if (!items::isSortable(static_cast<items::QueueColumn>(column)))
            continue;
        for (const bool ascending : {true, false}) {
            for (const auto& m : kMerchantIds) {
                items::QueueQuery q;
                q.sort = {static_cast<items::QueueColumn>(column), ascending};
                if (!m.empty())
                    q.filter.merchantId = m;
                const auto summary = items::summarizeQueue(db, q);
                items::fetchQueueRows(db, q, summary.asOf, std::nullopt);
            }
        }
    }
    items::likelyCauses(db, kLedgerIds);
    for (const auto& l : kLedgerIds) {
        items::loadOrphanDetail(db, QString::fromStdString(l));
        recon::explainOrphan(db, l);
    }
    for (const auto& c : kCustomerIds) {
        items::loadTimelineData(db, c);
        recon::loadTimeline(db, c);
    }
    catalog::listAnomalies(db);
    for (const auto& m : kMerchantIds)
        catalog::undercharges(db, m.empty() ? std::nullopt : std::optional<std::string>(m));
}

std::string dumpEveryTable(Database& db)
{
    std::string text;
    auto tables = db.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' ORDER BY name");
    while (tables.step())
        text += dumpRows(db, "SELECT * FROM \"" + tables.string(0) + "\"");
    return text;
}

}  // namespace

class TestMerchantScope : public QObject {
    Q_OBJECT
private slots:
    void everyMirrorTableHasARule();
    void scopedReads_data();
    void scopedReads();
    void anotherBrandsRecordIsUnknown();
    void nothingScopeShowsNothing();
};

void TestMerchantScope::everyMirrorTableHasARule()
{
    TestMirror m;
    std::set<std::string> ruled;
    for (const auto& r : access::scopedTableRules())
        ruled.insert(r.table);
    auto st = m.db().prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    while (st.step()) {
        const std::string t = st.string(0);
        QVERIFY2(ruled.count(t) || kUnscopedTables.count(t),
                 ("mirror table '" + t + "' has no read-scope rule: add one in access/read_scope.cpp").c_str());
    }
}

void TestMerchantScope::scopedReads_data()
{
    QTest::addColumn<bool>("starbucksReads");
    QTest::newRow("Starbucks' partner") << true;
    QTest::newRow("Lotte's partner") << false;
}

void TestMerchantScope::scopedReads()
{
    QFETCH(bool, starbucksReads);
    const Brand self = starbucksReads ? starbucks() : lotte();
    const Brand other = starbucksReads ? lotte() : starbucks();
    TestMirror m;
    importExample(m);
    Database db(m.path(), Database::Mode::ReadOnly);
    access::applyReadScope(db, access::ReadScope::merchant(self.merchantId));

    std::string seen = dumpEveryTable(db);
    {
        StatementCapture capture(db);
        runEveryScreenQuery(db);
        QVERIFY(capture.reads().size() > 20);   // the capture works: the screens ran their queries
        for (const auto& sql : capture.reads())
            seen += dumpRows(db, sql);
    }
    const auto found = leaks(seen, forbiddenFor(self, other));
    {   // The check can fail: the same tables read whole show the other brand.
        Database whole(m.path(), Database::Mode::ReadOnly);
        QVERIFY(leaks(dumpEveryTable(whole), forbiddenFor(self, other)).size() > 5);
    }
    QVERIFY2(found.empty(), ("leaked: " + leakText(found)).c_str());
    for (const auto& s : self.own)   // and the merchant's own part is all there
        QVERIFY2(seen.find(s) != std::string::npos, ("missing own: " + s).c_str());
    QCOMPARE(dumpRows(db, "SELECT count(*) FROM customer WHERE phone_last4 IS NOT NULL"), std::string("0|\n"));
    QCOMPARE(dumpRows(db, "SELECT count(*) FROM account WHERE label IS NOT NULL"), std::string("0|\n"));
    QCOMPARE(dumpRows(db, "SELECT count(*) FROM quarantine"), std::string("0|\n"));
    QVERIFY(items::searchCustomers(db, QStringLiteral("4821")).empty());
    QVERIFY(items::searchCustomers(db, QStringLiteral("1177")).empty());
}

void TestMerchantScope::anotherBrandsRecordIsUnknown()
{
    TestMirror m;
    importExample(m);
    Database db(m.path(), Database::Mode::ReadOnly);
    access::applyReadScope(db, access::ReadScope::merchant("M-SBUX"));
    // Lotte's orphan debit, customer and product read exactly as ids that do not exist.
    QVERIFY(!recon::explainOrphan(db, "L-0003"));
    QVERIFY(!items::loadOrphanDetail(db, QStringLiteral("L-0003")));
    QVERIFY(!items::loadTimelineData(db, "C-NAM"));
    QVERIFY(!recon::loadTimeline(db, "C-NAM"));
    QVERIFY(!catalog::computeImpact(db, "P-LOTTE-50K"));
    QVERIFY(items::searchCustomers(db, QStringLiteral("C-NAM")).empty());
    // Its own do read.
    QVERIFY(recon::loadTimeline(db, "C-KIM"));
    QVERIFY(catalog::computeImpact(db, "P-SBUX-CAKE"));
    // A view cannot be written: a scoped connection changes nothing of the feed.
    QVERIFY_THROWS_EXCEPTION(std::exception, db.exec("DELETE FROM ledger"));
    // Everything again: the views go.
    access::applyReadScope(db, access::ReadScope::everything());
    QVERIFY(recon::loadTimeline(db, "C-NAM"));
}

void TestMerchantScope::nothingScopeShowsNothing()
{
    TestMirror m;
    importExample(m);
    Database db(m.path(), Database::Mode::ReadOnly);
    access::applyReadScope(db, access::ReadScope::nothing());
    for (const auto& r : access::scopedTableRules())
        QCOMPARE(dumpRows(db, "SELECT count(*) FROM " + r.table), std::string("0|\n"));
    ops::Operator disabled{"x", "x", {ops::Role::Ops}, {}, false, 0, {}};
    QVERIFY(access::scopeFor(disabled) == access::ReadScope::nothing());
    ops::Operator partner{"p", "p", {ops::Role::Merchant}, std::string("M-SBUX"), true, 0, {}};
    QVERIFY(access::scopeFor(partner) == access::ReadScope::merchant("M-SBUX"));
    QVERIFY(access::ReadScope::merchant("M-SBUX").narrowedBy(access::ReadScope::merchant("M-LOTTE"))
            == access::ReadScope::nothing());
}

QTEST_GUILESS_MAIN(TestMerchantScope)
#include "tst_merchant_scope.moc"
