#include "items/refund_mark_proxy.h"

#include "items/ops_session.h"
#include "items/ops_text.h"
#include "items/ops_worker.h"
#include "ops/mirror_facts.h"

#include <QBrush>
#include <QColor>

namespace reconsole::items {

RefundMarkProxy::RefundMarkProxy(int ledgerIdRole, int markColumn, QObject* parent)
    : QIdentityProxyModel(parent), ledgerIdRole_(ledgerIdRole), markColumn_(markColumn)
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

const ops::DebitRefunds* RefundMarkProxy::markFor(const std::string& ledgerId) const
{
    const auto it = marks_.find(ledgerId);
    return it == marks_.end() ? nullptr : &it->second;
}

recon::RefundPromise RefundMarkProxy::promiseFor(const QString& ledgerId) const
{
    using State = recon::RefundPromise::State;
    const ops::DebitRefunds* m = ledgerId.isEmpty() ? nullptr : markFor(ledgerId.toStdString());
    if (m && m->underWay.isPositive())
        return {State::UnderWay, m->underWay};
    if (m && m->settled.isPositive())
        return {State::Refunded, m->settled};
    return {};
}

QString RefundMarkProxy::markText(const ops::DebitRefunds& m) const
{
    if (m.underWay.isPositive())
        return tr("환불 진행 중 %1").arg(formatWon(m.underWay));
    if (m.settled.isPositive())
        return tr("환불 완료 %1").arg(formatWon(m.settled));
    return tr("환불 %1").arg(refundStateLabel(m.latest));
}

QString RefundMarkProxy::markText(const QString& ledgerId) const
{
    const ops::DebitRefunds* m = ledgerId.isEmpty() ? nullptr : markFor(ledgerId.toStdString());
    return m ? markText(*m) : QString();
}

QVariant RefundMarkProxy::data(const QModelIndex& index, int role) const
{
    const bool ours = role == RefundUnderWayRole || role == RefundSettledRole || role == HasRefundRole;
    if (!index.isValid() || (!ours && (index.column() != markColumn_ || marks_.empty())))
        return QIdentityProxyModel::data(index, role);
    const QString ledger = QIdentityProxyModel::data(index.siblingAtColumn(0), ledgerIdRole_).toString();
    const ops::DebitRefunds* m = ledger.isEmpty() ? nullptr : markFor(ledger.toStdString());
    if (role == RefundUnderWayRole)
        return qint64(m ? m->underWay.won() : 0);
    if (role == RefundSettledRole)
        return qint64(m ? m->settled.won() : 0);
    if (role == HasRefundRole)
        return m != nullptr;
    if (!m)
        return QIdentityProxyModel::data(index, role);
    switch (role) {
    case Qt::DisplayRole: {
        const QString rest = QIdentityProxyModel::data(index, role).toString();
        return rest.isEmpty() ? markText(*m) : tr("%1 · %2").arg(markText(*m), rest);
    }
    case Qt::ToolTipRole: {
        const QString rest = QIdentityProxyModel::data(index, role).toString();
        const QString mine = tr("환불 요청 %Ln건 · 최근 상태 %1", nullptr, m->requests).arg(refundStateLabel(m->latest));
        return rest.isEmpty() ? mine : mine + QLatin1Char('\n') + rest;
    }
    case Qt::ForegroundRole:
        if (m->underWay.isPositive())
            return QBrush(QColor(0x1d, 0x5f, 0xa8));
        if (m->settled.isPositive())
            return QBrush(QColor(0x1e, 0x7b, 0x34));
        return QIdentityProxyModel::data(index, role);
    }
    return QIdentityProxyModel::data(index, role);
}

void RefundMarkProxy::setMarks(std::map<std::string, ops::DebitRefunds> marks, int underWayOrphans)
{
    marks_ = std::move(marks);
    underWayOrphans_ = underWayOrphans;
    marksLoaded_ = true;
    if (rowCount() > 0)
        emit dataChanged(index(0, markColumn_), index(rowCount() - 1, markColumn_));
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
