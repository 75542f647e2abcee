#pragma once
// Keeps a table's money columns on screen: when the view is narrower than its columns, the
// text columns give up width first (down to a floor, elided as text may be), so that amounts
// are never pushed behind horizontal scrolling. Widths the person set are the starting point.
#include <QObject>
#include <QVector>

class QTableView;

namespace reconsole::ui {

class MoneyFirstColumns : public QObject {
    Q_OBJECT
public:
    // `shrinkable`: the text columns, in the order they give up width; `money`: columns never shrunk.
    MoneyFirstColumns(QTableView* view, QVector<int> shrinkable, QVector<int> money);
    void fit();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QTableView* view_;
    QVector<int> shrinkable_, money_;
    bool fitting_ = false;
};

}  // namespace reconsole::ui
