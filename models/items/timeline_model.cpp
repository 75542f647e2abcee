#include "items/timeline_model.h"

#include "items/mirror_worker.h"
#include "items/timeline_cells.h"
#include "items/timeline_labels.h"
#include "core/display.h"
#include "recon/explanation_text.h"

#include <QColor>
#include <QElapsedTimer>
#include <QFont>

namespace reconsole::items {
namespace {

constexpr quintptr kGroupRow = 0;   // internalId of a group row; an event row holds group + 1

const QColor kOrphanBackground(0xfd, 0xe7, 0xe7);
const QColor kOrphanText(0xb3, 0x26, 0x1e);

QString groupKey(const TimelineGroup& g)
{
    static const char* kinds[] = {"order", "topup", "none"};
    return QStringLiteral("group:%1:%2").arg(QLatin1String(kinds[static_cast<int>(g.kind)]), QString::fromStdString(g.key));
}

// Ledger ids as they are (the chart names its points by them); other events by kind too.
QString eventKey(const recon::TimelineEvent& e)
{
    const QString id = QString::fromStdString(e.id);
    switch (e.kind) {
    case recon::EventKind::Ledger: return id;
    case recon::EventKind::Payment: return QStringLiteral("payment:") + id;
    case recon::EventKind::CashReceipt: return QStringLiteral("receipt:") + id;
    case recon::EventKind::Order: return QStringLiteral("order:") + id;
    }
    return id;
}

// Every row's key -> (group, child row or -1), built on the worker (a busy customer's tens of
// thousands took the GUI thread 34 ms).
TimelineModel::KeyIndex indexKeys(const TimelineData& data)
{
    TimelineModel::KeyIndex keys;
    keys.reserve(static_cast<qsizetype>(data.timeline.events.size()));
    for (int g = 0; g < static_cast<int>(data.groups.size()); ++g) {
        const auto& group = data.groups[static_cast<std::size_t>(g)];
        keys.insert(groupKey(group), {g, -1});
        for (int r = 0; r < static_cast<int>(group.events.size()); ++r)
            keys.insert(eventKey(group.events[static_cast<std::size_t>(r)]), {g, r});
    }
    return keys;
}

QVariant rightAligned() { return int(Qt::AlignRight | Qt::AlignVCenter); }

struct Loaded {
    std::optional<TimelineData> data;
    TimelineSearch search;
    WidestCells widest;
    TimelineModel::KeyIndex keys;
    QList<TimelinePoint> points;
    qint64 elapsedMs = 0;
};

static_assert(int(TimelineModel::TimeColumn) == CellTime && int(TimelineModel::OrphanColumn) == CellOrphan
              && int(TimelineModel::ColumnCount) == CellCount);

}  // namespace

TimelineModel::TimelineModel(const QString& mirrorPath, QObject* parent)
    : QAbstractItemModel(parent), worker_(new MirrorWorker(mirrorPath, this))
{
}

TimelineModel::~TimelineModel() = default;

QModelIndex TimelineModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kGroupRow);
    return createIndex(row, column, static_cast<quintptr>(parent.row()) + 1);
}

QModelIndex TimelineModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == kGroupRow)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, kGroupRow);
}

int TimelineModel::rowCount(const QModelIndex& parent) const
{
    if (!data_)
        return 0;
    if (!parent.isValid())
        return static_cast<int>(data_->groups.size());
    if (parent.column() != 0 || parent.internalId() != kGroupRow)
        return 0;
    return static_cast<int>(data_->groups[static_cast<std::size_t>(parent.row())].events.size());
}

int TimelineModel::columnCount(const QModelIndex&) const { return ColumnCount; }

QVariant TimelineModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !data_)
        return {};
    if (index.internalId() == kGroupRow && role == SearchTextRole)
        return search_.groups[static_cast<std::size_t>(index.row())];
    if (index.internalId() == kGroupRow)
        return groupData(data_->groups[static_cast<std::size_t>(index.row())], index.column(), role);
    const auto group = static_cast<std::size_t>(index.internalId() - 1);
    const auto row = static_cast<std::size_t>(index.row());
    if (role == SearchTextRole)
        return search_.events[group][row];
    return eventData(data_->groups[group].events[row], index.column(), role);
}

QVariant TimelineModel::groupData(const TimelineGroup& g, int column, int role) const
{
    switch (role) {
    case KeyRole: return groupKey(g);
    case IsOrphanRole: return false;
    case IsLedgerRole: return false;
    case KindsRole: return groupKinds(g);
    case OrphanAmountRole: return QVariant::fromValue<qint64>(g.orphanTotal.value().won());
    case AtRole: return QVariant::fromValue<qint64>(g.firstAt);
    case ChipToneRole: return column == StatusColumn ? int(groupChip(g).tone) : QVariant();
    case Qt::FontRole: {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    case Qt::TextAlignmentRole: return column == AmountColumn || column == OrphanColumn ? rightAligned() : QVariant();
    case Qt::ForegroundRole: return column == OrphanColumn ? QVariant(kOrphanText) : QVariant();
    case Qt::ToolTipRole: return column == DetailColumn ? groupDetail(data_->timeline, g) : QVariant();
    case Qt::DisplayRole: break;
    default: return {};
    }
    return groupCellText(data_->timeline, g, column);
}

QVariant TimelineModel::eventData(const recon::TimelineEvent& e, int column, int role) const
{
    const bool orphan = e.orphan.has_value();
    switch (role) {
    case KeyRole: return eventKey(e);
    case IsOrphanRole: return orphan;
    case IsLedgerRole: return e.kind == recon::EventKind::Ledger;
    case KindsRole: return eventKinds(e);
    case OrphanAmountRole: return QVariant::fromValue<qint64>(orphan ? e.orphan->orphanAmount.won() : 0);
    case AtRole: return QVariant::fromValue<qint64>(e.at);
    case ChipToneRole: return column == StatusColumn ? int(eventChip(e).tone) : QVariant();
    case Qt::BackgroundRole: return orphan ? QVariant(kOrphanBackground) : QVariant();
    case Qt::ForegroundRole: return orphan && column == OrphanColumn ? QVariant(kOrphanText) : QVariant();
    case Qt::TextAlignmentRole: return column == AmountColumn || column == OrphanColumn ? rightAligned() : QVariant();
    case Qt::ToolTipRole:
        if (orphan)
            return tr("미해결 출금 %1 (%2)").arg(formatWon(e.orphan->orphanAmount), recon::classLabel(e.orphan->cls));
        return {};
    case Qt::DisplayRole: break;
    default: return {};
    }
    return eventCellText(data_->timeline, e, column);
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractItemModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole)
        return section == AmountColumn || section == OrphanColumn ? rightAligned() : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("시각 (서울)");
    case KindColumn: return tr("구분");
    case IdColumn: return tr("번호");
    case DetailColumn: return tr("내용");
    case StatusColumn: return tr("상태");
    case AmountColumn: return tr("금액");
    case OrphanColumn: return tr("미해결 금액");
    }
    return {};
}

QModelIndex TimelineModel::indexForKey(const QString& key) const
{
    const auto it = keys_.constFind(key);
    if (it == keys_.constEnd())
        return {};
    const auto [group, row] = *it;
    if (row < 0)
        return index(group, 0);
    return index(row, 0, index(group, 0));
}

const recon::TimelineEvent* TimelineModel::eventForKey(const QString& key) const
{
    const auto it = keys_.constFind(key);
    if (it == keys_.constEnd() || it->second < 0)
        return nullptr;
    return &data_->groups[static_cast<std::size_t>(it->first)].events[static_cast<std::size_t>(it->second)];
}

MirrorWorker::Stats TimelineModel::readStats() const { return worker_->stats(); }

void TimelineModel::load(const QString& customerId)
{
    customerId_ = customerId;
    reload();
}

void TimelineModel::reload()
{
    const quint64 generation = ++generation_;
    worker_->cancel(ticket_);   // a customer opened before this one: stop reading it where it is
    if (customerId_.isEmpty()) {
        loading_ = false;
        apply(std::nullopt);
        return;
    }
    // The same customer shown whole (the mirror changed) is read whole again behind what is
    // shown: a first page would take their older events away for a moment.
    const bool shownWhole = isComplete() && data_->timeline.customerId == customerId_.toStdString();
    read(firstPage_ && !shownWhole ? TimelinePart::FirstPage : TimelinePart::Whole, generation);
}

void TimelineModel::read(TimelinePart part, quint64 generation)
{
    const QString id = customerId_;
    const recon::RecentWindow window = firstPage_.value_or(recon::RecentWindow{});
    loading_ = true;
    ticket_ = worker_->run(
        this,
        [id, part, window](Database& db) {
            QElapsedTimer timer;
            timer.start();
            Loaded l{loadTimelineData(db, id.toStdString(), part, window), {}, {}, {}, {}, 0};
            l.elapsedMs = timer.elapsed();
            if (l.data) {   // the filter's words and the widest cells, here rather than on the GUI thread
                l.search = buildTimelineSearch(*l.data);
                l.widest = items::widestCells(*l.data);
                l.keys = indexKeys(*l.data);
                l.points = timelinePoints(l.data->timeline);
            }
            return l;
        },
        [this, generation, id](std::optional<Loaded> result, const QString& error) {
            if (generation != generation_)
                return;
            loading_ = false;
            if (!result) {
                apply(std::nullopt);
                emit loadFailed(id, error);
            } else if (!result->data) {
                apply(std::nullopt);
                emit notFound(id);
            } else {
                const bool firstPage = result->data->timeline.isFirstPage();
                widest_ = std::move(result->widest);
                points_ = std::move(result->points);
                apply(std::move(result->data), std::move(result->search), std::move(result->keys));
                if (firstPage)   // the rest, read now; loading() until it is shown
                    read(TimelinePart::Whole, generation);
                emit loaded(id, result->elapsedMs);
            }
        });
}

void TimelineModel::apply(std::optional<TimelineData> data, TimelineSearch search, KeyIndex keys)
{
    beginResetModel();
    data_ = std::move(data);
    if (!data_) {
        widest_ = {};
        points_ = {};
    }
    search_ = std::move(search);
    keys_ = std::move(keys);
    endResetModel();
}

}  // namespace reconsole::items
