#pragma once
// Paints a cell of one line of plain text exactly as QStyledItemDelegate does, with its text laid
// out once instead of three times.
//
// To paint a cell, Qt's common style lays its text out to size the text's rectangle, again to see
// whether it must be elided, and a third time to draw it; each time HarfBuzz shapes the text. In
// the orphan queue that is a quarter of a page's paint (bench_queue_jump, docs/benchmarks.md). A
// cell whose text fits is drawn here from one layout, at the position Qt's style computes; any
// other cell (an icon, a check box, focus, editing, wrapping, a line break, right-to-left text,
// spaces at an end, a text that must be elided, a selection not drawn behind the whole cell, a
// style other than Fusion) is painted by Qt. tst_one_layout_delegate compares the two pixel for
// pixel.
#include <QStyledItemDelegate>

class QAbstractItemView;

namespace reconsole::ui {

class OneLayoutDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // Cells painted from one layout, and by Qt, since the delegate was made (for tests).
    int oneLayoutPaints() const { return oneLayout_; }
    int qtPaints() const { return byQt_; }

private:
    bool paintFittingText(QPainter* painter, const QStyleOptionViewItem& opt) const;

    mutable int oneLayout_ = 0;
    mutable int byQt_ = 0;
};

// Gives `view` a OneLayoutDelegate (owned by the view) for its cells without a delegate of their own.
void paintCellsWithOneLayout(QAbstractItemView* view);

}  // namespace reconsole::ui
