#include "ui/widgets/wrapping_label.h"

#include <QEvent>
#include <QMovie>
#include <QPicture>
#include <QPixmap>

namespace reconsole::ui {

WrappingLabel::WrappingLabel(QWidget* parent) : WrappingLabel(QString(), parent) {}

WrappingLabel::WrappingLabel(const QString& text, QWidget* parent) : QLabel(text, parent)
{
    setWordWrap(true);
}

WrappingLabel::Shape WrappingLabel::shape() const
{
    return {text(),           font(),          contentsMargins(),        frameWidth(),
            margin(),         indent(),        minimumSize(),            maximumWidth(),
            alignment(),      layoutDirection(), textFormat(),           textInteractionFlags(),
            wordWrap(),       buddy() != nullptr, pixmap().isNull() && !movie() && picture().isNull()};
}

int WrappingLabel::heightForWidth(int width) const
{
    Shape now = shape();
    if (!(now == shapeKnown_)) {
        shapeKnown_ = std::move(now);
        known_.fill({});
    }
    for (const Known& k : known_)
        if (k.width == width)
            return k.height;
    ++layouts_;
    const int height = QLabel::heightForWidth(width);
    known_[next_] = {width, height};
    next_ = (next_ + 1) % known_.size();
    return height;
}

// A style or font change can change the text's layout without changing the font compared
// (a style sheet's font is resolved later): forget every height.
void WrappingLabel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::StyleChange || event->type() == QEvent::FontChange)
        known_.fill({});
    QLabel::changeEvent(event);
}

}  // namespace reconsole::ui
