#include "items/refund_list_model.h"

#include "core/display.h"
#include "items/ops_session.h"
#include "items/ops_text.h"
#include "items/ops_worker.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <algorithm>

namespace reconsole::items {
namespace {

bool containsText(const std::string& hay, const QString& needle)
{
    return QString::fromStdString(hay).contains(needle, Qt::CaseInsensitive);
}

bool matchesText(const ops::RefundRequest& r, const QString& text)
{
    if (text.isEmpty())
        return true;
    for (const std::string* s : {&r.id, &r.ledgerId, &r.customerId, &r.requestedBy, &r.accountId, &r.note})
        if (containsText(*s, text))
            return true;
    return r.approvedBy && containsText(*r.approvedBy, text);
}

QString noteText(const ops::RefundRow& row)
{
    const ops::RefundRequest& r = row.request;
    QStringList parts;
    if (row.overdue)
        parts << RefundListModel::tr("기한 지남: 플랫폼의 결과를 확인하세요");
    if (r.state == ops::RefundState::Requested && r.needsApproval)
        parts << approvalWhyLabel(r.approvalWhy);
    if (r.settledAmount && *r.settledAmount != r.amount)
        parts << RefundListModel::tr("실제 환불 %1").arg(formatWon(*r.settledAmount));
    if (!r.settlementFlag.empty())
        parts << RefundListModel::tr("확인 필요: %1").arg(QString::fromStdString(r.settlementFlag));
    if (!r.decisionNote.empty())
        parts << QString::fromStdString(r.decisionNote);
    if (!r.note.empty())
        parts << QString::fromStdString(r.note);
    return parts.join(QStringLiteral(" · "));
}

}  // namespace

std::vector<ops::RefundRow> shapeRefundRows(std::vector<ops::RefundRow> rows, const RefundQuery& query)
{
    const QString text = QString::fromStdString(query.text).trimmed();
    std::erase_if(rows, [&](const ops::RefundRow& row) {
        const ops::RefundRequest& r = row.request;
        if (query.state && r.state != *query.state)
            return true;
        if (query.awaitingMe && !(row.canApprove && r.state == ops::RefundState::Requested))
            return true;
        if (query.overdueOnly && !row.overdue)
            return true;
        if (query.customerId && r.customerId != *query.customerId)
            return true;
        return !matchesText(r, text);
    });
    // Overdue first, then newest first (the order the service gives, kept within each part).
    std::stable_sort(rows.begin(), rows.end(), [](const ops::RefundRow& a, const ops::RefundRow& b) {
        if (a.overdue != b.overdue)
            return a.overdue;
        return a.request.requestedAt > b.request.requestedAt;
    });
    return rows;
}

RefundListModel::RefundListModel(OpsSession* session, QObject* parent)
    : QAbstractTableModel(parent), session_(session)
{
}

int RefundListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int RefundListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

const ops::RefundRow* RefundListModel::rowAt(int row) const
{
    return row >= 0 && row < rowCount() ? &rows_[static_cast<std::size_t>(row)] : nullptr;
}

int RefundListModel::rowOf(const QString& requestId) const
{
    const std::string id = requestId.toStdString();
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].request.id == id)
            return static_cast<int>(i);
    return -1;
}

QVariant RefundListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(section == Amount ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case State: return tr("상태");
    case Ledger: return tr("원장 ID");
    case Customer: return tr("고객");
    case Amount: return tr("금액");
    case Reason: return tr("사유");
    case RequestedBy: return tr("요청자");
    case RequestedAt: return tr("요청 시각");
    case ApprovedBy: return tr("승인자");
    case Note: return tr("메모");
    }
    return {};
}

QVariant RefundListModel::display(const ops::RefundRow& row, int column) const
{
    const ops::RefundRequest& r = row.request;
    switch (column) {
    case State:
        return row.overdue ? tr("⚠ %1 · 기한 지남").arg(refundStateLabel(r.state)) : refundStateLabel(r.state);
    case Ledger: return QString::fromStdString(r.ledgerId);
    case Customer: return QString::fromStdString(r.customerId);
    case Amount: return formatWon(r.amount);
    case Reason: return refundReasonLabel(r.reason);
    case RequestedBy: return QString::fromStdString(r.requestedBy);
    case RequestedAt: return formatSeoul(r.requestedAt);
    case ApprovedBy: return r.approvedBy ? QString::fromStdString(*r.approvedBy) : QStringLiteral("-");
    case Note: return noteText(row);
    }
    return {};
}

QVariant RefundListModel::data(const QModelIndex& index, int role) const
{
    const ops::RefundRow* row = index.isValid() ? rowAt(index.row()) : nullptr;
    if (!row || index.column() >= ColumnCount)
        return {};
    const ops::RefundRequest& r = row->request;
    switch (role) {
    case Qt::DisplayRole: return display(*row, index.column());
    case Qt::ToolTipRole:
        return index.column() == Note || index.column() == State
            ? QVariant(tr("요청 %1\n%2").arg(QString::fromStdString(r.id), noteText(*row)))
            : QVariant();
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(index.column() == Amount ? Qt::AlignRight | Qt::AlignVCenter
                                                            : Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (row->overdue && index.column() == State)
            return QBrush(QColor(0xb0, 0x1c, 0x1c));
        return {};
    case Qt::FontRole:
        if (row->overdue && index.column() == State) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case RequestIdRole: return QString::fromStdString(r.id);
    case LedgerIdRole: return QString::fromStdString(r.ledgerId);
    case CustomerIdRole: return QString::fromStdString(r.customerId);
    case StateRole: return int(r.state);
    case OverdueRole: return row->overdue;
    case CanApproveRole: return row->canApprove;
    case CanRejectRole: return row->canReject;
    case CanCancelRole: return row->canCancel;
    case CanRecordFailureRole: return row->canRecordFailure;
    case AmountRole: return qint64(r.amount.won());
    }
    return {};
}

void RefundListModel::setQuery(const RefundQuery& query)
{
    if (query == query_ && requested_ > 0)
        return;
    query_ = query;
    reload();
}

void RefundListModel::reload()
{
    const quint64 generation = ++requested_;
    if (!session_->canAct()) {
        accept(generation, Answer{}, {});
        return;
    }
    const std::string actor = session_->actorId();
    const RefundQuery query = query_;
    session_->worker()->run(
        this,
        [actor, query](ops::OpsContext& ctx) {
            ops::RefundFilter filter;
            filter.state = query.state;
            filter.customerId = query.customerId;
            auto listed = ops::RefundService(ctx).list(actor, filter);
            Answer a;
            if (listed)
                a.rows = shapeRefundRows(std::move(listed.value()), query);
            else
                a.refusal = listed.refusal();
            return a;
        },
        [this, generation](std::optional<Answer> a, const QString& error) { accept(generation, std::move(a), error); });
}

void RefundListModel::accept(quint64 generation, std::optional<Answer> answer, const QString& error)
{
    if (generation != requested_)
        return;   // a newer query replaced this one
    if (session_->isUnreachable() && !rows_.empty()) {
        // A read that lands after the shared server went away keeps the rows as last read (the
        // screen says why nothing can be done); clearing them lost the operator's selection.
        notice_ = session_->cannotActReason();
        loaded_ = generation;
        emit loaded();
        return;
    }
    beginResetModel();
    rows_.clear();
    notice_.clear();
    if (!answer)
        notice_ = tr("운영 저장소를 읽지 못했습니다: %1").arg(error);
    else if (answer->refusal)
        notice_ = refusalText(*answer->refusal);
    else if (!session_->canAct())
        notice_ = session_->cannotActReason();
    else
        rows_ = std::move(answer->rows);
    loaded_ = generation;
    endResetModel();
    if (!answer)
        emit loadFailed(error);
    emit loaded();
}

}  // namespace reconsole::items
