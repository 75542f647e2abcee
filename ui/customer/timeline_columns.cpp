#include "ui/customer/timeline_columns.h"

#include "items/timeline_model.h"
#include "ui/customer/status_chip_delegate.h"
#include "ui/orphans/money_first_columns.h"

#include <QFont>
#include <QFontMetrics>
#include <QHash>
#include <QHeaderView>
#include <QStyle>
#include <QTreeView>

#include <algorithm>
#include <iterator>

namespace reconsole::ui {
namespace {

using items::TimelineModel;

constexpr int kMoneyColumns[] = {TimelineModel::AmountColumn, TimelineModel::OrphanColumn};
// The text columns in the order they give up width (the detail column stretches, and so
// shrinks before them).
constexpr int kTextColumns[] = {TimelineModel::KindColumn, TimelineModel::StatusColumn, TimelineModel::TimeColumn,
                                TimelineModel::IdColumn};

// The widest text of `column` over every row, expanded or not, in the row's own font (a
// group row's is bold), from the longest texts the model's worker found.
int widestText(const TimelineModel& m, int column, const QFont& font)
{
    QFont bold = font;
    bold.setBold(true);
    const auto c = static_cast<std::size_t>(column);
    return std::max(QFontMetrics(font).horizontalAdvance(m.widestCells().events[c]),
                    QFontMetrics(bold).horizontalAdvance(m.widestCells().groups[c]));
}

}  // namespace

TimelineColumns::TimelineColumns(QTreeView* tree)
    : QObject(tree),
      tree_(tree),
      moneyFirst_(new MoneyFirstColumns(tree, {std::begin(kTextColumns), std::end(kTextColumns)},
                                        {std::begin(kMoneyColumns), std::end(kMoneyColumns)}))
{
}

void TimelineColumns::fitToContents(const items::TimelineModel& all)
{
    QHeaderView* header = tree_->header();
    // The view measures the rows in view and the header's text (a busy customer's thousands of
    // rows would take the GUI thread a tenth of a second); every row's widest text comes from
    // the model's worker.
    header->setResizeContentsPrecision(0);
    for (int c = 0; c < TimelineModel::ColumnCount; ++c)
        if (c != TimelineModel::DetailColumn)
            tree_->resizeColumnToContents(c);
    // The cell's margins: the style's text margin either side, and a little air. The time
    // column holds the tree's indentation; the status column, chips.
    const int margins = 2 * (tree_->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, tree_) + 1) + 12;
    const auto fit = [&](int column, int extra) {
        const int needed = widestText(all, column, tree_->font()) + margins + extra;
        header->resizeSection(column, std::max(header->sectionSize(column), needed));
    };
    for (const int column : kMoneyColumns)
        fit(column, 0);
    // Times, ids, kinds and statuses may give way at 1024 px, but not be cut short when there
    // is room.
    fit(TimelineModel::TimeColumn, 2 * tree_->indentation());
    fit(TimelineModel::IdColumn, 0);
    fit(TimelineModel::KindColumn, 0);
    fit(TimelineModel::StatusColumn, StatusChipDelegate::chipExtraWidth());
    // What the text columns grow back to when the list is wide again.
    QHash<int, int> preferred;
    for (const int column : kTextColumns)
        preferred.insert(column, header->sectionSize(column));
    moneyFirst_->setPreferredWidths(preferred);
}

}  // namespace reconsole::ui
