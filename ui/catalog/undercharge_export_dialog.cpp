#include "ui/catalog/undercharge_export_dialog.h"

#include "catalog/undercharge_report.h"
#include "core/money.h"
#include "items/catalog_ops.h"
#include "items/mirror_worker.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

namespace reconsole::ui {
namespace {

struct Written {
    int orders = 0;
    MoneyTotal total;
    QString error;
};

}  // namespace

UnderchargeExportDialog::UnderchargeExportDialog(items::OpsSession* session, const QString& mirrorPath,
                                                 const std::vector<items::CatalogChoice>& merchants, QWidget* parent)
    : QDialog(parent),
      session_(session),
      worker_(new items::MirrorWorker(mirrorPath, this)),
      merchant_(new QComboBox),
      status_(new QLabel),
      save_(new QPushButton(tr("CSV로 저장…")))
{
    setObjectName(QStringLiteral("underchargeExportDialog"));
    setWindowTitle(tr("미수금 CSV 내보내기"));
    merchant_->setObjectName(QStringLiteral("underchargeMerchant"));
    status_->setObjectName(QStringLiteral("underchargeStatus"));
    save_->setObjectName(QStringLiteral("underchargeSave"));
    merchant_->addItem(tr("모든 가맹점"), QString());
    for (const auto& m : merchants)
        merchant_->addItem(QStringLiteral("%1 (%2)").arg(QString::fromStdString(m.name), QString::fromStdString(m.id)),
                           QString::fromStdString(m.id));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* intro = new QLabel(tr("카탈로그 오류로 덜 받은 주문을 가맹점별로 적습니다. 덜 받은 금액은 고객에게서 받지 않고, "
                                "가맹점의 기록을 위해 알립니다."));
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("가맹점"), merchant_);
    auto* buttons = new QDialogButtonBox;
    buttons->addButton(save_, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(status_);
    layout->addWidget(buttons);
    setMinimumWidth(std::max(520, fontMetrics().horizontalAdvance(QLatin1Char('M')) * 40));
    connect(save_, &QPushButton::clicked, this, &UnderchargeExportDialog::chooseFileAndExport);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void UnderchargeExportDialog::chooseFileAndExport()
{
    const QString merchant = merchant_->currentData().toString();
    const QString suggested = QDir::home().filePath(
        QStringLiteral("undercharges-%1.csv").arg(merchant.isEmpty() ? QStringLiteral("all") : merchant));
    const QString path = QFileDialog::getSaveFileName(this, tr("미수금 CSV 저장"), suggested, tr("CSV 파일 (*.csv)"));
    if (!path.isEmpty())
        exportTo(path);
}

void UnderchargeExportDialog::exportTo(const QString& path)
{
    save_->setEnabled(false);
    status_->setStyleSheet({});
    status_->setText(tr("쓰는 중…"));
    // What "should have been paid" means follows the admin's tolerances: read them first.
    if (!session_) {
        write(path, {});
        return;
    }
    items::readCatalogRules(session_, this, [this, path](const ops::CatalogRulesInForce& rules, const QString&) {
        write(path, rules.settings);
    });
}

void UnderchargeExportDialog::write(const QString& path, const catalog::CatalogRuleSettings& settings)
{
    const QString merchant = merchant_->currentData().toString();
    worker_->run(
        this,
        [path, settings, merchant](Database& db) {
            Written w;
            const auto rows = catalog::undercharges(
                db, merchant.isEmpty() ? std::nullopt : std::optional<std::string>(merchant.toStdString()), settings);
            for (const auto& r : rows)
                w.total.add(r.undercharge);
            w.orders = int(rows.size());
            const std::string csv = catalog::underchargesCsv(rows);
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(csv.data(), qint64(csv.size())) != qint64(csv.size())
                || !file.commit())
                w.error = file.errorString();
            return w;
        },
        [this, path](std::optional<Written> w, const QString& error) {
            save_->setEnabled(true);
            const QString why = !w ? error : w->error;
            if (!why.isEmpty()) {
                status_->setStyleSheet(QStringLiteral("color: #b01c1c;"));
                status_->setText(tr("CSV를 쓰지 못했습니다: %1").arg(why));
                emit exported(false);
                return;
            }
            status_->setStyleSheet(QStringLiteral("color: #1e7b34;"));
            status_->setText(tr("덜 받은 주문 %1건, 합계 %2을(를) %3에 썼습니다.")
                                 .arg(w->orders)
                                 .arg(formatWon(w->total))
                                 .arg(QDir::toNativeSeparators(path)));
            emit exported(true);
        });
}

QString UnderchargeExportDialog::statusText() const { return status_->text(); }

}  // namespace reconsole::ui
