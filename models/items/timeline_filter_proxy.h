#pragma once
// The timeline under a TimelineFilter, for the event list. An event row is shown when it is
// of a chosen kind and its words (or its order's: an order id or product typed in shows that
// order's records) hold the text; an order row when orders are chosen, or when one of its
// records is shown. Over TimelineModel, which holds the whole timeline in memory: filtering
// reads no database. Counts are of records (an order, a payment attempt, a movement…), not rows.
#include "items/timeline_filter.h"

#include <QSortFilterProxyModel>

namespace reconsole::items {

class TimelineFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit TimelineFilterProxy(QObject* parent = nullptr);

    const TimelineFilter& filter() const { return filter_; }
    void setFilter(const TimelineFilter& filter);
    // Whether `source` (an index of the source model) would be shown under `filter`.
    bool wouldShow(const QModelIndex& source, const TimelineFilter& filter) const;
    int shownRecords() const;
    int totalRecords() const;

signals:
    void filterChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    bool rowMatches(const QModelIndex& source, const TimelineFilter& filter) const;

    TimelineFilter filter_;
};

}  // namespace reconsole::items
