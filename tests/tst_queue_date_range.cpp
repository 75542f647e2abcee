// The queue's range of days (issue 11): whole Seoul days, the last day included, either side
// open, set from the two date boxes and shown back in them when a dashboard bar picks a day.
// The real filter bar and queue on a real mirror, offscreen.
#include "items/orphan_queue_model.h"
#include "test_mirror.h"
#include "ui/orphans/orphan_filter_bar.h"
#include "ui/orphans/orphan_queue_screen.h"

#include <QDateEdit>
#include <QTest>

using namespace reconsole;

namespace {

std::string feeDebit(int seq, const std::string& id, const std::string& at)
{
    return R"({"seq":)" + std::to_string(seq) + R"(,"type":"ledger","id":")" + id
        + R"(","account_id":"A-NAM-MONEY","customer_id":"C-NAM","direction":"debit","amount":1000,"purpose":"fee","at":")"
        + at + R"("})";
}

}  // namespace

class TestQueueDateRange : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void wholeSeoulDays_data();
    void wholeSeoulDays();
    void aDashboardDayShowsInTheBoxes();

private:
    test::TestMirror mirror_;
};

void TestQueueDateRange::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::Korean, QLocale::SouthKorea));
    // The example's five orphans (once as_of moves on) are on 11 March (Seoul); two fee debits either side of the
    // midnight that starts 12 March, and one on the 14th that only moves as_of (too new).
    mirror_.import({test::sharedPath("examples/incident-small.jsonl")});
    mirror_.importLines({feeDebit(100, "L-LAST-OF-11", "2026-03-11T23:59:59.999+09:00"),
                         feeDebit(101, "L-FIRST-OF-12", "2026-03-12T00:00:00+09:00"),
                         feeDebit(102, "L-NEW", "2026-03-14T00:00:00+09:00")});
}

void TestQueueDateRange::wholeSeoulDays_data()
{
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<int>("rows");
    const QDate none = ui::OrphanFilterBar::noBound();
    QTest::newRow("no range") << none << none << 7;
    QTest::newRow("from the 11th") << QDate(2026, 3, 11) << none << 7;
    QTest::newRow("from the 12th: its first millisecond in") << QDate(2026, 3, 12) << none << 1;
    QTest::newRow("from the 13th") << QDate(2026, 3, 13) << none << 0;
    QTest::newRow("up to the 11th: its last millisecond in") << none << QDate(2026, 3, 11) << 6;
    QTest::newRow("up to the 10th") << none << QDate(2026, 3, 10) << 0;
    QTest::newRow("the 11th alone") << QDate(2026, 3, 11) << QDate(2026, 3, 11) << 6;
    QTest::newRow("the 12th alone") << QDate(2026, 3, 12) << QDate(2026, 3, 12) << 1;
    QTest::newRow("an empty range") << QDate(2026, 3, 12) << QDate(2026, 3, 11) << 0;
}

void TestQueueDateRange::wholeSeoulDays()
{
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(int, rows);
    ui::OrphanQueueScreen screen(QString::fromStdString(mirror_.path()));
    screen.show();
    QTRY_VERIFY_WITH_TIMEOUT(screen.isLoaded(), 10000);
    QCOMPARE(screen.model()->matchingRows(), 7);
    screen.filterBar()->fromDay()->setDate(from);
    screen.filterBar()->toDay()->setDate(to);
    QTRY_VERIFY_WITH_TIMEOUT(screen.isLoaded() && screen.model()->filter() == screen.filterBar()->filter(), 10000);
    QCOMPARE(screen.model()->matchingRows(), rows);
}

void TestQueueDateRange::aDashboardDayShowsInTheBoxes()
{
    ui::OrphanQueueScreen screen(QString::fromStdString(mirror_.path()));
    screen.show();
    QTRY_VERIFY_WITH_TIMEOUT(screen.isLoaded(), 10000);
    // 12 March as a dashboard bar picks it: the boxes say so, and reading them back changes nothing.
    const qint64 day = QDate(1970, 1, 1).daysTo(QDate(2026, 3, 12));
    screen.showDayAndClass(day, OrphanClass::NonPaymentDebit);
    QTRY_VERIFY_WITH_TIMEOUT(screen.isLoaded() && screen.model()->filter().from.has_value(), 10000);
    QCOMPARE(screen.filterBar()->fromDay()->date(), QDate(2026, 3, 12));
    QCOMPARE(screen.filterBar()->toDay()->date(), QDate(2026, 3, 12));
    QCOMPARE(screen.model()->matchingRows(), 1);
    const auto before = screen.filterBar()->filter();
    screen.filterBar()->toDay()->setDate(QDate(2026, 3, 12));   // the same day again
    QCOMPARE(screen.filterBar()->filter(), before);
}

QTEST_MAIN(TestQueueDateRange)
#include "tst_queue_date_range.moc"
