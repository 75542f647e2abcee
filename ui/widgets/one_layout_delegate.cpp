#include "ui/widgets/one_layout_delegate.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QPainter>
#include <QProxyStyle>
#include <QTextLayout>

namespace reconsole::ui {

namespace {

// Fusion (the console's style on Linux) draws item cells with QCommonStyle's CE_ItemViewItem,
// which this mirrors; other styles may draw them their own way.
bool isFusion(const QStyle* style)
{
    while (const auto* proxy = qobject_cast<const QProxyStyle*>(style))
        style = proxy->baseStyle();
    return style->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) == 0;
}

bool isRightToLeftOrControl(QChar c)
{
    switch (c.direction()) {
    case QChar::DirR:
    case QChar::DirAL:
    case QChar::DirAN:
    case QChar::DirRLE:
    case QChar::DirRLO:
    case QChar::DirLRE:
    case QChar::DirLRO:
    case QChar::DirPDF:
    case QChar::DirRLI:
    case QChar::DirLRI:
    case QChar::DirFSI:
    case QChar::DirPDI:
        return true;
    default:
        return c.unicode() < 0x20 || c == QChar::LineSeparator || c == QChar::ParagraphSeparator;
    }
}

// One line of left-to-right text with no space at either end: its natural width is its advance,
// and Qt lays it out as one line whatever the line's width.
bool isPlainLine(const QString& text)
{
    if (text.isEmpty() || text.front().isSpace() || text.back().isSpace())
        return false;
    for (const QChar c : text) {
        if (c.unicode() >= 0x20 && c.unicode() < 0x0590)
            continue;   // Latin, Greek, Cyrillic: never right-to-left
        if (isRightToLeftOrControl(c))
            return false;
    }
    return true;
}

bool isPlainCell(const QStyleOptionViewItem& opt)
{
    constexpr auto kOthers = QStyleOptionViewItem::WrapText | QStyleOptionViewItem::HasCheckIndicator |
                             QStyleOptionViewItem::HasDecoration;
    return (opt.features & QStyleOptionViewItem::HasDisplay) && !(opt.features & kOthers) &&
           !(opt.state & (QStyle::State_HasFocus | QStyle::State_Editing)) && opt.direction == Qt::LeftToRight &&
           opt.decorationPosition == QStyleOptionViewItem::Left && opt.showDecorationSelected && isPlainLine(opt.text);
}

}  // namespace

void OneLayoutDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
    if (isPlainCell(opt) && isFusion(style) && paintFittingText(painter, opt)) {
        ++oneLayout_;
        return;
    }
    ++byQt_;
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
}

// What QCommonStyle's CE_ItemViewItem does for a cell of text alone (the text's position from
// viewItemDrawText and calculateElidedText), with one layout from the sizing to the drawing.
// Returns false, having painted nothing, when the text does not fit.
bool OneLayoutDelegate::paintFittingText(QPainter* painter, const QStyleOptionViewItem& opt) const
{
    const QWidget* widget = opt.widget;
    const QStyle* style = widget ? widget->style() : QApplication::style();

    // Laid out unbounded first, for the text's natural width; then, the text's rectangle known,
    // laid out again at the line's width as Qt's line is (HarfBuzz's shaping is kept from the
    // first time), so that QTextEngine aligns it as it aligns Qt's.
    QTextLayout layout(opt.text, opt.font);
    QTextOption textOption;
    textOption.setWrapMode(QTextOption::ManualWrap);
    textOption.setTextDirection(opt.direction);
    textOption.setAlignment(QStyle::visualAlignment(opt.direction, opt.displayAlignment));
    layout.setTextOption(textOption);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    line.setLineWidth(QWIDGETSIZE_MAX);
    const qreal natural = line.naturalTextWidth();

    // viewItemDrawText: the text's rectangle (the whole cell, the selection being drawn behind
    // all of it: showDecorationSelected) less the margins, the line's width, and its top.
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect lineRect = opt.rect.adjusted(margin, 0, -margin, 0);
    if (natural > lineRect.width()) {
        layout.endLayout();
        return false;   // elided: Qt's own
    }
    line.setLineWidth(lineRect.width());
    line.setPosition(QPointF(0, 0));
    layout.endLayout();
    const int layoutHeight = layout.boundingRect().size().toSize().height();
    const int top = QStyle::alignedRect(Qt::LayoutDirectionAuto, opt.displayAlignment,
                                        QSize(lineRect.width(), layoutHeight), lineRect).top();

    painter->save();
    painter->setClipRect(opt.rect);
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);
    QPalette::ColorGroup group = opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    if (group == QPalette::Normal && !(opt.state & QStyle::State_Active))
        group = QPalette::Inactive;
    painter->setPen(opt.palette.color(group, opt.state & QStyle::State_Selected ? QPalette::HighlightedText : QPalette::Text));
    layout.draw(painter, QPointF(lineRect.x(), top));
    painter->restore();
    return true;
}

void paintCellsWithOneLayout(QAbstractItemView* view) { view->setItemDelegate(new OneLayoutDelegate(view)); }

}  // namespace reconsole::ui
