#pragma once
// The timeline's filter: a kind of record and a text box. Typing applies a moment after the
// last key (Enter at once); the filter is worked out in memory (TimelineFilterProxy).
#include "items/timeline_filter.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QTimer;

namespace reconsole::ui {

class TimelineFilterBar : public QWidget {
    Q_OBJECT
public:
    explicit TimelineFilterBar(QWidget* parent = nullptr);

    items::TimelineFilter filter() const;
    // Shows `filter` without announcing it; a pending typed text is dropped.
    void setFilter(const items::TimelineFilter& filter);

signals:
    void filterChanged(const reconsole::items::TimelineFilter& filter);

private:
    void announce();

    QComboBox* kind_;
    QLineEdit* text_;
    QTimer* typing_;
};

}  // namespace reconsole::ui
