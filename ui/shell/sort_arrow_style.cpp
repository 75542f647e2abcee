#include "ui/shell/sort_arrow_style.h"

#include <QApplication>
#include <QStyleOption>

namespace reconsole::ui {

void SortArrowStyle::drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                                   const QWidget* widget) const
{
    const auto* header = qstyleoption_cast<const QStyleOptionHeader*>(option);
    if (element != PE_IndicatorHeaderArrow || !header || header->sortIndicator == QStyleOptionHeader::None) {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        return;
    }
    QStyleOptionHeader flipped(*header);
    flipped.sortIndicator = header->sortIndicator == QStyleOptionHeader::SortUp ? QStyleOptionHeader::SortDown
                                                                                : QStyleOptionHeader::SortUp;
    QProxyStyle::drawPrimitive(element, &flipped, painter, widget);
}

void useSortArrowStyle()
{
    if (!qobject_cast<SortArrowStyle*>(QApplication::style()))
        QApplication::setStyle(new SortArrowStyle(QApplication::style()->name()));
}

}  // namespace reconsole::ui
