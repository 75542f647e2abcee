#include "items/catalog_product_model.h"

#include "catalog/catalog_text.h"
#include "core/display.h"
#include "core/money.h"
#include "items/mirror_worker.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace reconsole::items {
namespace {

QColor severityBackground(catalog::Severity s)
{
    switch (s) {
    case catalog::Severity::High: return QColor(0xfd, 0xe2, 0xe1);
    case catalog::Severity::Medium: return QColor(0xfe, 0xf0, 0xd5);
    case catalog::Severity::Low: return QColor(0xfb, 0xf7, 0xdc);
    }
    return {};
}

bool isRight(int column)
{
    return column == CatalogProductModel::ListPriceColumn || column == CatalogProductModel::PriceColumn
        || column == CatalogProductModel::DiscountColumn;
}

}  // namespace

CatalogProductModel::CatalogProductModel(const QString& mirrorPath, QObject* parent)
    : QAbstractTableModel(parent), worker_(new MirrorWorker(mirrorPath, this))
{
    reload();
}

CatalogProductModel::~CatalogProductModel() = default;

int CatalogProductModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(data_.rows.size());
}

int CatalogProductModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

const CatalogProductRow* CatalogProductModel::rowAt(int row) const
{
    return row >= 0 && row < rowCount() ? &data_.rows[static_cast<std::size_t>(row)] : nullptr;
}

int CatalogProductModel::rowOf(const QString& productId) const
{
    const std::string id = productId.toStdString();
    for (std::size_t i = 0; i < data_.rows.size(); ++i)
        if (data_.rows[i].id == id)
            return int(i);
    return -1;
}

std::array<int, catalog::kRuleCount> CatalogProductModel::openByRule() const
{
    std::array<int, catalog::kRuleCount> sum{};
    for (const auto& r : data_.rows)
        for (std::size_t i = 0; i < sum.size(); ++i)
            sum[i] += r.openByRule[i];
    return sum;
}

int CatalogProductModel::flaggedCount() const
{
    int n = 0;
    for (const auto& r : data_.rows)
        n += r.openCount > 0 ? 1 : 0;
    return n;
}

QVariant CatalogProductModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CatalogProductRow& r = data_.rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case ProductIdRole: return QString::fromStdString(r.id);
    case FixPendingRole: return fixPending_.contains(QString::fromStdString(r.id));
    case OpenCountRole: return r.openCount;
    case SeverityRole: return r.worst ? QVariant(int(*r.worst)) : QVariant();
    case AmountRole:
        if (index.column() == ListPriceColumn)
            return qint64(r.listPrice);
        if (index.column() == PriceColumn)
            return qint64(r.price);
        return {};
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignVCenter | (isRight(index.column()) ? Qt::AlignRight : Qt::AlignLeft));
    case Qt::BackgroundRole:
        return r.worst ? QVariant(QBrush(severityBackground(*r.worst))) : QVariant();
    case Qt::ForegroundRole:
        // The highlight is light whatever the theme: keep its text dark.
        return r.worst ? QVariant(QBrush(QColor(0x20, 0x20, 0x20))) : QVariant();
    case Qt::FontRole:
        if (r.openCount > 0 && index.column() == AnomalyColumn) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == AnomalyColumn && fixPending_.contains(QString::fromStdString(r.id)))
            return tr("카탈로그 수정이 진행 중입니다 (요청됨, 승인됨 또는 플랫폼에 전달됨).");
        if (index.column() == AnomalyColumn && r.openCount > 0)
            return tr("열린 이상 %Ln건 (가장 높은 심각도: %1)\n%2", nullptr, int(r.openCount))
                .arg(catalog::severityLabel(*r.worst), ruleCountsText(r.openByRule));
        if (index.column() == NameColumn)
            return QStringLiteral("%1 (%2)").arg(QString::fromStdString(r.name), QString::fromStdString(r.id));
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case NameColumn: return QString::fromStdString(r.name.empty() ? r.id : r.name);
    case MerchantColumn: return QString::fromStdString(r.merchantName.empty() ? r.merchantId : r.merchantName);
    case KindColumn: return kindLabel(r.kind);
    case ListPriceColumn: return formatWon(Money(r.listPrice));
    case PriceColumn: return formatWon(Money(r.price));
    case DiscountColumn: return percentOfBp(r.discountBp);
    case ReceiptColumn: return r.cashReceiptEligible ? tr("대상") : tr("아님");
    case AnomalyColumn: {
        const QString counts = r.openCount > 0 ? ruleCountsText(r.openByRule) : tr("없음");
        // A fix under way comes first: the product needs no new action, only patience.
        return fixPending_.contains(QString::fromStdString(r.id)) ? tr("수정 대기 · %1").arg(counts) : counts;
    }
    }
    return {};
}

void CatalogProductModel::setOpenAfterAcks(const QHash<QString, OpenAfterAcks>& products)
{
    if (products == acked_)
        return;
    acked_ = products;
    applyAcks();
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void CatalogProductModel::applyAcks()
{
    data_ = loaded_;
    for (auto& r : data_.rows) {
        const auto it = acked_.constFind(QString::fromStdString(r.id));
        if (it == acked_.constEnd())
            continue;
        r.openByRule = it->openByRule;
        r.openCount = it->openCount;
        r.worst = it->worst;
    }
}

void CatalogProductModel::setFixPending(const QSet<QString>& productIds)
{
    if (productIds == fixPending_)
        return;
    fixPending_ = productIds;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QVariant CatalogProductModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignVCenter | (isRight(section) ? Qt::AlignRight : Qt::AlignLeft));
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("상품");
    case MerchantColumn: return tr("가맹점");
    case KindColumn: return tr("종류");
    case ListPriceColumn: return tr("정가");
    case PriceColumn: return tr("판매가");
    case DiscountColumn: return tr("할인");
    case ReceiptColumn: return tr("현금영수증");
    case AnomalyColumn: return tr("열린 이상");
    }
    return {};
}

void CatalogProductModel::setFilter(const CatalogFilter& filter)
{
    filter_ = filter;
    reload();
}

void CatalogProductModel::reload()
{
    const quint64 generation = ++generation_;
    worker_->cancel(ticket_);   // an earlier filter's read: stop it where it is
    ticket_ = worker_->run(
        this, [filter = filter_](Database& db) { return loadCatalogProducts(db, filter); },
        [this, generation](std::optional<CatalogProducts> products, const QString& error) {
            if (generation != generation_)
                return;
            if (!products) {
                emit loadFailed(error);
                return;
            }
            beginResetModel();
            loaded_ = std::move(*products);
            applyAcks();
            loadedGeneration_ = generation;
            endResetModel();
            emit loaded();
        });
}

}  // namespace reconsole::items
