#pragma once
// Keeps a table's money columns on screen: when the view is narrower than its columns, the
// text columns give up width first (down to a floor, elided as text may be), so that amounts
// are never pushed behind horizontal scrolling. Widths the person set are the starting point.
// Tables (the queue, the catalog) and trees (a customer's timeline) alike.
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QVector>

class QAbstractItemView;
class QHeaderView;
class QTableView;
class QTreeView;
class QWidget;

namespace reconsole::ui {

class MoneyFirstColumns : public QObject {
    Q_OBJECT
public:
    // `shrinkable`: the text columns, in the order they give up width; `money`: columns never shrunk.
    MoneyFirstColumns(QTableView* view, QVector<int> shrinkable, QVector<int> money);
    MoneyFirstColumns(QTreeView* view, QVector<int> shrinkable, QVector<int> money);
    // The widths text columns grow back to when there is room again (a view sized to its
    // contents, then shown narrow, then wide); without them a column given up stays narrow.
    void setPreferredWidths(const QHash<int, int>& widths);
    void fit();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    MoneyFirstColumns(QAbstractItemView* view, QHeaderView* header, QVector<int> shrinkable, QVector<int> money);
    int floorFor(int column) const;

    QAbstractItemView* view_;
    // Kept, not asked of the view: the viewport still sends events while the view is being
    // destroyed, when it is no longer a QAbstractScrollArea (UBSan: a member call on a
    // mistyped object). Null once the viewport is gone.
    QPointer<QWidget> viewport_;
    QHeaderView* header_;
    QVector<int> shrinkable_, money_;
    QHash<int, int> preferred_;
    bool fitting_ = false;
};

}  // namespace reconsole::ui
