#pragma once
// The text of each cell of the timeline list, in one place for the model (on the GUI thread)
// and for the worker that measures the widest cells of a whole timeline before it is shown.
#include "items/timeline_data.h"

#include <QString>
#include <array>

namespace reconsole::items {

// The columns, as TimelineModel::Column numbers them.
enum TimelineCell { CellTime, CellKind, CellId, CellDetail, CellStatus, CellAmount, CellOrphan,
                    CellCount };

QString groupCellText(const recon::CustomerTimeline& t, const TimelineGroup& g, int column);
QString eventCellText(const recon::CustomerTimeline& t, const recon::TimelineEvent& e, int column);

// The longest text of each column but the detail (which stretches; left empty) over every row,
// expanded or not: events' (plain font) and groups' (bold). Amounts, times and ids are digits, separators and a few capitals: the
// longest is the widest, so only these need measuring on the GUI thread.
struct WidestCells {
    std::array<QString, CellCount> events, groups;
};
WidestCells widestCells(const TimelineData& data);

}  // namespace reconsole::items
