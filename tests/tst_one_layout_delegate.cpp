// OneLayoutDelegate paints every cell pixel for pixel as Qt's QStyledItemDelegate does: tables,
// a list and a tree, in the console's font and style, with each horizontal and vertical
// alignment, selected, alternate, coloured, bold and disabled cells, rows shorter than the text,
// a focused row, an inactive window, and columns swept a pixel at a time across the width where
// a text stops fitting and is elided. Each comparison also asserts that both ways were taken, so
// that it compares something, and the table's, which cells took which.
#include "ui/widgets/one_layout_delegate.h"

#include <QApplication>
#include <QHeaderView>
#include <QListView>
#include <QProxyStyle>
#include <QStandardItemModel>
#include <QStyleFactory>
#include <QTableView>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace reconsole;

namespace {

const QStringList& texts()
{
    static const QStringList all{
        QStringLiteral("김민준"),
        QStringLiteral("₩50,000"),
        QStringLiteral("₩9,223,372,036,854,775,807"),
        QStringLiteral("L-0003"),
        QStringLiteral("2026-11-29 09:41:07"),
        QStringLiteral("현금영수증 대상 아님 · 결제 실패"),
        QStringLiteral("롯데백화점 모바일 상품권 5만원권"),
        QStringLiteral("AVAWAY To."),
        QStringLiteral("Kim Min-jun (C-NAM)"),
        QStringLiteral("3일 12시간"),
        QStringLiteral("ⓒ 🎁 선물"),                 // outside the BMP
        QStringLiteral("a\tb"),                      // a tab: Qt's own
        QStringLiteral(" 앞에 빈칸"),                // spaces at an end: Qt's own
        QStringLiteral("뒤에 빈칸 "),
        QStringLiteral("שלום 김"),                   // right-to-left: Qt's own
        QStringLiteral("첫 줄\n둘째 줄"),            // a line break: Qt's own
        QStringLiteral("x"),
    };
    return all;
}
// Of texts(), those Qt paints itself: the tab, the spaces at an end, right-to-left, the line break.
constexpr int kLeftToQt = 5;

void fill(QStandardItemModel& model, int rows)
{
    model.clear();
    model.setColumnCount(int(texts().size()));
    for (int row = 0; row < rows; ++row) {
        QList<QStandardItem*> items;
        for (const QString& text : texts())
            items << new QStandardItem(text);
        model.appendRow(items);
    }
    // Row 1 coloured, row 2 bold, row 3 disabled, row 4 on a background of its own.
    for (int column = 0; column < model.columnCount(); ++column) {
        if (rows > 1)
            model.item(1, column)->setForeground(QColor(0xb3, 0x26, 0x1e));
        if (rows > 2) {
            QFont bold;
            bold.setBold(true);
            model.item(2, column)->setFont(bold);
        }
        if (rows > 3)
            model.item(3, column)->setEnabled(false);
        if (rows > 4)
            model.item(4, column)->setBackground(QColor(0xfd, 0xec, 0xea));
    }
}

void align(QStandardItemModel& model, Qt::Alignment alignment)
{
    for (int row = 0; row < model.rowCount(); ++row)
        for (int column = 0; column < model.columnCount(); ++column)
            model.item(row, column)->setTextAlignment(alignment);
}

struct Rendered {
    QImage image;
    int oneLayout = 0;
    int byQt = 0;
};

Rendered render(QAbstractItemView& view, bool oneLayout)
{
    auto* delegate = new ui::OneLayoutDelegate(&view);
    if (oneLayout)
        view.setItemDelegate(delegate);
    else
        view.setItemDelegate(new QStyledItemDelegate(&view));
    Rendered r;
    r.image = view.viewport()->grab().toImage();
    r.oneLayout = delegate->oneLayoutPaints();
    r.byQt = delegate->qtPaints();
    return r;
}

// The first pixel where the two differ, or an empty string.
QString firstDifference(const QImage& a, const QImage& b)
{
    if (a.size() != b.size())
        return QStringLiteral("sizes differ");
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            if (a.pixel(x, y) != b.pixel(x, y))
                return QStringLiteral("(%1, %2): Qt %3, one layout %4")
                    .arg(x)
                    .arg(y)
                    .arg(a.pixel(x, y), 8, 16)
                    .arg(b.pixel(x, y), 8, 16);
    return {};
}

void compare(QAbstractItemView& view, const QString& what)
{
    const Rendered qt = render(view, false);
    const Rendered ours = render(view, true);
    const QString difference = firstDifference(qt.image, ours.image);
    if (!difference.isEmpty()) {
        qt.image.save(QStringLiteral("/tmp/one_layout_qt.png"));
        ours.image.save(QStringLiteral("/tmp/one_layout_ours.png"));
    }
    QVERIFY2(difference.isEmpty(), qPrintable(what + QStringLiteral(": ") + difference));
    QVERIFY2(ours.oneLayout > 0, qPrintable(what + QStringLiteral(": no cell painted from one layout")));
    QVERIFY2(ours.byQt > 0, qPrintable(what + QStringLiteral(": no cell left to Qt")));
}

}  // namespace

class TestOneLayoutDelegate : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QApplication::setStyle(new QProxyStyle(QStringLiteral("fusion")));   // as the console: a proxy over Fusion
        QApplication::setFont(QFont(QStringLiteral("Noto Sans CJK KR"), 10));
    }

    // Every alignment, each column swept across the width where its text stops fitting.
    void tableAsQt_data()
    {
        QTest::addColumn<int>("alignment");
        QTest::addColumn<int>("delta");
        const std::pair<Qt::Alignment, const char*> alignments[] = {
            {Qt::AlignLeft | Qt::AlignVCenter, "left"},      {Qt::AlignRight | Qt::AlignVCenter, "right"},
            {Qt::AlignHCenter | Qt::AlignVCenter, "centre"}, {Qt::AlignLeft | Qt::AlignTop, "left top"},
            {Qt::AlignRight | Qt::AlignBottom, "right bottom"}, {Qt::AlignCenter | Qt::AlignTop, "centre top"},
            {Qt::AlignLeading | Qt::AlignVCenter, "leading"},   {Qt::AlignTrailing | Qt::AlignVCenter, "trailing"},
            {Qt::AlignJustify | Qt::AlignVCenter, "justify"},
        };
        for (const auto& [alignment, name] : alignments)
            for (int delta = -4; delta <= 3; ++delta)
                QTest::addRow("%s, fit %+d px", name, delta) << int(alignment) << delta;
    }
    void tableAsQt()
    {
        QFETCH(int, alignment);
        QFETCH(int, delta);
        QStandardItemModel model;
        fill(model, 6);
        align(model, Qt::Alignment(alignment));
        QTableView view;
        view.setFocusPolicy(Qt::NoFocus);   // no focused cell: the counts below are exact
        view.setModel(&model);
        view.setAlternatingRowColors(true);
        view.setWordWrap(false);
        view.verticalHeader()->setDefaultSectionSize(view.fontMetrics().height() + 10);
        view.resizeColumnsToContents();
        for (int column = 0; column < model.columnCount(); ++column)
            view.setColumnWidth(column, view.columnWidth(column) + delta);
        view.resize(view.horizontalHeader()->length() + 60, 400);
        view.show();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.selectionModel()->select(model.index(5, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        compare(view, QStringLiteral("table"));
        // Every cell but those of the texts Qt must lay out itself, elided or not.
        const Rendered ours = render(view, true);
        QCOMPARE(ours.byQt, qint64(kLeftToQt * model.rowCount()));
        QCOMPARE(ours.oneLayout, qint64((model.columnCount() - kLeftToQt) * model.rowCount()));
    }

    // Rows shorter than the text, and a smaller font (the console's floor is 9.5 pt).
    void shortRowsSmallFontAsQt()
    {
        QStandardItemModel model;
        fill(model, 6);
        align(model, Qt::AlignLeft | Qt::AlignVCenter);
        QTableView view;
        view.setFont(QFont(QStringLiteral("Noto Sans CJK KR"), 9));
        view.setModel(&model);
        view.setWordWrap(false);
        view.verticalHeader()->setMinimumSectionSize(5);
        view.verticalHeader()->setDefaultSectionSize(view.fontMetrics().height() - 5);
        view.resizeColumnsToContents();
        view.resize(view.horizontalHeader()->length() + 60, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.rowHeight(0) < view.fontMetrics().height());
        compare(view, QStringLiteral("short rows"));
        align(model, Qt::AlignRight | Qt::AlignBottom);
        compare(view, QStringLiteral("short rows, bottom"));
    }

    // Rows taller than the text, and an inactive window (other colours for the selection).
    void tallRowsInactiveAsQt()
    {
        QStandardItemModel model;
        fill(model, 6);
        align(model, Qt::AlignRight | Qt::AlignVCenter);
        QTableView view;
        view.setModel(&model);
        view.setWordWrap(false);
        view.verticalHeader()->setDefaultSectionSize(41);
        view.resizeColumnsToContents();
        view.resize(view.horizontalHeader()->length() + 60, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.selectRow(0);
        QWidget other;
        other.show();
        other.activateWindow();
        QTRY_VERIFY(!view.isActiveWindow());
        compare(view, QStringLiteral("tall rows, inactive"));
    }

    // A list (under Fusion its selection, too, is drawn behind the whole cell).
    void listAsQt()
    {
        QStandardItemModel list;
        for (const QString& text : texts())
            for (const Qt::Alignment a : {Qt::AlignLeft, Qt::AlignRight, Qt::AlignHCenter}) {
                auto* item = new QStandardItem(text);
                item->setTextAlignment(a | Qt::AlignVCenter);
                list.appendRow(item);
            }
        QListView view;
        view.setModel(&list);
        view.setUniformItemSizes(false);
        view.resize(200, 1400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.selectionModel()->select(list.index(4, 0), QItemSelectionModel::Select);
        compare(view, QStringLiteral("list"));
    }

    // Another style may draw cells its own way: Qt paints them all.
    void otherStyleLeftToQt()
    {
        QStandardItemModel model;
        fill(model, 3);
        // A widget does not own the style it is given: it must outlive the view.
        const std::unique_ptr<QStyle> windows(QStyleFactory::create(QStringLiteral("windows")));
        QTableView view;
        view.setStyle(windows.get());
        view.setModel(&model);
        view.resizeColumnsToContents();
        view.resize(view.horizontalHeader()->length() + 60, 200);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const Rendered ours = render(view, true);
        QCOMPARE(ours.oneLayout, 0);
        QVERIFY(ours.byQt > 0);
    }

    // A tree: cells indented, and a first column with branches.
    void treeAsQt()
    {
        QStandardItemModel model;
        fill(model, 5);
        auto* parent = model.item(0, 0);
        parent->appendRow({new QStandardItem(QStringLiteral("환불 요청")), new QStandardItem(QStringLiteral("₩50,000"))});
        QTreeView view;
        view.setModel(&model);
        view.expandAll();
        view.setAlternatingRowColors(true);
        view.setAllColumnsShowFocus(true);   // as the customer's timeline
        view.setUniformRowHeights(true);
        for (int column = 0; column < model.columnCount(); ++column)
            view.resizeColumnToContents(column);
        view.setColumnWidth(1, view.columnWidth(1) - 12);   // elided
        view.resize(view.header()->length() + 60, 300);
        view.show();
        view.activateWindow();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        compare(view, QStringLiteral("tree"));
        view.setFocus();
        view.setCurrentIndex(model.index(2, 0));
        view.selectionModel()->select(model.index(2, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        compare(view, QStringLiteral("tree, a focused row"));
        QWidget other;
        other.show();
        other.activateWindow();
        QTRY_VERIFY(!view.isActiveWindow());
        compare(view, QStringLiteral("tree, inactive"));
    }
};

QTEST_MAIN(TestOneLayoutDelegate)
#include "tst_one_layout_delegate.moc"
