// The console's own item models under QAbstractItemModelTester: the orphan queue (filters,
// every sort, key paging, the bounded page cache, dropped stale answers), the dashboard,
// the merchant choices; and the freshness thresholds and the orphan explanation loader.
#include "items/dashboard_model.h"
#include "items/merchant_choice_model.h"
#include "items/mirror_freshness.h"
#include "items/orphan_detail_loader.h"
#include "items/orphan_queue_model.h"
#include "orphan_fixture.h"
#include "recon/customer_reply.h"
#include "test_mirror.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <limits>
#include <memory>

using namespace reconsole;
using items::OrphanFilter;
using items::OrphanQueueModel;
using items::QueueColumn;

Q_DECLARE_METATYPE(reconsole::items::OrphanFilter)

class TestOrphanQueueModel : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void exampleQueue();
    void filters_data();
    void filters();
    void sorting_data();
    void sorting();
    void pageCacheStaysBounded();
    void staleAnswersAreDropped();
    void causeColumnDoesNotSort();
    void reloadSeesNewOrphans();
    void dashboard();
    void dashboardNeverWraps();
    void merchantChoices();
    void freshness_data();
    void freshness();
    void explanation();

private:
    QString examplePath() const { return QString::fromStdString(example_.path()); }
    QString syntheticPath() const { return QString::fromStdString(synthetic_.path()); }
    // Every row of the model, page by page as a view would ask for them.
    QStringList allLedgerIds(OrphanQueueModel& model);

    test::TestMirror example_;
    test::TestMirror synthetic_;
    test::SyntheticMirror orphans_;
};

namespace {

constexpr int kSynthetic = 1000;

std::unique_ptr<OrphanQueueModel> loadedModel(const QString& path, OrphanQueueModel::Options options = {})
{
    auto model = std::make_unique<OrphanQueueModel>(path, options);
    new QAbstractItemModelTester(model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest, model.get());
    if (!QTest::qWaitFor([&] { return model->isLoaded(); }, 10000))
        qWarning("the queue did not load");
    return model;
}

QString cell(const QAbstractItemModel& m, int row, QueueColumn column, int role = Qt::DisplayRole)
{
    return m.index(row, int(column)).data(role).toString();
}

}  // namespace

void TestOrphanQueueModel::initTestCase()
{
    example_.import({test::sharedPath("examples/incident-small.jsonl")});
    orphans_ = test::addSyntheticOrphans(synthetic_.db(), kSynthetic);
}

QStringList TestOrphanQueueModel::allLedgerIds(OrphanQueueModel& model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, int(QueueColumn::Ledger));
        if (!index.data(OrphanQueueModel::LoadedRole).toBool())
            [&] { QTRY_VERIFY_WITH_TIMEOUT(index.data(OrphanQueueModel::LoadedRole).toBool(), 10000); }();
        ids << index.data(OrphanQueueModel::LedgerIdRole).toString();
    }
    return ids;
}

void TestOrphanQueueModel::exampleQueue()
{
    auto model = loadedModel(examplePath());
    QVERIFY(model->isLoaded());
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(model->matchingRows(), 4);
    QCOMPARE(model->totalOrphanAmount().value(), Money(50000 + 8000 + 30000 + 5000));
    // Oldest first: by age, descending.
    QCOMPARE(allLedgerIds(*model), (QStringList{"L-0003", "L-0006", "L-0010", "L-0011"}));
    QCOMPARE(cell(*model, 0, QueueColumn::OrphanAmount), QStringLiteral("₩50,000"));
    QCOMPARE(cell(*model, 0, QueueColumn::Amount), QStringLiteral("₩50,000"));
    QCOMPARE(cell(*model, 0, QueueColumn::Class), QStringLiteral("결제 미완료"));
    QCOMPARE(cell(*model, 0, QueueColumn::At), QStringLiteral("2026-03-11 10:02:06"));   // Asia/Seoul
    QCOMPARE(cell(*model, 0, QueueColumn::Customer, OrphanQueueModel::CustomerIdRole), QStringLiteral("C-NAM"));
    // The likely cause comes in a second read.
    QTRY_VERIFY_WITH_TIMEOUT(model->causesKnown(0), 10000);
    QVERIFY(cell(*model, 0, QueueColumn::Cause).contains(QStringLiteral("현금영수증")));
    QCOMPARE(cell(*model, 1, QueueColumn::Cause), QStringLiteral("몇 초 간격의 중복 출금"));
    QVERIFY(cell(*model, 0, QueueColumn::Product) != QStringLiteral("-"));
    // L-0010 is a top-up with no order: no merchant, no product.
    QCOMPARE(cell(*model, 2, QueueColumn::Merchant), QStringLiteral("-"));
    QCOMPARE(cell(*model, 2, QueueColumn::Product), QStringLiteral("-"));
    const auto align = model->index(0, int(QueueColumn::OrphanAmount)).data(Qt::TextAlignmentRole).value<Qt::Alignment>();
    QVERIFY(align & Qt::AlignRight);
}

void TestOrphanQueueModel::filters_data()
{
    QTest::addColumn<OrphanFilter>("filter");
    QTest::addColumn<QStringList>("ledgerIds");
    QTest::addColumn<qint64>("total");

    OrphanFilter f;
    QTest::newRow("no filter") << f << QStringList{"L-0003", "L-0006", "L-0010", "L-0011"} << qint64(93000);
    f = {};
    f.cls = OrphanClass::PaymentNotCompleted;
    QTest::newRow("class: payment not completed") << f << QStringList{"L-0003"} << qint64(50000);
    f.cls = OrphanClass::OverCapture;
    QTest::newRow("class: over-capture") << f << QStringList{"L-0006"} << qint64(8000);
    f.cls = OrphanClass::NonPaymentDebit;
    QTest::newRow("class with no orphans") << f << QStringList{} << qint64(0);
    f = {};
    f.text = "C-KIM";
    QTest::newRow("text: customer id") << f << QStringList{"L-0006"} << qint64(8000);
    f.text = "l-001";
    QTest::newRow("text: ledger id, any case") << f << QStringList{"L-0010", "L-0011"} << qint64(35000);
    f.text = "PAY-LOST";
    QTest::newRow("text: payment id") << f << QStringList{"L-0011"} << qint64(5000);
    f.text = "O-1001";
    QTest::newRow("text: order id") << f << QStringList{"L-0003"} << qint64(50000);
    f.text = "100%";
    QTest::newRow("text: wildcards are literal") << f << QStringList{} << qint64(0);
    f = {};
    f.minAmount = Money(10000);
    QTest::newRow("amount at least 10,000") << f << QStringList{"L-0003", "L-0010"} << qint64(80000);
    f = {};
    f.maxAmount = Money(8000);
    QTest::newRow("amount at most 8,000 (inclusive)") << f << QStringList{"L-0006", "L-0011"} << qint64(13000);
    f = {};
    f.merchantId = std::string();
    QTest::newRow("no merchant") << f << QStringList{"L-0010", "L-0011"} << qint64(35000);
    f = {};
    f.minAge = 60 * kMinuteMs;
    QTest::newRow("at least an hour old") << f << QStringList{"L-0003", "L-0006"} << qint64(58000);
    f.minAge = 30LL * 24 * 60 * kMinuteMs;
    QTest::newRow("at least 30 days old") << f << QStringList{} << qint64(0);
    f = {};
    f.from = 1'773'190'800'000;   // 2026-03-11T01:00:00Z
    f.to = 1'773'192'600'000;     // 2026-03-11T01:30:00Z
    QTest::newRow("time range, end exclusive") << f << QStringList{"L-0003"} << qint64(50000);
}

void TestOrphanQueueModel::filters()
{
    QFETCH(OrphanFilter, filter);
    QFETCH(QStringList, ledgerIds);
    QFETCH(qint64, total);
    auto model = loadedModel(examplePath());
    QSignalSpy loaded(model.get(), &OrphanQueueModel::loaded);
    model->setFilter(filter);
    if (!filter.isEmpty())
        QVERIFY(loaded.wait(10000));
    QCOMPARE(allLedgerIds(*model), ledgerIds);
    QCOMPARE(model->totalOrphanAmount().value(), Money(total));
    QVERIFY(!model->totalOrphanAmount().overflowed());
    QCOMPARE(model->matchingRows(), ledgerIds.size());
}

void TestOrphanQueueModel::sorting_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<bool>("ascending");
    const std::pair<QueueColumn, const char*> columns[] = {
        {QueueColumn::Age, "age"},           {QueueColumn::At, "at"},       {QueueColumn::Ledger, "ledger"},
        {QueueColumn::Customer, "customer"}, {QueueColumn::Merchant, "merchant"}, {QueueColumn::Product, "product"},
        {QueueColumn::Class, "class"},       {QueueColumn::Amount, "amount"}, {QueueColumn::OrphanAmount, "orphan amount"},
    };
    for (const auto& [column, name] : columns) {
        QTest::addRow("%s ascending", name) << int(column) << true;
        QTest::addRow("%s descending", name) << int(column) << false;
    }
}

void TestOrphanQueueModel::sorting()
{
    QFETCH(int, column);
    QFETCH(bool, ascending);
    // An odd page size, so that pages end inside runs of equal values.
    auto model = loadedModel(syntheticPath(), {37, 6});
    QSignalSpy loaded(model.get(), &OrphanQueueModel::loaded);
    model->sort(column, ascending ? Qt::AscendingOrder : Qt::DescendingOrder);
    if (!(model->currentSort() == items::QueueSort{}))
        QVERIFY(loaded.wait(10000));
    QCOMPARE(model->rowCount(), kSynthetic);

    // The reference order, worked out here from the generated values.
    auto expected = orphans_.orphans;
    const auto key = [column](const test::SyntheticOrphan& o) -> std::pair<std::int64_t, std::string> {
        switch (QueueColumn(column)) {
        case QueueColumn::Age:
        case QueueColumn::At: return {o.at, {}};
        case QueueColumn::Ledger: return {0, o.ledgerId};
        case QueueColumn::Customer: return {0, o.customerId};
        case QueueColumn::Merchant: return {0, o.merchantName};
        case QueueColumn::Product: return {0, o.productName};
        case QueueColumn::Class: return {0, std::string(orphanClassCode(o.cls))};
        case QueueColumn::Amount: return {o.amount.won(), {}};
        case QueueColumn::OrphanAmount: return {o.orphanAmount.won(), {}};
        case QueueColumn::Cause: break;
        }
        return {};
    };
    const bool keyAscending = QueueColumn(column) == QueueColumn::Age ? !ascending : ascending;
    std::sort(expected.begin(), expected.end(), [&](const auto& a, const auto& b) {
        const auto ka = std::make_pair(key(a), a.ledgerId);
        const auto kb = std::make_pair(key(b), b.ledgerId);
        return keyAscending ? ka < kb : kb < ka;
    });
    QStringList want;
    for (const auto& o : expected)
        want << QString::fromStdString(o.ledgerId);
    QCOMPARE(allLedgerIds(*model), want);
    QVERIFY(model->cachedPageCount() <= 6);
}

void TestOrphanQueueModel::pageCacheStaysBounded()
{
    auto model = loadedModel(syntheticPath(), {20, 4});
    int most = 0;
    for (int row = 0; row < model->rowCount(); row += 20) {
        const QModelIndex index = model->index(row, 0);
        index.data();
        QTRY_VERIFY_WITH_TIMEOUT(index.data(OrphanQueueModel::LoadedRole).toBool(), 10000);
        most = std::max(most, model->cachedPageCount());
    }
    QCOMPARE(most, 4);
    // A page that was dropped is read again when it is looked at again.
    const QModelIndex early = model->index(100, 0);
    QVERIFY(!early.data(OrphanQueueModel::LoadedRole).toBool());
    QTRY_VERIFY_WITH_TIMEOUT(early.data(OrphanQueueModel::LoadedRole).toBool(), 10000);
}

void TestOrphanQueueModel::staleAnswersAreDropped()
{
    auto model = loadedModel(examplePath());
    QSignalSpy loaded(model.get(), &OrphanQueueModel::loaded);
    OrphanFilter first, second;
    first.cls = OrphanClass::PaymentNotCompleted;
    second.text = "C-KIM";
    model->setFilter(first);
    model->setFilter(second);   // before the first answer arrives
    QVERIFY(loaded.wait(10000));
    QTest::qWait(200);          // the first answer, if it were delivered, would have come by now
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(allLedgerIds(*model), QStringList{"L-0006"});
}

void TestOrphanQueueModel::causeColumnDoesNotSort()
{
    auto model = loadedModel(examplePath());
    const auto before = model->currentSort();
    model->sort(int(QueueColumn::Cause), Qt::AscendingOrder);
    QVERIFY(model->currentSort() == before);
    QVERIFY(model->isLoaded());
}

void TestOrphanQueueModel::reloadSeesNewOrphans()
{
    test::TestMirror mirror;
    test::addSyntheticOrphans(mirror.db(), 10);
    auto model = loadedModel(QString::fromStdString(mirror.path()));
    QCOMPARE(model->rowCount(), 10);
    test::addSyntheticOrphans(mirror.db(), 12);   // same ids, two more
    QSignalSpy loaded(model.get(), &OrphanQueueModel::loaded);
    model->reload();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(model->rowCount(), 12);
}

void TestOrphanQueueModel::dashboard()
{
    items::DashboardModel model(examplePath());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY_WITH_TIMEOUT(model.isLoaded(), 10000);
    const auto& s = model.stats();
    QCOMPARE(s.count, 4);
    QCOMPARE(s.amount.value(), Money(93000));
    QVERIFY(!s.amount.overflowed());
    QCOMPARE(model.rowCount(), kOrphanClassCount);
    const int row = int(OrphanClass::PaymentNotCompleted);
    QCOMPARE(model.index(row, items::DashboardModel::CountColumn).data().toString(), QStringLiteral("1"));
    QCOMPARE(model.index(row, items::DashboardModel::AmountColumn).data().toString(), QStringLiteral("₩50,000"));
    QCOMPARE(s.oldestAt, std::optional<Instant>(1'773'190'926'000));   // L-0003, 2026-03-11T01:02:06Z
    QVERIFY(!s.days.empty());
    QCOMPARE(s.days.back().day, items::seoulDay(s.asOf));
    Money perDay;
    for (const auto& d : s.days)
        for (const MoneyTotal& m : d.amount)
            perDay += m.value();
    QCOMPARE(perDay, s.amount.value());
    QVERIFY(!s.topMerchants.empty());
    QCOMPARE(s.topMerchants.front().amount.value(), Money(50000));   // the voucher's department store
}

// Two debits of the largest amount the feed allows: SQL sum() would fail with "integer
// overflow"; the dashboard and the queue show the total clamped and marked instead.
void TestOrphanQueueModel::dashboardNeverWraps()
{
    test::TestMirror mirror;
    const std::string max = std::to_string(std::numeric_limits<std::int64_t>::max());
    const auto debit = [&](int seq, const std::string& id, const std::string& amount, const std::string& at) {
        return R"({"seq":)" + std::to_string(seq) + R"(,"type":"ledger","id":")" + id
            + R"(","account_id":"A-BIG","customer_id":"C-BIG","direction":"debit","amount":)" + amount
            + R"(,"purpose":"payment","order_id":"O-BIG","at":")" + at + R"("})";
    };
    const auto summary = mirror.importLines({
        R"({"seq":1,"type":"merchant","id":"M-BIG","name":"Big","category":"department_store","max_discount_bp":0})",
        R"({"seq":2,"type":"product","id":"P-BIG","merchant_id":"M-BIG","name":"Big thing","kind":"goods",)"
        R"("list_price":1,"price":1,"discount_bp":0,"cash_receipt_eligible":true,"updated_at":"2026-03-01T00:00:00Z"})",
        R"({"seq":3,"type":"order","id":"O-BIG","customer_id":"C-BIG","product_id":"P-BIG","quantity":1,)"
        R"("unit_price":1,"total":1,"status":"failed","created_at":"2026-03-11T00:00:00Z",)"
        R"("updated_at":"2026-03-11T00:00:00Z"})",
        debit(4, "L-BIG-1", max, "2026-03-11T01:00:00Z"),
        debit(5, "L-BIG-2", max, "2026-03-11T01:00:01Z"),
        debit(6, "L-LATER", "700", "2026-03-11T03:00:00Z"),   // as_of; inside the grace period
    });
    QCOMPARE(summary.counts.quarantined, 0);

    const items::DashboardStats s = items::loadDashboardStats(mirror.db());
    QCOMPARE(s.count, 2);
    QCOMPARE(s.amount.value(), Money::max());
    QVERIFY(s.amount.overflowed());
    QCOMPARE(formatWon(s.amount), QStringLiteral("₩9,223,372,036,854,775,807+"));
    const auto& cls = s.classes[static_cast<std::size_t>(OrphanClass::NoPayment)];
    QCOMPARE(cls.count, 2);
    QVERIFY(cls.amount.overflowed());
    MoneyTotal perDay;
    for (const auto& d : s.days)
        for (const MoneyTotal& m : d.amount)
            perDay.add(m.value());
    QCOMPARE(perDay.value(), Money::max());
    QCOMPARE(s.topMerchants.size(), std::size_t(1));
    QCOMPARE(s.topMerchants.front().name, std::string("Big"));
    QCOMPARE(s.topMerchants.front().count, 2);
    QVERIFY(s.topMerchants.front().amount.overflowed());

    items::DashboardModel model(QString::fromStdString(mirror.path()));
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy failed(&model, &items::DashboardModel::loadFailed);
    QTRY_VERIFY_WITH_TIMEOUT(model.isLoaded() || failed.count() > 0, 10000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.front().front().toString()));
    const int row = int(OrphanClass::NoPayment);
    QCOMPARE(model.index(row, items::DashboardModel::AmountColumn).data().toString(),
             QStringLiteral("₩9,223,372,036,854,775,807+"));

    auto queue = loadedModel(QString::fromStdString(mirror.path()));
    QCOMPARE(queue->matchingRows(), 2);
    QCOMPARE(queue->totalOrphanAmount().value(), Money::max());
    QVERIFY(queue->totalOrphanAmount().overflowed());
}

void TestOrphanQueueModel::merchantChoices()
{
    items::MerchantChoiceModel model(syntheticPath());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &items::MerchantChoiceModel::loaded);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(model.rowCount(), 2 + 7);
    QCOMPARE(model.merchantAt(0), std::optional<std::string>());
    QCOMPARE(model.merchantAt(1), std::optional<std::string>(std::string()));
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.rowOf(model.merchantAt(row)), row);
    QVERIFY(model.index(2, 0).data().toString().startsWith(QStringLiteral("Merchant A")));
}

void TestOrphanQueueModel::freshness_data()
{
    QTest::addColumn<qint64>("sinceImport");   // -1: never imported
    QTest::addColumn<qint64>("sinceRecord");
    QTest::addColumn<QString>("status");
    QTest::addColumn<bool>("stale");
    const qint64 minute = kMinuteMs, hour = 60 * minute, day = 24 * hour;
    QTest::newRow("never imported") << qint64(-1) << qint64(0) << QString() << true;
    QTest::newRow("imported 10 min ago, record 1 h old") << 10 * minute << hour << "done" << false;
    QTest::newRow("import exactly 1 h ago") << hour << hour << "done" << false;
    QTest::newRow("import 1 h and a minute ago") << hour + minute << hour << "done" << true;
    QTest::newRow("record exactly a day old") << minute << day << "done" << false;
    QTest::newRow("record a day and a minute old") << minute << day + minute << "done" << true;
    QTest::newRow("last import failed") << minute << minute << "failed" << true;
    QTest::newRow("last import cancelled, recent") << minute << minute << "cancelled" << false;
}

void TestOrphanQueueModel::freshness()
{
    QFETCH(qint64, sinceImport);
    QFETCH(qint64, sinceRecord);
    QFETCH(QString, status);
    QFETCH(bool, stale);
    const Instant now = 1'790'000'000'000;
    items::FreshnessFacts facts;
    if (sinceImport >= 0)
        facts.lastImport = now - sinceImport;
    facts.lastImportStatus = status;
    facts.newestRecord = now - sinceRecord;
    const auto verdict = items::judgeFreshness(facts, now);
    QCOMPARE(verdict.stale, stale);
    QCOMPARE(verdict.reason.isEmpty(), !stale);
}

void TestOrphanQueueModel::explanation()
{
    items::OrphanDetailLoader loader(examplePath());
    QSignalSpy loaded(&loader, &items::OrphanDetailLoader::loaded);
    QSignalSpy notFound(&loader, &items::OrphanDetailLoader::notFound);
    loader.load(QStringLiteral("L-0001"));   // a debit that was credited: not an orphan
    loader.load(QStringLiteral("L-0003"));   // asked for before the first answer: only this one counts
    QVERIFY(loaded.wait(10000));
    QTest::qWait(100);
    QCOMPARE(notFound.count(), 0);
    const auto detail = loaded.first().first().value<items::OrphanDetail>();
    QCOMPARE(detail.ledgerId, QStringLiteral("L-0003"));
    QCOMPARE(detail.customerId, QStringLiteral("C-NAM"));
    QVERIFY(detail.explanation.contains(QStringLiteral("₩50,000")));
    QVERIFY(recon::customerReplyText(detail.facts).contains(QStringLiteral("₩50,000")));
    loader.load(QStringLiteral("L-0001"));
    QVERIFY(notFound.wait(10000));
}

QTEST_GUILESS_MAIN(TestOrphanQueueModel)
#include "tst_orphan_queue_model.moc"
