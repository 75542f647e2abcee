#include "ui/widgets/one_layout_delegate.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QFontMetrics>
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
        return c.unicode() < 0x20 || (c.unicode() >= 0x7f && c.unicode() < 0xa0) || c == QChar::LineSeparator ||
               c == QChar::ParagraphSeparator;
    }
}

// Text Qt lays out as one left-to-right line whatever the line's width: no control characters
// (a tab, a line break), no right-to-left characters of the BMP, no space at either end.
bool isPlainLine(const QString& text)
{
    if (text.isEmpty() || text.front().isSpace() || text.back().isSpace())
        return false;
    for (const QChar c : text) {
        if (c.unicode() >= 0x20 && c.unicode() < 0x7f)
            continue;   // ASCII: never right-to-left
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

// Lays `layout`'s text out as one line of `width` at the layout's origin, as Qt's
// viewItemTextLayout lays out a cell's first line; the shaping is kept for the drawing.
QTextLine layOutLine(QTextLayout& layout, const QTextOption& option, int width)
{
    layout.setTextOption(option);
    layout.setCacheEnabled(true);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    line.setLineWidth(width);
    line.setPosition(QPointF(0, 0));
    layout.endLayout();
    return line;
}

}  // namespace

void OneLayoutDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
    if (isPlainCell(opt) && isFusion(style) && paintOneLine(painter, opt)) {
        ++oneLayout_;
        return;
    }
    ++byQt_;
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
}

// What QCommonStyle's CE_ItemViewItem does for a cell of text alone (viewItemDrawText and
// calculateElidedText): the text's rectangle is the whole cell less a margin each side, the line is
// laid out at that width and placed by the cell's alignment; a text wider than the line is drawn
// elided, as QFontMetrics elides it (the same QTextEngine::elidedText). Laid out once, its shaping
// kept for the drawing. Returns false, having painted nothing, if the text is not one line.
bool OneLayoutDelegate::paintOneLine(QPainter* painter, const QStyleOptionViewItem& opt) const
{
    const QWidget* widget = opt.widget;
    const QStyle* style = widget ? widget->style() : QApplication::style();
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect lineRect = opt.rect.adjusted(margin, 0, -margin, 0);
    QTextOption textOption;
    textOption.setWrapMode(QTextOption::ManualWrap);
    textOption.setTextDirection(opt.direction);
    textOption.setAlignment(QStyle::visualAlignment(opt.direction, opt.displayAlignment));
    QTextLayout layout(opt.text, opt.font);
    const QTextLine line = layOutLine(layout, textOption, lineRect.width());
    if (line.textStart() != 0 || line.textLength() != opt.text.size())
        return false;   // more than one line: Qt's own
    // The top of the line's box, centred (or not) in the cell as Qt centres it.
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
    if (line.naturalTextWidth() <= lineRect.width()) {
        layout.draw(painter, QPointF(lineRect.x(), top));
    } else {
        QTextLayout elided(QFontMetrics(opt.font).elidedText(opt.text, opt.textElideMode, lineRect.width()), opt.font);
        layOutLine(elided, textOption, lineRect.width());
        elided.draw(painter, QPointF(lineRect.x(), top));
    }
    painter->restore();
    return true;
}

void paintCellsWithOneLayout(QAbstractItemView* view) { view->setItemDelegate(new OneLayoutDelegate(view)); }

}  // namespace reconsole::ui
