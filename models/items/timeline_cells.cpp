#include "items/timeline_cells.h"

#include "items/timeline_labels.h"
#include "core/display.h"

namespace reconsole::items {

QString groupCellText(const recon::CustomerTimeline& t, const TimelineGroup& g, int column)
{
    switch (column) {
    case TimeColumn: return formatSeoul(g.firstAt);
    case KindColumn: return groupKindLabel(g.kind);
    case IdColumn: return QString::fromStdString(g.key);
    case DetailColumn: return groupDetail(t, g);
    case StatusColumn: return groupChip(g).text;
    case AmountColumn: {
        const Money amount = groupAmount(g);
        return amount.isZero() ? QString() : formatWon(amount);
    }
    case OrphanColumn: return g.orphanTotal.value().isZero() ? QString() : formatWon(g.orphanTotal);
    }
    return {};
}

QString eventCellText(const recon::CustomerTimeline& t, const recon::TimelineEvent& e, int column)
{
    switch (column) {
    case TimeColumn: return formatSeoul(e.at);
    case KindColumn: return eventKindLabel(e);
    case IdColumn: return QString::fromStdString(e.id);
    case DetailColumn: return e.kind == recon::EventKind::Ledger ? accountText(t, e.accountId) : QString();
    case StatusColumn: return eventChip(e).text;
    case AmountColumn: return eventAmountText(e);
    case OrphanColumn: return e.orphan ? formatWon(e.orphan->orphanAmount) : QString();
    }
    return {};
}

WidestCells widestCells(const TimelineData& data)
{
    constexpr int kMeasured[] = {TimeColumn, KindColumn, IdColumn, StatusColumn, AmountColumn, OrphanColumn};
    WidestCells w;
    const auto keepLonger = [](QString& kept, QString text) {
        if (text.size() > kept.size())
            kept = std::move(text);
    };
    for (const auto& g : data.groups) {
        for (const int c : kMeasured)
            keepLonger(w.groups[std::size_t(c)], groupCellText(data.timeline, g, c));
        for (const auto& e : g.events)
            for (const int c : kMeasured)
                keepLonger(w.events[std::size_t(c)], eventCellText(data.timeline, e, c));
    }
    return w;
}

}  // namespace reconsole::items
