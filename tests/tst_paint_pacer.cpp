// PaintPacer: a window made dirty is painted in a later turn of the event loop, once for
// everything made dirty before then, and not within the pass over posted events that dirtied it.
#include "ui/shell/paint_pacer.h"

#include <QApplication>
#include <QLabel>
#include <QScreen>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>
#include <QVBoxLayout>

using namespace reconsole;

namespace {

class CountingWidget : public QWidget {
public:
    int paints = 0;

protected:
    void paintEvent(QPaintEvent*) override { ++paints; }
};

struct Window {
    QWidget top;
    CountingWidget* left = new CountingWidget;
    CountingWidget* right = new CountingWidget;
    explicit Window(bool paced)
    {
        auto* layout = new QVBoxLayout(&top);
        layout->addWidget(left);
        layout->addWidget(right);
        if (paced)
            new ui::PaintPacer(&top);
        top.resize(300, 200);
        top.show();
    }
    ui::PaintPacer* pacer() { return top.findChild<ui::PaintPacer*>(); }
    // Shown and painted a first time, with nothing left pending.
    bool settled()
    {
        if (!QTest::qWaitForWindowExposed(&top) || !QTest::qWaitFor([this] { return left->paints > 0 && right->paints > 0; }))
            return false;
        QTest::qWait(20);
        return true;
    }
};

}  // namespace

class TestPaintPacer : public QObject {
    Q_OBJECT
private slots:
    void paintsInALaterTurn_data();
    void paintsInALaterTurn();
    void everythingDirtyIsPaintedOnce();
    void paintNowPaintsAtOnce();
    void theScreenShowsWhatTheWindowDraws();
};

void TestPaintPacer::paintsInALaterTurn_data()
{
    QTest::addColumn<bool>("paced");
    QTest::addColumn<int>("paintsAfterPostedEvents");
    QTest::newRow("Qt alone: in the same pass") << false << 1;
    QTest::newRow("paced: not yet") << true << 0;
}

void TestPaintPacer::paintsInALaterTurn()
{
    QFETCH(bool, paced);
    QFETCH(int, paintsAfterPostedEvents);
    Window w(paced);
    QVERIFY(w.settled());
    const int before = w.left->paints;
    w.left->update();
    QCoreApplication::sendPostedEvents();   // one pass over what is posted, as the loop makes it
    QCOMPARE(w.left->paints - before, paintsAfterPostedEvents);
    if (paced) {
        QVERIFY(w.pacer()->isPending());
        QTRY_COMPARE(w.left->paints - before, 1);   // the next turns
        QVERIFY(!w.pacer()->isPending());
    }
}

void TestPaintPacer::everythingDirtyIsPaintedOnce()
{
    Window w(true);
    QVERIFY(w.settled());
    const int left = w.left->paints, right = w.right->paints;
    w.left->update();
    QCoreApplication::sendPostedEvents();
    w.right->update();   // a later pass, before the paint
    w.left->update();
    QCoreApplication::sendPostedEvents();
    QCOMPARE(w.left->paints, left);
    QTRY_COMPARE(w.left->paints - left, 1);
    QCOMPARE(w.right->paints - right, 1);   // in the same paint
    QTest::qWait(50);
    QCOMPARE(w.left->paints - left, 1);   // and not again
    QCOMPARE(w.right->paints - right, 1);
}

void TestPaintPacer::paintNowPaintsAtOnce()
{
    Window w(true);
    QVERIFY(w.settled());
    const int before = w.right->paints;
    w.right->update();
    QCoreApplication::sendPostedEvents();
    QVERIFY(w.pacer()->isPending());
    w.pacer()->paintNow();
    QCOMPARE(w.right->paints - before, 1);
    QVERIFY(!w.pacer()->isPending());
    QTest::qWait(50);
    QCOMPARE(w.right->paints - before, 1);   // nothing left to paint twice
}

// After a page switch and a model's new rows, once the paint has had its turn, the window's
// pixels on the screen (its backing store) are what the window draws afresh: nothing dirty was
// left unpainted.
void TestPaintPacer::theScreenShowsWhatTheWindowDraws()
{
    QWidget top;
    auto* pages = new QStackedWidget;
    auto* label = new QLabel(QStringLiteral("첫 화면"));
    QStandardItemModel model(0, 2);
    auto* table = new QTableView;
    table->setModel(&model);
    pages->addWidget(label);
    pages->addWidget(table);
    auto* layout = new QVBoxLayout(&top);
    layout->addWidget(pages);
    new ui::PaintPacer(&top);
    top.resize(400, 300);
    top.show();
    QVERIFY(QTest::qWaitForWindowExposed(&top));
    QTest::qWait(50);
    pages->setCurrentWidget(table);
    for (int i = 0; i < 5; ++i)
        model.appendRow({new QStandardItem(QStringLiteral("고객 %1").arg(i)), new QStandardItem(QStringLiteral("₩50,000"))});
    QCoreApplication::sendPostedEvents();
    QVERIFY(top.findChild<ui::PaintPacer*>()->isPending());
    QTRY_VERIFY(!top.findChild<ui::PaintPacer*>()->isPending());
    QTest::qWait(20);
    const QImage onScreen = top.screen()->grabWindow(top.winId()).toImage().convertToFormat(QImage::Format_RGB32);
    const QImage drawn = top.grab().toImage().convertToFormat(QImage::Format_RGB32);
    QCOMPARE(onScreen.size(), drawn.size());
    QVERIFY(onScreen == drawn);
}

QTEST_MAIN(TestPaintPacer)
#include "tst_paint_pacer.moc"
