#pragma once
// The orphan queue's filters: class, merchant, age, orphan amount, free text, and a range of
// days (Seoul), which a dashboard bar also sets to its one day. Typing waits a moment before it filters, so a word is one query.
#include "items/orphan_filter.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLineEdit;
class QSpinBox;
class QTimer;
class QToolButton;

namespace reconsole::items {
class MerchantChoiceModel;
}

namespace reconsole::ui {

class OrphanFilterBar : public QWidget {
    Q_OBJECT
public:
    explicit OrphanFilterBar(items::MerchantChoiceModel* merchants, QWidget* parent = nullptr);

    items::OrphanFilter filter() const { return filter_; }
    QDateEdit* fromDay() const { return fromDay_; }
    QDateEdit* toDay() const { return toDay_; }
    // The first day a date box can show: the box at it means "no bound".
    static QDate noBound();
    // Shows `filter` in the widgets and applies it.
    void setFilter(const items::OrphanFilter& filter);

signals:
    void filterChanged(const reconsole::items::OrphanFilter& filter);

private:
    void readWidgets();   // the widgets into filter_, then filterChanged if it differs
    void showFilter();    // filter_ into the widgets
    void showMerchant();

    items::MerchantChoiceModel* merchants_;
    items::OrphanFilter filter_;
    QComboBox* class_;
    QComboBox* merchant_;
    QComboBox* age_;
    QSpinBox* minAmount_;
    QSpinBox* maxAmount_;
    QLineEdit* text_;
    QDateEdit* fromDay_;
    QDateEdit* toDay_;
    QToolButton* day_;
    QToolButton* clear_;
    QTimer* typing_;
    bool showing_ = false;   // widgets are being set from filter_: do not read them back
};

}  // namespace reconsole::ui
