#include "items/ops_live_feed.h"

#include "ops/pg/pg_listener.h"

#include <QMetaObject>

namespace reconsole::items {

OpsLiveFeed::OpsLiveFeed(const QString& conninfo, const ops::ServerSignIn& signIn, QObject* parent)
    : QObject(parent), listener_(std::make_unique<ops::pg::PgListener>(conninfo.toStdString(), signIn))
{
    ops::pg::PgListener* listener = listener_.get();
    // Signals are queued to this object: they are dropped if it goes first (the thread is
    // joined in the destructor, before QObject removes the events still posted to it).
    ops::pg::PgListener::Handlers handlers;
    handlers.notified = [this](const ops::pg::Notification& n) {
        const QString table = QString::fromStdString(n.payload);
        QMetaObject::invokeMethod(this, [this, table] { emit changed(table); }, Qt::QueuedConnection);
    };
    handlers.link = [this, listener](bool up, const std::string& why) {
        const QString text = QString::fromStdString(why);
        const bool refused = !up && listener->signInRefused();
        QMetaObject::invokeMethod(this, [this, up, text, refused] { emit linkChanged(up, text, refused); },
                                  Qt::QueuedConnection);
    };
    thread_ = std::thread([listener, handlers] { listener->run(handlers); });
}

OpsLiveFeed::~OpsLiveFeed()
{
    listener_->stop();
    if (thread_.joinable())
        thread_.join();
}

}  // namespace reconsole::items
