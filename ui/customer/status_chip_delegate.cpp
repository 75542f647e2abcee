#include "ui/customer/status_chip_delegate.h"

#include "items/timeline_labels.h"
#include "items/timeline_model.h"

#include <QApplication>
#include <QPainter>

namespace reconsole::ui {
namespace {

using items::ChipTone;

struct ChipColors {
    QColor background, text;
};

ChipColors colorsFor(ChipTone tone)
{
    switch (tone) {
    case ChipTone::Good: return {QColor(0xdf, 0xf2, 0xe3), QColor(0x1b, 0x5e, 0x20)};
    case ChipTone::Bad: return {QColor(0xf9, 0xd6, 0xd5), QColor(0xa3, 0x1d, 0x1d)};
    case ChipTone::Waiting: return {QColor(0xff, 0xec, 0xc7), QColor(0x7a, 0x4a, 0x00)};
    case ChipTone::Neutral: return {QColor(0xe6, 0xe6, 0xe6), QColor(0x45, 0x45, 0x45)};
    case ChipTone::None: break;
    }
    return {};
}

ChipTone toneOf(const QModelIndex& index)
{
    const QVariant v = index.data(items::TimelineModel::ChipToneRole);
    return v.isValid() ? static_cast<ChipTone>(v.toInt()) : ChipTone::None;
}

constexpr int kPadX = 8, kPadY = 2, kMargin = 4;

}  // namespace

void StatusChipDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const ChipTone tone = toneOf(index);
    const QString text = index.data(Qt::DisplayRole).toString();
    if (tone == ChipTone::None || text.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The cell's background and selection as usual, then the chip instead of the text.
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    cell.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, widget);

    QFont font = cell.font;
    font.setPointSizeF(font.pointSizeF() * 0.92);
    const QFontMetrics metrics(font);
    const int width = std::min(metrics.horizontalAdvance(text) + 2 * kPadX, option.rect.width() - 2 * kMargin);
    const int height = std::min(metrics.height() + 2 * kPadY, option.rect.height() - 2);
    const QRect chip(option.rect.left() + kMargin, option.rect.center().y() - height / 2 + 1, width, height);
    const ChipColors colors = colorsFor(tone);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colors.background);
    painter->drawRoundedRect(chip, height / 2.0, height / 2.0);
    painter->setPen(colors.text);
    painter->setFont(font);
    painter->drawText(chip, Qt::AlignCenter, metrics.elidedText(text, Qt::ElideRight, chip.width() - 4));
    painter->restore();
}

QSize StatusChipDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (toneOf(index) != ChipTone::None)
        size.rwidth() += chipExtraWidth();
    return size;
}

int StatusChipDelegate::chipExtraWidth() { return 2 * (kPadX + kMargin); }

}  // namespace reconsole::ui
