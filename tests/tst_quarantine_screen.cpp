// The Quarantine screen (issue 11): the import runs and the lines they set aside, by run and
// by text, the reason in Korean and the line whole; a long quarantine fetched a page at a
// time. The real screen and models on a real mirror, offscreen.
#include "items/quarantine_model.h"
#include "store/database.h"
#include "test_mirror.h"
#include "ui/quarantine/quarantine_screen.h"

#include <QApplication>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QTest>

using namespace reconsole;
using items::ImportRunModel;
using items::QuarantineLineModel;

class TestQuarantineScreen : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void everyRunAndItsLines();
    void oneRunOnly();
    void searchTheReasonTheLineAndTheFile_data();
    void searchTheReasonTheLineAndTheFile();
    void aLongQuarantineComesAPageAtATime();

private:
    void waitLoaded(ui::QuarantineScreen& screen);
    void chooseRun(ui::QuarantineScreen& screen, int row);
    test::TestMirror mirror_;
};

void TestQuarantineScreen::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::Korean, QLocale::SouthKorea));
    // The example feed sets aside two lines of its own (run 1); three more bad lines (run 2).
    mirror_.import({test::sharedPath("examples/incident-small.jsonl")});
    mirror_.importLines({R"({"seq":900,"type":"ledger","id":"L-BAD1"})", "not json at all",
                         R"({"seq":901,"type":"order","id":"O-9","customer_id":"C-NAM","product_id":"P-1","quantity":1,)"
                         R"("unit_price":50000,"total":"오만원","status":"paid","created_at":"2026-03-11T10:02:00+09:00",)"
                         R"("updated_at":"2026-03-11T10:02:00+09:00"})"});
}

void TestQuarantineScreen::waitLoaded(ui::QuarantineScreen& screen)
{
    QTRY_VERIFY_WITH_TIMEOUT(screen.isLoaded(), 10000);
}

void TestQuarantineScreen::chooseRun(ui::QuarantineScreen& screen, int row)
{
    QTRY_VERIFY_WITH_TIMEOUT(screen.runs()->isLoaded(), 10000);
    screen.runView()->setCurrentIndex(screen.runs()->index(row, 0));
    QTRY_VERIFY_WITH_TIMEOUT(screen.lines()->isLoaded(), 10000);
}

void TestQuarantineScreen::everyRunAndItsLines()
{
    ui::QuarantineScreen screen(QString::fromStdString(mirror_.path()));
    screen.resize(1000, 700);
    screen.show();
    waitLoaded(screen);
    // "Every import" on top, then the runs newest first, with their counts.
    QCOMPARE(screen.runs()->rowCount(), 3);
    QCOMPARE(screen.runs()->index(0, ImportRunModel::QuarantinedColumn).data().toString(), QStringLiteral("5"));
    QCOMPARE(screen.runs()->index(1, ImportRunModel::QuarantinedColumn).data().toString(), QStringLiteral("3"));
    QCOMPARE(screen.runs()->index(2, ImportRunModel::QuarantinedColumn).data().toString(), QStringLiteral("2"));
    QCOMPARE(screen.runs()->index(2, ImportRunModel::StatusColumn).data().toString(), QStringLiteral("완료"));
    QCOMPARE(screen.lines()->rowCount(), 5);
    QCOMPARE(screen.summaryText(), QStringLiteral("격리된 줄 5개"));
    // Newest line first, its reason in Korean, the line itself whole below.
    QCOMPARE(screen.lines()->index(0, QuarantineLineModel::ReasonColumn).data().toString(),
             QStringLiteral("항목 total: 값의 형식이 맞지 않습니다"));
    QCOMPARE(screen.lines()->index(1, QuarantineLineModel::ReasonColumn).data().toString(),
             QStringLiteral("JSON 형식이 아닙니다"));
    QCOMPARE(screen.lines()->index(1, QuarantineLineModel::SeqColumn).data().toString(), QStringLiteral("–"));
    QVERIFY2(screen.lineText().contains(QStringLiteral("\"total\":\"오만원\"")), qPrintable(screen.lineText()));
    QVERIFY2(screen.lineText().contains(QStringLiteral("3번째 줄")), qPrintable(screen.lineText()));
}

void TestQuarantineScreen::oneRunOnly()
{
    ui::QuarantineScreen screen(QString::fromStdString(mirror_.path()));
    screen.show();
    waitLoaded(screen);
    chooseRun(screen, 2);   // the first import: the example's own two lines
    QTRY_COMPARE_WITH_TIMEOUT(screen.lines()->rowCount(), 2, 10000);
    QCOMPARE(screen.lines()->index(0, QuarantineLineModel::RunColumn).data().toString(), QStringLiteral("1"));
    QCOMPARE(screen.summaryText(), QStringLiteral("격리된 줄 2개"));
    chooseRun(screen, 0);
    QTRY_COMPARE_WITH_TIMEOUT(screen.lines()->rowCount(), 5, 10000);
}

void TestQuarantineScreen::searchTheReasonTheLineAndTheFile_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("lines");
    QTest::newRow("words of the stored reason") << "required field" << 1;
    QTest::newRow("a word of the line") << "L-BAD1" << 1;
    QTest::newRow("Hangul in the line") << "오만원" << 1;
    QTest::newRow("the reason as stored, any case") << "NOT VALID JSON" << 2;
    QTest::newRow("a file name") << "incident-small" << 2;
    QTest::newRow("% is a character, not a wildcard") << "%" << 0;
    QTest::newRow("_ is a character, not a wildcard") << "L_BAD1" << 0;
    QTest::newRow("nothing") << "zzz-nowhere" << 0;
}

void TestQuarantineScreen::searchTheReasonTheLineAndTheFile()
{
    QFETCH(QString, text);
    QFETCH(int, lines);
    ui::QuarantineScreen screen(QString::fromStdString(mirror_.path()));
    screen.show();
    waitLoaded(screen);
    screen.search()->setText(text);
    QTest::keyClick(screen.search(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(screen.lines()->isLoaded(), 10000);
    QCOMPARE(screen.lines()->rowCount(), lines);
    QCOMPARE(screen.lines()->matching(), qint64(lines));
    if (lines == 0)
        QCOMPARE(screen.summaryText(), QStringLiteral("찾는 내용이 든 격리된 줄이 없습니다."));
}

void TestQuarantineScreen::aLongQuarantineComesAPageAtATime()
{
    test::TestMirror big;
    big.import({test::sharedPath("examples/incident-small.jsonl")});
    {
        // 1 000 set-aside lines in one run, written straight into the table.
        Transaction tx(big.db());
        auto st = big.db().prepare("INSERT INTO quarantine(run_id, file, line_no, seq, reason, raw) "
                                   "VALUES(1, 'big.jsonl', ?1, NULL, 'not valid JSON', ?2)");
        for (int i = 1; i <= 1000; ++i)
            st.bind(1, i).bind(2, "junk line " + std::to_string(i)).run();
        tx.commit();
    }
    ui::QuarantineScreen screen(QString::fromStdString(big.path()));
    screen.resize(1000, 700);
    screen.show();
    waitLoaded(screen);
    QCOMPARE(screen.lines()->matching(), qint64(1002));
    QCOMPARE(screen.lines()->rowCount(), 200);   // the first page only
    QCOMPARE(screen.lines()->index(0, QuarantineLineModel::PlaceColumn).data().toString(), QStringLiteral("big.jsonl:1000"));
    // Scrolling to the end fetches the rest, page by page, none twice, none missed.
    for (int i = 0; i < 20 && screen.lines()->rowCount() < 1002; ++i) {
        screen.lineView()->scrollToBottom();
        QTest::qWait(50);
    }
    QTRY_COMPARE_WITH_TIMEOUT(screen.lines()->rowCount(), 1002, 10000);
    QStringList places;
    for (int row = 0; row < 1000; ++row)
        places << screen.lines()->index(row, QuarantineLineModel::PlaceColumn).data().toString();
    places.removeDuplicates();
    QCOMPARE(places.size(), 1000);
    QCOMPARE(places.last(), QStringLiteral("big.jsonl:1"));
}

QTEST_MAIN(TestQuarantineScreen)
#include "tst_quarantine_screen.moc"
