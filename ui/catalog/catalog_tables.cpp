#include "ui/catalog/catalog_tables.h"

#include <QHeaderView>
#include <QTableWidget>

namespace reconsole::ui {

QTableWidget* newReadOnlyTable(const QStringList& headers)
{
    auto* t = new QTableWidget(0, int(headers.size()));
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setWordWrap(false);
    t->setTextElideMode(Qt::ElideNone);   // a ₩ amount is never cut short
    t->horizontalHeader()->setHighlightSections(false);
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

void setCell(QTableWidget* table, int row, int column, const QString& text, bool right)
{
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignVCenter | (right ? Qt::AlignRight : Qt::AlignLeft));
    item->setToolTip(text);
    table->setItem(row, column, item);
}

void fitColumns(QTableWidget* table)
{
    table->resizeColumnsToContents();
    // Some room after the widest text: the style's padding varies, an amount must never touch the edge.
    for (int c = 0; c + 1 < table->columnCount(); ++c)   // the last one stretches
        table->setColumnWidth(c, table->columnWidth(c) + 12);
}

}  // namespace reconsole::ui
