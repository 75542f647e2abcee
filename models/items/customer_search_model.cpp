#include "items/customer_search_model.h"

#include "items/mirror_worker.h"

#include <QElapsedTimer>

namespace reconsole::items {

namespace {
constexpr int kDebounceMs = 150;
}

CustomerSearchModel::CustomerSearchModel(const QString& mirrorPath, QObject* parent)
    : QAbstractTableModel(parent), worker_(new MirrorWorker(mirrorPath, this))
{
    debounce_.setObjectName(QStringLiteral("customer search typing"));
    debounce_.setSingleShot(true);
    debounce_.setInterval(kDebounceMs);
    connect(&debounce_, &QTimer::timeout, this, &CustomerSearchModel::searchNow);
}

CustomerSearchModel::~CustomerSearchModel() = default;

int CustomerSearchModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int CustomerSearchModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant CustomerSearchModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& m = rows_[static_cast<std::size_t>(index.row())];
    if (role == CustomerIdRole)
        return QString::fromStdString(m.customerId);
    if (role == Qt::ToolTipRole && m.name.empty())
        return tr("고객 기록이 아직 미러에 없습니다 (원장에만 있음)");
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case IdColumn: return QString::fromStdString(m.customerId);
    case NameColumn: return m.name.empty() ? tr("(고객 기록 없음)") : QString::fromStdString(m.name);
    case PhoneColumn: return QString::fromStdString(m.phoneLast4);
    case ReasonColumn: return matchReason(m);
    }
    return {};
}

QVariant CustomerSearchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn: return tr("고객 번호");
    case NameColumn: return tr("이름");
    case PhoneColumn: return tr("전화 뒷자리");
    case ReasonColumn: return tr("일치 항목");
    }
    return {};
}

QString CustomerSearchModel::customerId(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    return QString::fromStdString(rows_[static_cast<std::size_t>(row)].customerId);
}

QString CustomerSearchModel::matchedLedgerId(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    const CustomerMatch& m = rows_[static_cast<std::size_t>(row)];
    return m.kind == CustomerMatchKind::LedgerId ? QString::fromStdString(m.matched) : QString();
}

void CustomerSearchModel::setQuery(const QString& text)
{
    if (text == query_ && !debounce_.isActive())
        return;
    query_ = text;
    ++generation_;   // an answer still on its way is stale from now on
    debounce_.start();
}

void CustomerSearchModel::searchNow()
{
    debounce_.stop();
    const quint64 generation = ++generation_;
    const QString query = query_;
    if (ticket_) {   // the search typed before this one: stop it where it is
        worker_->cancel(ticket_);
        ticket_ = 0;
        --inFlight_;
    }
    if (query.trimmed().isEmpty()) {
        partial_ = false;
        apply({});
        emit searchFinished(query, 0, 0);
        return;
    }
    ++inFlight_;
    ticket_ = worker_->run(
        this,
        [query](Database& db) {
            QElapsedTimer timer;
            timer.start();
            Answer a;
            a.matches = searchCustomers(db, query, kDefaultSearchLimit, &a.partial);
            a.elapsedMs = timer.elapsed();
            return a;
        },
        [this, generation, query](std::optional<Answer> answer, const QString& error) {
            --inFlight_;
            ticket_ = 0;
            if (generation != generation_)
                return;
            if (!answer) {
                apply({});
                emit searchFailed(query, error);
                return;
            }
            partial_ = answer->partial;
            apply(std::move(answer->matches));
            emit searchFinished(query, rowCount(), answer->elapsedMs);
        });
}

void CustomerSearchModel::apply(std::vector<CustomerMatch> matches)
{
    if (matches.empty() && rows_.empty())
        return;
    beginResetModel();
    rows_ = std::move(matches);
    endResetModel();
}

}  // namespace reconsole::items
