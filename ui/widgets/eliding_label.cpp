#include "ui/widgets/eliding_label.h"

#include <QHelpEvent>
#include <QPainter>
#include <QStyle>
#include <QToolTip>

#include <algorithm>

namespace reconsole::ui {

ElidingLabel::ElidingLabel(QWidget* parent) : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setWordWrap(false);
}

void ElidingLabel::setNote(const QString& note) { note_ = note; }

QString ElidingLabel::shownText() const
{
    return fontMetrics().elidedText(text(), Qt::ElideRight, contentsRect().width());
}

QString ElidingLabel::composedToolTip() const
{
    if (!isElided())
        return note_;
    return note_.isEmpty() ? text() : text() + QStringLiteral("\n\n") + note_;
}

QSize ElidingLabel::minimumSizeHint() const
{
    const QSize full = QLabel::minimumSizeHint();
    const QFontMetrics fm = fontMetrics();
    const int head = fm.horizontalAdvance(text().left(kMinimumCharacters) + QStringLiteral("…"));
    const QMargins m = contentsMargins();
    return {std::min(full.width(), head + m.left() + m.right() + 2 * margin()), full.height()};
}

bool ElidingLabel::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        const QString tip = composedToolTip();
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(static_cast<QHelpEvent*>(event)->globalPos(), tip, this);
        return true;
    }
    return QLabel::event(event);
}

void ElidingLabel::paintEvent(QPaintEvent* event)
{
    const QString shown = shownText();   // elided once per paint, not once to ask and once to draw
    if (shown == text())
        return QLabel::paintEvent(event);
    QPainter painter(this);
    style()->drawItemText(&painter, contentsRect(), int(alignment()) | Qt::TextSingleLine, palette(), isEnabled(),
                          shown, foregroundRole());
}

}  // namespace reconsole::ui
