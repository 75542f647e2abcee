#include "ui/shell/task_progress_widget.h"

#include "ui/shell/background_task.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>

namespace reconsole::ui {

TaskProgressWidget::TaskProgressWidget(QWidget* parent)
    : QWidget(parent), label_(new QLabel), bar_(new QProgressBar), cancel_(new QPushButton(tr("취소")))
{
    setObjectName(QStringLiteral("taskProgress"));
    cancel_->setObjectName(QStringLiteral("cancelTask"));
    bar_->setRange(0, 1000);
    bar_->setTextVisible(false);
    bar_->setFixedWidth(160);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label_);
    layout->addWidget(bar_);
    layout->addWidget(cancel_);
    hide();
}

void TaskProgressWidget::watch(BackgroundTask* task)
{
    label_->setText(task->title());
    label_->setToolTip({});
    bar_->setValue(0);
    cancel_->setEnabled(true);
    cancel_->disconnect(this);
    QPointer<BackgroundTask> guarded(task);
    connect(cancel_, &QPushButton::clicked, this, [this, guarded] {
        if (guarded)
            guarded->cancel();
        cancel_->setEnabled(false);
        label_->setText(tr("취소하는 중…"));
    });
    connect(task, &BackgroundTask::progress, this, [this, title = task->title()](int permille, const QString& text) {
        bar_->setValue(permille);
        if (cancel_->isEnabled())
            label_->setText(QStringLiteral("%1 · %2").arg(title, text));
    });
    connect(task, &BackgroundTask::finished, this, &QWidget::hide);
    show();
}

}  // namespace reconsole::ui
