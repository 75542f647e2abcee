#include "ui/shell/store_fault_alerts.h"

#include "items/store_fault_notice.h"

#include <QMessageBox>
#include <QWidget>

namespace reconsole::ui {

StoreFaultAlerts::StoreFaultAlerts(QWidget* window) : QObject(window), window_(window)
{
    items::StoreFaultNotice::watchStores();
    connect(&items::StoreFaultNotice::instance(), &items::StoreFaultNotice::faultFound, this, &StoreFaultAlerts::show);
}

void StoreFaultAlerts::show(const items::StoreFaultReport& report)
{
    // Every screen's read of a damaged file fails alike: one box says it for all of them.
    const QString key = QString::number(int(report.fault)) + QLatin1Char('|') + report.file;
    if (shown_.contains(key))
        return;
    shown_.insert(key);
    const bool mirror = report.store == QLatin1String("mirror");
    const bool cannotWrite = report.fault == StoreFault::DiskFull || report.fault == StoreFault::ReadOnly;
    const QString title = cannotWrite ? (mirror ? tr("미러에 쓸 수 없습니다") : tr("운영 저장소에 쓸 수 없습니다"))
                                      : (mirror ? tr("미러를 읽을 수 없습니다") : tr("운영 저장소를 읽을 수 없습니다"));
    auto* box = new QMessageBox(QMessageBox::Critical, title, items::StoreFaultNotice::adviceText(report),
                                QMessageBox::Ok, window_);
    box->setObjectName(QStringLiteral("storeFaultDialog"));
    box->setDetailedText(report.detail);   // SQLite's own words, for whoever restores the file
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();   // not modal to the event loop: the workers go on answering
}

}  // namespace reconsole::ui
