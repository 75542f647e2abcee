// quickFitColumns gives each column the width QTableView::resizeColumnToContents gives it,
// while laying out only a few of its texts: compared with Qt's own fitting on columns whose
// widest text is not the longest, in bold, with an icon, behind hidden rows, past Qt's
// 1 000-row sample, and on near ties (kerned, rounded and mixed-script texts a pixel or two
// apart), where a width one pixel short would cut the widest text.
#include "ui/widgets/quick_column_fit.h"

#include <QApplication>
#include <QDate>
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
    void nearTiesAsQt_data();
    void nearTiesAsQt();
    void sampleEdgesAsQt();
    void cellsTheirCharactersCannotTell_data();
    void cellsTheirCharactersCannotTell();
};

namespace {

// The width Qt gives column 0, and the width quickFitColumns gives it, from the same start.
std::pair<int, int> bothWidths(QTableView& view)
{
    view.setColumnWidth(0, 5);
    view.resizeColumnToContents(0);
    const int qt = view.columnWidth(0);
    view.setColumnWidth(0, 5);
    ui::quickFitColumns(&view, {0});
    return {qt, view.columnWidth(0)};
}

}  // namespace

void TestQuickColumnFit::sameWidthAsQt_data()
{
    QTest::addColumn<QList<Cell>>("cells");
    QTest::addColumn<bool>("shown");
    QTest::addColumn<int>("hiddenFrom");   // rows hidden from here, 100 of them (-1: none)
    QTest::addColumn<int>("precision");    // the header's resizeContentsPrecision
    const Cell narrow{QStringLiteral("iiiiiiiiiiiiiiii")};
    QTest::newRow("amounts") << QList<Cell>{{"₩4,700"}, {"₩1,234,567,890"}, {"₩33,000"}, {"-₩9,223,372,036,854,775,807"}} << true << -1 << 1000;
    QTest::newRow("Korean and Latin names") << QList<Cell>{{"김민준 (C-000123)"}, {"Lee (C-9)"}, {"스타벅스 아이스 카페 아메리카노 T"}} << true << -1 << 1000;
    // Twenty long narrow texts and one short wide one: a length would pick the narrow ones.
    QTest::newRow("the widest is not the longest") << column(20, narrow, {QStringLiteral("WWWWWWWWWW")}, 13) << true << -1 << 1000;
    QTest::newRow("a bold row") << column(30, {QStringLiteral("승인 대기 중입니다")}, {QStringLiteral("승인 대기 중입니다"), true}, 29) << true << -1 << 1000;
    QTest::newRow("an icon on a short text") << column(30, {QStringLiteral("₩50,000")}, {QStringLiteral("₩50,00"), false, true}, 7) << true << -1 << 1000;
    QTest::newRow("the widest in view, far down") << column(3000, narrow, {QStringLiteral("WWWWWWWWWWW")}, 2990) << true << -1 << 1000;
    QTest::newRow("past Qt's sample (not measured by either)") << column(3000, narrow, {QStringLiteral("WWWWWWWWWWWWWWWWWWWWWW")}, 500) << true << -1 << 1000;
    QTest::newRow("not yet shown") << column(40, narrow, {QStringLiteral("WWWWWWWWWW")}, 39) << false << -1 << 1000;
    QTest::newRow("empty") << QList<Cell>{} << true << -1 << 1000;
    // Qt skips hidden rows without counting them: the widest is within 1 000 shown rows.
    QTest::newRow("behind 100 hidden rows") << column(1500, narrow, {QStringLiteral("WWWWWWWWWWWWW")}, 1040) << false << 0 << 1000;
    QTest::newRow("rows in view only (precision 0)") << column(300, narrow, {QStringLiteral("WWWWWWWWWWWWWWWWWWWWW")}, 200) << true << -1 << 0;
    QTest::newRow("every row (precision -1)") << column(1500, narrow, {QStringLiteral("WWWWWWWWWWWWWWWWWWWWW")}, 1400) << false << -1 << -1;
}

void TestQuickColumnFit::sameWidthAsQt()
{
    QFETCH(QList<Cell>, cells);
    QFETCH(bool, shown);
    QFETCH(int, hiddenFrom);
    QFETCH(int, precision);
    QStandardItemModel model;
    fill(model, cells);
    QTableView view;
    view.resize(400, 300);
    view.setModel(&model);
    view.horizontalHeader()->setResizeContentsPrecision(precision);
    for (int row = hiddenFrom; hiddenFrom >= 0 && row < hiddenFrom + 100; ++row)
        view.setRowHidden(row, true);
    if (shown) {
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        if (!cells.isEmpty())
            view.scrollTo(model.index(int(cells.size()) - 1, 0), QAbstractItemView::PositionAtBottom);
    }
    const auto [qt, quick] = bothWidths(view);
    QCOMPARE(quick, qt);
}

// Six or twenty copies of a text whose characters' advances overstate it (kerned pairs, digits
// of a fractional width) and one text of another kind, grown a character at a time through the
// widths of the others: at some length the two are a pixel or two apart, either way.
void TestQuickColumnFit::nearTiesAsQt_data()
{
    QTest::addColumn<QString>("filler");
    QTest::addColumn<int>("copies");
    QTest::addColumn<QString>("head");   // the other text: head, then n of grow, then k of pad
    QTest::addColumn<QChar>("grow");
    QTest::addColumn<QChar>("pad");
    QTest::newRow("ids against Hangul") << QStringLiteral("R-2026-000123456789") << 6 << QString() << QChar(0xAE40) << QChar(' ');
    QTest::newRow("kerned against plain") << QStringLiteral("AVAVAVAVAVAV") << 6 << QString() << QChar('l') << QChar('i');
    QTest::newRow("Latin names against Korean") << QStringLiteral("Tova Avery-Yates") << 6 << QStringLiteral("김민준 ") << QChar('l') << QChar(' ');
    // "·" between Hangul is drawn in the Korean font, 3 px wider than alone.
    QTest::newRow("dots within Korean") << QStringLiteral("R-2026-000123456789") << 6 << QStringLiteral("전달됨") << QChar(0x00B7) << QChar(0xAC00);
    QTest::newRow("amounts against text") << QStringLiteral("₩1,234,567") << 20 << QStringLiteral("환불 ") << QChar(0xAE40) << QChar('i');
}

void TestQuickColumnFit::nearTiesAsQt()
{
    QFETCH(QString, filler);
    QFETCH(int, copies);
    QFETCH(QString, head);
    QFETCH(QChar, grow);
    QFETCH(QChar, pad);
    QStandardItemModel model;
    QTableView view;
    view.setModel(&model);
    int ties = 0;
    for (int n = 0; n <= 40; ++n) {
        for (int k = 0; k <= 4; ++k) {
            const QString other = head + QString(n, grow) + QString(k, pad);
            model.clear();
            for (int i = 0; i < copies; ++i)
                model.appendRow(new QStandardItem(filler));
            model.appendRow(new QStandardItem(other));
            const auto [qt, quick] = bothWidths(view);
            QVERIFY2(quick == qt, qPrintable(QStringLiteral("'%1': Qt %2 px, quick %3 px").arg(other).arg(qt).arg(quick)));
            const int fillerWidth = view.fontMetrics().horizontalAdvance(filler);
            ties += std::abs(view.fontMetrics().horizontalAdvance(other) - fillerWidth) <= 2;
        }
    }
    QVERIFY2(ties > 0, "no length of the other text came within 2 px of the filler");   // the case is met
}

// Scrolled to the middle of 3 000 rows, with an odd and an even number of rows in view: the
// widest text one row inside or outside either edge of Qt's 1 000-row sample.
void TestQuickColumnFit::sampleEdgesAsQt()
{
    const Cell narrow{QStringLiteral("iiiiiiiiiiiiiiii")};
    QStandardItemModel model;
    fill(model, column(3000, narrow, narrow, 0));
    QTableView view;
    view.setModel(&model);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    int checked = 0;
    for (const int extraHeight : {0, view.rowHeight(0)}) {
        view.resize(400, 300 + extraHeight);
        QTest::qWait(1);
        view.scrollTo(model.index(1500, 0), QAbstractItemView::PositionAtTop);
        const int top = view.rowAt(0), bottom = view.rowAt(view.viewport()->height());
        QVERIFY(top > 1000 && bottom > top);
        std::vector<int> rows;
        for (int r = top - 505; r <= top - 485; ++r)
            rows.push_back(r);
        for (int r = bottom + 485; r <= bottom + 505; ++r)
            rows.push_back(r);
        for (const int at : rows) {
            model.item(at)->setText(QStringLiteral("WWWWWWWWWWWWWWWWWWWW"));
            const auto [qt, quick] = bothWidths(view);
            QVERIFY2(quick == qt, qPrintable(QStringLiteral("rows %1-%2 in view, the widest at %3: Qt %4 px, quick %5 px")
                                                 .arg(top).arg(bottom).arg(at).arg(qt).arg(quick)));
            model.item(at)->setText(narrow.text);
            ++checked;
        }
    }
    QCOMPARE(checked, 84);
}

// A tab, a number or a date the delegate formats, a size hint of the model's own, a character
// outside the BMP: six wide texts beside one such cell, which is always measured. (Without that,
// the size hint row fails; the others happen to be estimated wide enough with this font.)
void TestQuickColumnFit::cellsTheirCharactersCannotTell_data()
{
    QTest::addColumn<QVariant>("display");
    QTest::addColumn<int>("sizeHintWidth");   // 0: none
    QTest::newRow("a tab") << QVariant(QStringLiteral("a\tb\tc\td")) << 0;
    QTest::newRow("a number") << QVariant(1234567.125) << 0;
    QTest::newRow("a date") << QVariant(QDate(2026, 12, 12)) << 0;
    QTest::newRow("a size hint") << QVariant(QStringLiteral("a")) << 300;
    QTest::newRow("an emoji") << QVariant(QStringLiteral("🎁🎁🎁🎁🎁🎁🎁🎁")) << 0;
}

void TestQuickColumnFit::cellsTheirCharactersCannotTell()
{
    QFETCH(QVariant, display);
    QFETCH(int, sizeHintWidth);
    QStandardItemModel model;
    fill(model, column(7, {QStringLiteral("WWWWWW")}, {QStringLiteral("WWWWWW")}, 0));
    model.item(3)->setData(display, Qt::DisplayRole);
    if (sizeHintWidth > 0)
        model.item(3)->setData(QSize(sizeHintWidth, 20), Qt::SizeHintRole);
    QTableView view;
    view.setModel(&model);
    const auto [qt, quick] = bothWidths(view);
    QCOMPARE(quick, qt);
}

QTEST_MAIN(TestQuickColumnFit)
#include "tst_quick_column_fit.moc"
