#pragma once
// One rule for every table header's sort arrow: ▲ when the smallest value is on top
// (ascending), ▼ when the largest is. Qt hands the style SortDown for Qt::AscendingOrder and
// Fusion draws SortUp as ▲, so the queue's default "oldest first" (age descending) showed ▲
// over ages that fall down the column. It must not change how item cells are drawn:
// OneLayoutDelegate (ui/widgets/one_layout_delegate.h) draws them as Fusion does.
#include <QProxyStyle>

namespace reconsole::ui {

class SortArrowStyle : public QProxyStyle {
    Q_OBJECT
public:
    using QProxyStyle::QProxyStyle;
    void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                       const QWidget* widget = nullptr) const override;
};

// Makes the application's style a SortArrowStyle over the one in use (once).
void useSortArrowStyle();

}  // namespace reconsole::ui
