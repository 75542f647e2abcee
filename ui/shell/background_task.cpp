#include "ui/shell/background_task.h"

#include <QDateTime>
#include <QThread>

#include <exception>

namespace reconsole::ui {

bool TaskControl::cancelled() const { return task_->cancel_.load(); }

const std::atomic<bool>* TaskControl::cancelFlag() const { return &task_->cancel_; }

void TaskControl::report(int permille, const QString& text)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (permille < 1000 && lastReportMs_ >= 0 && now - lastReportMs_ < 50)
        return;
    lastReportMs_ = now;
    BackgroundTask* task = task_;
    QMetaObject::invokeMethod(
        task, [task, permille, text] { emit task->progress(permille, text); }, Qt::QueuedConnection);
}

BackgroundTask::BackgroundTask(const QString& title, Job job, QObject* parent)
    : QObject(parent), title_(title), job_(std::move(job))
{
}

BackgroundTask::~BackgroundTask()
{
    if (thread_) {
        cancel_.store(true);
        thread_->wait();
        delete thread_;
    }
}

void BackgroundTask::start()
{
    if (thread_)
        return;
    thread_ = QThread::create([this] {
        TaskControl control(this);
        try {
            outcome_ = job_(control);
        } catch (const std::exception& e) {
            outcome_ = {TaskOutcome::Status::Failed, QString::fromUtf8(e.what()), {}};
        }
    });
    thread_->setObjectName(QStringLiteral("mirror-writer"));
    // Queued to this object's (the GUI) thread, after the job's last progress report.
    connect(thread_, &QThread::finished, this, [this] { emit finished(outcome_); }, Qt::QueuedConnection);
    thread_->start();
}

void BackgroundTask::cancel() { cancel_.store(true); }

bool BackgroundTask::isRunning() const { return thread_ && thread_->isRunning(); }

}  // namespace reconsole::ui
