#pragma once
// Runs database reads on a thread of its own, with a connection of its own, and hands the
// results back on the owner's (GUI) thread. Each item model owns one, so a slow query in
// one screen never delays another, and the GUI thread never touches SQLite.
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

class MirrorWorker : public QObject {
    Q_OBJECT
public:
    // Opens `mirrorPath` lazily on the worker thread, read-only.
    explicit MirrorWorker(const QString& mirrorPath, QObject* parent = nullptr);
    ~MirrorWorker() override;

    // Runs `job(Database&)` on the worker thread. `done(std::optional<R>, QString error)` is
    // called later on this object's thread, unless `context` has been destroyed by then.
    template <typename Job, typename Done>
    void run(QObject* context, Job job, Done done)
    {
        using R = std::invoke_result_t<Job, Database&>;
        auto result = std::make_shared<std::optional<R>>();
        auto error = std::make_shared<QString>();
        post(
            context,
            [job = std::move(job), result, error](Database* db, const QString& openError) mutable {
                if (!db) {
                    *error = openError;
                    return;
                }
                try {
                    result->emplace(job(*db));
                } catch (const std::exception& e) {
                    *error = QString::fromUtf8(e.what());
                }
            },
            [done = std::move(done), result, error]() mutable { done(std::move(*result), *error); });
    }

    QString mirrorPath() const { return path_; }

private:
    // `work` gets the connection, or null and the reason it could not be opened.
    void post(QObject* context, std::function<void(Database*, const QString&)> work, std::function<void()> deliver);
    void deliver(quint64 ticket);

    struct Pending {
        QPointer<QObject> context;
        std::function<void()> deliver;
    };
    class Executor;
    QString path_;
    QThread* thread_ = nullptr;
    Executor* executor_ = nullptr;
    QHash<quint64, Pending> pending_;
    quint64 nextTicket_ = 1;
};

}  // namespace reconsole::items
