// A busy customer's timeline opens on a first page (their newest events, every orphan, and the
// orders and entries those name) and the whole timeline follows. The first page must never say
// something the whole timeline does not: every event on it is the same event, in the same
// group, as in the whole; nothing from its window or any orphan is missing; the accounts' sums
// are not guessed. Checked on a story that crosses the window's edge in every way, on seeded
// random feeds, at the window's boundaries, and through the item model.
#include "feed_lines.h"
#include "items/timeline_cells.h"
#include "items/timeline_data.h"
#include "items/timeline_model.h"
#include "memory_temp_dir.h"
#include "random_feed.h"
#include "recon/timeline.h"
#include "store/database.h"
#include "test_mirror.h"

#include <QSignalSpy>
#include <QTest>
#include <map>
#include <set>

using namespace reconsole;
using recon::EventKind;
using recon::RecentWindow;
using recon::TimelineEvent;

namespace {

std::string eventKey(const TimelineEvent& e) { return std::to_string(int(e.kind)) + ":" + e.id; }

std::string describe(const TimelineEvent& e)
{
    return eventKey(e) + " at=" + std::to_string(e.at) + " order=" + e.orderId + " status=" + e.status
        + " purpose=" + e.purpose + " account=" + e.accountId + " detail=" + e.detail + " ref=" + e.refId
        + " amount=" + std::to_string(e.amount.won())
        + " orphan=" + (e.orphan ? std::to_string(e.orphan->orphanAmount.won()) : std::string("-"));
}

// Event key -> the key of its group.
std::map<std::string, std::string> groupOfEvents(const items::TimelineData& d)
{
    std::map<std::string, std::string> out;
    for (const auto& g : d.groups) {
        const std::string group = std::to_string(int(g.kind)) + ":" + g.key;
        if (g.order)
            out[eventKey(*g.order)] = group;
        for (const auto& e : g.events)
            out[eventKey(e)] = group;
    }
    return out;
}

// Empty when the first page of `customer` under `window` agrees with the whole timeline; else
// what differs. `paged` says whether the customer got a first page at all.
std::string checkFirstPage(Database& db, const std::string& customer, const RecentWindow& window, bool& paged)
{
    const auto since = recon::recentWindowStart(db, customer, window);
    const auto whole = items::loadTimelineData(db, customer);
    const auto page = items::loadTimelineData(db, customer, items::TimelinePart::FirstPage, window);
    paged = since.has_value();
    if (!whole || !page)
        return whole || page ? "one of the two reads found the customer, the other did not" : "";
    if (!since)
        return page->timeline.isFirstPage() ? "a first page without a window" : "";
    if (!page->timeline.isFirstPage() || *page->timeline.since != *since)
        return "the first page does not say where it starts";

    std::map<std::string, const TimelineEvent*> inWhole;
    for (const auto& e : whole->timeline.events)
        inWhole[eventKey(e)] = &e;
    std::set<std::string> onPage;
    for (const auto& e : page->timeline.events) {
        onPage.insert(eventKey(e));
        const auto it = inWhole.find(eventKey(e));
        if (it == inWhole.end())
            return "on the first page only: " + describe(e);
        if (describe(e) != describe(*it->second))
            return "differs from the whole: " + describe(e) + " / " + describe(*it->second);
    }
    for (const auto& e : whole->timeline.events) {
        if (onPage.count(eventKey(e)))
            continue;
        if (e.at >= *since)
            return "in the window but not on the first page: " + describe(e);
        if (e.orphan)
            return "an orphan missing from the first page: " + describe(e);
        if (e.kind == EventKind::Order)
            for (const auto& l : page->timeline.events)
                if (l.kind == EventKind::Ledger && l.orderId == e.id)
                    return "the order of " + l.id + " missing from the first page: " + e.id;
    }
    const auto pageGroups = groupOfEvents(*page);
    const auto wholeGroups = groupOfEvents(*whole);
    for (const auto& [event, group] : pageGroups)
        if (wholeGroups.at(event) != group)
            return event + " is in group " + group + " on the first page, " + wholeGroups.at(event) + " in the whole";
    // An order's or a top-up's row says the same on both: its time, status chip, amounts.
    std::map<std::string, std::string> wholeRows;
    const auto rowText = [](const items::TimelineData& d, const items::TimelineGroup& g) {
        std::string text;
        for (int c = 0; c < items::CellCount; ++c)
            text += items::groupCellText(d.timeline, g, c).toStdString() + " | ";
        return text;
    };
    for (const auto& g : whole->groups)
        wholeRows[std::to_string(int(g.kind)) + ":" + g.key] = rowText(*whole, g);
    for (const auto& g : page->groups) {
        if (g.kind == items::TimelineGroupKind::NoOrder)
            continue;   // the entries of no order: a count of those read so far
        const std::string key = std::to_string(int(g.kind)) + ":" + g.key;
        if (rowText(*page, g) != wholeRows.at(key))
            return "group " + key + " reads '" + rowText(*page, g) + "' on the first page, '" + wholeRows.at(key)
                + "' in the whole";
    }
    if (page->timeline.orphanTotal.value() != whole->timeline.orphanTotal.value())
        return "the orphan totals differ";
    for (const auto& a : page->timeline.accounts)
        if (!a.debits.value().isZero() || !a.credits.value().isZero())
            return "a first page summed account " + a.id + " from part of its entries";
    return "";
}

std::string at(int day, int minute = 0)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "2026-03-%02dT%02d:%02d:00+09:00", day, 9 + minute / 60, minute % 60);
    return buf;
}

std::string order(const std::string& id, const std::string& when)
{
    return R"("type":"order","id":")" + id + R"(","customer_id":"C-1","product_id":"PR-1","quantity":1,)"
        R"("unit_price":5000,"total":5000,"status":"paid","created_at":")" + when + R"(","updated_at":")" + when + "\"";
}

std::string receipt(const std::string& id, const std::string& orderId, const std::string& when)
{
    return R"("type":"cash_receipt","id":")" + id + R"(","order_id":")" + orderId
        + R"(","amount":5000,"status":"issued","at":")" + when + "\"";
}

// Customer C-1: an old order refunded inside the window, an old orphan, an old top-up whose
// credit lands inside the window, and ten recent orders with payments, debits and receipts.
test::FeedLines story()
{
    using test::Link;
    test::FeedLines f;
    f.record(R"("type":"customer","id":"C-1","name":"김**","created_at":")" + at(1) + "\"")
        .record(R"("type":"account","id":"A-1","customer_id":"C-1","kind":"money","label":"머니")")
        .record(R"("type":"account","id":"A-2","customer_id":"C-1","kind":"bank","label":"은행")");
    f.record(order("O-OLD", at(1)))
        .payment("P-OLD", 5000, "approved", at(1, 1), "O-OLD")
        .debit("L-OLD-D", 5000, "payment", at(1, 1), Link().withPayment("P-OLD").withOrder("O-OLD"))
        .credit("L-OLD-R", 5000, "refund", at(30), Link().withRef("L-OLD-D").withOrder("O-OLD"));
    f.record(order("O-ORPH", at(2)))
        .payment("P-ORPH", 5000, "failed", at(2, 1), "O-ORPH")
        .debit("L-ORPH", 5000, "payment", at(2, 1), Link().withPayment("P-ORPH").withOrder("O-ORPH"));
    f.debit("L-TOP", 20000, "topup", at(3), Link().on("A-2", "C-1"))
        .credit("L-TOPC", 20000, "topup", at(30, 5), Link().withRef("L-TOP"));
    for (int i = 1; i <= 10; ++i) {
        const std::string n = (i < 10 ? "0" : "") + std::to_string(i);
        f.record(order("O-R" + n, at(19 + i)))
            .payment("P-R" + n, 5000, "approved", at(19 + i, 1), "O-R" + n)
            .debit("L-R" + n, 5000, "payment", at(19 + i, 1), Link().withPayment("P-R" + n).withOrder("O-R" + n));
        if (i % 3 == 0)
            f.record(receipt("R-R" + n, "O-R" + n, at(19 + i, 2)));
    }
    return f;
}

int countOf(const recon::CustomerTimeline& t, EventKind kind, const std::string& id)
{
    return int(std::count_if(t.events.begin(), t.events.end(),
                             [&](const TimelineEvent& e) { return e.kind == kind && e.id == id; }));
}

}  // namespace

class TestTimelineFirstPage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::preferMemoryTempDir(); }
    void storyAcrossTheWindow();
    void windowBoundaries_data();
    void windowBoundaries();
    void randomFeedsAgree();
    void modelShowsFirstPageThenWhole();
};

void TestTimelineFirstPage::storyAcrossTheWindow()
{
    test::TestMirror mirror;
    mirror.importLines(story().imports().front());
    // The 4th newest order is O-R07 (day 26); the 8th newest entry is L-R05 (day 24): the window
    // starts at the later of the two.
    const RecentWindow window{4, 8};
    const auto since = recon::recentWindowStart(mirror.db(), "C-1", window);
    QVERIFY(since);
    QCOMPARE(*since, parseRfc3339(at(26))->ms);
    bool paged = false;
    const std::string error = checkFirstPage(mirror.db(), "C-1", window, paged);
    QVERIFY2(error.empty(), error.c_str());
    QVERIFY(paged);

    const auto page = recon::loadTimeline(mirror.db(), "C-1", {}, since);
    QVERIFY(page && page->isFirstPage());
    // Inside the window: the four newest orders with their payments, debits and receipts.
    for (const char* o : {"O-R07", "O-R08", "O-R09", "O-R10"})
        QCOMPARE(countOf(*page, EventKind::Order, o), 1);
    QCOMPARE(countOf(*page, EventKind::CashReceipt, "R-R09"), 1);
    QCOMPARE(countOf(*page, EventKind::Order, "O-R06"), 0);
    QCOMPARE(countOf(*page, EventKind::Ledger, "L-R06"), 0);
    // The old orphan, its order and its failed payment, although all are weeks older.
    QCOMPARE(countOf(*page, EventKind::Ledger, "L-ORPH"), 1);
    QCOMPARE(countOf(*page, EventKind::Order, "O-ORPH"), 1);
    QCOMPARE(countOf(*page, EventKind::Payment, "P-ORPH"), 1);
    // A refund in the window brings the debit it gives back, and that debit's order.
    QCOMPARE(countOf(*page, EventKind::Ledger, "L-OLD-D"), 1);
    QCOMPARE(countOf(*page, EventKind::Order, "O-OLD"), 1);
    QCOMPARE(countOf(*page, EventKind::Payment, "P-OLD"), 1);
    // So does a top-up credit its debit from the bank account.
    QCOMPARE(countOf(*page, EventKind::Ledger, "L-TOP"), 1);
    QCOMPARE(page->orphanTotal.value(), Money(5000));
}

void TestTimelineFirstPage::windowBoundaries_data()
{
    QTest::addColumn<int>("orders");
    QTest::addColumn<int>("entries");
    QTest::addColumn<int>("windowOrders");
    QTest::addColumn<int>("windowEntries");
    QTest::addColumn<int>("startsAtMinute");   // -1: no first page

    // Orders at minutes 1..n, entries at minutes 1001..1000+m: the newest last.
    QTest::newRow("orders exactly fill the window") << 5 << 0 << 5 << 10 << -1;
    QTest::newRow("one order more") << 6 << 0 << 5 << 10 << 2;
    QTest::newRow("entries exactly fill the window") << 0 << 10 << 5 << 10 << -1;
    QTest::newRow("one entry more") << 0 << 11 << 5 << 10 << 1002;
    QTest::newRow("both over: the later start wins") << 8 << 12 << 5 << 10 << 1003;
    QTest::newRow("only orders over, entries within") << 8 << 10 << 5 << 10 << 4;
    QTest::newRow("a window of one") << 3 << 3 << 1 << 1 << 1003;
}

void TestTimelineFirstPage::windowBoundaries()
{
    QFETCH(int, orders);
    QFETCH(int, entries);
    QFETCH(int, windowOrders);
    QFETCH(int, windowEntries);
    QFETCH(int, startsAtMinute);
    test::TestMirror mirror;
    std::string sql = "INSERT INTO customer VALUES ('C-1', 1, '김**', '0000', 0);";
    for (int i = 1; i <= orders; ++i)
        sql += "INSERT INTO orders VALUES ('O-" + std::to_string(i) + "', " + std::to_string(i)
            + ", 'C-1', 'P-1', 1, 1000, 1000, 'paid', " + std::to_string(i * kMinuteMs) + ", 0);";
    for (int i = 1; i <= entries; ++i)
        sql += "INSERT INTO ledger (id, seq, account_id, customer_id, direction, amount, purpose, at) VALUES ('L-"
            + std::to_string(i) + "', " + std::to_string(100 + i) + ", 'A-1', 'C-1', 'credit', 1000, 'topup', "
            + std::to_string((1000 + i) * kMinuteMs) + ");";
    mirror.db().exec(sql);
    const auto since = recon::recentWindowStart(mirror.db(), "C-1", RecentWindow{windowOrders, windowEntries});
    if (startsAtMinute < 0) {
        QVERIFY2(!since, "a customer the window holds gets no first page");
        return;
    }
    QVERIFY(since);
    QCOMPARE(*since, Instant(startsAtMinute) * kMinuteMs);
    const auto page = recon::loadTimeline(mirror.db(), "C-1", {}, since);
    QVERIFY(page);
    int newerOrders = 0, newerEntries = 0;
    for (const auto& e : page->events) {
        newerOrders += e.kind == EventKind::Order;
        newerEntries += e.kind == EventKind::Ledger;
    }
    // The first page holds no more than the window, and all of the side that set its start.
    QVERIFY(newerOrders <= windowOrders && newerEntries <= windowEntries);
    QVERIFY(newerOrders == std::min(orders, windowOrders) || newerEntries == std::min(entries, windowEntries));
}

void TestTimelineFirstPage::randomFeedsAgree()
{
    // Random feeds have many top-ups, returns, duplicate and split debits over three customers:
    // small windows cut through all of them.
    int paged = 0, checked = 0;
    for (std::uint64_t seed = 1; seed <= 25; ++seed) {
        test::TestMirror mirror;
        mirror.importLines(test::randomFeed(seed, 300).lines);
        for (const RecentWindow window : {RecentWindow{1, 1}, RecentWindow{2, 5}, RecentWindow{3, 20}})
            for (const char* customer : {"C-0", "C-1", "C-2"}) {
                bool got = false;
                const std::string error = checkFirstPage(mirror.db(), customer, window, got);
                QVERIFY2(error.empty(), qPrintable(QStringLiteral("seed %1, %2, window %3/%4: %5")
                                                       .arg(seed)
                                                       .arg(customer)
                                                       .arg(window.orders)
                                                       .arg(window.ledgerEntries)
                                                       .arg(QString::fromStdString(error))));
                paged += got;
                ++checked;
            }
    }
    qInfo("%d of %d timelines had a first page", paged, checked);
    QVERIFY(paged > checked / 2);   // the windows did cut, or the check proved nothing
}

void TestTimelineFirstPage::modelShowsFirstPageThenWhole()
{
    test::TestMirror mirror;
    mirror.importLines(story().imports().front());
    items::TimelineModel model(QString::fromStdString(mirror.path()));
    model.setFirstPageWindow(RecentWindow{4, 8});
    struct Shown {
        bool complete, loading;
        std::size_t events;
    };
    std::vector<Shown> shown;
    connect(&model, &items::TimelineModel::loaded, this, [&] {
        shown.push_back({model.isComplete(), model.isLoading(), model.timeline()->events.size()});
    });
    model.load(QStringLiteral("C-1"));
    QTRY_COMPARE_WITH_TIMEOUT(shown.size(), std::size_t(2), 10000);
    QVERIFY2(!shown[0].complete && shown[0].loading, "the first page is shown while the rest is read");
    QVERIFY(shown[1].complete && !shown[1].loading);
    QVERIFY(shown[0].events < shown[1].events);
    QCOMPARE(shown[1].events, recon::loadTimeline(mirror.db(), "C-1")->events.size());
    QVERIFY(model.indexForKey(QStringLiteral("L-R01")).isValid());

    // The mirror changed: the whole timeline is read again behind the one shown, with no first
    // page taking the older events away meanwhile.
    model.reload();
    QVERIFY(model.isComplete());
    QTRY_COMPARE_WITH_TIMEOUT(shown.size(), std::size_t(3), 10000);
    QVERIFY(shown[2].complete);

    // Another customer opened while the rest of a first page is read: the rest is stopped and
    // never shown over them.
    items::TimelineModel other(QString::fromStdString(mirror.path()));
    other.setFirstPageWindow(RecentWindow{4, 8});
    QSignalSpy notFound(&other, &items::TimelineModel::notFound);
    int answers = 0;
    connect(&other, &items::TimelineModel::loaded, this, [&] {
        if (++answers == 1)
            other.load(QStringLiteral("C-NOBODY"));   // before the whole read can answer
    });
    other.load(QStringLiteral("C-1"));
    QTRY_COMPARE_WITH_TIMEOUT(notFound.count(), 1, 10000);
    QTest::qWait(100);
    QCOMPARE(answers, 1);
    QVERIFY(!other.timeline());
}

QTEST_GUILESS_MAIN(TestTimelineFirstPage)
#include "tst_timeline_first_page.moc"
