#include "items/audit_log_model.h"

#include "core/display.h"
#include "items/ops_session.h"
#include "items/ops_text.h"
#include "items/ops_worker.h"
#include "ops/audit_service.h"

#include <QBrush>
#include <QColor>

namespace reconsole::items {

bool isRefusedOutcome(const std::string& outcome) { return outcome.rfind("refused", 0) == 0; }


AuditLogModel::AuditLogModel(OpsSession* session, QObject* parent) : QAbstractTableModel(parent), session_(session) {}

int AuditLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(entries_.size());
}

int AuditLogModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

const ops::AuditEntry* AuditLogModel::entryAt(int row) const
{
    return row >= 0 && row < rowCount() ? &entries_[static_cast<std::size_t>(row)] : nullptr;
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Seq: return tr("번호");
    case At: return tr("시각");
    case Actor: return tr("운영자");
    case Action: return tr("조치");
    case Target: return tr("대상");
    case Outcome: return tr("결과");
    }
    return {};
}

QVariant AuditLogModel::data(const QModelIndex& index, int role) const
{
    const ops::AuditEntry* e = index.isValid() ? entryAt(index.row()) : nullptr;
    if (!e || index.column() >= ColumnCount)
        return {};
    const bool refused = isRefusedOutcome(e->outcome);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Seq: return QString::number(e->seq);
        case At: return formatSeoul(e->at);
        case Actor: return QString::fromStdString(e->actor);
        case Action: return QString::fromStdString(e->action);
        case Target: return QString::fromStdString(e->target);
        case Outcome: return refused ? tr("거부: %1").arg(refusedOutcomeText(e->outcome)) : tr("완료");
        }
        return {};
    case Qt::ToolTipRole:
        return index.column() == Outcome ? QString::fromStdString(e->outcome) : QVariant();
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(index.column() == Seq ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        return refused && index.column() == Outcome ? QVariant(QBrush(QColor(0xb0, 0x1c, 0x1c))) : QVariant();
    case SeqRole: return qint64(e->seq);
    case BeforeRole: return QString::fromStdString(e->before);
    case AfterRole: return QString::fromStdString(e->after);
    case RefusedRole: return refused;
    case HashRole: return QString::fromStdString(e->hash);
    }
    return {};
}

void AuditLogModel::setFilter(const ops::AuditFilter& filter)
{
    filter_ = filter;
    reload();
}

void AuditLogModel::reload()
{
    const quint64 generation = ++requested_;
    if (!session_->canAct()) {
        accept(generation, Answer{}, {});
        return;
    }
    session_->worker()->run(
        this,
        [actor = session_->actorId(), filter = filter_](ops::OpsContext& ctx) {
            auto listed = ops::AuditService(ctx).list(actor, filter);
            Answer a;
            if (listed)
                a.entries = std::move(listed.value());
            else
                a.refusal = listed.refusal();
            return a;
        },
        [this, generation](std::optional<Answer> a, const QString& error) { accept(generation, std::move(a), error); });
}

void AuditLogModel::accept(quint64 generation, std::optional<Answer> answer, const QString& error)
{
    if (generation != requested_)
        return;
    beginResetModel();
    entries_.clear();
    notice_.clear();
    if (!answer)
        notice_ = tr("운영 저장소를 읽지 못했습니다: %1").arg(error);
    else if (answer->refusal)
        notice_ = refusalText(*answer->refusal);
    else if (!session_->canAct())
        notice_ = session_->cannotActReason();
    else
        entries_ = std::move(answer->entries);
    loaded_ = generation;
    endResetModel();
    emit loaded();
}

}  // namespace reconsole::items
