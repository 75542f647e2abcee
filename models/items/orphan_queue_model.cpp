#include "items/orphan_queue_model.h"

#include "core/display.h"
#include "items/mirror_worker.h"
#include "recon/explanation_text.h"

#include <algorithm>
#include <climits>

namespace reconsole::items {

QString OrphanQueueModel::mirrorPath() const { return worker_->mirrorPath(); }

OrphanQueueModel::OrphanQueueModel(const QString& mirrorPath, QObject* parent)
    : OrphanQueueModel(mirrorPath, Options{}, parent)
{
}

OrphanQueueModel::OrphanQueueModel(const QString& mirrorPath, Options options, QObject* parent)
    : QAbstractTableModel(parent),
      options_(options),
      worker_(new MirrorWorker(mirrorPath, this)),
      causeWorker_(new MirrorWorker(mirrorPath, this))
{
    options_.pageSize = std::max(1, options_.pageSize);
    options_.maxCachedPages = std::max(2, options_.maxCachedPages);
    query_.pageSize = options_.pageSize;
    shownQuery_ = query_;
    requestSummary();
}

OrphanQueueModel::~OrphanQueueModel() = default;

int OrphanQueueModel::supersededReadsInterrupted() const
{
    return worker_->stats().interrupted + causeWorker_->stats().interrupted;
}

int OrphanQueueModel::summaryReadsStarted() const { return worker_->stats().started; }

int OrphanQueueModel::supersededReadsSkipped() const
{
    return worker_->stats().skipped + causeWorker_->stats().skipped;
}

int OrphanQueueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(std::min<std::int64_t>(summary_.rows, INT_MAX));
}

int OrphanQueueModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : kQueueColumnCount; }

const QueueRow* OrphanQueueModel::rowAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return nullptr;
    const auto it = pages_.find(row / options_.pageSize);
    if (it == pages_.end())
        return nullptr;
    const auto offset = static_cast<std::size_t>(row % options_.pageSize);
    return offset < it->rows.size() ? &it->rows[offset] : nullptr;
}

int OrphanQueueModel::loadedRowOf(const QString& ledgerId) const
{
    const std::string id = ledgerId.toStdString();
    for (auto it = pages_.cbegin(); it != pages_.cend(); ++it)
        for (std::size_t i = 0; i < it->rows.size(); ++i)
            if (it->rows[i].ledgerId == id)
                return it.key() * options_.pageSize + static_cast<int>(i);
    return -1;
}

QVariant OrphanQueueModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto column = static_cast<QueueColumn>(index.column());
    const bool money = column == QueueColumn::Amount || column == QueueColumn::OrphanAmount;
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::AlignVCenter
                                   | (money || column == QueueColumn::Age ? Qt::AlignRight : Qt::AlignLeft));
    const QueueRow* r = rowAt(index.row());
    if (r)
        pages_[index.row() / options_.pageSize].lastUse = ++useClock_;
    else if (role == Qt::DisplayRole || role == LoadedRole)
        requestPage(index.row() / options_.pageSize);
    switch (role) {
    case LoadedRole: return r != nullptr;
    case Qt::DisplayRole:
        if (!r)
            return column == QueueColumn::Age ? tr("불러오는 중…") : QVariant();
        return display(*r, column);
    case Qt::ToolTipRole:
        if (r && (column == QueueColumn::At || column == QueueColumn::Age))
            return formatSeoul(r->at, true);
        if (r && column == QueueColumn::Cause && r->cause)
            return recon::causeLabel(*r->cause);
        return {};
    case LedgerIdRole: return r ? QVariant(QString::fromStdString(r->ledgerId)) : QVariant();
    case CustomerIdRole: return r ? QVariant(QString::fromStdString(r->customerId)) : QVariant();
    case OrphanAmountRole: return r ? QVariant(qint64(r->orphanAmount.won())) : QVariant();
    case ClassRole: return r ? QVariant(int(r->cls)) : QVariant();
    default: return {};
    }
}

QVariant OrphanQueueModel::display(const QueueRow& r, QueueColumn column) const
{
    const auto orDash = [](const std::string& s) {
        return s.empty() ? QStringLiteral("-") : QString::fromStdString(s);
    };
    switch (column) {
    case QueueColumn::Age: return formatDuration(summary_.asOf - r.at);
    case QueueColumn::At: return formatSeoul(r.at);
    case QueueColumn::Ledger: return QString::fromStdString(r.ledgerId);
    case QueueColumn::Customer:
        return r.customerName.empty() ? QString::fromStdString(r.customerId)
                                      : QStringLiteral("%1 (%2)").arg(QString::fromStdString(r.customerName),
                                                                      QString::fromStdString(r.customerId));
    case QueueColumn::Merchant: return orDash(r.merchantName);
    case QueueColumn::Product: return orDash(r.productName);
    case QueueColumn::Class: return recon::classLabel(r.cls);
    case QueueColumn::Amount: return formatWon(r.amount);
    case QueueColumn::OrphanAmount: return formatWon(r.orphanAmount);
    case QueueColumn::Cause: return r.cause ? recon::causeLabel(*r.cause) : tr("확인 중…");
    }
    return {};
}

QVariant OrphanQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= kQueueColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    const auto column = static_cast<QueueColumn>(section);
    if (role == Qt::TextAlignmentRole) {
        const bool right = column == QueueColumn::Amount || column == QueueColumn::OrphanAmount
            || column == QueueColumn::Age;
        return QVariant::fromValue(Qt::AlignVCenter | (right ? Qt::AlignRight : Qt::AlignLeft));
    }
    if (role == Qt::ToolTipRole && !isSortable(column))
        return tr("추정 원인은 행마다 근거에서 계산되므로 이 열로는 정렬할 수 없습니다.");
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case QueueColumn::Age: return tr("경과");
    case QueueColumn::At: return tr("출금 시각");
    case QueueColumn::Ledger: return tr("원장 번호");
    case QueueColumn::Customer: return tr("고객");
    case QueueColumn::Merchant: return tr("가맹점");
    case QueueColumn::Product: return tr("상품");
    case QueueColumn::Class: return tr("유형");
    case QueueColumn::Amount: return tr("출금액");
    case QueueColumn::OrphanAmount: return tr("미해결 금액");
    case QueueColumn::Cause: return tr("추정 원인");
    }
    return {};
}

void OrphanQueueModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= kQueueColumnCount || !isSortable(static_cast<QueueColumn>(column)))
        return;
    const QueueSort next{static_cast<QueueColumn>(column), order == Qt::AscendingOrder};
    if (next == query_.sort)
        return;
    query_.sort = next;
    requestSummary();
}

void OrphanQueueModel::setFilter(const OrphanFilter& filter)
{
    if (filter == query_.filter)
        return;
    query_.filter = filter;
    requestSummary();
}

void OrphanQueueModel::reload() { requestSummary(); }

void OrphanQueueModel::requestSummary()
{
    const quint64 generation = ++requestedGeneration_;
    const QueueQuery query = query_;
    worker_->cancel(summaryTicket_);   // the user no longer wants it: stop it where it is
    summaryTicket_ = worker_->run(
        this, [query](Database& db) { return summarizeQueue(db, query); },
        [this, generation, query](std::optional<QueueSummary> summary, const QString& error) {
            summaryTicket_ = 0;
            if (generation != requestedGeneration_)
                return;   // the user has asked for something else since
            if (!summary) {
                emit loadFailed(error);
                return;
            }
            shownQuery_ = query;
            acceptSummary(generation, std::move(*summary));
        });
}

void OrphanQueueModel::acceptSummary(quint64 generation, QueueSummary summary)
{
    beginResetModel();
    pages_.clear();
    wanted_.clear();
    Page first{std::move(summary.firstPage), ++useClock_};
    summary_ = std::move(summary);
    summary_.firstPage.clear();
    if (summary_.rows > 0)
        pages_.insert(0, std::move(first));
    shownGeneration_ = generation;
    causesWanted_.clear();
    causeWorker_->cancel(causeTicket_);   // causes of rows no longer shown
    causeTicket_ = 0;
    causesInFlight_ = false;
    endResetModel();
    emit loaded();
    requestCauses(0);
}

void OrphanQueueModel::requestPage(int page) const
{
    const auto it = std::find(wanted_.begin(), wanted_.end(), page);
    if (it != wanted_.end())
        wanted_.erase(it);
    wanted_.push_back(page);   // the latest wish is served first: it is what is on screen
    if (!pageInFlight_)
        const_cast<OrphanQueueModel*>(this)->sendNextPageRequest();
}

void OrphanQueueModel::sendNextPageRequest()
{
    while (!wanted_.empty() && pages_.contains(wanted_.back()))
        wanted_.pop_back();
    if (wanted_.empty())
        return;
    const int page = wanted_.back();
    wanted_.pop_back();
    if (page > 0 && static_cast<std::size_t>(page - 1) >= summary_.pageEnds.size())
        return sendNextPageRequest();   // past the end of this summary
    std::optional<SortKey> after;
    if (page > 0)
        after = summary_.pageEnds[static_cast<std::size_t>(page - 1)];
    pageInFlight_ = true;
    const quint64 generation = shownGeneration_;
    const QueueQuery query = shownQuery_;
    const Instant asOf = summary_.asOf;
    worker_->run(
        this, [query, asOf, after](Database& db) { return fetchQueueRows(db, query, asOf, after); },
        [this, generation, page](std::optional<std::vector<QueueRow>> rows, const QString& error) {
            pageInFlight_ = false;
            if (!rows)
                emit loadFailed(error);
            else if (generation == shownGeneration_)
                acceptPage(page, std::move(*rows));
            sendNextPageRequest();
        });
}

void OrphanQueueModel::acceptPage(int page, std::vector<QueueRow> rows)
{
    pages_.insert(page, Page{std::move(rows), ++useClock_});
    evictPages();
    const int first = page * options_.pageSize;
    const int last = std::min(rowCount(), first + options_.pageSize) - 1;
    if (last >= first)
        emit dataChanged(index(first, 0), index(last, kQueueColumnCount - 1));
    emit pageLoaded(page);
    requestCauses(page);
}

bool OrphanQueueModel::causesKnown(int page) const
{
    const auto it = pages_.find(page);
    return it != pages_.end() && std::all_of(it->rows.begin(), it->rows.end(), [](auto& r) { return r.cause.has_value(); });
}

void OrphanQueueModel::requestCauses(int page)
{
    const auto it = std::find(causesWanted_.begin(), causesWanted_.end(), page);
    if (it != causesWanted_.end())
        causesWanted_.erase(it);
    causesWanted_.push_back(page);
    if (!causesInFlight_)
        sendNextCauseRequest();
}

void OrphanQueueModel::sendNextCauseRequest()
{
    while (!causesWanted_.empty()) {
        const int page = causesWanted_.back();
        causesWanted_.pop_back();
        const auto it = pages_.constFind(page);
        if (it == pages_.constEnd() || causesKnown(page))
            continue;   // scrolled past and dropped, or already known
        std::vector<std::string> ids;
        for (const auto& r : it->rows)
            ids.push_back(r.ledgerId);
        causesInFlight_ = true;
        const quint64 generation = shownGeneration_;
        causeTicket_ = causeWorker_->run(
            this, [ids](Database& db) { return likelyCauses(db, ids); },
            [this, generation, page, ids](std::optional<std::vector<recon::LikelyCause>> causes, const QString& error) {
                causesInFlight_ = false;
                causeTicket_ = 0;
                if (!causes)
                    emit loadFailed(error);
                else if (generation == shownGeneration_)
                    acceptCauses(page, ids, *causes);
                sendNextCauseRequest();
            });
        return;
    }
}

void OrphanQueueModel::acceptCauses(int page, const std::vector<std::string>& ledgerIds,
                                    const std::vector<recon::LikelyCause>& causes)
{
    const auto it = pages_.find(page);
    if (it == pages_.end())
        return;
    for (std::size_t i = 0; i < it->rows.size() && i < ledgerIds.size() && i < causes.size(); ++i)
        if (it->rows[i].ledgerId == ledgerIds[i])
            it->rows[i].cause = causes[i];
    const int first = page * options_.pageSize;
    const int last = std::min(rowCount(), first + options_.pageSize) - 1;
    if (last >= first)
        emit dataChanged(index(first, int(QueueColumn::Cause)), index(last, int(QueueColumn::Cause)));
    emit causesLoaded(page);
}

void OrphanQueueModel::evictPages()
{
    while (pages_.size() > options_.maxCachedPages) {
        auto oldest = pages_.begin();
        for (auto it = pages_.begin(); it != pages_.end(); ++it)
            if (it->lastUse < oldest->lastUse)
                oldest = it;
        pages_.erase(oldest);
    }
}

}  // namespace reconsole::items
