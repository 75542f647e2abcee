#include "ui/orphans/money_first_columns.h"

#include <QEvent>
#include <QHeaderView>
#include <QTableView>
#include <QTreeView>

#include <algorithm>

namespace reconsole::ui {

MoneyFirstColumns::MoneyFirstColumns(QTableView* view, QVector<int> shrinkable, QVector<int> money)
    : MoneyFirstColumns(view, view->horizontalHeader(), std::move(shrinkable), std::move(money))
{
}

MoneyFirstColumns::MoneyFirstColumns(QTreeView* view, QVector<int> shrinkable, QVector<int> money)
    : MoneyFirstColumns(view, view->header(), std::move(shrinkable), std::move(money))
{
}

MoneyFirstColumns::MoneyFirstColumns(QAbstractItemView* view, QHeaderView* header, QVector<int> shrinkable,
                                     QVector<int> money)
    : QObject(view),
      view_(view),
      viewport_(view->viewport()),
      header_(header),
      shrinkable_(std::move(shrinkable)),
      money_(std::move(money))
{
    viewport_->installEventFilter(this);
    // Sections are sized again when the model first brings its columns, or when a vertical
    // scroll bar appears with the rows: fit again after either, once things settle.
    const auto fitLater = [this] { QMetaObject::invokeMethod(this, &MoneyFirstColumns::fit, Qt::QueuedConnection); };
    connect(header_, &QHeaderView::sectionCountChanged, this, fitLater);
    connect(header_, &QHeaderView::geometriesChanged, this, fitLater);
}

void MoneyFirstColumns::setPreferredWidths(const QHash<int, int>& widths)
{
    preferred_ = widths;
    fit();
}

bool MoneyFirstColumns::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == viewport_ && event->type() == QEvent::Resize)
        fit();
    return QObject::eventFilter(watched, event);
}

void MoneyFirstColumns::fit()
{
    // A hidden view has no real width yet: it is fitted when it is shown (a resize).
    if (fitting_ || !viewport_ || !view_->isVisible())
        return;
    fitting_ = true;
    QHeaderView* header = header_;
    for (auto it = preferred_.cbegin(); it != preferred_.cend(); ++it)
        if (header->sectionSize(it.key()) < it.value())
            header->resizeSection(it.key(), it.value());
    // Where the last money column ends, with the view scrolled to its start.
    int moneyEnd = 0;
    for (int column : money_)
        if (!header->isSectionHidden(column))
            moneyEnd = std::max(moneyEnd, header->sectionPosition(column) + header->sectionSize(column));
    int excess = moneyEnd - viewport_->width();
    for (int column : shrinkable_) {
        if (excess <= 0)
            break;
        // Only columns to the left of the money columns move them.
        if (header->isSectionHidden(column) || header->sectionPosition(column) >= moneyEnd)
            continue;
        const int give = std::min(excess, std::max(0, header->sectionSize(column) - floorFor(column)));
        header->resizeSection(column, header->sectionSize(column) - give);
        excess -= give;
    }
    fitting_ = false;
}

// Two Hangul syllables and an ellipsis stay: enough to tell rows apart (a CJK font's
// "average" character is as wide as a syllable, so it cannot be the measure). A tree's first
// column also keeps its indentation (a child row sits two steps in).
int MoneyFirstColumns::floorFor(int column) const
{
    int floor = view_->fontMetrics().horizontalAdvance(QStringLiteral("가나…")) + 12;
    if (const auto* tree = qobject_cast<const QTreeView*>(view_); tree && header_->visualIndex(column) == 0)
        floor += 2 * tree->indentation();
    return floor;
}

}  // namespace reconsole::ui
