// ChangedColumns sizes a column to its contents only when the column's texts (or their fonts)
// changed since it last did, whatever the rows' order.
#include "ui/widgets/changed_columns.h"

#include <QApplication>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

using namespace reconsole;

class TestChangedColumns : public QObject {
    Q_OBJECT
private slots:
    void sizesOnlyWhatChanged();
};

void TestChangedColumns::sizesOnlyWhatChanged()
{
    QStandardItemModel model;
    model.setColumnCount(2);
    // New rows in the same columns, as a reload brings (the header keeps its sections).
    const auto fill = [&model](const QList<QStringList>& rows) {
        model.setRowCount(0);
        for (const QStringList& row : rows) {
            QList<QStandardItem*> items;
            for (const QString& text : row)
                items << new QStandardItem(text);
            model.appendRow(items);
        }
    };
    QTableView view;
    view.setModel(&model);
    ui::ChangedColumns columns;
    const QList<int> both{0, 1};

    fill({{"스타벅스 아이스 카페 아메리카노 T", "₩4,700"}, {"파리바게뜨 케이크", "₩33,000"}});
    QCOMPARE(columns.fit(&view, both), both);   // never sized: both
    const int name = view.columnWidth(0);
    QCOMPARE(columns.fit(&view, both), QList<int>{});   // the same texts: none

    fill({{"파리바게뜨 케이크", "₩33,000"}, {"스타벅스 아이스 카페 아메리카노 T", "₩4,700"}});
    QCOMPARE(columns.fit(&view, both), QList<int>{});   // the same texts in another order: none

    view.setColumnWidth(0, name + 50);   // widened by hand: kept while the texts stay
    fill({{"파리바게뜨 케이크", "₩330,000"}, {"스타벅스 아이스 카페 아메리카노 T", "₩4,700"}});
    QCOMPARE(columns.fit(&view, both), QList<int>{1});
    QCOMPARE(view.columnWidth(0), name + 50);

    QFont bold = view.font();
    bold.setBold(true);
    model.item(1, 0)->setFont(bold);   // a flagged row drawn bold is wider
    QCOMPARE(columns.fit(&view, both), QList<int>{0});
    QVERIFY(view.columnWidth(0) > name && view.columnWidth(0) < name + 50);

    model.removeRow(0);   // a row gone: both columns' texts changed
    QCOMPARE(columns.fit(&view, both), both);
    QCOMPARE(columns.fit(&view, {1}), QList<int>{});   // only the columns asked about
}

QTEST_MAIN(TestChangedColumns)
#include "tst_changed_columns.moc"
