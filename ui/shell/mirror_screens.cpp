#include "ui/shell/mirror_screens.h"

#include "items/mirror_freshness.h"
#include "ui/dashboard/dashboard_screen.h"
#include "ui/orphans/orphan_queue_screen.h"
#include "ui/shell/console_settings.h"
#include "ui/shell/placeholder_screen.h"

#ifdef RECONSOLE_HAS_CUSTOMER_SCREEN
#include "ui/customer/customer_screen.h"
#endif

namespace reconsole::ui {
namespace {

const QString kQueueLayout = QStringLiteral("orphanQueue");
const QString kDashboardLayout = QStringLiteral("dashboard");

QWidget* createCustomerScreen(const QString& mirrorPath, MirrorScreens* owner)
{
#ifdef RECONSOLE_HAS_CUSTOMER_SCREEN
    auto* screen = new CustomerScreen(mirrorPath);
    QObject::connect(screen, &CustomerScreen::statusMessage, owner, &MirrorScreens::statusMessage);
    return screen;
#else
    Q_UNUSED(mirrorPath);
    Q_UNUSED(owner);
    return new PlaceholderScreen(MirrorScreens::tr("고객"),
                                 MirrorScreens::tr("고객 찾기와 고객별 거래 흐름 화면이 이 빌드에 들어 있지 않습니다."));
#endif
}

}  // namespace

MirrorScreens::MirrorScreens(const QString& mirrorPath, QWidget* parent)
    : QStackedWidget(parent),
      path_(mirrorPath),
      freshness_(new items::MirrorFreshness(mirrorPath, this)),
      dashboard_(new DashboardScreen(mirrorPath)),
      orphans_(new OrphanQueueScreen(mirrorPath)),
      customers_(createCustomerScreen(mirrorPath, this))
{
    setObjectName(QStringLiteral("mirrorScreens"));
    addWidget(dashboard_);
    addWidget(orphans_);
    addWidget(customers_);
    addWidget(new PlaceholderScreen(
        screenTitle(ScreenId::Catalog),
        tr("이후 작업(models/ops의 카탈로그 규칙과 수정)에서 채워집니다: 상품과 가격 이력, 정가와 크게 다른 판매가"
           "(예: 정가 ₩33,000인 케이크 세트를 ₩3,300에 판매) 찾기, 현금영수증 대상 여부 점검과 수정 요청.")));
    addWidget(new PlaceholderScreen(
        screenTitle(ScreenId::Refunds),
        tr("이후 작업(models/ops의 환불과 아웃박스, 명세 outbox-v1)에서 채워집니다: 미해결 출금에 대한 환불 요청을 "
           "아웃박스로 내보내고, 피드에 입금이 보이면 정산 완료로 표시합니다.")));
    addWidget(new PlaceholderScreen(
        screenTitle(ScreenId::AuditLog),
        tr("이후 작업(models/ops의 감사 로그, 운영자와 역할)에서 채워집니다: 누가 언제 어떤 조치(환불 요청, 카탈로그 "
           "수정)를 했는지의 기록과 역할별 권한.")));
    connect(dashboard_, &DashboardScreen::statusMessage, this, &MirrorScreens::statusMessage);
    connect(orphans_, &OrphanQueueScreen::statusMessage, this, &MirrorScreens::statusMessage);
}

MirrorScreens::~MirrorScreens() = default;

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

void MirrorScreens::showCustomer(const QString& customerId)
{
    showScreen(ScreenId::Customers);
#ifdef RECONSOLE_HAS_CUSTOMER_SCREEN
    static_cast<CustomerScreen*>(customers_)->showCustomer(customerId);
#else
    Q_UNUSED(customerId);
#endif
}

void MirrorScreens::focusCustomerSearch()
{
#ifdef RECONSOLE_HAS_CUSTOMER_SCREEN
    static_cast<CustomerScreen*>(customers_)->focusSearch();
#endif
}

void MirrorScreens::reloadAll()
{
    freshness_->refresh();
    dashboard_->reload();
    orphans_->reload();
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
