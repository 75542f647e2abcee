#include "ui/shell/paint_pacer.h"

#include "items/delivery_pacer.h"

#include <QCoreApplication>
#include <QEvent>
#include <QWidget>

namespace reconsole::ui {

PaintPacer::PaintPacer(QWidget* window) : QObject(window), window_(window)
{
    window->installEventFilter(this);
}

void PaintPacer::paintNow()
{
    pending_ = false;
    painting_ = true;
    QEvent request(QEvent::UpdateRequest);   // the window paints every region made dirty since
    QCoreApplication::sendEvent(window_, &request);
    painting_ = false;
}

bool PaintPacer::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != window_ || event->type() != QEvent::UpdateRequest || painting_)
        return QObject::eventFilter(watched, event);
    items::DeliveryPacer* turns = items::DeliveryPacer::forApplicationThread();
    if (!turns)
        return false;   // no loop of ours to wait for: Qt paints now
    if (!pending_) {
        pending_ = true;
        turns->addFirst(this, QStringLiteral("window paint"), [this] {
            if (pending_)
                paintNow();
        });
    }
    return true;
}

}  // namespace reconsole::ui
