#pragma once
// Sizes a table's columns to their contents as QTableView::resizeColumnToContents does, but
// lays out few cells per column. Qt lays out every cell of its sample (1 000 rows, centred on
// the view): 28 ms of the GUI thread for 8 columns of 1 000 refunds, audit entries or cases, at
// every reload. Here each cell's width is first estimated from its characters' exact advances
// (kept per font), and cells are measured through the view's delegate, as Qt would, widest
// estimate first, until no cell left could be wider than the widest measured; a cell that
// differs from one measured only in digits or Hangul syllables of one width is not measured
// again. GUI thread only (it keeps each font's advances between calls).
#include <QList>

QT_BEGIN_NAMESPACE
class QTableView;
QT_END_NAMESPACE

namespace reconsole::ui {

// Resizes each of `columns` to the widest of its sampled cells and its header, as
// resizeColumnToContents would: the same rows (the header's resizeContentsPrecision, visible
// rows first), the same grid line.
void quickFitColumns(QTableView* view, const QList<int>& columns);
// The same for columns 0 to count - 1.
void quickFitFirstColumns(QTableView* view, int count);

}  // namespace reconsole::ui
