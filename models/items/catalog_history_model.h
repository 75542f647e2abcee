#pragma once
// One product's version history for the catalog screen (what changed and when: price, list
// price, discount, cash-receipt flag), one row per version in order, with the versions inside
// a catalog finding's run marked; and the product's findings, for their explanations. Read on
// the model's own MirrorWorker thread.
#include "items/catalog_products.h"

#include <QAbstractTableModel>

namespace reconsole::items {

class MirrorWorker;

class CatalogHistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, PriceColumn, ListPriceColumn, DiscountColumn, ReceiptColumn, ChangeColumn, ColumnCount };
    enum Role { SeqRole = Qt::UserRole + 1, FlaggedRole };

    explicit CatalogHistoryModel(const QString& mirrorPath, QObject* parent = nullptr);
    ~CatalogHistoryModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Loads the product's history; empty clears.
    void setProduct(const QString& productId);
    QString productId() const { return productId_; }
    void reload();
    bool isLoaded() const { return loadedGeneration_ == generation_ && loadedGeneration_ > 0; }
    const CatalogProductDetail& detail() const { return detail_; }
    // A product finding's run covers this version.
    bool isFlagged(std::int64_t seq) const;

signals:
    void loaded();
    void loadFailed(const QString& error);

private:
    MirrorWorker* worker_;
    QString productId_;
    CatalogProductDetail detail_;
    quint64 generation_ = 0, loadedGeneration_ = 0;
    quint64 ticket_ = 0;   // the read in flight, cancelled when a newer one replaces it
};

}  // namespace reconsole::items
