#include "items/catalog_ops_loader.h"

#include "items/ops_session.h"
#include "items/ops_worker.h"

namespace reconsole::items {

CatalogOpsLoader::CatalogOpsLoader(QObject* parent) : QObject(parent) {}

OpsSession* CatalogOpsLoader::session() const { return session_; }

void CatalogOpsLoader::setSession(OpsSession* session)
{
    if (session_)
        disconnect(session_, nullptr, this, nullptr);
    session_ = session;
    if (session_) {
        // Any action, here or on another console, may have moved a fix or drafted a batch.
        connect(session_, &OpsSession::refundsChanged, this, &CatalogOpsLoader::reload);
        connect(session_, &OpsSession::operatorResolved, this, &CatalogOpsLoader::reload);
    }
    reload();
}

void CatalogOpsLoader::setProduct(const QString& productId)
{
    if (productId == productId_ && loaded_)
        return;
    productId_ = productId;
    loadProduct();
}

void CatalogOpsLoader::reload()
{
    loadProduct();
    loadPending();
}

void CatalogOpsLoader::loadProduct()
{
    const quint64 generation = ++generation_;
    loaded_ = false;
    error_.clear();
    product_ = ProductOps{};
    product_.productId = productId_.toStdString();
    if (!session_ || productId_.isEmpty() || !session_->isResolved()) {
        loaded_ = true;
        emit loaded();
        return;
    }
    session_->worker()->run(
        this,
        [actor = session_->actorId(), id = productId_.toStdString()](ops::OpsContext& ctx) {
            return loadProductOps(ctx, actor, id);
        },
        [this, generation](std::optional<ProductOps> ops, const QString& error) {
            if (generation != generation_)
                return;   // another product was chosen meanwhile
            if (ops)
                product_ = std::move(*ops);
            error_ = error;
            loaded_ = true;
            emit loaded();
        });
}

void CatalogOpsLoader::loadPending()
{
    if (!session_ || !session_->isResolved())
        return;
    struct Marks {
        QSet<QString> pending;
        QHash<QString, OpenAfterAcks> acked;
    };
    session_->worker()->run(
        this,
        [actor = session_->actorId()](ops::OpsContext& ctx) {
            return Marks{productsWithFixPending(ctx, actor), items::openAfterAcks(ctx)};
        },
        [this](std::optional<Marks> marks, const QString&) {
            if (!marks || (marks->pending == pending_ && marks->acked == acked_))
                return;
            pending_ = std::move(marks->pending);
            acked_ = std::move(marks->acked);
            emit pendingChanged();
        });
}

}  // namespace reconsole::items
