#include "items/dashboard_model.h"

#include "items/mirror_worker.h"
#include "recon/explanation_text.h"

#include <QLocale>

namespace reconsole::items {

namespace {

// A share for reading, not money arithmetic: a double is fine here. Of a total over the 64-bit
// limit the clamped figures would give a wrong share; only "all of it" is still known.
QString shareText(const ClassStat& c, const DashboardStats& s)
{
    if (!s.amount.value().isPositive())
        return QStringLiteral("-");
    if (s.amount.overflowed() && c.count != s.count)
        return c.count == 0 ? QStringLiteral("0.0%") : QStringLiteral("-");
    return QStringLiteral("%1%").arg(100.0 * double(c.amount.value().won()) / double(s.amount.value().won()), 0, 'f', 1);
}

}  // namespace

DashboardModel::DashboardModel(const QString& mirrorPath, QObject* parent)
    : QAbstractTableModel(parent), worker_(new MirrorWorker(mirrorPath, this))
{
    reload();
}

DashboardModel::~DashboardModel() = default;

int DashboardModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !hasStats_ ? 0 : kOrphanClassCount;
}

int DashboardModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant DashboardModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto cls = static_cast<OrphanClass>(index.row());
    const ClassStat& c = stats_.classes[static_cast<std::size_t>(index.row())];
    if (role == ClassRole)
        return int(cls);
    if (role == AmountRole)
        return qint64(c.amount.value().won());
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignVCenter | (index.column() == ClassColumn ? Qt::AlignLeft : Qt::AlignRight));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case ClassColumn: return recon::classLabel(cls);
    case CountColumn: return QLocale(QLocale::Korean).toString(qint64(c.count));
    case AmountColumn: return formatWon(c.amount);
    case ShareColumn: return shareText(c, stats_);
    }
    return {};
}

QVariant DashboardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignVCenter | (section == ClassColumn ? Qt::AlignLeft : Qt::AlignRight));
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ClassColumn: return tr("유형");
    case CountColumn: return tr("건수");
    case AmountColumn: return tr("미해결 금액");
    case ShareColumn: return tr("금액 비중");
    }
    return {};
}

void DashboardModel::reload()
{
    const quint64 generation = ++generation_;
    worker_->cancel(ticket_);   // an earlier reload's answer would be stale: stop it
    ticket_ = worker_->run(
        this, [](Database& db) { return loadDashboardStats(db); },
        [this, generation](std::optional<DashboardStats> stats, const QString& error) {
            ticket_ = 0;
            if (generation != generation_)
                return;
            if (!stats) {
                emit loadFailed(error);
                return;
            }
            beginResetModel();
            stats_ = std::move(*stats);
            hasStats_ = true;
            loadedGeneration_ = generation;
            endResetModel();
            emit loaded();
        });
}

}  // namespace reconsole::items
