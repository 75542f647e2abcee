#include "items/mirror_worker.h"

#include "access/console_scope.h"
#include "store/database.h"
#include "store/store_error.h"

#include <QThread>

namespace reconsole::items {

// Lives on the worker thread; owns the connection, which SQLite requires to stay on it.
class MirrorWorker::Executor : public QObject {
public:
    explicit Executor(std::string path) : path_(std::move(path)) {}
    // The connection, opened on first use; null with `error` set when it cannot be opened.
    Database* db(QString& error)
    {
        if (!db_) {
            try {
                db_ = std::make_unique<Database>(path_, Database::Mode::ReadOnly);
                access::scopeReadConnection(*db_);   // every screen's query reads what the operator may
            } catch (const std::exception& e) {
                error = QString::fromUtf8(e.what());
            }
        }
        return db_.get();
    }
    void close() { db_.reset(); }

private:
    std::string path_;
    std::unique_ptr<Database> db_;
};

MirrorWorker::MirrorWorker(const QString& mirrorPath, QObject* parent)
    : QObject(parent), path_(mirrorPath), thread_(new QThread), executor_(new Executor(mirrorPath.toStdString()))
{
    thread_->setObjectName(QStringLiteral("mirror-reader"));
    executor_->moveToThread(thread_);
    thread_->start();
}

MirrorWorker::~MirrorWorker()
{
    // Close the connection on its own thread, then stop the thread.
    QMetaObject::invokeMethod(executor_, [e = executor_] { e->close(); }, Qt::BlockingQueuedConnection);
    thread_->quit();
    thread_->wait();
    delete executor_;
    delete thread_;
}

void MirrorWorker::post(QObject* context, std::function<void(Database*, const QString&)> work,
                        std::function<void()> deliverFn)
{
    const quint64 ticket = nextTicket_++;
    pending_.insert(ticket, Pending{context, std::move(deliverFn)});
    QMetaObject::invokeMethod(
        executor_,
        [this, e = executor_, ticket, work = std::move(work)]() mutable {
            QString openError;
            Database* db = e->db(openError);
            work(db, openError);
            QMetaObject::invokeMethod(this, [this, ticket] { deliver(ticket); }, Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void MirrorWorker::deliver(quint64 ticket)
{
    const Pending p = pending_.take(ticket);
    if (p.context && p.deliver)
        p.deliver();
}

}  // namespace reconsole::items
