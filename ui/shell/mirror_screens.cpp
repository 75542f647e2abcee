#include "ui/shell/mirror_screens.h"

#include "items/ops_worker.h"
#include "ops/read_audit.h"
#include "ui/export/csv_export_runner.h"

#include "items/mirror_change_watch.h"
#include "items/mirror_freshness.h"
#include "ops/ops_store.h"
#include "ui/audit/audit_screen.h"
#include "ui/cases/cases_screen.h"
#include "ui/catalog/catalog_screen.h"
#include "ui/dashboard/dashboard_screen.h"
#include "ui/orphans/orphan_queue_screen.h"
#include "ui/quarantine/quarantine_screen.h"
#include "ui/shell/console_settings.h"
#include "ui/refunds/refunds_screen.h"
#include "ui/shell/placeholder_screen.h"

#ifdef RECONSOLE_HAS_CUSTOMER_SCREEN
#include "ui/customer/customer_screen.h"
#include "ui/customer/customer_timeline_panel.h"
#endif

namespace reconsole::ui {
namespace {

const QString kQueueLayout = QStringLiteral("orphanQueue");
const QString kDashboardLayout = QStringLiteral("dashboard");

items::OpsSessionOptions opsOptions(const QString& mirrorPath, items::OpsSessionOptions o)
{
    o.mirrorPath = mirrorPath;
    if (o.opsSpec.isEmpty())
        o.opsSpec = QString::fromStdString(ops::defaultOpsPath(mirrorPath.toStdString()));
    return o;
}

QWidget* createCustomerScreen(const QString& mirrorPath, MirrorScreens* owner)
{
#ifdef RECONSOLE_HAS_CUSTOMER_SCREEN
    auto* screen = new CustomerScreen(mirrorPath);
    screen->setOpsSession(owner->ops());
    QObject::connect(screen, &CustomerScreen::statusMessage, owner, &MirrorScreens::statusMessage);
    QObject::connect(screen, &CustomerScreen::openCaseRequested, owner, &MirrorScreens::openCaseRequested);
    QObject::connect(screen, &CustomerScreen::caseChosen, owner, &MirrorScreens::caseChosen);
    return screen;
#else
    Q_UNUSED(mirrorPath);
    Q_UNUSED(owner);
    return new PlaceholderScreen(MirrorScreens::tr("고객"),
                                 MirrorScreens::tr("고객 찾기와 고객별 거래 흐름 화면이 이 빌드에 들어 있지 않습니다."));
#endif
}

}  // namespace

MirrorScreens::MirrorScreens(const QString& mirrorPath, items::OpsSessionOptions ops, QWidget* parent)
    : QStackedWidget(parent),
      path_(mirrorPath),
      ops_(new items::OpsSession(opsOptions(mirrorPath, std::move(ops)), this)),
      freshness_(new items::MirrorFreshness(mirrorPath, this)),
      changeWatch_(new items::MirrorChangeWatch(freshness_->reader(), 2000, this)),
      dashboard_(new DashboardScreen(mirrorPath)),
      orphans_(new OrphanQueueScreen(mirrorPath)),
      customers_(createCustomerScreen(mirrorPath, this)),
      catalog_(new CatalogScreen(mirrorPath)),
      refunds_(new RefundsScreen(ops_)),
      audit_(new AuditScreen(ops_)),
      cases_(new CasesScreen(ops_)),
      quarantine_(new QuarantineScreen(mirrorPath))
{
    setObjectName(QStringLiteral("mirrorScreens"));
    addWidget(dashboard_);
    addWidget(orphans_);
    addWidget(customers_);
    addWidget(catalog_);
    addWidget(refunds_);
    addWidget(audit_);
    addWidget(cases_);
    addWidget(quarantine_);   // in ScreenId order
    orphans_->setOpsSession(ops_);
    catalog_->setOpsSession(ops_);
    connect(dashboard_, &DashboardScreen::statusMessage, this, &MirrorScreens::statusMessage);
    connect(orphans_, &OrphanQueueScreen::statusMessage, this, &MirrorScreens::statusMessage);
    connect(orphans_, &OrphanQueueScreen::openCaseRequested, this, &MirrorScreens::openCaseRequested);
    connect(refunds_, &RefundsScreen::statusMessage, this, &MirrorScreens::statusMessage);
    connect(catalog_, &CatalogScreen::statusMessage, this, &MirrorScreens::statusMessage);
    connect(catalog_, &CatalogScreen::acknowledgedChanged, dashboard_, &DashboardScreen::setAcknowledged);
    connect(cases_, &CasesScreen::statusMessage, this, &MirrorScreens::statusMessage);
    connect(ops_, &items::OpsSession::storeFailed, this, [this](const QString& error) {
        emit statusMessage(tr("운영 저장소를 쓰거나 읽지 못했습니다: %1").arg(error));
    });
    // Every CSV file written from a screen is on record for the signed-in operator.
    for (CsvExportRunner* runner : findChildren<CsvExportRunner*>())
        connect(runner, &CsvExportRunner::exported, this, &MirrorScreens::recordExport);
    // An import by another process (the scheduled command line): read everything again, quietly;
    // the status bar's freshness says when.
    connect(changeWatch_, &items::MirrorChangeWatch::importFinishedElsewhere, this, &MirrorScreens::reloadAll);
    ops_->resolve();
}

void MirrorScreens::recordExport(const QString& what, const QString& path, qint64 rows)
{
    if (!ops_->canAct())
        return;   // no operator signed in (a merchant mirror opened as a file): nobody to record
    ops_->worker()->run(
        this,
        [actor = ops_->actorId(), what = what.toStdString(), path = path.toStdString(), rows](ops::OpsContext& ctx) {
            return ops::recordExport(ctx, actor, "csv", what, path, rows);
        },
        [this](std::optional<ops::Result<ops::AuditEntry>> r, const QString& error) {
            if (!r || !r->ok())
                emit statusMessage(tr("내보낸 기록을 감사 로그에 남기지 못했습니다: %1")
                                       .arg(r ? QString::fromStdString(r->refusal().message) : error));
        });
}

MirrorScreens::~MirrorScreens()
{
    // The screens go first: their models read through the operations session.
    while (count() > 0) {
        QWidget* screen = widget(0);
        removeWidget(screen);
        delete screen;
    }
}

bool MirrorScreens::hasCustomerScreen()
{
#ifdef RECONSOLE_HAS_CUSTOMER_SCREEN
    return true;
#else
    return false;
#endif
}

void MirrorScreens::showScreen(ScreenId id) { setCurrentIndex(int(id)); }

ScreenId MirrorScreens::currentScreen() const { return static_cast<ScreenId>(currentIndex()); }

void MirrorScreens::showCustomer(const QString& customerId, const QString& ledgerId)
{
    showScreen(ScreenId::Customers);
#ifdef RECONSOLE_HAS_CUSTOMER_SCREEN
    static_cast<CustomerScreen*>(customers_)->showCustomer(customerId, ledgerId);
#else
    Q_UNUSED(customerId);
    Q_UNUSED(ledgerId);
#endif
}

bool MirrorScreens::exportCurrentScreen()
{
    if (currentScreen() == ScreenId::Orphans) {
        orphans_->chooseAndExportCsv();
        return true;
    }
#ifdef RECONSOLE_HAS_CUSTOMER_SCREEN
    if (currentScreen() == ScreenId::Customers) {
        auto* panel = static_cast<CustomerScreen*>(customers_)->timelinePanel();
        if (!panel->canExport())
            return false;
        panel->chooseAndExportCsv();
        return true;
    }
#endif
    return false;
}

void MirrorScreens::focusCustomerSearch()
{
#ifdef RECONSOLE_HAS_CUSTOMER_SCREEN
    static_cast<CustomerScreen*>(customers_)->focusSearch();
#endif
}

void MirrorScreens::reloadAll()
{
    changeWatch_->acknowledge();
    freshness_->refresh();
    dashboard_->reload();
    orphans_->reload();
    catalog_->reload();
    quarantine_->reload();
    ops_->notifyChanged();   // settlement is read from the mirror when the store is next looked at
#ifdef RECONSOLE_HAS_CUSTOMER_SCREEN
    static_cast<CustomerScreen*>(customers_)->reload();
#endif
}

void MirrorScreens::restoreLayouts(const ConsoleSettings& settings)
{
    orphans_->restoreLayout(settings.layouts.value(kQueueLayout));
    dashboard_->restoreLayout(settings.layouts.value(kDashboardLayout));
}

void MirrorScreens::saveLayouts(ConsoleSettings& settings) const
{
    settings.layouts.insert(kQueueLayout, orphans_->saveLayout());
    settings.layouts.insert(kDashboardLayout, dashboard_->saveLayout());
}

}  // namespace reconsole::ui
