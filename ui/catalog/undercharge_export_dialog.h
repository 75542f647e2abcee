#pragma once
// "미수금 CSV 내보내기…": orders a catalog error charged less than they should have been, for one
// merchant or all, written as CSV (UTF-8 with BOM, Seoul times) through a save dialog. The rows
// are read and the file written on a worker of its own, with the rules in force; the file is
// replaced whole (QSaveFile), never left half written.
#include "items/catalog_products.h"

#include <QDialog>

#include <vector>

class QComboBox;
class QLabel;
class QPushButton;

namespace reconsole::items {
class MirrorWorker;
class OpsSession;
}

namespace reconsole::ui {

class UnderchargeExportDialog : public QDialog {
    Q_OBJECT
public:
    UnderchargeExportDialog(items::OpsSession* session, const QString& mirrorPath,
                            const std::vector<items::CatalogChoice>& merchants, QWidget* parent = nullptr);

    QComboBox* merchantBox() const { return merchant_; }
    QString statusText() const;

public slots:
    void chooseFileAndExport();
    void exportTo(const QString& path);   // the save dialog's answer (tests call it directly)

signals:
    void exported(bool ok);

private:
    void write(const QString& path, const catalog::CatalogRuleSettings& settings);

    items::OpsSession* session_;
    items::MirrorWorker* worker_;
    QComboBox* merchant_;
    QLabel* status_;
    QPushButton* save_;
};

}  // namespace reconsole::ui
