#pragma once
// Sizes a table's columns to their contents only where a column's texts changed since it last
// did. QTableView measures every cell of a column through its delegate, a text layout each:
// the catalog's 309 products took 10-17 ms of the GUI thread per reload, and a reload after an
// import mostly brings back the same names and prices. A column a user widened by hand also
// keeps its width until its texts change.
#include <QList>

#include <cstddef>
#include <optional>
#include <vector>

QT_BEGIN_NAMESPACE
class QTableView;
QT_END_NAMESPACE

namespace reconsole::ui {

class ChangedColumns {
public:
    // Resizes each of `columns` whose display texts or fonts changed (or that was never sized);
    // returns those resized.
    QList<int> fit(QTableView* view, const QList<int>& columns);

private:
    std::vector<std::optional<std::size_t>> digests_;   // per column: its texts when last sized, if ever
};

}  // namespace reconsole::ui
