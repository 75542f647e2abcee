#include "items/delivery_pacer.h"

#include <QCoreApplication>
#include <QThread>

namespace reconsole::items {

DeliveryPacer* DeliveryPacer::forApplicationThread()
{
    QCoreApplication* app = QCoreApplication::instance();
    if (!app || QThread::currentThread() != app->thread())
        return nullptr;
    static QPointer<DeliveryPacer> pacer;   // gone with the application; a new one for the next
    if (!pacer)
        pacer = new DeliveryPacer(app);
    return pacer;
}

void DeliveryPacer::addOrRun(QObject* receiver, const QString& whose, std::function<void()> delivery)
{
    if (DeliveryPacer* pacer = forApplicationThread())
        pacer->add(receiver, whose, std::move(delivery));
    else
        delivery();
}

DeliveryPacer::DeliveryPacer(QObject* parent) : QObject(parent)
{
    timer_.setSingleShot(true);
    timer_.setInterval(1);
    timer_.setTimerType(Qt::PreciseTimer);
    connect(&timer_, &QTimer::timeout, this, &DeliveryPacer::deliverNext);
}

void DeliveryPacer::add(QObject* receiver, const QString& whose, std::function<void()> delivery)
{
    queue_.push_back(Delivery{receiver, whose, std::move(delivery)});
    if (!timer_.isActive())
        arm();
}

void DeliveryPacer::addFirst(QObject* receiver, const QString& whose, std::function<void()> delivery)
{
    const bool behindOne = lastWentAhead_ && !queue_.empty();
    queue_.insert(queue_.begin() + (behindOne ? 1 : 0), Delivery{receiver, whose, std::move(delivery), true});
    if (!timer_.isActive())
        arm();
    else
        timer_.setObjectName(queue_.front().whose);   // the timer already armed runs it: a profile names it
}

void DeliveryPacer::arm()
{
    timer_.setObjectName(queue_.front().whose);
    timer_.start();
}

void DeliveryPacer::deliverNext()
{
    while (!queue_.empty() && !queue_.front().receiver)
        queue_.pop_front();   // its model went away: nothing to apply, no turn to spend
    if (queue_.empty())
        return;
    const Delivery next = std::move(queue_.front());
    queue_.pop_front();
    lastWentAhead_ = next.ahead;
    if (!queue_.empty())
        arm();   // before delivering: a delivery that opens a dialog still lets the rest through
    next.run();
}

}  // namespace reconsole::items
