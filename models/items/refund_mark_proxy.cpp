#include "items/refund_mark_proxy.h"

#include "items/ops_session.h"
#include "items/ops_text.h"
#include "items/ops_worker.h"
#include "ops/mirror_facts.h"

#include <QBrush>
#include <QColor>

namespace reconsole::items {

RefundMarkProxy::RefundMarkProxy(int ledgerIdRole, QObject* parent)
    : QIdentityProxyModel(parent), ledgerIdRole_(ledgerIdRole)
{
}

void RefundMarkProxy::setSession(OpsSession* session)
{
    session_ = session;
    if (!session_)
        return;
    connect(session_, &OpsSession::operatorResolved, this, &RefundMarkProxy::reloadMarks);
    connect(session_, &OpsSession::refundsChanged, this, &RefundMarkProxy::reloadMarks);
    if (session_->isResolved())
        reloadMarks();
}

int RefundMarkProxy::markColumn() const { return sourceModel() ? sourceModel()->columnCount() : 0; }

int RefundMarkProxy::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() || !sourceModel() ? 0 : sourceModel()->columnCount() + 1;
}

int RefundMarkProxy::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !sourceModel() ? 0 : sourceModel()->rowCount();
}

bool RefundMarkProxy::hasChildren(const QModelIndex& parent) const
{
    return !parent.isValid() && rowCount() > 0 && columnCount() > 0;
}

QModelIndex RefundMarkProxy::index(int row, int column, const QModelIndex& parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return {};
    if (column == markColumn())
        return createIndex(row, column);
    return QIdentityProxyModel::index(row, column, parent);
}

QModelIndex RefundMarkProxy::parent(const QModelIndex&) const { return {}; }

QModelIndex RefundMarkProxy::sibling(int row, int column, const QModelIndex&) const { return index(row, column); }

QModelIndex RefundMarkProxy::mapToSource(const QModelIndex& proxyIndex) const
{
    if (!proxyIndex.isValid() || proxyIndex.column() == markColumn())
        return {};
    return QIdentityProxyModel::mapToSource(proxyIndex);
}

Qt::ItemFlags RefundMarkProxy::flags(const QModelIndex& index) const
{
    if (index.isValid() && index.column() == markColumn())
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    return QIdentityProxyModel::flags(index);
}

void RefundMarkProxy::sort(int column, Qt::SortOrder order)
{
    if (column != markColumn())   // the refund column is not in the mirror: it cannot order the queue
        QIdentityProxyModel::sort(column, order);
}

QVariant RefundMarkProxy::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && section == markColumn()) {
        if (role == Qt::DisplayRole)
            return tr("환불");
        if (role == Qt::ToolTipRole)
            return tr("이 출금에 대한 환불 요청의 진행 상황 (운영 저장소 기준). 이 열로는 정렬할 수 없습니다.");
        return {};
    }
    return QIdentityProxyModel::headerData(section, orientation, role);
}

const ops::DebitRefunds* RefundMarkProxy::markFor(const std::string& ledgerId) const
{
    const auto it = marks_.find(ledgerId);
    return it == marks_.end() ? nullptr : &it->second;
}

QString RefundMarkProxy::markText(const ops::DebitRefunds& m) const
{
    if (m.underWay.isPositive())
        return tr("환불 진행 중 %1").arg(formatWon(m.underWay));
    if (m.settled.isPositive())
        return tr("환불 완료 %1").arg(formatWon(m.settled));
    return tr("환불 %1").arg(refundStateLabel(m.latest));
}

QVariant RefundMarkProxy::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const bool ours = role == RefundUnderWayRole || role == RefundSettledRole || role == HasRefundRole;
    if (index.column() != markColumn() && !ours)
        return QIdentityProxyModel::data(index, role);
    const QString ledger = QIdentityProxyModel::data(this->index(index.row(), 0), ledgerIdRole_).toString();
    const ops::DebitRefunds* m = ledger.isEmpty() ? nullptr : markFor(ledger.toStdString());
    if (role == RefundUnderWayRole)
        return qint64(m ? m->underWay.won() : 0);
    if (role == RefundSettledRole)
        return qint64(m ? m->settled.won() : 0);
    if (role == HasRefundRole)
        return m != nullptr;
    if (index.column() != markColumn())
        return QIdentityProxyModel::data(index, role);
    switch (role) {
    case Qt::DisplayRole: return m ? markText(*m) : QString();
    case Qt::ToolTipRole:
        return m ? tr("요청 %1건 · 최근 상태 %2").arg(m->requests).arg(refundStateLabel(m->latest)) : QVariant();
    case Qt::ForegroundRole:
        if (m && m->underWay.isPositive())
            return QBrush(QColor(0x1d, 0x5f, 0xa8));
        if (m && m->settled.isPositive())
            return QBrush(QColor(0x1e, 0x7b, 0x34));
        return {};
    case Qt::TextAlignmentRole: return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    }
    return {};
}

void RefundMarkProxy::setMarks(std::map<std::string, ops::DebitRefunds> marks, int underWayOrphans)
{
    marks_ = std::move(marks);
    underWayOrphans_ = underWayOrphans;
    marksLoaded_ = true;
    if (rowCount() > 0)
        emit dataChanged(index(0, markColumn()), index(rowCount() - 1, markColumn()));
    emit marksChanged();
}

void RefundMarkProxy::reloadMarks()
{
    const quint64 generation = ++generation_;
    if (!session_ || !session_->canAct()) {
        setMarks({}, 0);
        return;
    }
    struct Answer {
        std::map<std::string, ops::DebitRefunds> marks;
        int underWayOrphans = 0;
    };
    session_->worker()->run(
        this,
        [actor = session_->actorId()](ops::OpsContext& ctx) {
            Answer a;
            auto found = ops::RefundService(ctx).byDebit(actor);
            if (!found)
                return a;   // a role that may not see refunds sees no marks
            a.marks = std::move(found.value());
            for (const auto& [ledgerId, m] : a.marks)
                if (m.underWay.isPositive() && ops::orphanAmount(ctx.mirror, ledgerId))
                    ++a.underWayOrphans;
            return a;
        },
        [this, generation](std::optional<Answer> a, const QString&) {
            if (generation != generation_)
                return;
            if (a)
                setMarks(std::move(a->marks), a->underWayOrphans);
            else
                setMarks({}, 0);
        });
}

}  // namespace reconsole::items
