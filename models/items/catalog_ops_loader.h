#pragma once
// Keeps the catalog screen's operations side fresh: the selected product's fixes, batches and
// acknowledgements (ProductOps) and the set of products with a fix under way, read on the
// session's worker whenever the product changes or the session says the store changed. An
// answer for a product no longer selected is dropped.
#include "items/catalog_ops.h"

#include <QObject>
#include <QPointer>

namespace reconsole::items {

class OpsSession;

class CatalogOpsLoader : public QObject {
    Q_OBJECT
public:
    explicit CatalogOpsLoader(QObject* parent = nullptr);

    void setSession(OpsSession* session);   // null: nothing to read (no operations side)
    OpsSession* session() const;
    void setProduct(const QString& productId);   // empty clears
    QString productId() const { return productId_; }

    bool isLoaded() const { return loaded_; }
    const ProductOps& product() const { return product_; }
    const QSet<QString>& fixPending() const { return pending_; }
    const QHash<QString, OpenAfterAcks>& openAfterAcks() const { return acked_; }
    // Why the product's operations could not be read (a store error), else empty.
    QString error() const { return error_; }

public slots:
    void reload();

signals:
    void loaded();          // the product's operations (and the pending set) are in
    void pendingChanged();  // the products with a fix under way, or with acknowledged findings

private:
    void loadProduct();
    void loadPending();

    QPointer<OpsSession> session_;
    QString productId_;
    ProductOps product_;
    QSet<QString> pending_;
    QHash<QString, OpenAfterAcks> acked_;
    QString error_;
    bool loaded_ = false;
    quint64 generation_ = 0;
};

}  // namespace reconsole::items
