#include "items/catalog_history_model.h"

#include "core/display.h"
#include "core/money.h"
#include "items/mirror_worker.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace reconsole::items {

CatalogHistoryModel::CatalogHistoryModel(const QString& mirrorPath, QObject* parent)
    : QAbstractTableModel(parent), worker_(new MirrorWorker(mirrorPath, this))
{
}

CatalogHistoryModel::~CatalogHistoryModel() = default;

int CatalogHistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(detail_.versions.size());
}

int CatalogHistoryModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

bool CatalogHistoryModel::isFlagged(std::int64_t seq) const
{
    for (const auto& row : detail_.anomalies) {
        const auto& a = row.anomaly;
        if (a.orderId.empty() && seq >= a.seq && seq <= a.lastSeq)
            return true;
    }
    return false;
}

QVariant CatalogHistoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const std::size_t i = static_cast<std::size_t>(index.row());
    const CatalogVersion& v = detail_.versions[i];
    const CatalogVersion* before = i > 0 ? &detail_.versions[i - 1] : nullptr;
    const int c = index.column();
    switch (role) {
    case SeqRole: return qint64(v.seq);
    case FlaggedRole: return isFlagged(v.seq);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignVCenter
                                   | (c == PriceColumn || c == ListPriceColumn || c == DiscountColumn ? Qt::AlignRight
                                                                                                       : Qt::AlignLeft));
    case Qt::BackgroundRole:
        return isFlagged(v.seq) ? QVariant(QBrush(QColor(0xfd, 0xe2, 0xe1))) : QVariant();
    case Qt::ForegroundRole:
        return isFlagged(v.seq) ? QVariant(QBrush(QColor(0x20, 0x20, 0x20))) : QVariant();
    case Qt::FontRole: {
        // What this version changed is bold.
        const bool changed = before
            && ((c == PriceColumn && v.price != before->price) || (c == ListPriceColumn && v.listPrice != before->listPrice)
                || (c == DiscountColumn && v.discountBp != before->discountBp)
                || (c == ReceiptColumn && v.cashReceiptEligible != before->cashReceiptEligible));
        if (!changed)
            return {};
        QFont f;
        f.setBold(true);
        return f;
    }
    case Qt::ToolTipRole:
        return tr("버전 seq %1").arg(v.seq);
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (c) {
    case TimeColumn: return formatSeoul(v.updatedAt).left(16);
    case PriceColumn: return formatWon(Money(v.price));
    case ListPriceColumn: return formatWon(Money(v.listPrice));
    case DiscountColumn: return percentOfBp(v.discountBp);
    case ReceiptColumn: return v.cashReceiptEligible ? tr("대상") : tr("아님");
    case ChangeColumn: return versionChangeText(v, before);
    }
    return {};
}

QVariant CatalogHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignVCenter
                                   | (section == PriceColumn || section == ListPriceColumn || section == DiscountColumn
                                          ? Qt::AlignRight
                                          : Qt::AlignLeft));
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("변경 시각");
    case PriceColumn: return tr("판매가");
    case ListPriceColumn: return tr("정가");
    case DiscountColumn: return tr("할인");
    case ReceiptColumn: return tr("현금영수증");
    case ChangeColumn: return tr("바뀐 것");
    }
    return {};
}

void CatalogHistoryModel::setProduct(const QString& productId)
{
    productId_ = productId;
    reload();
}

void CatalogHistoryModel::reload()
{
    const quint64 generation = ++generation_;
    worker_->cancel(ticket_);   // the product chosen before this one: stop reading it
    if (productId_.isEmpty()) {
        beginResetModel();
        detail_ = {};
        loadedGeneration_ = generation;
        endResetModel();
        emit loaded();
        return;
    }
    ticket_ = worker_->run(
        this, [id = productId_.toStdString()](Database& db) { return loadCatalogProductDetail(db, id); },
        [this, generation](std::optional<CatalogProductDetail> detail, const QString& error) {
            if (generation != generation_)
                return;
            if (!detail) {
                emit loadFailed(error);
                return;
            }
            beginResetModel();
            detail_ = std::move(*detail);
            loadedGeneration_ = generation;
            endResetModel();
            emit loaded();
        });
}

}  // namespace reconsole::items
