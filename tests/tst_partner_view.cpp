// The console's partner view (docs/access.md): a merchant mirror, or a merchant partner as the
// console's operator, scopes every screen's reads to that merchant, names it in the title, and
// leaves out the refund and audit screens and the refund actions; staff see the whole mirror.
#include "access/merchant_export.h"
#include "catalog/catalog_check.h"
#include "items/orphan_queue_model.h"
#include "ops/operator_service.h"
#include "ops/ops_store.h"
#include "test_mirror.h"
#include "ui/main_window.h"
#include "ui/orphans/orphan_queue_screen.h"
#include "ui/shell/console_settings.h"
#include "ui/shell/freshness_indicator.h"
#include "ui/shell/mirror_screens.h"
#include "ui/shell/navigation_panel.h"

#include <QDateTime>
#include <QPushButton>
#include <QTimeZone>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace reconsole;
using ui::MainWindow;
using ui::ScreenId;

namespace {
// When the merchant mirror is written: 2026-03-12 09:00 in Seoul.
const Instant kExportedAt = QDateTime(QDate(2026, 3, 12), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
}

class TestPartnerView : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void aMerchantMirrorIsAPartnerView();
    void aMerchantMirrorSaysWhenItWasExported();
    void aMerchantPartnerSeesItsBrandOnly();
    void staffSeeEverything();

private:
    void open(const std::string& path, const QString& operatorId);
    QStringList shownLedgerIds();
    void checkPartnerView();

    test::TestMirror full_;
    QTemporaryDir dir_;
    std::string merchantMirror_;
    ui::ConsoleSettings settings_;
    std::unique_ptr<MainWindow> window_;
};

void TestPartnerView::initTestCase()
{
    full_.import({test::sharedPath("examples/incident-small.jsonl")});
    catalog::CatalogState().rebuildIfStale(full_.db());
    merchantMirror_ = dir_.path().toStdString() + "/sbux.db";
    QVERIFY(access::exportMerchantMirror(full_.db(), "M-SBUX", merchantMirror_, kExportedAt).refusal.empty());
    auto store = ops::openOpsStore(ops::defaultOpsPath(full_.path()));
    ops::OperatorService ops(ops::OpsContext{*store, full_.db()});
    using ops::Role;
    QVERIFY(ops.add("", ops::Operator{"boss", "관리", {Role::Admin}, {}, true, 0, {}}));
    QVERIFY(ops.add("boss", ops::Operator{"kim", "김상담", {Role::Agent}, {}, true, 0, {}}));
    QVERIFY(ops.add("boss", ops::Operator{"shop", "스벅 파트너", {Role::Merchant}, std::string("M-SBUX"), true, 0, {}}));
}

void TestPartnerView::cleanup() { window_.reset(); }

void TestPartnerView::open(const std::string& path, const QString& operatorId)
{
    settings_.operatorId = operatorId;
    window_ = std::make_unique<MainWindow>(settings_);
    window_->show();
    QSignalSpy opened(window_.get(), &MainWindow::mirrorOpened);
    window_->openMirror(QString::fromStdString(path));
    QVERIFY(opened.wait(10000));
    QVERIFY(window_->screens());
}

QStringList TestPartnerView::shownLedgerIds()
{
    window_->showScreen(ScreenId::Orphans);
    ui::OrphanQueueScreen* queue = window_->screens()->orphans();
    if (!QTest::qWaitFor([queue] { return queue->isLoaded(); }, 10000))
        return {QStringLiteral("(the queue did not load)")};
    QStringList ids;
    QAbstractItemModel* model = queue->view()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        ids << model->index(row, 0).data(items::OrphanQueueModel::LedgerIdRole).toString();
    return ids;
}

void TestPartnerView::checkPartnerView()
{
    QVERIFY(window_->partnerView().active());
    QVERIFY2(window_->windowTitle().startsWith(QStringLiteral("스타벅스 파트너 보기")), qPrintable(window_->windowTitle()));
    auto* nav = window_->findChild<ui::NavigationPanel*>(QStringLiteral("navigation"));
    QVERIFY(nav->isRowHidden(int(ScreenId::Refunds)));
    QVERIFY(nav->isRowHidden(int(ScreenId::AuditLog)));
    QVERIFY(!nav->isRowHidden(int(ScreenId::Cases)));
    QCOMPARE(shownLedgerIds(), QStringList{QStringLiteral("L-0006")});
    window_->showScreen(ScreenId::Refunds);   // absent: nothing happens
    QCOMPARE(window_->screens()->currentScreen(), ScreenId::Orphans);
    for (auto* button : window_->findChildren<QPushButton*>(QStringLiteral("requestRefund")))
        QVERIFY(button->isHidden());
}

void TestPartnerView::aMerchantMirrorIsAPartnerView()
{
    open(merchantMirror_, QString());   // no operator: the file's own scope
    checkPartnerView();
}

void TestPartnerView::aMerchantMirrorSaysWhenItWasExported()
{
    // A merchant mirror is never imported into: the status bar says when it was exported, not
    // that there is no import record.
    open(merchantMirror_, QString());
    auto* freshness = window_->findChild<ui::FreshnessIndicator*>(QStringLiteral("freshness"));
    QVERIFY(freshness);
    QTRY_VERIFY_WITH_TIMEOUT(freshness->text().contains(QStringLiteral("내보낸 사본 2026-03-12 09:00")), 10000);
    QVERIFY2(!freshness->text().contains(QStringLiteral("가져오기")), qPrintable(freshness->text()));
    QVERIFY(freshness->text().contains(QStringLiteral("최신 기록 20")));   // the newest record, dated
}

void TestPartnerView::aMerchantPartnerSeesItsBrandOnly()
{
    open(full_.path(), QStringLiteral("shop"));
    checkPartnerView();
    // When the mirror was last refreshed is no brand's record: the partner sees it too.
    auto* freshness = window_->findChild<ui::FreshnessIndicator*>(QStringLiteral("freshness"));
    QVERIFY(freshness);
    QTRY_VERIFY_WITH_TIMEOUT(freshness->text().contains(QStringLiteral("마지막 가져오기")), 10000);
    QVERIFY2(!freshness->text().contains(QStringLiteral("가져오기 기록이 없습니다")), qPrintable(freshness->text()));
}

void TestPartnerView::staffSeeEverything()
{
    open(full_.path(), QStringLiteral("kim"));
    QVERIFY(!window_->partnerView().active());
    QVERIFY(!window_->windowTitle().contains(QStringLiteral("파트너")));
    auto* nav = window_->findChild<ui::NavigationPanel*>(QStringLiteral("navigation"));
    QVERIFY(!nav->isRowHidden(int(ScreenId::Refunds)));
    QCOMPARE(shownLedgerIds().size(), 4);
}

QTEST_MAIN(TestPartnerView)
#include "tst_partner_view.moc"
