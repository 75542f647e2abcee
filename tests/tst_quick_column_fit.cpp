// quickFitColumns gives each column the width QTableView::resizeColumnToContents gives it,
// while laying out only a few of its texts: compared with Qt's own fitting on columns whose
// widest text is not the longest, in bold, with an icon, and past Qt's 1 000-row sample.
#include "ui/widgets/quick_column_fit.h"

#include <QApplication>
#include <QHeaderView>
#include <QPixmap>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

using namespace reconsole;

namespace {

struct Cell {
    QString text;
    bool bold = false;
    bool icon = false;
};

// `rows` copies of `filler`, with `special` at row `at`.
QList<Cell> column(int rows, const Cell& filler, const Cell& special, int at)
{
    QList<Cell> cells(rows, filler);
    cells[at] = special;
    return cells;
}

void fill(QStandardItemModel& model, const QList<Cell>& cells)
{
    model.clear();
    model.setColumnCount(1);
    model.setHorizontalHeaderLabels({QStringLiteral("금액")});
    QPixmap icon(16, 16);
    icon.fill(Qt::red);
    for (const Cell& c : cells) {
        auto* item = new QStandardItem(c.text);
        if (c.bold) {
            QFont bold;
            bold.setBold(true);
            item->setFont(bold);
        }
        if (c.icon)
            item->setIcon(icon);
        model.appendRow(item);
    }
}

}  // namespace

class TestQuickColumnFit : public QObject {
    Q_OBJECT
private slots:
    void sameWidthAsQt_data();
    void sameWidthAsQt();
};

void TestQuickColumnFit::sameWidthAsQt_data()
{
    QTest::addColumn<QList<Cell>>("cells");
    QTest::addColumn<bool>("shown");
    const Cell narrow{QStringLiteral("iiiiiiiiiiiiiiii")};
    QTest::newRow("amounts") << QList<Cell>{{"₩4,700"}, {"₩1,234,567,890"}, {"₩33,000"}, {"₩-9,223,372,036,854,775,807"}} << true;
    QTest::newRow("Korean and Latin names") << QList<Cell>{{"김민준 (C-000123)"}, {"Lee (C-9)"}, {"스타벅스 아이스 카페 아메리카노 T"}} << true;
    // Twenty long narrow texts and one short wide one: a length would pick the narrow ones.
    QTest::newRow("the widest is not the longest") << column(20, narrow, {QStringLiteral("WWWWWWWWWW")}, 13) << true;
    QTest::newRow("a bold row") << column(30, {QStringLiteral("승인 대기 중입니다")}, {QStringLiteral("승인 대기 중입니다"), true}, 29) << true;
    QTest::newRow("an icon on a short text") << column(30, {QStringLiteral("₩50,000")}, {QStringLiteral("₩50,00"), false, true}, 7) << true;
    QTest::newRow("the widest in view, far down") << column(3000, narrow, {QStringLiteral("WWWWWWWWWWW")}, 2990) << true;
    QTest::newRow("past Qt's sample (not measured by either)") << column(3000, narrow, {QStringLiteral("WWWWWWWWWWWWWWWWWWWWWW")}, 500) << true;
    QTest::newRow("not yet shown") << column(40, narrow, {QStringLiteral("WWWWWWWWWW")}, 39) << false;
    QTest::newRow("empty") << QList<Cell>{} << true;
}

void TestQuickColumnFit::sameWidthAsQt()
{
    QFETCH(QList<Cell>, cells);
    QFETCH(bool, shown);
    QStandardItemModel model;
    fill(model, cells);
    QTableView view;
    view.resize(400, 300);
    view.setModel(&model);
    if (shown) {
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        if (!cells.isEmpty())
            view.scrollTo(model.index(int(cells.size()) - 1, 0), QAbstractItemView::PositionAtBottom);
    }
    view.setColumnWidth(0, 5);
    view.resizeColumnToContents(0);
    const int qt = view.columnWidth(0);
    view.setColumnWidth(0, 5);
    ui::quickFitColumns(&view, {0});
    QCOMPARE(view.columnWidth(0), qt);
}

QTEST_MAIN(TestQuickColumnFit)
#include "tst_quick_column_fit.moc"
