#pragma once
// Paints a cell of one line of plain text exactly as QStyledItemDelegate does under Fusion, with
// its text laid out once instead of three times.
//
// To paint a cell, Qt's common style lays its text out to size the text's rectangle, again to see
// whether it must be elided, and a third time to draw it (a fourth, eliding); each time HarfBuzz
// shapes the text. In the orphan queue that was a quarter of a page's paint (bench_queue_jump,
// docs/benchmarks.md). Here a cell's text is laid out once, at the width and position Qt's style
// computes, and drawn from that layout (or, too wide, elided as Qt elides it and laid out once
// more). Any other cell (an icon, a check box, focus, editing, wrapping, a tab or line break,
// right-to-left text, spaces at an end, a selection not drawn behind the whole cell, a style
// other than Fusion) is painted by Qt. A proxy style over Fusion is taken to draw cells as Fusion
// does (the console's SortArrowStyle only flips sort arrows). tst_one_layout_delegate compares the
// two pixel for pixel.
#include <QStyledItemDelegate>

class QAbstractItemView;

namespace reconsole::ui {

class OneLayoutDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // Cells painted from one layout, and by Qt, since the delegate was made (for tests).
    qint64 oneLayoutPaints() const { return oneLayout_; }
    qint64 qtPaints() const { return byQt_; }

private:
    bool paintOneLine(QPainter* painter, const QStyleOptionViewItem& opt) const;

    mutable qint64 oneLayout_ = 0;
    mutable qint64 byQt_ = 0;
};

// Gives `view` a OneLayoutDelegate (owned by the view) for its cells without a delegate of their own.
void paintCellsWithOneLayout(QAbstractItemView* view);

}  // namespace reconsole::ui
