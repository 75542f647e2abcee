#pragma once
// Sizes a table's columns to their contents as QTableView::resizeColumnToContents does, but
// lays out only a few texts per column. Qt lays out every cell of its sample (the rows in view
// and up to 1 000 others): 24 ms of the GUI thread for 8 columns of 1 000 refunds, audit entries
// or cases, at every reload. Here each cell's width is first estimated from the advances of its
// characters (kept per font), and only the few widest by that estimate are measured through the
// view's delegate, exactly as Qt would. Kerning and shaping move a text's width a few pixels
// from its estimate; the candidates kept cover that.
#include <QList>

QT_BEGIN_NAMESPACE
class QTableView;
QT_END_NAMESPACE

namespace reconsole::ui {

// The rows Qt's own fitting would look at: those in view and the first 1 000.
inline constexpr int kQuickFitRows = 1000;
// How many of a column's widest-looking texts are measured exactly.
inline constexpr int kQuickFitCandidates = 6;

// Resizes each of `columns` (hidden ones are left alone) to the widest of its measured cells
// and its header, as resizeColumnToContents would.
void quickFitColumns(QTableView* view, const QList<int>& columns);
// The same for columns 0 to count - 1.
void quickFitFirstColumns(QTableView* view, int count);

}  // namespace reconsole::ui
