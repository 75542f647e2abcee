#include "ui/orphans/money_first_columns.h"

#include <QEvent>
#include <QHeaderView>
#include <QTableView>

#include <algorithm>

namespace reconsole::ui {

MoneyFirstColumns::MoneyFirstColumns(QTableView* view, QVector<int> shrinkable, QVector<int> money)
    : QObject(view), view_(view), shrinkable_(std::move(shrinkable)), money_(std::move(money))
{
    view_->viewport()->installEventFilter(this);
    // Sections are sized again when the model first brings its columns, or when a vertical
    // scroll bar appears with the rows: fit again after either, once things settle.
    const auto fitLater = [this] { QMetaObject::invokeMethod(this, &MoneyFirstColumns::fit, Qt::QueuedConnection); };
    connect(view_->horizontalHeader(), &QHeaderView::sectionCountChanged, this, fitLater);
    connect(view_->horizontalHeader(), &QHeaderView::geometriesChanged, this, fitLater);
}

bool MoneyFirstColumns::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == view_->viewport() && event->type() == QEvent::Resize)
        fit();
    return QObject::eventFilter(watched, event);
}

void MoneyFirstColumns::fit()
{
    // A hidden view has no real width yet: it is fitted when it is shown (a resize).
    if (fitting_ || !view_->isVisible())
        return;
    fitting_ = true;
    QHeaderView* header = view_->horizontalHeader();
    // Where the last money column ends, with the view scrolled to its start.
    int moneyEnd = 0;
    for (int column : money_)
        if (!header->isSectionHidden(column))
            moneyEnd = std::max(moneyEnd, header->sectionPosition(column) + header->sectionSize(column));
    int excess = moneyEnd - view_->viewport()->width();
    // Two Hangul syllables and an ellipsis stay: enough to tell rows apart (a CJK font's
    // "average" character is as wide as a syllable, so it cannot be the measure).
    const int floor = view_->fontMetrics().horizontalAdvance(QStringLiteral("가나…")) + 12;
    for (int column : shrinkable_) {
        if (excess <= 0)
            break;
        // Only columns to the left of the money columns move them.
        if (header->isSectionHidden(column) || header->sectionPosition(column) >= moneyEnd)
            continue;
        const int give = std::min(excess, std::max(0, header->sectionSize(column) - floor));
        header->resizeSection(column, header->sectionSize(column) - give);
        excess -= give;
    }
    fitting_ = false;
}

}  // namespace reconsole::ui
