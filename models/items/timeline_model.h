#pragma once
// One customer's timeline as a two-level tree: a row per order (top-up, "no order" group)
// with its payment attempts, ledger movements and cash receipts beneath, in time order.
// Loaded on the model's own MirrorWorker; an answer for a customer since replaced is dropped.
// A busy customer opens in two steps: a first page of their newest events (and every orphan),
// shown at once, then the whole timeline read behind it; each is announced by loaded().
#include "items/mirror_worker.h"
#include "items/timeline_cells.h"
#include "items/timeline_data.h"
#include "items/timeline_filter.h"
#include "items/timeline_points.h"

#include <QAbstractItemModel>
#include <QHash>
#include <optional>

namespace reconsole::items {

class MirrorWorker;

class TimelineModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, KindColumn, IdColumn, DetailColumn, StatusColumn, AmountColumn, OrphanColumn, ColumnCount };
    enum Role {
        KeyRole = Qt::UserRole + 1,   // a ledger id; "payment:<id>", "receipt:<id>"; "group:<kind>:<key>"
        IsOrphanRole,                 // bool: an orphan debit
        OrphanAmountRole,             // qint64 won: the orphan amount of a row or the total of a group
        ChipToneRole,                 // int ChipTone, on the status column
        AtRole,                       // qint64 ms UTC
        IsLedgerRole,                 // bool: a ledger movement (the rows the chart plots)
        KindsRole,                    // int TimelineKind bits (timeline_filter.h)
        SearchTextRole,               // QString: the row's lower-cased words, for the filter
    };

    using KeyIndex = QHash<QString, QPair<int, int>>;   // key -> (group, child row or -1)

    explicit TimelineModel(const QString& mirrorPath, QObject* parent = nullptr);
    ~TimelineModel() override;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QString customerId() const { return customerId_; }
    bool isLoading() const { return loading_; }
    // The whole timeline is shown (not only a busy customer's first page).
    bool isComplete() const { return data_ && !data_->timeline.isFirstPage(); }
    // How much a busy customer's first page holds; nullopt reads every timeline whole at once.
    void setFirstPageWindow(std::optional<recon::RecentWindow> window) { firstPage_ = window; }
    // The loaded timeline; null before the first load and when the customer was not found.
    const recon::CustomerTimeline* timeline() const { return data_ ? &data_->timeline : nullptr; }
    // The longest cell texts of the timeline shown, measured on the worker (timeline_cells.h).
    const WidestCells& widestCells() const { return widest_; }
    // What the chart plots of the timeline shown, made on the worker (timeline_points.h).
    const QList<TimelinePoint>& chartPoints() const { return points_; }
    // The event whose KeyRole is `key`; null for a group or when none.
    const recon::TimelineEvent* eventForKey(const QString& key) const;
    // The row (column 0) whose KeyRole is `key`; invalid when none.
    QModelIndex indexForKey(const QString& key) const;
    // Reads begun and reads a newer one stopped part way (for tests and benchmarks).
    MirrorWorker::Stats readStats() const;

public slots:
    void load(const QString& customerId);
    void reload();   // the mirror changed: read the same customer again

signals:
    void loaded(const QString& customerId, qint64 elapsedMs);
    void notFound(const QString& customerId);
    void loadFailed(const QString& customerId, const QString& error);

private:
    QVariant groupData(const TimelineGroup& g, int column, int role) const;
    QVariant eventData(const recon::TimelineEvent& e, int column, int role) const;
    void apply(std::optional<TimelineData> data, TimelineSearch search = {}, KeyIndex keys = {});
    void read(TimelinePart part, quint64 generation);

    MirrorWorker* worker_;
    QString customerId_;
    quint64 generation_ = 0;
    quint64 ticket_ = 0;   // the read in flight, cancelled when a newer one replaces it
    bool loading_ = false;
    std::optional<recon::RecentWindow> firstPage_ = recon::RecentWindow{};
    std::optional<TimelineData> data_;
    TimelineSearch search_;
    WidestCells widest_;
    QList<TimelinePoint> points_;
    KeyIndex keys_;
};

}  // namespace reconsole::items
