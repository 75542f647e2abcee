#include "items/ops_worker.h"

#include "access/console_scope.h"
#include "ops/ops_store.h"
#include "store/database.h"

#include <QThread>

namespace reconsole::items {

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
    void close()
    {
        ctx_.reset();
        store_.reset();
        mirror_.reset();
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
      thread_(new QThread),
      executor_(new Executor(mirrorPath.toStdString(), opsSpec.toStdString(), signIn))
{
    thread_->setObjectName(QStringLiteral("ops-worker"));
    executor_->moveToThread(thread_);
    thread_->start();
}

OpsWorker::~OpsWorker()
{
    // Close the connections on their own thread, then stop the thread.
    QMetaObject::invokeMethod(executor_, [e = executor_] { e->close(); }, Qt::BlockingQueuedConnection);
    thread_->quit();
    thread_->wait();
    delete executor_;
    delete thread_;
}

void OpsWorker::post(QObject* context, Work work, std::function<void()> deliverFn, bool throughGate)
{
    const quint64 ticket = nextTicket_++;
    pending_.insert(ticket, Pending{context, std::move(deliverFn)});
    if (!gate_.isEmpty() && !throughGate) {
        // Closed: answered here, as a store that cannot be used, and never sent to the thread.
        work(nullptr, gate_, ops::pg::ServerFault::None);
        QMetaObject::invokeMethod(this, [this, ticket] { deliver(ticket, Fault{}); }, Qt::QueuedConnection);
        return;
    }
    QMetaObject::invokeMethod(
        executor_,
        [this, e = executor_, ticket, work = std::move(work)]() mutable {
            QString openError;
            auto openFault = ops::pg::ServerFault::None;
            ops::OpsContext* ctx = e->context(openError, openFault);
            const Fault fault = work(ctx, openError, openFault);
            QMetaObject::invokeMethod(this, [this, ticket, fault] { deliver(ticket, fault); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
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
