#pragma once
// The catalog screen's product list: every product with its open catalog findings counted
// per rule, flagged products first, filtered by merchant, kind and rule. Read on the model's
// own MirrorWorker thread; the GUI thread never touches SQLite.
#include "items/catalog_products.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>

namespace reconsole::items {

class MirrorWorker;

class CatalogProductModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, MerchantColumn, KindColumn, ListPriceColumn, PriceColumn, DiscountColumn,
                  ReceiptColumn, AnomalyColumn, ColumnCount };
    enum Role { ProductIdRole = Qt::UserRole + 1, OpenCountRole, SeverityRole, AmountRole, FixPendingRole };

    explicit CatalogProductModel(const QString& mirrorPath, QObject* parent = nullptr);
    ~CatalogProductModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setFilter(const CatalogFilter& filter);   // reloads
    const CatalogFilter& filter() const { return filter_; }
    void reload();
    bool isLoaded() const { return loadedGeneration_ == generation_ && loadedGeneration_ > 0; }

    const CatalogProductRow* rowAt(int row) const;
    int rowOf(const QString& productId) const;   // -1 when not listed
    const std::vector<CatalogChoice>& merchants() const { return data_.merchants; }
    const std::vector<std::string>& kinds() const { return data_.kinds; }
    bool isStale() const { return data_.stale; }
    // Open findings of the listed products, per rule, and in all.
    std::array<int, catalog::kRuleCount> openByRule() const;
    int flaggedCount() const;
    // Products with a catalog fix under way (read from the operations store by the screen):
    // their findings column starts with "수정 대기".
    void setFixPending(const QSet<QString>& productIds);
    bool isFixPending(const QString& productId) const { return fixPending_.contains(productId); }
    // Products with acknowledged findings and what stays open on them: their counts, tint and
    // the sums above leave the acknowledged ones out, as `catalog check --open` does.
    void setOpenAfterAcks(const QHash<QString, OpenAfterAcks>& products);

signals:
    void loaded();
    void loadFailed(const QString& error);

private:
    MirrorWorker* worker_;
    CatalogFilter filter_;
    void applyAcks();

    CatalogProducts loaded_;   // as the mirror says
    CatalogProducts data_;     // as shown: loaded_ less the acknowledged findings
    QSet<QString> fixPending_;
    QHash<QString, OpenAfterAcks> acked_;
    quint64 generation_ = 0, loadedGeneration_ = 0;
    quint64 ticket_ = 0;   // the read in flight, cancelled when a newer one replaces it
};

}  // namespace reconsole::items
