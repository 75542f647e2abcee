#include "items/ops_worker.h"

#include "access/console_scope.h"
#include "items/delivery_pacer.h"
#include "ops/ops_store.h"
#include "store/database.h"

#include <QDeadlineTimer>
#include <QThread>

#include <atomic>
#include <mutex>

namespace reconsole::items {

namespace {
// How long destroying the worker waits for a job that runs: a query, never a sign-in to a
// server that does not answer. Past it the job ends on its own and its answer is dropped.
constexpr int kTeardownWaitMs = 200;
}  // namespace

// What the worker thread and the owner share: the owner while it lives, and whether jobs that
// have not begun should still run (not once the owner is gone: nobody asked for them any more).
struct OpsWorker::Shared {
    std::mutex ownerMutex;
    OpsWorker* owner = nullptr;
    std::atomic<bool> closing = false;
};

// Lives on the worker thread; owns both connections, which stay on it.
class OpsWorker::Executor : public QObject {
public:
    Executor(std::string mirror, std::string spec, ops::ServerSignIn signIn)
        : mirrorPath_(std::move(mirror)), spec_(std::move(spec)), signIn_(std::move(signIn))
    {
    }

    // The context, opened on first use; null with `error` (and `fault`) set when either store
    // cannot be opened. A server that could not be reached is tried again by the next job.
    ops::OpsContext* context(QString& error, ops::pg::ServerFault& fault)
    {
        try {
            if (!mirror_) {
                mirror_ = std::make_unique<Database>(mirrorPath_, Database::Mode::ReadOnly);
                access::scopeReadConnection(*mirror_);   // the services filter a partner's reads through it
            }
            if (!store_)
                store_ = ops::openOpsStore(spec_, signIn_);
            if (!ctx_)
                ctx_ = std::make_unique<ops::OpsContext>(ops::OpsContext{*store_, *mirror_});
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
            fault = ops::pg::serverFaultOf(e);
            return nullptr;
        }
        return ctx_.get();
    }

private:
    std::string mirrorPath_, spec_;
    ops::ServerSignIn signIn_;   // kept in memory only, for opening the store again
    std::unique_ptr<Database> mirror_;
    std::unique_ptr<ops::OpsStore> store_;
    std::unique_ptr<ops::OpsContext> ctx_;
};

OpsWorker::OpsWorker(const QString& mirrorPath, const QString& opsSpec, QObject* parent)
    : OpsWorker(mirrorPath, opsSpec, ops::ServerSignIn{}, parent)
{
}

OpsWorker::OpsWorker(const QString& mirrorPath, const QString& opsSpec, const ops::ServerSignIn& signIn, QObject* parent)
    : QObject(parent),
      mirrorPath_(mirrorPath),
      opsSpec_(opsSpec),
      server_(ops::isServerSpec(opsSpec.toStdString())),
      shared_(std::make_shared<Shared>()),
      thread_(new QThread),
      executor_(new Executor(mirrorPath.toStdString(), opsSpec.toStdString(), signIn))
{
    shared_->owner = this;
    thread_->setObjectName(QStringLiteral("ops-worker"));
    executor_->moveToThread(thread_);
    // The executor, and with it both connections, goes on its own thread when the thread ends.
    connect(thread_, &QThread::finished, executor_, &QObject::deleteLater);
    thread_->start();
}

OpsWorker::~OpsWorker()
{
    {
        std::lock_guard lock(shared_->ownerMutex);
        shared_->owner = nullptr;   // nothing more is delivered here
    }
    shared_->closing = true;        // jobs not yet begun are dropped: one that runs ends as one transaction
    thread_->quit();
    if (thread_->wait(QDeadlineTimer(kTeardownWaitMs))) {
        delete thread_;
        return;
    }
    // Still in a job (a slow server, say): it ends and cleans up after itself, without blocking here.
    connect(thread_, &QThread::finished, thread_, &QObject::deleteLater);
}

void OpsWorker::post(QObject* context, Work work, std::function<void()> deliverFn, bool throughGate)
{
    const quint64 ticket = nextTicket_++;
    pending_.insert(ticket, Pending{context, std::move(deliverFn)});
    if (!gate_.isEmpty() && !throughGate) {
        // Closed: answered here, as a store that cannot be used, and never sent to the thread.
        work(nullptr, gate_, ops::pg::ServerFault::None);
        QMetaObject::invokeMethod(this, [this, ticket] { arrived(ticket, Fault{}); }, Qt::QueuedConnection);
        return;
    }
    QMetaObject::invokeMethod(
        executor_,
        [shared = shared_, e = executor_, ticket, work = std::move(work)]() mutable {
            if (shared->closing)
                return;
            QString openError;
            auto openFault = ops::pg::ServerFault::None;
            ops::OpsContext* ctx = e->context(openError, openFault);
            const Fault fault = work(ctx, openError, openFault);
            std::lock_guard lock(shared->ownerMutex);
            if (OpsWorker* owner = shared->owner)
                QMetaObject::invokeMethod(owner, [owner, ticket, fault] { owner->arrived(ticket, fault); },
                                          Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void OpsWorker::arrived(quint64 ticket, const Fault& fault)
{
    // Through the pacer, like the mirror's answers: an answer applied in the turn a screen
    // switch or another answer took made one turn of both (tst_soak). One whose context is gone
    // and that has no fault to report has nothing to apply: dropped without using a turn.
    const auto it = pending_.constFind(ticket);
    if (it != pending_.cend() && !it->context && fault.kind == ops::pg::ServerFault::None) {
        pending_.erase(it);
        return;
    }
    DeliveryPacer::addOrRun(this, QStringLiteral("operations store"), [this, ticket, fault] { deliver(ticket, fault); });
}

void OpsWorker::deliver(quint64 ticket, const Fault& fault)
{
    // The fault first: whoever reads the answer then knows the server is out of reach.
    if (server_ && fault.kind != ops::pg::ServerFault::None)
        emit serverFault(fault.kind, fault.why);
    const Pending p = pending_.take(ticket);
    if (p.context && p.deliver)
        p.deliver();
}

}  // namespace reconsole::items
