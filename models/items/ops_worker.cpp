#include "items/ops_worker.h"

#include "ops/ops_store.h"
#include "store/database.h"

#include <QThread>

namespace reconsole::items {

// Lives on the worker thread; owns both connections, which stay on it.
class OpsWorker::Executor : public QObject {
public:
    Executor(std::string mirror, std::string spec) : mirrorPath_(std::move(mirror)), spec_(std::move(spec)) {}

    // The context, opened on first use; null with `error` set when either store cannot be opened.
    ops::OpsContext* context(QString& error)
    {
        try {
            if (!mirror_)
                mirror_ = std::make_unique<Database>(mirrorPath_, Database::Mode::ReadOnly);
            if (!store_)
                store_ = ops::openOpsStore(spec_);
            if (!ctx_)
                ctx_ = std::make_unique<ops::OpsContext>(ops::OpsContext{*store_, *mirror_});
        } catch (const std::exception& e) {
            error = QString::fromUtf8(e.what());
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
    std::unique_ptr<Database> mirror_;
    std::unique_ptr<ops::OpsStore> store_;
    std::unique_ptr<ops::OpsContext> ctx_;
};

OpsWorker::OpsWorker(const QString& mirrorPath, const QString& opsSpec, QObject* parent)
    : QObject(parent),
      mirrorPath_(mirrorPath),
      opsSpec_(opsSpec),
      thread_(new QThread),
      executor_(new Executor(mirrorPath.toStdString(), opsSpec.toStdString()))
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

void OpsWorker::post(QObject* context, std::function<void(ops::OpsContext*, const QString&)> work,
                     std::function<void()> deliverFn)
{
    const quint64 ticket = nextTicket_++;
    pending_.insert(ticket, Pending{context, std::move(deliverFn)});
    QMetaObject::invokeMethod(
        executor_,
        [this, e = executor_, ticket, work = std::move(work)]() mutable {
            QString openError;
            ops::OpsContext* ctx = e->context(openError);
            work(ctx, openError);
            QMetaObject::invokeMethod(this, [this, ticket] { deliver(ticket); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void OpsWorker::deliver(quint64 ticket)
{
    const Pending p = pending_.take(ticket);
    if (p.context && p.deliver)
        p.deliver();
}

}  // namespace reconsole::items
