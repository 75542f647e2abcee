#pragma once
// The shared server's announcements of changes, heard on a thread of its own (ops::pg::PgListener
// on its own connection) and handed to the owner's (GUI) thread as signals. It reconnects by
// itself with a backoff; `linkChanged` says when it is up or down.
#include "ops/ops_store.h"

#include <QObject>
#include <QString>

#include <memory>
#include <thread>

namespace reconsole::ops::pg {
class PgListener;
}

namespace reconsole::items {

class OpsLiveFeed : public QObject {
    Q_OBJECT
public:
    // Starts listening at once. `conninfo` and `signIn` as for the store.
    OpsLiveFeed(const QString& conninfo, const ops::ServerSignIn& signIn, QObject* parent = nullptr);
    // Stops the thread (at once: the listener wakes on stop) and waits for it.
    ~OpsLiveFeed() override;

signals:
    void changed(const QString& table);
    // `up`: listening (after a drop, changes may have been missed meanwhile). Down: why, never
    // with a password; `signInRefused` when the server refused the sign-in (no retry follows).
    void linkChanged(bool up, const QString& why, bool signInRefused);

private:
    std::unique_ptr<ops::pg::PgListener> listener_;
    std::thread thread_;
};

}  // namespace reconsole::items
