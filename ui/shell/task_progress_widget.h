#pragma once
// A task's progress in the status bar: what it is doing, a bar, and Cancel.
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace reconsole::ui {

class BackgroundTask;

class TaskProgressWidget : public QWidget {
    Q_OBJECT
public:
    explicit TaskProgressWidget(QWidget* parent = nullptr);
    // Shows `task` until it finishes.
    void watch(BackgroundTask* task);

private:
    QLabel* label_;
    QProgressBar* bar_;
    QPushButton* cancel_;
};

}  // namespace reconsole::ui
