#pragma once
// ScreenshotRunner::await, for the runner's sources (screenshot_runner.cpp, screenshot_catalog_steps.cpp,
// screenshot_case_steps.cpp): each waits on signals of its own screens.
#include "ui/shell/screenshot_runner.h"

#include <QTimer>

#include <memory>

namespace reconsole::ui {

// One await in flight: finished once, by its signal or its time limit.
struct ScreenshotWait {
    bool done = false;
    QMetaObject::Connection connection;
    QTimer* timer = nullptr;
};

template <typename Sender, typename Signal>
void ScreenshotRunner::await(const QString& what, std::function<bool()> ready, Sender* sender, Signal signal,
                             std::function<void()> next, std::function<void()> trigger)
{
    auto wait = std::make_shared<ScreenshotWait>();
    auto finish = [this, wait, what, next](bool timedOut) {
        if (wait->done)
            return;
        wait->done = true;
        disconnect(wait->connection);
        wait->timer->stop();
        wait->timer->deleteLater();
        if (timedOut)
            problems_ << what;
        // Let the layouts and repaints the load caused happen before the grab.
        QTimer::singleShot(30, this, next);
    };
    wait->timer = new QTimer(this);
    wait->timer->setSingleShot(true);
    connect(wait->timer, &QTimer::timeout, this, [finish] { finish(true); });
    wait->connection = connect(sender, signal, this, [ready, finish] {
        if (ready())
            finish(false);
    });
    wait->timer->start(timeoutMs_);
    if (trigger)
        trigger();
    if (ready())
        finish(false);
}

}  // namespace reconsole::ui
