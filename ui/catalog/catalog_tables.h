#pragma once
// Small read-only tables for the catalog's dialogs and panels: whole rows selected, amounts
// right-aligned and never elided (columns sized to their text; the table scrolls instead).
#include <QStringList>

class QTableWidget;

namespace reconsole::ui {

QTableWidget* newReadOnlyTable(const QStringList& headers);
// Sets (or replaces) a cell's text; `right`: an amount or a count.
void setCell(QTableWidget* table, int row, int column, const QString& text, bool right = false);
// Columns as wide as their widest text; the last one takes what is left.
void fitColumns(QTableWidget* table);

}  // namespace reconsole::ui
