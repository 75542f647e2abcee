#pragma once
// "CSV로 내보내기…" for any screen: asks where, writes on the export's own thread, shows the
// rows written with a cancel once it takes more than a moment, and says in one line how it
// went. One export at a time per screen.
#include "items/csv_export.h"

#include <QObject>
#include <QPointer>

class QProgressDialog;
class QTimer;
class QWidget;

namespace reconsole::ui {

class CsvExportRunner : public QObject {
    Q_OBJECT
public:
    explicit CsvExportRunner(QWidget* owner);

    // A save dialog first (suggesting `fileName` in the last folder used), then exportTo.
    void chooseAndExport(const QString& fileName, items::CsvExport::Job job);
    void exportTo(const QString& path, items::CsvExport::Job job);
    bool isRunning() const { return export_->isRunning(); }

signals:
    void statusMessage(const QString& text);
    void finished(const reconsole::items::ExportOutcome& outcome);
    // A file written: what (the screen it came from), where, how many rows (for the audit log).
    void exported(const QString& what, const QString& path, qint64 rows);

private:
    void showProgress();
    QString sourceName() const;   // the screen's object or class name
    QWidget* owner_;
    items::CsvExport* export_;
    QTimer* ticker_;
    QPointer<QProgressDialog> progress_;
    QString path_;
};

}  // namespace reconsole::ui
