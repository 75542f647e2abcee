#include "items/merchant_choice_model.h"

#include "items/mirror_worker.h"
#include "recon/orphan_query.h"
#include "store/database.h"

namespace reconsole::items {

std::vector<MerchantChoice> loadMerchantChoices(Database& db)
{
    std::vector<MerchantChoice> out;
    const auto asOf = recon::defaultAsOf(db);
    if (!asOf)
        return out;
    auto& st = db.cached("SELECT m.id, m.name, count(*) FROM unsettled_debit u"
                         " JOIN product p ON p.id = u.product_id"   // kept beside the debit (migration 0008)
                         " JOIN merchant m ON m.id = p.merchant_id"
                         " WHERE u.at <= ?1 GROUP BY m.id ORDER BY m.name, m.id");
    st.bind(1, recon::graceCutoff(*asOf, recon::kDefaultGrace));
    while (st.step())
        out.push_back(MerchantChoice{st.string(0), st.string(1), st.int64(2)});
    st.reset();
    return out;
}

MerchantChoiceModel::MerchantChoiceModel(const QString& mirrorPath, QObject* parent)
    : QAbstractListModel(parent), worker_(new MirrorWorker(mirrorPath, this))
{
    reload();
}

MerchantChoiceModel::~MerchantChoiceModel() = default;

int MerchantChoiceModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : kFixedRows + static_cast<int>(merchants_.size());
}

QVariant MerchantChoiceModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    if (role == IsAllRole)
        return row == 0;
    if (role == MerchantIdRole) {
        const auto id = merchantAt(row);
        return id ? QVariant(QString::fromStdString(*id)) : QVariant();
    }
    if (role != Qt::DisplayRole)
        return {};
    if (row == 0)
        return tr("모든 가맹점");
    if (row == 1)
        return tr("가맹점 없음 (주문 없는 출금)");
    const auto& m = merchants_[static_cast<std::size_t>(row - kFixedRows)];
    return tr("%1 (%2건)").arg(QString::fromStdString(m.name)).arg(m.orphans);
}

int MerchantChoiceModel::rowOf(const std::optional<std::string>& merchantId) const
{
    if (!merchantId)
        return 0;
    if (merchantId->empty())
        return 1;
    for (std::size_t i = 0; i < merchants_.size(); ++i)
        if (merchants_[i].id == *merchantId)
            return kFixedRows + static_cast<int>(i);
    return -1;
}

std::optional<std::string> MerchantChoiceModel::merchantAt(int row) const
{
    if (row <= 0 || row >= rowCount())
        return std::nullopt;
    if (row == 1)
        return std::string();
    return merchants_[static_cast<std::size_t>(row - kFixedRows)].id;
}

void MerchantChoiceModel::reload()
{
    const quint64 generation = ++generation_;
    worker_->run(
        this, [](Database& db) { return loadMerchantChoices(db); },
        [this, generation](std::optional<std::vector<MerchantChoice>> merchants, const QString& error) {
            if (generation != generation_)
                return;
            if (!merchants) {
                emit loadFailed(error);
                return;
            }
            beginResetModel();
            merchants_ = std::move(*merchants);
            endResetModel();
            emit loaded();
        });
}

}  // namespace reconsole::items
