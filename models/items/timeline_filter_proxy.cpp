#include "items/timeline_filter_proxy.h"

#include "items/timeline_model.h"

namespace reconsole::items {
namespace {

bool kindMatches(const QModelIndex& source, int kinds)
{
    return kinds == 0 || (source.data(TimelineModel::KindsRole).toInt() & kinds) != 0;
}

bool textMatches(const QModelIndex& source, const QString& needle)
{
    return needle.isEmpty() || source.data(TimelineModel::SearchTextRole).toString().contains(needle);
}

bool isOrderRecord(const QModelIndex& group) { return (group.data(TimelineModel::KindsRole).toInt() & OrderKind) != 0; }

}  // namespace

TimelineFilterProxy::TimelineFilterProxy(QObject* parent) : QSortFilterProxyModel(parent)
{
    // A group stays while one of its records is shown.
    setRecursiveFilteringEnabled(true);
}

void TimelineFilterProxy::setFilter(const TimelineFilter& filter)
{
    if (filter == filter_)
        return;
    filter_ = filter;
    invalidateRowsFilter();
    emit filterChanged();
}

// A group row "matches" by itself: an order when orders are chosen, or any group when every
// kind is; and its own words (order id, product, merchant) hold the text. An event row: of a
// chosen kind, and its words or its group's hold the text.
bool TimelineFilterProxy::rowMatches(const QModelIndex& source, const TimelineFilter& filter) const
{
    const QString needle = filter.text.trimmed().toLower();
    const QModelIndex group = source.parent();
    if (!group.isValid())
        return (filter.kinds == 0 || ((filter.kinds & OrderKind) != 0 && isOrderRecord(source))) && textMatches(source, needle);
    return kindMatches(source, filter.kinds) && (textMatches(source, needle) || textMatches(group, needle));
}

bool TimelineFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    return rowMatches(sourceModel()->index(sourceRow, 0, sourceParent), filter_);
}

bool TimelineFilterProxy::wouldShow(const QModelIndex& source, const TimelineFilter& filter) const
{
    if (!source.isValid())
        return false;
    if (rowMatches(source, filter))
        return true;
    if (source.parent().isValid())
        return false;
    const QAbstractItemModel* m = sourceModel();
    for (int r = 0; r < m->rowCount(source); ++r)
        if (rowMatches(m->index(r, 0, source), filter))
            return true;
    return false;
}

// The records shown: every event row, and each order row that is shown for itself.
int TimelineFilterProxy::shownRecords() const
{
    int n = 0;
    for (int g = 0; g < rowCount(); ++g) {
        const QModelIndex group = index(g, 0);
        n += rowCount(group);
        if (isOrderRecord(group) && rowMatches(mapToSource(group), filter_))
            ++n;
    }
    return n;
}

int TimelineFilterProxy::totalRecords() const
{
    const QAbstractItemModel* m = sourceModel();
    if (!m)
        return 0;
    int n = 0;
    for (int g = 0; g < m->rowCount(); ++g) {
        const QModelIndex group = m->index(g, 0);
        n += m->rowCount(group) + (isOrderRecord(group) ? 1 : 0);
    }
    return n;
}

}  // namespace reconsole::items
