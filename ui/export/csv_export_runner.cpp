#include "ui/export/csv_export_runner.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QProgressDialog>
#include <QSettings>
#include <QTimer>
#include <QWidget>

namespace reconsole::ui {
namespace {

const QString kFolderKey = QStringLiteral("export/lastFolder");

}  // namespace

CsvExportRunner::CsvExportRunner(QWidget* owner)
    : QObject(owner), owner_(owner), export_(new items::CsvExport(this)), ticker_(new QTimer(this))
{
    ticker_->setObjectName(QStringLiteral("export progress"));
    ticker_->setInterval(200);
    connect(ticker_, &QTimer::timeout, this, &CsvExportRunner::showProgress);
    connect(export_, &items::CsvExport::finished, this, [this](const items::ExportOutcome& o) {
        ticker_->stop();
        if (progress_)
            progress_->deleteLater();
        const QString name = QFileInfo(path_).fileName();
        if (o.ok)
            emit statusMessage(tr("%1행을 %2에 저장했습니다.").arg(QLocale().toString(qlonglong(o.rows)), name));
        else if (o.cancelled)
            emit statusMessage(tr("내보내기를 취소했습니다. 파일은 그대로입니다: %1").arg(name));
        else
            emit statusMessage(tr("%1에 저장하지 못했습니다: %2").arg(name, o.error));
        if (o.ok)
            emit exported(sourceName(), path_, o.rows);
        emit finished(o);
    });
}

QString CsvExportRunner::sourceName() const
{
    if (!owner_)
        return QString();
    if (!owner_->objectName().isEmpty())
        return owner_->objectName();
    return QString::fromLatin1(owner_->metaObject()->className()).section(QStringLiteral("::"), -1);
}

void CsvExportRunner::chooseAndExport(const QString& fileName, items::CsvExport::Job job)
{
    if (isRunning())
        return;
    QSettings settings;
    const QString folder = settings.value(kFolderKey, QDir::homePath()).toString();
    const QString path = QFileDialog::getSaveFileName(owner_, tr("CSV로 내보내기"), QDir(folder).filePath(fileName),
                                                      tr("CSV 파일 (*.csv)"));
    if (path.isEmpty())
        return;
    settings.setValue(kFolderKey, QFileInfo(path).absolutePath());
    exportTo(path, std::move(job));
}

void CsvExportRunner::exportTo(const QString& path, items::CsvExport::Job job)
{
    if (isRunning())
        return;
    path_ = path;
    emit statusMessage(tr("%1에 내보내는 중…").arg(QFileInfo(path).fileName()));
    export_->start(path, std::move(job));
    ticker_->start();
}

void CsvExportRunner::showProgress()
{
    // A progress dialog only for an export that takes a while; a small one just finishes.
    if (!progress_) {
        progress_ = new QProgressDialog(owner_);
        progress_->setWindowTitle(tr("CSV로 내보내기"));
        progress_->setRange(0, 0);
        progress_->setCancelButtonText(tr("취소"));
        progress_->setMinimumDuration(0);
        connect(progress_, &QProgressDialog::canceled, export_, &items::CsvExport::cancel);
        progress_->show();
    }
    progress_->setLabelText(tr("%1행 썼습니다…").arg(QLocale().toString(qlonglong(export_->rowsSoFar()))));
}

}  // namespace reconsole::ui
