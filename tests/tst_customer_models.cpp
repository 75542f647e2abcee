// Customer search and the customer timeline below the widgets: the search rules, the
// grouping of a timeline by order, and the item models (under QAbstractItemModelTester)
// with their worker threads and stale-answer dropping.
#include "items/customer_search.h"
#include "items/customer_search_model.h"
#include "items/timeline_explanation.h"
#include "items/timeline_groups.h"
#include "items/timeline_labels.h"
#include "items/timeline_model.h"
#include "items/timeline_points.h"
#include "store/bulk_load.h"
#include "test_mirror.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace reconsole;
using items::TimelineModel;

namespace {
constexpr int kLimit = items::kDefaultSearchLimit;
}

class TestCustomerModels : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void search_data();
    void search();
    void searchRanksExactMatchesFirst();
    void searchRespectsLimit();
    void bulkLoadLeavesOnlyPrimaryKeys();
    void grouping_data();
    void grouping();
    void exampleTimelineGroups();
    void searchModelFollowsQuery();
    void searchModelDropsStaleAnswers();
    void searchModelDebounces();
    void timelineModelShowsOrphan();
    void timelineModelDropsStaleCustomer();
    void timelineModelReportsUnknownCustomer();
    void chartPoints_data();
    void chartPoints();
    void explanationForOrphan();

private:
    test::TestMirror example_;
    QString path() { return QString::fromStdString(example_.path()); }
};

void TestCustomerModels::initTestCase() { example_.import({test::sharedPath("examples/incident-small.jsonl")}); }

// ---- search rules --------------------------------------------------------------------

void TestCustomerModels::search_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("customers");
    QTest::addColumn<QString>("firstReason");

    QTest::newRow("customer id") << "C-NAM" << QStringList{"C-NAM"} << "고객 번호 C-NAM";
    QTest::newRow("customer id, lower case") << "c-nam" << QStringList{"C-NAM"} << "고객 번호 C-NAM";
    QTest::newRow("customer id prefix") << "C-" << QStringList{"C-KIM", "C-NAM"} << "고객 번호 C-KIM";
    QTest::newRow("masked name") << "남**" << QStringList{"C-NAM"} << "이름 남**";
    QTest::newRow("name prefix") << "남" << QStringList{"C-NAM"} << "이름 남**";
    QTest::newRow("phone last four") << "4821" << QStringList{"C-NAM"} << "전화 뒷자리 4821";
    QTest::newRow("phone prefix") << "11" << QStringList{"C-KIM"} << "전화 뒷자리 1177";
    QTest::newRow("full phone number") << "010-2222-4821" << QStringList{"C-NAM"} << "전화 뒷자리 4821";
    QTest::newRow("order id") << "O-1001" << QStringList{"C-NAM"} << "주문 O-1001";
    QTest::newRow("order id prefix") << "O-100" << QStringList{"C-NAM", "C-KIM"} << "주문 O-1001";
    QTest::newRow("payment id") << "PAY-1002" << QStringList{"C-KIM"} << "결제 PAY-1002";
    QTest::newRow("payment known only from a debit") << "PAY-LOST" << QStringList{"C-NAM"} << "결제 PAY-LOST";
    QTest::newRow("ledger id") << "L-0003" << QStringList{"C-NAM"} << "원장 L-0003";
    QTest::newRow("ledger id of the other customer") << "L-0012" << QStringList{"C-KIM"} << "원장 L-0012";
    QTest::newRow("surrounding spaces") << "  O-1003 " << QStringList{"C-KIM"} << "주문 O-1003";
    QTest::newRow("no match") << "X-999" << QStringList{} << "";
    QTest::newRow("blank") << "   " << QStringList{} << "";
    QTest::newRow("no substring search") << "NAM" << QStringList{} << "";
}

void TestCustomerModels::search()
{
    QFETCH(QString, query);
    QFETCH(QStringList, customers);
    QFETCH(QString, firstReason);
    const auto found = items::searchCustomers(example_.db(), query);
    QStringList ids;
    for (const auto& m : found)
        ids << QString::fromStdString(m.customerId);
    QCOMPARE(ids, customers);
    if (!found.empty()) {
        QCOMPARE(items::matchReason(found.front()), firstReason);
        if (found.front().customerId == "C-NAM") {
            QCOMPARE(found.front().name, std::string("남**"));
            QCOMPARE(found.front().phoneLast4, std::string("4821"));
        }
    }
}

void TestCustomerModels::searchRanksExactMatchesFirst()
{
    test::TestMirror m;
    m.importLines({
        R"({"seq":1,"type":"customer","id":"C-2","name":"박**","phone_last4":"1234","created_at":"2026-01-01T00:00:00Z"})",
        R"({"seq":2,"type":"customer","id":"C-3","name":"이**","phone_last4":"9999","created_at":"2026-01-01T00:00:00Z"})",
        R"({"seq":3,"type":"customer","id":"C-4","name":"최**","phone_last4":"8888","created_at":"2026-01-01T00:00:00Z"})",
        R"({"seq":4,"type":"order","id":"1234","customer_id":"C-3","product_id":"P-1","quantity":1,"unit_price":1000,"total":1000,"status":"paid","created_at":"2026-01-02T00:00:00Z","updated_at":"2026-01-02T00:00:00Z"})",
        R"({"seq":5,"type":"order","id":"12345","customer_id":"C-4","product_id":"P-1","quantity":1,"unit_price":1000,"total":1000,"status":"paid","created_at":"2026-01-02T00:00:00Z","updated_at":"2026-01-02T00:00:00Z"})",
    });
    const auto found = items::searchCustomers(m.db(), QStringLiteral("1234"));
    QStringList got;
    for (const auto& x : found)
        got << QString::fromStdString(x.customerId) + ":" + items::matchReason(x);
    // Exact order id, then exact phone, then the order id that only starts with it.
    QCOMPARE(got, (QStringList{"C-3:주문 1234", "C-2:전화 뒷자리 1234", "C-4:주문 12345"}));
}

void TestCustomerModels::searchRespectsLimit()
{
    QCOMPARE(items::searchCustomers(example_.db(), QStringLiteral("C-"), 1).size(), std::size_t(1));
    QCOMPARE(items::searchCustomers(example_.db(), QStringLiteral("C-"), 0).size(), std::size_t(0));
}

void TestCustomerModels::bulkLoadLeavesOnlyPrimaryKeys()
{
    test::TestMirror m;
    m.import({test::sharedPath("examples/incident-small.jsonl")});
    {
        Transaction tx(m.db());
        deferFeedIndexes(m.db());   // what a bulk load does until it ends
        tx.commit();
    }
    bool partial = false;
    QVERIFY(items::searchCustomers(m.db(), QStringLiteral("남"), kLimit, &partial).empty());
    QVERIFY(partial);
    const auto byOrder = items::searchCustomers(m.db(), QStringLiteral("O-1001"), kLimit, &partial);
    QCOMPARE(byOrder.size(), std::size_t(1));
    QCOMPARE(byOrder.front().name, std::string("남**"));
    QVERIFY(partial);
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, items::loadTimelineData(m.db(), "C-NAM"));

    restoreDeferredIndexes(m.db());
    QCOMPARE(items::searchCustomers(m.db(), QStringLiteral("남"), kLimit, &partial).size(), std::size_t(1));
    QVERIFY(!partial);
    QVERIFY(items::loadTimelineData(m.db(), "C-NAM"));
}

// ---- grouping rules ------------------------------------------------------------------

namespace {

// "L-1 debit payment O-1" (ledger: id direction purpose [order]), "PAY-1 payment O-1",
// "R-1 receipt O-1", "O-1 order". Events are given in time order.
recon::CustomerTimeline timelineOf(const QStringList& specs)
{
    recon::CustomerTimeline t;
    Instant at = 1'000'000;
    for (const auto& spec : specs) {
        const QStringList f = spec.split(u' ');
        recon::TimelineEvent e;
        e.at = at += 1000;
        e.id = f[0].toStdString();
        if (f[1] == "order") {
            e.kind = recon::EventKind::Order;
            e.orderId = e.id;
        } else if (f[1] == "payment" || f[1] == "receipt") {
            e.kind = f[1] == "payment" ? recon::EventKind::Payment : recon::EventKind::CashReceipt;
            e.orderId = f[2].toStdString();
        } else {
            e.kind = recon::EventKind::Ledger;
            e.status = f[1].toStdString();
            e.purpose = f[2].toStdString();
            e.orderId = f.size() > 3 ? f[3].toStdString() : std::string();
        }
        t.events.push_back(e);
    }
    return t;
}

// "order:O-1 = PAY-1 L-1" per group, in group order.
QStringList describe(const std::vector<items::TimelineGroup>& groups)
{
    static const char* kinds[] = {"order", "topup", "none"};
    QStringList out;
    for (const auto& g : groups) {
        QStringList ids;
        for (const auto& e : g.events)
            ids << QString::fromStdString(e.id);
        out << QStringLiteral("%1:%2 = %3")
                   .arg(QLatin1String(kinds[int(g.kind)]), QString::fromStdString(g.key), ids.join(u' '));
    }
    return out;
}

}  // namespace

void TestCustomerModels::grouping_data()
{
    QTest::addColumn<QStringList>("events");
    QTest::addColumn<QStringList>("refs");   // "credit>debit"
    QTest::addColumn<QStringList>("groups");

    QTest::newRow("order with its attempts, debits and receipts")
        << QStringList{"O-1 order", "L-1 debit payment O-1", "PAY-1 payment O-1", "R-1 receipt O-1"} << QStringList{}
        << QStringList{"order:O-1 = L-1 PAY-1 R-1"};
    QTest::newRow("a return joins the order of the debit it gives back")
        << QStringList{"O-1 order", "L-1 debit payment O-1", "L-2 credit refund"} << QStringList{"L-2>L-1"}
        << QStringList{"order:O-1 = L-1 L-2"};
    QTest::newRow("a top-up credit joins its top-up")
        << QStringList{"L-1 debit topup", "L-2 credit topup"} << QStringList{"L-2>L-1"}
        << QStringList{"topup:L-1 = L-1 L-2"};
    QTest::newRow("each top-up is its own group")
        << QStringList{"L-1 debit topup", "L-2 debit topup"} << QStringList{}
        << QStringList{"topup:L-1 = L-1", "topup:L-2 = L-2"};
    QTest::newRow("a debit with neither order nor ref has no order")
        << QStringList{"L-1 debit payment", "L-2 debit fee"} << QStringList{}
        << QStringList{"none: = L-1 L-2"};
    QTest::newRow("a ref to a debit of another customer has no order")
        << QStringList{"L-2 credit refund"} << QStringList{"L-2>L-X"} << QStringList{"none: = L-2"};
    QTest::newRow("an order known only from its debits is still a group")
        << QStringList{"L-1 debit payment O-9"} << QStringList{} << QStringList{"order:O-9 = L-1"};
    QTest::newRow("groups in order of their first event")
        << QStringList{"L-1 debit topup", "O-1 order", "L-2 debit payment", "L-3 debit payment O-1"} << QStringList{}
        << QStringList{"topup:L-1 = L-1", "order:O-1 = L-3", "none: = L-2"};
    QTest::newRow("refs that loop do not hang")
        << QStringList{"L-1 credit refund", "L-2 credit refund"} << QStringList{"L-1>L-2", "L-2>L-1"}
        << QStringList{"none: = L-1 L-2"};
}

void TestCustomerModels::grouping()
{
    QFETCH(QStringList, events);
    QFETCH(QStringList, refs);
    QFETCH(QStringList, groups);
    std::unordered_map<std::string, std::string> refMap;
    for (const auto& r : refs)
        refMap.emplace(r.section(u'>', 0, 0).toStdString(), r.section(u'>', 1, 1).toStdString());
    QCOMPARE(describe(items::groupTimeline(timelineOf(events), refMap)), groups);
}

void TestCustomerModels::exampleTimelineGroups()
{
    const auto nam = items::loadTimelineData(example_.db(), "C-NAM");
    QVERIFY(nam);
    QCOMPARE(describe(nam->groups), (QStringList{"topup:L-0001 = L-0001 L-0002",
                                                 "order:O-1001 = R-1001 L-0003 PAY-1001 L-0008 L-0009",
                                                 "topup:L-0010 = L-0010", "none: = L-0011"}));
    QCOMPARE(nam->groups[1].orphanTotal.value(), Money(50'000));
    QVERIFY(!nam->groups[1].orphanTotal.overflowed());
    QCOMPARE(items::groupChip(nam->groups[2]).text, QStringLiteral("미입금"));
    QCOMPARE(items::groupChip(nam->groups[0]).text, QStringLiteral("입금 완료"));
    const auto kim = items::loadTimelineData(example_.db(), "C-KIM");
    QVERIFY(kim);
    QCOMPARE(describe(kim->groups), (QStringList{"order:O-1002 = L-0004 L-0005 PAY-1002 R-1002 L-0006",
                                                 "order:O-1003 = PAY-1003 L-0007", "order:O-1004 = L-0012"}));
    QVERIFY(!kim->groups[2].order);
}

// ---- item models ---------------------------------------------------------------------

void TestCustomerModels::searchModelFollowsQuery()
{
    items::CustomerSearchModel model(path());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDebounceInterval(0);
    QSignalSpy finished(&model, &items::CustomerSearchModel::searchFinished);

    model.setQuery(QStringLiteral("남"));
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.data(model.index(0, items::CustomerSearchModel::IdColumn)).toString(), QStringLiteral("C-NAM"));
    QCOMPARE(model.data(model.index(0, items::CustomerSearchModel::NameColumn)).toString(), QStringLiteral("남**"));
    QCOMPARE(model.data(model.index(0, items::CustomerSearchModel::PhoneColumn)).toString(), QStringLiteral("4821"));
    QCOMPARE(model.data(model.index(0, items::CustomerSearchModel::ReasonColumn)).toString(), QStringLiteral("이름 남**"));

    model.setQuery(QStringLiteral("C-"));
    QTRY_COMPARE(finished.count(), 2);
    QCOMPARE(model.rowCount(), 2);
    model.setQuery(QStringLiteral("zzz"));
    QTRY_COMPARE(finished.count(), 3);
    QCOMPARE(model.rowCount(), 0);
    model.setQuery(QString());
    QTRY_COMPARE(finished.count(), 4);
    QCOMPARE(model.rowCount(), 0);
}

void TestCustomerModels::searchModelDropsStaleAnswers()
{
    items::CustomerSearchModel model(path());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy finished(&model, &items::CustomerSearchModel::searchFinished);
    model.setQuery(QStringLiteral("O-1001"));
    model.searchNow();
    model.setQuery(QStringLiteral("L-0012"));   // replaces the first before its answer arrives
    model.searchNow();
    QTRY_COMPARE(finished.count(), 1);
    QTest::qWait(50);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toString(), QStringLiteral("L-0012"));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.customerId(0), QStringLiteral("C-KIM"));
}

void TestCustomerModels::searchModelDebounces()
{
    items::CustomerSearchModel model(path());
    QSignalSpy finished(&model, &items::CustomerSearchModel::searchFinished);
    for (const char* typed : {"O", "O-", "O-1", "O-10", "O-1001"})
        model.setQuery(QString::fromLatin1(typed));
    QVERIFY(model.isSearching());
    QTRY_COMPARE(finished.count(), 1);
    QTest::qWait(250);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toString(), QStringLiteral("O-1001"));
}

void TestCustomerModels::timelineModelShowsOrphan()
{
    TimelineModel model(path());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &TimelineModel::loaded);
    model.load(QStringLiteral("C-NAM"));
    QTRY_COMPARE(loaded.count(), 1);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.timeline()->accounts.size(), std::size_t(2));

    const QModelIndex orphan = model.indexForKey(QStringLiteral("L-0003"));
    QVERIFY(orphan.isValid());
    auto cell = [&](int column, int role = Qt::DisplayRole) { return orphan.siblingAtColumn(column).data(role); };
    QCOMPARE(orphan.parent().siblingAtColumn(TimelineModel::IdColumn).data().toString(), QStringLiteral("O-1001"));
    QVERIFY(cell(0, TimelineModel::IsOrphanRole).toBool());
    QCOMPARE(cell(0, TimelineModel::OrphanAmountRole).toLongLong(), 50'000);
    QCOMPARE(cell(TimelineModel::OrphanColumn).toString(), QStringLiteral("₩50,000"));
    QCOMPARE(cell(TimelineModel::AmountColumn).toString(), QStringLiteral("-₩50,000"));
    QCOMPARE(cell(TimelineModel::StatusColumn).toString(), QStringLiteral("결제 미완료"));
    QCOMPARE(cell(TimelineModel::StatusColumn, TimelineModel::ChipToneRole).toInt(), int(items::ChipTone::Bad));
    QCOMPARE(cell(TimelineModel::TimeColumn).toString(), QStringLiteral("2026-03-11 10:02:06"));
    QVERIFY(cell(TimelineModel::AmountColumn, Qt::TextAlignmentRole).toInt() & Qt::AlignRight);
    QVERIFY(cell(0, Qt::BackgroundRole).isValid());

    const QModelIndex payment = model.indexForKey(QStringLiteral("payment:PAY-1001"));
    QCOMPARE(payment.siblingAtColumn(TimelineModel::StatusColumn).data().toString(), QStringLiteral("실패"));
    QVERIFY(!payment.data(TimelineModel::IsOrphanRole).toBool());
    QVERIFY(!payment.data(Qt::BackgroundRole).isValid());
    const QModelIndex credit = model.indexForKey(QStringLiteral("L-0009"));
    QCOMPARE(credit.siblingAtColumn(TimelineModel::AmountColumn).data().toString(), QStringLiteral("+₩50,000"));

    model.reload();
    QTRY_COMPARE(loaded.count(), 2);
    QVERIFY(model.indexForKey(QStringLiteral("L-0003")).isValid());
}

void TestCustomerModels::timelineModelDropsStaleCustomer()
{
    TimelineModel model(path());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &TimelineModel::loaded);
    model.load(QStringLiteral("C-NAM"));
    model.load(QStringLiteral("C-KIM"));
    QTRY_COMPARE(loaded.count(), 1);
    QTest::qWait(50);
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(loaded.at(0).at(0).toString(), QStringLiteral("C-KIM"));
    QCOMPARE(model.timeline()->customerId, std::string("C-KIM"));
    QVERIFY(!model.indexForKey(QStringLiteral("L-0003")).isValid());
    QVERIFY(model.indexForKey(QStringLiteral("L-0006")).data(TimelineModel::IsOrphanRole).toBool());
}

void TestCustomerModels::timelineModelReportsUnknownCustomer()
{
    TimelineModel model(path());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy notFound(&model, &TimelineModel::notFound);
    model.load(QStringLiteral("C-NOBODY"));
    QTRY_COMPARE(notFound.count(), 1);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.timeline());
}

// ---- the chart's points (made on the worker) ----------------------------------------

void TestCustomerModels::chartPoints_data()
{
    // accounts: "id kind [label]"; events in time order: "L-1 debit|credit ACCOUNT WON [orphan]"
    // for a movement, "O-1 order" for anything else. A point: "id signed-won series kind [orphan]".
    QTest::addColumn<QStringList>("accounts");
    QTest::addColumn<QStringList>("events");
    QTest::addColumn<QStringList>("points");
    QTest::newRow("the only account of its kind is named by the kind; other events are not plotted")
        << QStringList{"A-1 money"} << QStringList{"O-1 order", "L-1 debit A-1 50000 orphan", "L-2 credit A-1 50000"}
        << QStringList{"L-1 -50000 머니 money orphan", "L-2 50000 머니 money"};
    QTest::newRow("two of a kind are named each by kind and label")
        << QStringList{"B-1 bank 국민", "B-2 bank 신한", "A-1 money"}
        << QStringList{"L-1 debit B-1 1000", "L-2 credit B-2 2000", "L-3 debit A-1 1"}
        << QStringList{"L-1 -1000 은행·국민 bank", "L-2 2000 은행·신한 bank", "L-3 -1 머니 money"};
    QTest::newRow("an account the timeline does not list, or of no kind, by its id")
        << QStringList{"A-2"} << QStringList{"L-1 debit X-9 700 orphan", "L-2 credit A-2 5"}
        << QStringList{"L-1 -700 X-9  orphan", "L-2 5 A-2 "};
    QTest::newRow("no movement, no point") << QStringList{"A-1 money"} << QStringList{"O-1 order"} << QStringList{};
}

void TestCustomerModels::chartPoints()
{
    QFETCH(QStringList, accounts);
    QFETCH(QStringList, events);
    QFETCH(QStringList, points);
    recon::CustomerTimeline t;
    for (const QString& spec : accounts) {
        const QStringList f = spec.split(u' ');
        recon::AccountSummary a;
        a.id = f[0].toStdString();
        a.kind = f.size() > 1 ? f[1].toStdString() : std::string();
        a.label = f.size() > 2 ? f[2].toStdString() : std::string();
        t.accounts.push_back(a);
    }
    Instant at = 1'700'000'000'000;
    for (const QString& spec : events) {
        const QStringList f = spec.split(u' ');
        recon::TimelineEvent e;
        e.id = f[0].toStdString();
        e.at = at += 60'000;
        e.kind = f[1] == "order" ? recon::EventKind::Order : recon::EventKind::Ledger;
        if (e.kind == recon::EventKind::Ledger) {
            e.status = f[1].toStdString();
            e.accountId = f[2].toStdString();
            e.amount = Money(f[3].toLongLong());
            if (f.size() > 4)
                e.orphan.emplace();
        }
        t.events.push_back(e);
    }
    const QList<items::TimelinePoint> made = items::timelinePoints(t);
    QStringList got;
    for (const items::TimelinePoint& p : made) {
        got << QStringLiteral("%1 %2 %3 %4%5")
                   .arg(p.key)
                   .arg(p.signedAmount)
                   .arg(QString(p.series).remove(u' '), p.kind, p.orphan ? QStringLiteral(" orphan") : QString());
        const auto e = std::find_if(t.events.begin(), t.events.end(), [&](const auto& ev) { return ev.id == p.key.toStdString(); });
        QVERIFY(e != t.events.end());
        QCOMPARE(p.atMs, e->at);
    }
    QCOMPARE(got, points);
}

void TestCustomerModels::explanationForOrphan()
{
    items::TimelineExplanation explanation(path());
    QSignalSpy ready(&explanation, &items::TimelineExplanation::ready);
    QSignalSpy failed(&explanation, &items::TimelineExplanation::failed);
    explanation.request(QStringLiteral("L-0003"));
    QTRY_COMPARE(ready.count(), 1);
    QVERIFY(explanation.replyText().contains(QStringLiteral("₩50,000")));
    QVERIFY(explanation.agentText().contains(QStringLiteral("O-1001")));
    explanation.request(QStringLiteral("L-0001"));   // a settled top-up debit
    QTRY_COMPARE(failed.count(), 1);
    QVERIFY(!explanation.isReady());
}

QTEST_GUILESS_MAIN(TestCustomerModels)
#include "tst_customer_models.moc"
