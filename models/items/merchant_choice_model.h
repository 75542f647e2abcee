#pragma once
// The choices of the orphan queue's merchant filter: every merchant with open orphans, by
// name, after "all merchants" and "no merchant" (debits without an order). Read on the
// model's own MirrorWorker thread.
#include <QAbstractListModel>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace reconsole {
class Database;
}

namespace reconsole::items {

class MirrorWorker;

struct MerchantChoice {
    std::string id, name;
    std::int64_t orphans = 0;
};

class MerchantChoiceModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { MerchantIdRole = Qt::UserRole + 1, IsAllRole };

    explicit MerchantChoiceModel(const QString& mirrorPath, QObject* parent = nullptr);
    ~MerchantChoiceModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    void reload();
    // The row of a merchant filter value (nullopt: all merchants; "": no merchant), or -1.
    int rowOf(const std::optional<std::string>& merchantId) const;
    // The filter value of a row.
    std::optional<std::string> merchantAt(int row) const;

signals:
    void loaded();
    void loadFailed(const QString& error);

private:
    static constexpr int kFixedRows = 2;
    MirrorWorker* worker_;
    std::vector<MerchantChoice> merchants_;
    quint64 generation_ = 0;
};

// Merchants with orphans under the default as_of and grace, by name (exposed for tests).
std::vector<MerchantChoice> loadMerchantChoices(Database& db);

}  // namespace reconsole::items
