#include "ui/customer/timeline_columns.h"

#include "items/timeline_model.h"
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
// group row's is bold). Amounts, times and ids are digits, separators and a few capitals: the
// longest is the widest.
int widestText(const QAbstractItemModel& m, int column, const QFont& font)
{
    QString longest, longestBold;
    for (int g = 0; g < m.rowCount(); ++g) {
        const QModelIndex group = m.index(g, column);
        const QString groupText = group.data().toString();
        if (groupText.size() > longestBold.size())
            longestBold = groupText;
        const QModelIndex parent = m.index(g, 0);
        for (int r = 0; r < m.rowCount(parent); ++r) {
            const QString text = m.index(r, column, parent).data().toString();
            if (text.size() > longest.size())
                longest = text;
        }
    }
    QFont bold = font;
    bold.setBold(true);
    return std::max(QFontMetrics(font).horizontalAdvance(longest), QFontMetrics(bold).horizontalAdvance(longestBold));
}

}  // namespace

TimelineColumns::TimelineColumns(QTreeView* tree)
    : QObject(tree),
      tree_(tree),
      moneyFirst_(new MoneyFirstColumns(tree, {std::begin(kTextColumns), std::end(kTextColumns)},
                                        {std::begin(kMoneyColumns), std::end(kMoneyColumns)}))
{
}

void TimelineColumns::fitToContents(const QAbstractItemModel& all)
{
    QHeaderView* header = tree_->header();
    for (int c = 0; c < TimelineModel::ColumnCount; ++c)
        if (c != TimelineModel::DetailColumn)
            tree_->resizeColumnToContents(c);
    // The cell's margins: the style's text margin either side, and a little air.
    const int margins = 2 * (tree_->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, tree_) + 1) + 12;
    for (const int column : kMoneyColumns) {
        const int needed = widestText(all, column, tree_->font()) + margins;
        header->resizeSection(column, std::max(header->sectionSize(column), needed));
    }
    // Times and ids too are measured over every row (the view measures the rows in view): they
    // may give way at 1024 px, but not be cut short when there is room. The time column holds
    // the tree's indentation.
    const int indent = 2 * tree_->indentation();
    header->resizeSection(TimelineModel::TimeColumn,
                          std::max(header->sectionSize(TimelineModel::TimeColumn),
                                   widestText(all, TimelineModel::TimeColumn, tree_->font()) + margins + indent));
    header->resizeSection(TimelineModel::IdColumn,
                          std::max(header->sectionSize(TimelineModel::IdColumn),
                                   widestText(all, TimelineModel::IdColumn, tree_->font()) + margins));
    // What the text columns grow back to when the list is wide again.
    QHash<int, int> preferred;
    for (const int column : kTextColumns)
        preferred.insert(column, header->sectionSize(column));
    moneyFirst_->setPreferredWidths(preferred);
}

}  // namespace reconsole::ui
