#pragma once
// The timeline list's column widths: text columns to their contents, money columns to the
// widest amount of the whole timeline (not only the rows in view, so no amount is ever
// elided), and the money columns kept in view at any width (MoneyFirstColumns: the text
// columns give up width first).
#include <QObject>

class QTreeView;

namespace reconsole::items {
class TimelineModel;
}

namespace reconsole::ui {

class MoneyFirstColumns;

class TimelineColumns : public QObject {
    Q_OBJECT
public:
    explicit TimelineColumns(QTreeView* tree);
    // After a load: size every column again; money columns for every row of `all` (the
    // whole timeline, whatever the list's filter shows).
    void fitToContents(const items::TimelineModel& all);

private:
    QTreeView* tree_;
    MoneyFirstColumns* moneyFirst_;
};

}  // namespace reconsole::ui
