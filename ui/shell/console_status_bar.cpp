#include "ui/shell/console_status_bar.h"

#include <QPaintEvent>
#include <QPainter>
#include <QSizeGrip>
#include <QStyleOption>

#include <algorithm>

namespace reconsole::ui {

ConsoleStatusBar::ConsoleStatusBar(QWidget* parent) : QStatusBar(parent)
{
    // As QMainWindow makes its own: the bar's contents never widen the window.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    connect(this, &QStatusBar::messageChanged, this, &QWidget::setToolTip);   // the whole of an elided one
}

QRect ConsoleStatusBar::messageRoom() const
{
    int right = width() - 6;
    // While a message shows, QStatusBar hides its other widgets: what is visible is permanent
    // (or the size grip, at the far right).
    for (const QWidget* child : permanentWidgets())
        right = std::min(right, child->x() - kGap);
    return QRect(6, 0, std::max(0, right - 6), height());
}

QList<QWidget*> ConsoleStatusBar::permanentWidgets() const
{
    QList<QWidget*> out;
    for (QWidget* child : findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly))
        if (child->isVisible())
            out << child;
    return out;
}

QString ConsoleStatusBar::shownMessage() const
{
    return fontMetrics().elidedText(currentMessage(), Qt::ElideRight, messageRoom().width());
}

void ConsoleStatusBar::paintEvent(QPaintEvent* event)
{
    if (currentMessage().isEmpty())
        return QStatusBar::paintEvent(event);
    // What QStatusBar paints with a message, the message elided to its room.
    QPainter p(this);
    QStyleOption opt;
    opt.initFrom(this);
    style()->drawPrimitive(QStyle::PE_PanelStatusBar, &opt, &p, this);
    for (QWidget* w : permanentWidgets()) {
        if (qobject_cast<QSizeGrip*>(w))
            continue;
        QStyleOption frame(0);
        frame.rect = w->geometry().adjusted(-2, -1, 2, 1);
        frame.palette = palette();
        frame.state = QStyle::State_None;
        if (event->rect().intersects(frame.rect))
            style()->drawPrimitive(QStyle::PE_FrameStatusBarItem, &frame, &p, w);
    }
    p.setPen(palette().windowText().color());
    p.drawText(messageRoom(), Qt::AlignLeading | Qt::AlignVCenter | Qt::TextSingleLine, shownMessage());
}

}  // namespace reconsole::ui
