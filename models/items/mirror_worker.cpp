#include "items/mirror_worker.h"

#include "items/delivery_pacer.h"

#include "access/console_scope.h"
#include "items/query_cancel.h"
#include "store/database.h"

#include <QDeadlineTimer>
#include <QThread>

#include <mutex>

namespace reconsole::items {
namespace {
// The destructor interrupts the running query first, so the thread ends within a few VM
// steps; this bound only covers a job busy outside SQLite, which is then left to finish.
constexpr int kTeardownWaitMs = 200;
}  // namespace

// What the worker thread and the owner share: the canceller, and the owner while it lives.
struct MirrorWorker::Shared {
    QueryCanceller canceller;
    std::mutex ownerMutex;
    MirrorWorker* owner = nullptr;   // null once the worker is destroyed
};

// Lives on the worker thread; owns the connection, which SQLite requires to stay on it.
class MirrorWorker::Executor : public QObject {
public:
    Executor(std::string path, std::shared_ptr<Shared> shared) : path_(std::move(path)), shared_(std::move(shared)) {}
    ~Executor() override
    {
        shared_->canceller.detach();
        db_.reset();
    }
    // The connection, opened on first use; null with `error` set when it cannot be opened.
    Database* db(QString& error)
    {
        if (!db_) {
            try {
                db_ = std::make_unique<Database>(path_, Database::Mode::ReadOnly);
                access::scopeReadConnection(*db_);   // every screen's query reads what the operator may
                shared_->canceller.attach(db_->handle());
            } catch (const std::exception& e) {
                error = QString::fromUtf8(e.what());
            }
        }
        return db_.get();
    }

    void execute(Ticket ticket, const std::shared_ptr<QueryRequest>& request,
                 const std::function<bool(Database*, const QString&)>& work)
    {
        QString openError;
        Database* db = this->db(openError);
        if (!shared_->canceller.begin(request))
            return;   // replaced before it began
        const bool interrupted = work(db, openError);
        shared_->canceller.end(interrupted);
        if (request->cancelled.load())
            return;
        std::lock_guard lock(shared_->ownerMutex);
        if (MirrorWorker* owner = shared_->owner)
            QMetaObject::invokeMethod(owner, [owner, ticket] { owner->arrived(ticket); }, Qt::QueuedConnection);
    }

private:
    std::string path_;
    std::shared_ptr<Shared> shared_;
    std::unique_ptr<Database> db_;
};

MirrorWorker::MirrorWorker(const QString& mirrorPath, QObject* parent)
    : QObject(parent), path_(mirrorPath), shared_(std::make_shared<Shared>()), thread_(new QThread)
{
    shared_->owner = this;
    executor_ = new Executor(mirrorPath.toStdString(), shared_);
    thread_->setObjectName(QStringLiteral("mirror-reader"));
    // Named after its owner (the model it reads for), so a profile or a log says whose answer it is.
    if (parent)
        setObjectName(QString::fromLatin1(parent->metaObject()->className()));
    executor_->moveToThread(thread_);
    // The executor (and with it the connection) goes on its own thread when the thread ends.
    connect(thread_, &QThread::finished, executor_, &QObject::deleteLater);
    thread_->start();
}

MirrorWorker::~MirrorWorker()
{
    {
        std::lock_guard lock(shared_->ownerMutex);
        shared_->owner = nullptr;   // nothing more is delivered here
    }
    for (const Pending& p : std::as_const(pending_))
        shared_->canceller.cancel(p.request);
    pending_.clear();
    thread_->quit();
    if (thread_->wait(QDeadlineTimer(kTeardownWaitMs))) {
        delete thread_;
        return;
    }
    // Still busy outside SQLite: let it end and clean up after itself, without blocking here.
    connect(thread_, &QThread::finished, thread_, &QObject::deleteLater);
}

MirrorWorker::Ticket MirrorWorker::post(QObject* context, std::function<bool(Database*, const QString&)> work,
                                        std::function<void()> deliverFn)
{
    const Ticket ticket = nextTicket_++;
    auto request = std::make_shared<QueryRequest>();
    pending_.insert(ticket, Pending{context, std::move(deliverFn), request});
    QMetaObject::invokeMethod(
        executor_, [e = executor_, ticket, request, work = std::move(work)] { e->execute(ticket, request, work); },
        Qt::QueuedConnection);
    return ticket;
}

void MirrorWorker::cancel(Ticket ticket)
{
    const auto it = pending_.find(ticket);
    if (it == pending_.end())
        return;
    shared_->canceller.cancel(it->request);
    pending_.erase(it);
}

MirrorWorker::Stats MirrorWorker::stats() const
{
    const auto& c = shared_->canceller;
    return Stats{c.interrupted(), c.skipped(), c.started()};
}

void MirrorWorker::arrived(Ticket ticket)
{
    if (!pending_.contains(ticket))
        return;   // cancelled meanwhile: it would cost a turn of the loop for nothing
    // Through the pacer: one answer per turn of the loop, whichever model it is for.
    DeliveryPacer::addOrRun(this, objectName(), [this, ticket] { deliver(ticket); });
}

void MirrorWorker::deliver(Ticket ticket)
{
    const Pending p = pending_.take(ticket);
    if (p.context && p.deliver)
        p.deliver();
}

}  // namespace reconsole::items
