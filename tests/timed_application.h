#pragma once
// A QApplication that times, in GUI-thread CPU, every event it delivers from the event loop
// (the outermost delivery; nested ones are part of it) and remembers the costliest few, with
// their receiver and event type: what the soak reports when the GUI thread was busy too long.
// Within a delivery, each widget's paint event is timed too, so a costly window paint says
// which widgets it was spent on.
#include "gui_watchdog.h"

#include <QApplication>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QMetaEnum>
#include <QPaintEvent>
#include <QThread>

#include <algorithm>
#include <vector>

namespace reconsole::test {

class TimedApplication : public QApplication {
public:
    using QApplication::QApplication;

    struct Costly {
        double cpuMs = 0;
        QString what;
    };

    bool notify(QObject* receiver, QEvent* event) override
    {
        if (QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        if (depth_ > 0)
            return event->type() == QEvent::Paint && receiver->isWidgetType() ? timePaint(receiver, event)
                                                                              : QApplication::notify(receiver, event);
        // Named before the delivery: a DeferredDelete destroys its receiver.
        const Target target{receiver->metaObject(), nameOf(receiver), event->type()};
        paints_.clear();
        ++depth_;
        const double before = threadCpuMs();
        const bool handled = QApplication::notify(receiver, event);
        const double spent = threadCpuMs() - before;
        --depth_;
        if (recording_ && spent > threshold())
            note(spent, target);
        if (recording_ && spent >= kGapPartMs)
            gap_ << QStringLiteral("%1 ms %2%3").arg(spent, 0, 'f', 1).arg(describe(target), describePaints());
        return handled;
    }

    // The deliveries of 1 ms or more since the last call, in order; for GuiWatchdog's gaps.
    QString takeGap()
    {
        const QString parts = gap_.join(QStringLiteral(", "));
        gap_.clear();
        return parts;
    }
    // Work the test itself did on the GUI thread outside any delivery, named in the next gap.
    void noteOutsideWork(double cpuMs, const QString& what)
    {
        if (recording_ && cpuMs >= kGapPartMs)
            gap_ << QStringLiteral("%1 ms %2").arg(cpuMs, 0, 'f', 1).arg(what);
    }

    void startRecording() { costly_.clear(); recording_ = true; }
    void stopRecording() { recording_ = false; }
    // The costliest deliveries, most expensive first.
    const std::vector<Costly>& costliest() const { return costly_; }
    QString describeCostliest(int count = 5) const
    {
        QStringList parts;
        for (int i = 0; i < std::min<int>(count, int(costly_.size())); ++i)
            parts << QStringLiteral("%1 ms %2").arg(costly_[size_t(i)].cpuMs, 0, 'f', 1).arg(costly_[size_t(i)].what);
        return parts.join(QStringLiteral("; "));
    }

private:
    // Kept raw and named only when reported, so the timing adds little to the paint it times.
    struct Paint {
        double cpuMs;
        const QMetaObject* meta;
        QString name;
        QRect rect;
    };
    bool timePaint(QObject* widget, QEvent* event)
    {
        if (!recording_)
            return QApplication::notify(widget, event);
        Paint paint{0, widget->metaObject(), widget->objectName(), static_cast<QPaintEvent*>(event)->rect()};
        const double before = threadCpuMs();
        const bool handled = QApplication::notify(widget, event);
        paint.cpuMs = threadCpuMs() - before;
        paints_.push_back(std::move(paint));
        return handled;
    }
    // " [41 paints; 6.3 ms QWidget 'qt_scrollarea_viewport' 1236×226; …]": the costliest three.
    QString describePaints()
    {
        if (paints_.empty())
            return {};
        std::sort(paints_.begin(), paints_.end(), [](const Paint& a, const Paint& b) { return a.cpuMs > b.cpuMs; });
        QStringList parts{QStringLiteral("%1 paints").arg(paints_.size())};
        for (size_t i = 0; i < std::min<size_t>(3, paints_.size()); ++i)
            parts << QStringLiteral("%1 ms %2 '%3' %4×%5")
                         .arg(paints_[i].cpuMs, 0, 'f', 1)
                         .arg(QString::fromLatin1(paints_[i].meta->className()), paints_[i].name)
                         .arg(paints_[i].rect.width())
                         .arg(paints_[i].rect.height());
        return QStringLiteral(" [%1]").arg(parts.join(QStringLiteral("; ")));
    }

    double threshold() const { return costly_.size() < kKept ? 0.5 : costly_.back().cpuMs; }
    struct Target {
        const QMetaObject* meta;
        QString name;
        QEvent::Type type;
    };
    void note(double spent, const Target& target)
    {
        Costly c{spent, describe(target)};
        costly_.insert(std::upper_bound(costly_.begin(), costly_.end(), c,
                                        [](const Costly& a, const Costly& b) { return a.cpuMs > b.cpuMs; }),
                       std::move(c));
        if (costly_.size() > kKept)
            costly_.pop_back();
    }

    // A chart's scene has no name of its own: its view's says which chart it is.
    static QString nameOf(QObject* receiver)
    {
        if (auto* scene = qobject_cast<QGraphicsScene*>(receiver); scene && receiver->objectName().isEmpty())
            return scene->views().isEmpty() ? QString() : QStringLiteral("view ") + scene->views().constFirst()->objectName();
        return receiver->objectName();
    }

    static QString describe(const Target& target)
    {
        const char* type = QMetaEnum::fromType<QEvent::Type>().valueToKey(target.type);
        return QStringLiteral("%1 to %2 '%3'")
            .arg(QString::fromLatin1(type ? type : "?"), QString::fromLatin1(target.meta->className()), target.name);
    }

    static constexpr size_t kKept = 8;
    static constexpr double kGapPartMs = 1.0;
    QStringList gap_;
    std::vector<Paint> paints_;   // the widgets painted within the current delivery
    int depth_ = 0;
    bool recording_ = false;
    std::vector<Costly> costly_;
};

}  // namespace reconsole::test
