#pragma once
// Paints a status as a small rounded chip coloured by its tone (TimelineModel::ChipToneRole):
// green done, red failed or missing, amber waiting, grey cancelled. Cells without a tone
// are painted as usual.
#include <QStyledItemDelegate>

namespace reconsole::ui {

class StatusChipDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    // What a chip adds to its text's width: its padding and its margin, either side.
    static int chipExtraWidth();
};

}  // namespace reconsole::ui
