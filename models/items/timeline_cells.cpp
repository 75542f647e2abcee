#include "items/timeline_cells.h"

#include "items/timeline_labels.h"
#include "core/display.h"

namespace reconsole::items {

QString groupCellText(const recon::CustomerTimeline& t, const TimelineGroup& g, int column)
{
    switch (column) {
    case CellTime: return formatSeoul(g.firstAt);
    case CellKind: return groupKindLabel(g.kind);
    case CellId: return QString::fromStdString(g.key);
    case CellDetail: return groupDetail(t, g);
    case CellStatus: return groupChip(g).text;
    case CellAmount: {
        const Money amount = groupAmount(g);
        return amount.isZero() ? QString() : formatWon(amount);
    }
    case CellOrphan: return g.orphanTotal.value().isZero() ? QString() : formatWon(g.orphanTotal);
    }
    return {};
}

QString eventCellText(const recon::CustomerTimeline& t, const recon::TimelineEvent& e, int column)
{
    switch (column) {
    case CellTime: return formatSeoul(e.at);
    case CellKind: return eventKindLabel(e);
    case CellId: return QString::fromStdString(e.id);
    case CellDetail: return e.kind == recon::EventKind::Ledger ? accountText(t, e.accountId) : QString();
    case CellStatus: return eventChip(e).text;
    case CellAmount: return eventAmountText(e);
    case CellOrphan: return e.orphan ? formatWon(e.orphan->orphanAmount) : QString();
    }
    return {};
}

WidestCells widestCells(const TimelineData& data)
{
    constexpr int kMeasured[] = {CellTime, CellKind, CellId, CellStatus, CellAmount, CellOrphan};
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
