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
};

}  // namespace reconsole::ui
