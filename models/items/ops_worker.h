#pragma once
// Runs operations-store work on a thread of its own, like MirrorWorker: the thread opens,
// lazily, the operations store (ops::openOpsStore) and a read-only connection to the mirror,
// runs `job(ops::OpsContext&)` there and hands the result back on the owner's (GUI) thread,
// through the DeliveryPacer there (one answer per turn of its loop, in one queue with the
// mirror's).
// Answers for a context destroyed meanwhile are dropped. Jobs run one at a time, in the
// order posted, so an action followed by a reload reads what the action wrote.
// On a shared server, a job that failed because the server is out of reach (or refused the
// sign-in) is also reported as serverFault, before its answer is delivered.
// Destroying the worker waits at most 200 ms for a job that runs (it then ends on its own, one
// transaction or nothing, its answer dropped); jobs not yet begun are dropped.
#include "ops/ops_context.h"
#include "ops/ops_store.h"
#include "ops/pg/pg_fault.h"

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

namespace reconsole::items {

class OpsWorker : public QObject {
    Q_OBJECT
public:
    // `opsSpec`: what ops::openOpsStore opens (a path or a server URI), signed in with `signIn`
    // on a server; `mirrorPath` is opened read-only.
    OpsWorker(const QString& mirrorPath, const QString& opsSpec, QObject* parent = nullptr);
    OpsWorker(const QString& mirrorPath, const QString& opsSpec, const ops::ServerSignIn& signIn,
              QObject* parent = nullptr);
    ~OpsWorker() override;

    // Runs `job(ops::OpsContext&)` on the worker thread. `done(std::optional<R>, QString error)`
    // is called later on this object's thread, unless `context` has been destroyed by then.
    // `error` says why the store or the mirror could not be opened or used (a StoreError):
    // a message to show, never a reason to retry the action later.
    template <typename Job, typename Done>
    void run(QObject* context, Job job, Done done)
    {
        runGated(context, std::move(job), std::move(done), false);
    }
    // For signing in and unlocking only: runs even while the gate is closed.
    template <typename Job, typename Done>
    void runThroughGate(QObject* context, Job job, Done done)
    {
        runGated(context, std::move(job), std::move(done), true);
    }

    // The gate: while closed (a reason given) every job posted with run() is answered with that
    // reason as its error, without reaching the store: nobody signed in, or the session locked.
    // Empty: open.
    void closeGate(const QString& reason) { gate_ = reason; }
    void openGate() { gate_.clear(); }
    bool gateClosed() const { return !gate_.isEmpty(); }

    QString mirrorPath() const { return mirrorPath_; }

    QString opsSpec() const { return opsSpec_; }
    // Jobs posted and not yet delivered (for tests and the screenshot runner).
    int pendingJobs() const { return int(pending_.size()); }

signals:
    // A job failed because the server is out of reach or refused the sign-in (never for the
    // embedded store). `why` is the store's message, which never carries a password.
    void serverFault(reconsole::ops::pg::ServerFault fault, const QString& why);

private:
    template <typename Job, typename Done>
    void runGated(QObject* context, Job job, Done done, bool throughGate)
    {
        using R = std::invoke_result_t<Job, ops::OpsContext&>;
        auto result = std::make_shared<std::optional<R>>();
        auto error = std::make_shared<QString>();
        post(
            context,
            [job = std::move(job), result, error](ops::OpsContext* ctx, const QString& openError,
                                                  ops::pg::ServerFault openFault) mutable {
                if (!ctx) {
                    *error = openError;
                    return Fault{openFault, openError};
                }
                try {
                    result->emplace(job(*ctx));
                } catch (const std::exception& e) {
                    *error = QString::fromUtf8(e.what());
                    return Fault{ops::pg::serverFaultOf(e), *error};
                }
                return Fault{};
            },
            [done = std::move(done), result, error]() mutable { done(std::move(*result), *error); }, throughGate);
    }

    struct Fault {
        ops::pg::ServerFault kind = ops::pg::ServerFault::None;
        QString why;
    };
    using Work = std::function<Fault(ops::OpsContext*, const QString&, ops::pg::ServerFault)>;
    void post(QObject* context, Work work, std::function<void()> deliver, bool throughGate);
    void arrived(quint64 ticket, const Fault& fault);
    void deliver(quint64 ticket, const Fault& fault);

    struct Pending {
        QPointer<QObject> context;
        std::function<void()> deliver;
    };
    class Executor;
    struct Shared;
    QString mirrorPath_, opsSpec_;
    bool server_ = false;
    std::shared_ptr<Shared> shared_;
    QThread* thread_ = nullptr;
    Executor* executor_ = nullptr;
    QHash<quint64, Pending> pending_;
    quint64 nextTicket_ = 1;
    QString gate_;
};

}  // namespace reconsole::items
