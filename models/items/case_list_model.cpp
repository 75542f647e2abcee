#include "items/case_list_model.h"

#include "core/display.h"
#include "store/database.h"
#include "items/case_text.h"
#include "items/ops_session.h"
#include "items/ops_text.h"
#include "items/ops_worker.h"

#include <QBrush>
#include <QColor>
#include <QSet>

#include <algorithm>

namespace reconsole::items {

namespace {

struct Loaded {
    ops::Result<std::vector<ops::CaseRow>> rows;
    std::map<std::string, QString> merchants;
};

// The names of the merchants the cases hold (the filter's choices), from the mirror.
std::map<std::string, QString> merchantNames(Database& mirror, const std::vector<ops::CaseRow>& rows)
{
    std::map<std::string, QString> names;
    auto& st = mirror.cached("SELECT name FROM merchant WHERE id = ?1");
    for (const ops::CaseRow& r : rows)
        for (const std::string& id : r.merchantIds) {
            if (names.count(id))
                continue;
            st.bind(1, id);
            names[id] = st.step() ? QString::fromStdString(st.string(0)) : QString::fromStdString(id);
            st.reset();
        }
    return names;
}

}  // namespace

std::vector<ops::CaseRow> shapeCaseRows(const std::vector<ops::CaseRow>& rows, const CaseQuery& q)
{
    std::vector<ops::CaseRow> out;
    for (const ops::CaseRow& r : rows) {
        if (q.state && r.c.state != *q.state)
            continue;
        if (!q.owner.empty() && r.c.owner.value_or(std::string()) != q.owner)
            continue;
        if (!q.channel.empty() && r.c.channel.value_or(std::string()) != q.channel)
            continue;
        if (!q.customerId.empty() && r.c.customerId != q.customerId)
            continue;
        if (!q.merchantId.empty()
            && std::find(r.merchantIds.begin(), r.merchantIds.end(), q.merchantId) == r.merchantIds.end())
            continue;
        if (q.overdueOnly && !(r.clock.running && r.clock.overdue))
            continue;
        out.push_back(r);
    }
    return out;   // the service's order: running cases by time left first
}

CaseCounts countCases(const std::vector<ops::CaseRow>& rows)
{
    CaseCounts c;
    for (const ops::CaseRow& r : rows) {
        if (!r.clock.running)
            continue;
        c.overdue += r.clock.overdue ? 1 : 0;
        c.dueSoon += r.clock.dueSoon ? 1 : 0;
    }
    return c;
}

CaseListModel::CaseListModel(OpsSession* session, QObject* parent) : QAbstractTableModel(parent), session_(session) {}

int CaseListModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(rows_.size()); }

int CaseListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant CaseListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(rows_.size()))
        return {};
    const ops::CaseRow& r = rows_[std::size_t(index.row())];
    const bool overdue = r.clock.running && r.clock.overdue;
    const bool soon = r.clock.running && r.clock.dueSoon;
    switch (role) {
    case CaseIdRole: return QString::fromStdString(r.c.id);
    case CustomerIdRole: return QString::fromStdString(r.c.customerId);
    case OverdueRole: return overdue;
    case DueSoonRole: return soon;
    case Qt::BackgroundRole:
        if (overdue)
            return QBrush(QColor(0xfb, 0xdc, 0xdc));
        if (soon)
            return QBrush(QColor(0xfd, 0xef, 0xc8));
        return {};
    case Qt::ForegroundRole:
        if (overdue && (index.column() == Deadline || index.column() == DaysLeft))
            return QBrush(QColor(0xb0, 0x1c, 0x1c));
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == Debits ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case Qt::ToolTipRole:
        return tr("시작 %1 · 마지막 날 %2 (서울)")
            .arg(formatSeoul(r.clock.start), r.clock.lastDay.toString(Qt::ISODate));
    case Qt::DisplayRole: break;
    default: return {};
    }
    switch (Column(index.column())) {
    case Deadline: return r.clock.lastDay.toString(Qt::ISODate);
    case DaysLeft: return (overdue ? QStringLiteral("⚠ ") : QString()) + caseDaysLeftText(r.clock);
    case State:
        return r.c.answeredLate ? tr("%1 · 늦은 답변").arg(caseStateLabel(r.c.state)) : caseStateLabel(r.c.state);
    case Customer: return QString::fromStdString(r.c.customerId);
    case Channel: return r.c.channel ? caseChannelLabel(*r.c.channel) : caseOriginLabel(r.c.origin);
    case Owner: return r.c.owner ? QString::fromStdString(*r.c.owner) : QStringLiteral("-");
    case Origin: return caseOriginLabel(r.c.origin);
    case Debits: return int(r.ledgerIds.size());
    case Id: return QString::fromStdString(r.c.id);
    case ColumnCount: break;
    }
    return {};
}

QVariant CaseListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Deadline: return tr("마지막 날");
    case DaysLeft: return tr("남은 기간");
    case State: return tr("상태");
    case Customer: return tr("고객");
    case Channel: return tr("경로");
    case Owner: return tr("담당");
    case Origin: return tr("발생");
    case Debits: return tr("출금");
    case Id: return tr("사건 ID");
    case ColumnCount: break;
    }
    return {};
}

void CaseListModel::setQuery(const CaseQuery& query)
{
    if (query == query_)
        return;
    query_ = query;
    reshape();
}

void CaseListModel::setAsOf(std::optional<Instant> asOf)
{
    asOf_ = asOf;
    reload();
}

void CaseListModel::reload()
{
    const quint64 generation = ++requested_;
    session_->worker()->run(
        this,
        [actor = session_->actorId(), asOf = asOf_](ops::OpsContext& ctx) {
            Loaded l{ops::CaseService(ctx).list(actor, ops::CaseFilter{}, asOf.value_or(ctx.now())), {}};
            if (l.rows.ok())
                l.merchants = merchantNames(ctx.mirror, l.rows.value());
            return l;
        },
        [this, generation](std::optional<Loaded> got, const QString& error) {
            if (generation != requested_)
                return;   // a newer read is on its way
            loaded_ = generation;
            const auto* r = got ? &got->rows : nullptr;
            merchants_ = got ? got->merchants : std::map<std::string, QString>{};
            if (!r)
                notice_ = tr("사건을 읽지 못했습니다: %1").arg(error);
            else if (!r->ok())
                notice_ = caseRefusalText(r->refusal());
            else
                notice_.clear();
            all_ = r && r->ok() ? r->value() : std::vector<ops::CaseRow>{};
            reshape();
            counts_ = countCases(all_);
            emit countsChanged(counts_);   // every time: the badges start from nothing
            emit loaded();
        });
}

void CaseListModel::reshape()
{
    beginResetModel();
    rows_ = shapeCaseRows(all_, query_);
    endResetModel();
}

const ops::CaseRow* CaseListModel::rowAt(int row) const
{
    return row >= 0 && row < int(rows_.size()) ? &rows_[std::size_t(row)] : nullptr;
}

int CaseListModel::rowOf(const QString& caseId) const
{
    const std::string id = caseId.toStdString();
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].c.id == id)
            return int(i);
    return -1;
}

QStringList CaseListModel::owners() const
{
    QSet<QString> seen;
    for (const ops::CaseRow& r : all_)
        if (r.c.owner)
            seen.insert(QString::fromStdString(*r.c.owner));
    QStringList out(seen.begin(), seen.end());
    out.sort();
    return out;
}

}  // namespace reconsole::items
