#pragma once
// The main window's status bar: a message on the left that ends, elided, before the permanent
// widgets on the right (the operator, a task's progress, the mirror's freshness), which at the
// smallest window size take most of the width. QStatusBar would cut the message off flush against
// them, so that it seemed to run under the operator's name. The whole message is its tooltip.
#include <QStatusBar>

namespace reconsole::ui {

class ConsoleStatusBar : public QStatusBar {
    Q_OBJECT
public:
    explicit ConsoleStatusBar(QWidget* parent = nullptr);

    // Where the message is drawn: from the left edge to a gap before the first permanent widget.
    QRect messageRoom() const;
    // The message as drawn there (elided when it does not fit), for the tests.
    QString shownMessage() const;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    // The visible children while a message shows: the permanent widgets (and the size grip).
    QList<QWidget*> permanentWidgets() const;
    static constexpr int kGap = 12;   // between the message's end and the first permanent widget
};

}  // namespace reconsole::ui
