#pragma once
// Runs database reads on a thread of its own, with a connection of its own, and hands the
// results back on the owner's (GUI) thread. Each item model owns one, so a slow query in
// one screen never delays another, and the GUI thread never touches SQLite.
//
// A request that a newer one has replaced is cancelled: never delivered, skipped if it has
// not started, interrupted if it runs. Destroying the worker cancels everything it holds,
// so the destructor does not wait for a query to run to its end.
#include "store/store_error.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

class QThread;

namespace reconsole {
class Database;
}

namespace reconsole::items {

struct QueryRequest;

class MirrorWorker : public QObject {
    Q_OBJECT
public:
    using Ticket = quint64;   // 0 is never a request
    struct Stats {
        int interrupted = 0;   // stopped part way by SQLITE_INTERRUPT
        int skipped = 0;       // cancelled before they began
        int started = 0;       // requests begun on the connection
    };

    // Opens `mirrorPath` lazily on the worker thread, read-only.
    explicit MirrorWorker(const QString& mirrorPath, QObject* parent = nullptr);
    ~MirrorWorker() override;

    // Runs `job(Database&)` on the worker thread. `done(std::optional<R>, QString error)` is
    // called later on this object's thread, unless `context` has been destroyed by then or
    // the request was cancelled (then never).
    template <typename Job, typename Done>
    Ticket run(QObject* context, Job job, Done done)
    {
        using R = std::invoke_result_t<Job, Database&>;
        auto result = std::make_shared<std::optional<R>>();
        auto error = std::make_shared<QString>();
        return post(
            context,
            [job = std::move(job), result, error](Database* db, const QString& openError) mutable {
                if (!db) {
                    *error = openError;
                    return false;
                }
                try {
                    result->emplace(job(*db));
                } catch (const StoreError& e) {
                    if (interruptedQuery(e))
                        return true;   // cancelled: superseded, not an error to show
                    *error = QString::fromUtf8(e.what());
                } catch (const std::exception& e) {
                    *error = QString::fromUtf8(e.what());
                }
                return false;
            },
            [done = std::move(done), result, error]() mutable { done(std::move(*result), *error); });
    }

    // A newer request replaced `ticket`: drop it (a ticket already delivered is ignored).
    void cancel(Ticket ticket);

    QString mirrorPath() const { return path_; }
    Stats stats() const;

private:
    // `work` gets the connection, or null and the reason it could not be opened; it returns
    // true when its query was interrupted.
    Ticket post(QObject* context, std::function<bool(Database*, const QString&)> work, std::function<void()> deliver);
    void arrived(Ticket ticket);   // an answer is back: delivered through the DeliveryPacer
    void deliver(Ticket ticket);

    struct Pending {
        QPointer<QObject> context;
        std::function<void()> deliver;
        std::shared_ptr<QueryRequest> request;
    };
    struct Shared;
    class Executor;
    QString path_;
    std::shared_ptr<Shared> shared_;
    QThread* thread_ = nullptr;
    Executor* executor_ = nullptr;
    QHash<Ticket, Pending> pending_;
    Ticket nextTicket_ = 1;
};

}  // namespace reconsole::items
