// CSV exports for a spreadsheet (issue 11): the queue under its filter and sort, a customer's
// timeline; UTF-8 with a BOM, CRLF, quoting, formulas kept as text, a cancel that leaves the
// old file as it was. The real screen and models on the example mirror, offscreen.
#include "items/csv_export.h"
#include "items/orphan_queue_model.h"
#include "items/table_exports.h"
#include "recon/timeline.h"
#include "test_mirror.h"
#include "ui/export/csv_export_runner.h"
#include "ui/orphans/orphan_queue_screen.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace reconsole;

class TestCsvExports : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void fieldsAreQuotedForASpreadsheet_data();
    void fieldsAreQuotedForASpreadsheet();
    void theQueueAsFilteredAndSorted();
    void aCustomersTimeline();
    void aCancelledExportLeavesTheOldFile();
    void anExportRunsUntilItsOutcomeArrives();
    void destroyedMidExportCancelsAndWaits();

private:
    items::ExportOutcome run(const QString& path, items::CsvExport::Job job);
    static QList<QByteArray> lines(const QString& path);
    test::TestMirror example_;
    QTemporaryDir dir_;
};

void TestCsvExports::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::Korean, QLocale::SouthKorea));
    example_.import({test::sharedPath("examples/incident-small.jsonl")});
}

items::ExportOutcome TestCsvExports::run(const QString& path, items::CsvExport::Job job)
{
    items::CsvExport exporter;
    QSignalSpy finished(&exporter, &items::CsvExport::finished);
    exporter.start(path, std::move(job));
    if (!finished.wait(10000))
        return {};
    return finished.first().first().value<items::ExportOutcome>();
}

QList<QByteArray> TestCsvExports::lines(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QByteArray all = f.readAll();
    if (!all.startsWith("\xEF\xBB\xBF"))
        return {"no BOM"};
    all.remove(0, 3);
    if (!all.endsWith("\r\n") || all.count('\n') != all.count("\r\n"))
        return {"lines not CRLF"};
    all.chop(2);
    return all.replace("\r\n", "\n").split('\n');
}

void TestCsvExports::fieldsAreQuotedForASpreadsheet_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("written");
    QTest::newRow("plain") << "L-0003" << "L-0003";
    QTest::newRow("Hangul as it is") << "남궁민" << "남궁민";
    QTest::newRow("a comma") << "롯데, 본점" << "\"롯데, 본점\"";
    QTest::newRow("a quote") << "5\" 케이크" << "\"5\"\" 케이크\"";
    QTest::newRow("a line break") << "a\nb" << "\"a\nb\"";
    QTest::newRow("a formula stays text") << "=HYPERLINK(\"x\")" << "\"'=HYPERLINK(\"\"x\"\")\"";
    QTest::newRow("a leading plus") << "+82" << "\"'+82\"";
    QTest::newRow("a leading at") << "@SUM(A1)" << "\"'@SUM(A1)\"";
}

void TestCsvExports::fieldsAreQuotedForASpreadsheet()
{
    QFETCH(QString, value);
    QFETCH(QString, written);
    const QString path = dir_.filePath(QStringLiteral("fields.csv"));
    const auto outcome = run(path, [v = value.toStdString()](items::CsvWriter& out, const std::atomic<bool>&) {
        out.field("header").field("n");
        out.endRow();
        out.field(v).field(std::int64_t(-700));
        out.endRow();
    });
    QVERIFY(outcome.ok);
    QCOMPARE(outcome.rows, 1);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(f.readAll()), QString::fromUtf8("\xEF\xBB\xBF") + "header,n\r\n" + written + ",-700\r\n");
}

void TestCsvExports::theQueueAsFilteredAndSorted()
{
    ui::OrphanQueueScreen screen(QString::fromStdString(example_.path()));
    screen.show();
    QTRY_VERIFY_WITH_TIMEOUT(screen.isLoaded(), 10000);
    // The agent's view: one customer's debits, sorted by orphan amount, largest first.
    items::OrphanFilter f;
    f.text = "C-NAM";
    screen.applyFilter(f);
    QTRY_VERIFY_WITH_TIMEOUT(screen.isLoaded() && screen.model()->filter() == f, 10000);
    screen.model()->sort(int(items::QueueColumn::OrphanAmount), Qt::DescendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(screen.isLoaded(), 10000);
    const int shown = int(screen.model()->matchingRows());
    QCOMPARE(shown, 3);

    const QString path = dir_.filePath(QStringLiteral("queue.csv"));
    QSignalSpy done(screen.exporter(), &ui::CsvExportRunner::finished);
    screen.exportCsvTo(path);
    QVERIFY(done.wait(10000));
    QVERIFY(done.first().first().value<items::ExportOutcome>().ok);
    const auto rows = lines(path);
    QCOMPARE(rows.size(), shown + 1);
    QCOMPARE(rows[0], QByteArray("ledger_id,at_seoul,customer_id,customer_name,account_id,order_id,payment_id,"
                                 "merchant_id,merchant_name,product_name,class,amount,orphan_amount"));
    // Row for row the queue's rows, in its order, the money as plain whole won.
    for (int r = 0; r < shown; ++r) {
        const QList<QByteArray> cells = rows[r + 1].split(',');
        QCOMPARE(QString::fromUtf8(cells[0]), screen.model()->index(r, 0).data(items::OrphanQueueModel::LedgerIdRole).toString());
        QCOMPARE(cells[2], QByteArray("C-NAM"));
        QVERIFY2(cells[1].endsWith("+09:00"), cells[1].constData());
        if (r > 0)
            QVERIFY(rows[r].split(',')[12].toLongLong() >= cells[12].toLongLong());
    }
    QVERIFY(rows[1].contains(",50000,50000"));   // the incident's ₩50,000 voucher
}

void TestCsvExports::aCustomersTimeline()
{
    const auto timeline = recon::loadTimeline(example_.db(), "C-NAM");
    QVERIFY(timeline);
    const QString path = dir_.filePath(QStringLiteral("timeline.csv"));
    const auto outcome = run(path, items::timelineCsvJob(*timeline));
    QVERIFY(outcome.ok);
    const auto rows = lines(path);
    QCOMPARE(rows.size(), int(timeline->events.size()) + 1);
    QCOMPARE(outcome.rows, qint64(timeline->events.size()));
    QCOMPARE(rows[0], QByteArray("at_seoul,kind,id,customer_id,order_id,status,purpose,account_id,detail,amount,"
                                 "orphan_class,orphan_amount"));
    int orphans = 0;
    for (int r = 1; r < rows.size(); ++r) {
        const QList<QByteArray> cells = rows[r].split(',');
        QCOMPARE(cells.size(), 12);
        QCOMPARE(cells[3], QByteArray("C-NAM"));
        orphans += !cells[10].isEmpty();
    }
    QVERIFY(rows.join('\n').contains("L-0003,C-NAM,O-1001"));
    int expected = 0;
    for (const auto& e : timeline->events)
        expected += e.orphan.has_value();
    QVERIFY(expected > 0);
    QCOMPARE(orphans, expected);
}

void TestCsvExports::aCancelledExportLeavesTheOldFile()
{
    const QString path = dir_.filePath(QStringLiteral("kept.csv"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("yesterday's export\n");
    }
    items::CsvExport exporter;
    QSignalSpy finished(&exporter, &items::CsvExport::finished);
    exporter.start(path, [](items::CsvWriter& out, const std::atomic<bool>& cancelled) {
        // Rows until told to stop (an export far too long to finish).
        for (std::int64_t i = 0; !cancelled.load(); ++i) {
            out.field(i);
            out.endRow();
        }
    });
    QTRY_VERIFY_WITH_TIMEOUT(exporter.rowsSoFar() > 1000, 10000);
    exporter.cancel();
    QVERIFY(finished.wait(10000));
    const auto outcome = finished.first().first().value<items::ExportOutcome>();
    QVERIFY(outcome.cancelled);
    QVERIFY(!outcome.ok);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("yesterday's export\n"));
}

// The export's thread may have ended while its outcome waits in the event queue: a second
// export started then would have received the first one's outcome as its own.
void TestCsvExports::anExportRunsUntilItsOutcomeArrives()
{
    const QString first = dir_.filePath(QStringLiteral("first.csv")), second = dir_.filePath(QStringLiteral("second.csv"));
    const auto rowsJob = [](int rows) {
        return [rows](items::CsvWriter& out, const std::atomic<bool>&) {
            for (int i = 0; i <= rows; ++i) {   // the header and `rows` rows
                out.field(std::int64_t(i));
                out.endRow();
            }
        };
    };
    items::CsvExport exporter;
    QSignalSpy finished(&exporter, &items::CsvExport::finished);
    exporter.start(first, rowsJob(1));
    // Waited for without an event loop, which would deliver the outcome.
    for (int i = 0; i < 1000 && !QFile::exists(first); ++i)
        QThread::msleep(10);
    QVERIFY(QFile::exists(first));   // committed: the thread is ending
    QThread::msleep(200);            // ended; its outcome not delivered
    QVERIFY(exporter.isRunning());
    exporter.start(second, rowsJob(2));                       // refused
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().value<items::ExportOutcome>().rows, std::int64_t(1));
    QVERIFY(!exporter.isRunning());
    QVERIFY(!QFile::exists(second));

    exporter.start(second, rowsJob(2));
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.count(), 2);
    QCOMPARE(finished.last().first().value<items::ExportOutcome>().rows, std::int64_t(2));
    QCOMPARE(lines(second).size(), 3);
}

// Closing a screen destroys its export mid-job: the job is told to stop and waited for, and
// the file it was writing is not left behind.
void TestCsvExports::destroyedMidExportCancelsAndWaits()
{
    const QString path = dir_.filePath(QStringLiteral("abandoned.csv"));
    std::atomic<bool> jobSawCancel {false}, jobEnded {false};
    auto exporter = std::make_unique<items::CsvExport>();
    exporter->start(path, [&](items::CsvWriter& out, const std::atomic<bool>& cancelled) {
        for (std::int64_t i = 0; !cancelled.load(); ++i) {
            out.field(i);
            out.endRow();
        }
        jobSawCancel = true;
        QThread::msleep(50);   // still working when the destructor starts waiting
        jobEnded = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(exporter->rowsSoFar() > 1000, 10000);
    exporter.reset();
    QVERIFY(jobSawCancel.load());
    QVERIFY(jobEnded.load());
    QVERIFY(!QFile::exists(path));
    QCoreApplication::processEvents();   // a queued outcome of a destroyed export is dropped
}

QTEST_MAIN(TestCsvExports)
#include "tst_csv_exports.moc"
