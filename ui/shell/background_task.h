#pragma once
// Work that writes to a mirror (open and upgrade, import, build a demo) runs on a thread of
// its own with a connection of its own, reports progress to the GUI thread, and stops early
// when cancelled. The GUI thread only starts it and hears back.
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>

class QThread;

namespace reconsole::ui {

struct TaskOutcome {
    enum class Status { Done, Cancelled, Failed };
    Status status = Status::Done;
    QString message;   // one line for the status bar
    QString detail;    // more, for a dialog (quarantined lines, the error)
};

class BackgroundTask;

// What the job sees: whether it should stop, and a way to say how far it got.
class TaskControl {
public:
    explicit TaskControl(BackgroundTask* task) : task_(task) {}
    bool cancelled() const;
    const std::atomic<bool>* cancelFlag() const;
    void report(int permille, const QString& text);   // any thread; at most ~20 a second

private:
    BackgroundTask* task_;
    qint64 lastReportMs_ = -1;
};

class BackgroundTask : public QObject {
    Q_OBJECT
public:
    using Job = std::function<TaskOutcome(TaskControl&)>;

    BackgroundTask(const QString& title, Job job, QObject* parent = nullptr);
    ~BackgroundTask() override;   // cancels, then waits for the job to stop

    void start();
    void cancel();
    bool isRunning() const;
    QString title() const { return title_; }

signals:
    void progress(int permille, const QString& text);
    void finished(const reconsole::ui::TaskOutcome& outcome);

private:
    friend class TaskControl;
    QString title_;
    Job job_;
    std::atomic<bool> cancel_{false};
    TaskOutcome outcome_;
    QThread* thread_ = nullptr;
};

}  // namespace reconsole::ui
