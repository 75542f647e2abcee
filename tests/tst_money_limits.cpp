// Issue 12, "never overflow": amounts at the 64-bit limit the feed allows, end to end. Each
// row is a feed run through the importer and the orphan engine, then read back by the CLI
// (orphans as table, CSV and JSON; customer as text and JSON) and by the dashboard (stats
// and model). Each answer is exact, or says plainly that it is over the limit: never a
// wrapped number, never an error that leaves a card loading.
#include "core/money.h"
#include "feed_lines.h"
#include "items/dashboard_model.h"
#include "items/dashboard_stats.h"
#include "test_mirror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <limits>

using namespace reconsole;

namespace {

constexpr qint64 kMax = std::numeric_limits<qint64>::max();

struct Run {
    int code = -1;
    QByteArray out, err;
};

Run cli(const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral(RECONSOLE_BIN_DIR "/reconsole-cli"), args);
    if (!p.waitForFinished(120000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

// The customer's debits (L-1, L-2, ...) a second apart, then refund credits of the first one;
// a later debit of another customer sets as_of, so that all of C-BIG's are past the grace.
std::vector<std::string> feedOf(const QList<qint64>& debits, const QList<qint64>& refundsOfFirst)
{
    test::FeedLines f;
    const auto big = test::Link{}.on("A-BIG", "C-BIG");
    for (int i = 0; i < debits.size(); ++i)
        f.debit("L-" + std::to_string(i + 1), debits[i], "fee", "2026-03-11T01:00:0" + std::to_string(i) + "Z", big);
    for (int i = 0; i < refundsOfFirst.size(); ++i)
        f.credit("R-" + std::to_string(i + 1), refundsOfFirst[i], "refund", "2026-03-11T01:30:0" + std::to_string(i) + "Z",
                 test::Link{big}.withRef("L-1"));
    f.debit("L-CLOCK", 700, "fee", "2026-03-11T03:00:00Z", test::Link{}.on("A-CLOCK", "C-CLOCK"));
    return f.imports().front();
}

// "9,223,372,036,854,775,807+" for a total over the limit.
QString grouped(qint64 won, bool over) { return QString::fromStdString(groupedWon(Money(won))) + (over ? "+" : ""); }

}  // namespace

class TestMoneyLimits : public QObject {
    Q_OBJECT
private slots:
    void endToEnd_data();
    void endToEnd();
    void dashboardShareOfATotalOverTheLimit();
};

void TestMoneyLimits::endToEnd_data()
{
    QTest::addColumn<QList<qint64>>("debits");
    QTest::addColumn<QList<qint64>>("refunds");     // credits giving back the first debit
    QTest::addColumn<QList<qint64>>("orphans");     // each orphan's amount, in ledger order
    QTest::addColumn<qint64>("total");              // the orphan total, clamped when over
    QTest::addColumn<bool>("over");                 // the orphan total exceeds 64 bits
    QTest::addColumn<QVariant>("net");              // the account's net movement; null when unknown

    QTest::newRow("max alone") << QList<qint64>{kMax} << QList<qint64>{} << QList<qint64>{kMax} << kMax << false
                               << QVariant(-kMax);
    QTest::newRow("max-1 plus 1") << QList<qint64>{kMax - 1, 1} << QList<qint64>{} << QList<qint64>{kMax - 1, 1}
                                  << kMax << false << QVariant(-kMax);
    QTest::newRow("two max") << QList<qint64>{kMax, kMax} << QList<qint64>{} << QList<qint64>{kMax, kMax} << kMax
                             << true << QVariant();
    QTest::newRow("max plus 1") << QList<qint64>{kMax, 1} << QList<qint64>{} << QList<qint64>{kMax, 1} << kMax << true
                                << QVariant();
    QTest::newRow("refund leaves a negative net") << QList<qint64>{kMax} << QList<qint64>{5} << QList<qint64>{kMax - 5}
                                                  << kMax - 5 << false << QVariant(5 - kMax);
    QTest::newRow("refunds over max") << QList<qint64>{kMax} << QList<qint64>{kMax, kMax} << QList<qint64>{}
                                      << qint64(0) << false << QVariant();
    QTest::newRow("two max, one refunded") << QList<qint64>{kMax, kMax} << QList<qint64>{kMax}
                                           << QList<qint64>{kMax} << kMax << false << QVariant();
}

void TestMoneyLimits::endToEnd()
{
    QFETCH(QList<qint64>, debits);
    QFETCH(QList<qint64>, refunds);
    QFETCH(QList<qint64>, orphans);
    QFETCH(qint64, total);
    QFETCH(bool, over);
    QFETCH(QVariant, net);

    // The importer takes every line; the orphan engine keeps each amount exact.
    test::TestMirror mirror;
    const auto imported = mirror.importLines(feedOf(debits, refunds));
    QCOMPARE(imported.counts.quarantined, 0);
    {
        auto st = mirror.db().prepare("SELECT orphan_amount FROM unsettled_debit WHERE customer_id = 'C-BIG' ORDER BY at");
        QList<qint64> stored;
        while (st.step())
            stored << st.int64(0);
        QCOMPARE(stored, orphans);
    }
    const QString db = QString::fromStdString(mirror.path());

    // reconsole-cli orphans: each row exact, the total exact or marked "+".
    const auto table = cli({"orphans", "--db", db});
    QCOMPARE(table.code, 0);
    const QString text = QString::fromUtf8(table.out);
    QVERIFY2(text.endsWith(QStringLiteral("%1 orphan debit(s), KRW %2 missing\n").arg(orphans.size()).arg(grouped(total, over))),
             qPrintable(text + table.err));
    QVERIFY2(!text.contains("KRW -"), qPrintable(text));
    const auto json = cli({"orphans", "--db", db, "--format", "json"});
    QCOMPARE(json.code, 0);
    QList<qint64> fromJson;
    for (const auto& row : QJsonDocument::fromJson(json.out).array())
        fromJson << row.toObject().value("orphan_amount").toInteger();
    QCOMPARE(fromJson, orphans);
    const auto csv = cli({"orphans", "--db", db, "--format", "csv"});
    QCOMPARE(csv.code, 0);
    QList<qint64> fromCsv;
    for (const QString& line : QString::fromUtf8(csv.out).split('\n', Qt::SkipEmptyParts).mid(1))
        fromCsv << line.split(',').at(7).toLongLong();
    QCOMPARE(fromCsv, orphans);

    // reconsole-cli customer: the orphan total says when it is over; a net that cannot be
    // known (one side over the limit) is null, never a clamped difference.
    const auto customer = cli({"customer", "--db", db, "--format", "json", "C-BIG"});
    QCOMPARE(customer.code, 0);
    const auto doc = QJsonDocument::fromJson(customer.out).object();
    QCOMPARE(doc.value("orphan_total").toInteger(), total);
    QCOMPARE(doc.value("orphan_total_overflowed").toBool(), over);
    const auto account = doc.value("accounts").toArray().at(0).toObject();
    QVERIFY2(account.contains("net_movement"), customer.out.constData());
    if (net.isValid())
        QCOMPARE(account.value("net_movement").toInteger(), net.toLongLong());
    else
        QVERIFY2(account.value("net_movement").isNull(), customer.out.constData());
    const auto customerText = cli({"customer", "--db", db, "C-BIG"});
    QCOMPARE(customerText.code, 0);
    const QString ct = QString::fromUtf8(customerText.out);
    const QString netText = net.isValid() ? formatWon(Money(net.toLongLong())) : outOfRangeWon();
    QVERIFY2(ct.contains("  " + netText + "\n"), qPrintable(ct));
    if (total > 0)
        QVERIFY2(ct.contains("orphan debits total ₩" + grouped(total, over) + "\n"), qPrintable(ct));

    // The dashboard: sums row by row into totals that say when they are over.
    const auto s = items::loadDashboardStats(mirror.db());
    QCOMPARE(s.count, orphans.size());
    QCOMPARE(s.amount.value(), Money(total));
    QCOMPARE(s.amount.overflowed(), over);
    items::DashboardModel model(db);
    QSignalSpy failed(&model, &items::DashboardModel::loadFailed);
    QTRY_VERIFY_WITH_TIMEOUT(model.isLoaded() || !failed.isEmpty(), 20000);   // never loading forever
    QVERIFY(failed.isEmpty());
    const int row = int(OrphanClass::NonPaymentDebit);
    QCOMPARE(model.index(row, items::DashboardModel::AmountColumn).data().toString(), "₩" + grouped(total, over));
    const QString share = model.index(row, items::DashboardModel::ShareColumn).data().toString();
    QCOMPARE(share, total == 0 ? QStringLiteral("-") : QStringLiteral("100.0%"));   // one class holds it all
}

// Two classes of orphans, each at the limit: their shares of a total no 64-bit integer holds
// cannot be read from the clamped figures (both would say 100 %), so none is shown.
void TestMoneyLimits::dashboardShareOfATotalOverTheLimit()
{
    test::TestMirror mirror;
    test::FeedLines f;
    const auto big = test::Link{}.on("A-BIG", "C-BIG");
    f.debit("L-FEE", kMax, "fee", "2026-03-11T01:00:00Z", big);
    f.debit("L-PAY", kMax, "payment", "2026-03-11T01:00:01Z", test::Link{big}.withPayment("P-NONE"));
    f.debit("L-CLOCK", 700, "fee", "2026-03-11T03:00:00Z", test::Link{}.on("A-CLOCK", "C-CLOCK"));
    QCOMPARE(mirror.importLines(f.imports().front()).counts.quarantined, 0);
    items::DashboardModel model(QString::fromStdString(mirror.path()));
    QSignalSpy failed(&model, &items::DashboardModel::loadFailed);
    QTRY_VERIFY_WITH_TIMEOUT(model.isLoaded() || !failed.isEmpty(), 20000);
    QVERIFY(failed.isEmpty());
    const auto text = [&](OrphanClass c, int column) { return model.index(int(c), column).data().toString(); };
    for (const OrphanClass c : {OrphanClass::NonPaymentDebit, OrphanClass::NoPayment}) {
        QCOMPARE(text(c, items::DashboardModel::AmountColumn), "₩" + grouped(kMax, false));
        QCOMPARE(text(c, items::DashboardModel::ShareColumn), QStringLiteral("-"));
    }
    QCOMPARE(text(OrphanClass::OverCapture, items::DashboardModel::ShareColumn), QStringLiteral("0.0%"));
}

QTEST_GUILESS_MAIN(TestMoneyLimits)
#include "tst_money_limits.moc"
