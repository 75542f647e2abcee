#include "ui/dashboard/dashboard_screen.h"

#include "core/display.h"
#include "items/dashboard_model.h"
#include "ui/charts/merchant_bar_chart.h"
#include "ui/charts/orphan_day_chart.h"
#include "ui/dashboard/stat_card.h"
#include "ui/widgets/eliding_label.h"
#include "ui/widgets/wrapping_label.h"
#include "ui/widgets/one_layout_delegate.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace reconsole::ui {
namespace {

QGroupBox* box(const QString& title, const QString& hint, QWidget* content)
{
    auto* group = new QGroupBox(title);
    auto* layout = new QVBoxLayout(group);
    layout->setContentsMargins(8, 6, 8, 8);
    if (!hint.isEmpty()) {
        // One line, cut with "…" when narrow: a wrapped hint makes the grid size its rows by
        // height-for-width, which takes a chart's preferred height as its minimum and then
        // squeezed the class table below its five rows at 1024×700.
        auto* label = new ElidingLabel;
        label->setText(hint);
        label->setForegroundRole(QPalette::PlaceholderText);
        layout->addWidget(label);
    }
    layout->addWidget(content, 1);
    return group;
}

}  // namespace

DashboardScreen::DashboardScreen(const QString& mirrorPath, QWidget* parent)
    : QWidget(parent),
      model_(new items::DashboardModel(mirrorPath, this)),
      count_(new StatCard(tr("미해결 출금"))),
      amount_(new StatCard(tr("미해결 금액"))),
      oldest_(new StatCard(tr("가장 오래된 미해결 출금"))),
      asOf_(new StatCard(tr("기준 시각 (최신 원장 기록)"))),
      catalog_(new StatCard(tr("카탈로그 이상 (열린 것)"))),
      cases_(new WrappingLabel),
      classes_(new QTableView),
      days_(new charts::OrphanDayChart),
      merchants_(new charts::MerchantBarChart)
{
    classes_->setObjectName(QStringLiteral("classBreakdown"));
    classes_->setModel(model_);
    paintCellsWithOneLayout(classes_);
    classes_->verticalHeader()->hide();
    classes_->setSelectionBehavior(QAbstractItemView::SelectRows);
    classes_->setSelectionMode(QAbstractItemView::SingleSelection);
    classes_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // The figures take the width they need; the class name gives way (a label may be elided, an
    // amount never: at 1024 px the stretched columns cut "₩2,476,…").
    classes_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    classes_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    fitClassesToRows();
    classes_->setToolTip(tr("행을 두 번 누르면 그 유형의 미해결 출금 목록으로 갑니다."));
    connect(classes_, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        emit classChosen(static_cast<OrphanClass>(index.data(items::DashboardModel::ClassRole).toInt()));
    });

    auto* cards = new QHBoxLayout;
    for (auto* card : {count_, amount_, oldest_, asOf_})
        cards->addWidget(card, 1);
    catalog_->setObjectName(QStringLiteral("catalogCard"));
    cases_->setObjectName(QStringLiteral("casesDeadlines"));
    cases_->setToolTip(tr("고객에게 원인과 결과를 알려야 하는 기한이 3일 안에 끝나거나 이미 지난 민원 사건입니다."));
    cases_->hide();   // until the Cases screen has counted them
    catalog_->setToolTip(tr("카탈로그 규칙이 찾은, 지금도 고쳐지지 않은 이상입니다. 자세한 내용은 카탈로그 화면에 있습니다."));

    auto* grid = new QGridLayout;
    daysBox_ = box(daysTitle(0), tr("막대를 누르면 그 날짜와 유형의 미해결 출금 목록으로 갑니다."), days_);
    daysBox_->setObjectName(QStringLiteral("orphanDaysBox"));
    grid->addWidget(daysBox_, 0, 0);
    grid->addWidget(box(tr("유형별 현황"), {}, classes_), 0, 1);
    grid->addWidget(box(tr("미해결 금액 상위 가맹점"), tr("막대를 누르면 그 가맹점의 미해결 출금 목록으로 갑니다."),
                        merchants_),
                    1, 0);
    // The open catalog findings sit beside the merchants, at the top of their cell: a fifth
    // card in the row above would make the window wider than 1024 px, and under the class table
    // they left the merchants' chart room for one bar at 1024×700.
    auto* side = new QVBoxLayout;
    side->addWidget(catalog_);
    side->addStretch(1);
    grid->addLayout(side, 1, 1);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 2);
    // Even rows: at 1024×700 the class table's five rows and the merchants' first five bars both fit.
    grid->setRowStretch(0, 1);
    grid->setRowStretch(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(cards);
    layout->addWidget(cases_);
    layout->addLayout(grid, 1);

    connect(model_, &items::DashboardModel::loaded, this, &DashboardScreen::showStats);
    connect(model_, &items::DashboardModel::loadFailed, this, [this](const QString& error) {
        emit statusMessage(tr("대시보드를 읽지 못했습니다: %1").arg(error));
    });
    connect(days_, &charts::OrphanDayChart::barClicked, this, &DashboardScreen::dayClassChosen);
    connect(merchants_, &charts::MerchantBarChart::barClicked, this, &DashboardScreen::merchantChosen);
}

DashboardScreen::~DashboardScreen() = default;

QString DashboardScreen::daysTitle(int days)
{
    return days > 0 ? tr("일별 미해결 금액 (유형별, 최근 %n일)", nullptr, days) : tr("일별 미해결 금액 (유형별)");
}

void DashboardScreen::setCaseCounts(int dueSoon, int overdue)
{
    cases_->setText(tr("민원 사건 기한 (2주): 기한 지남 %1건 · 3일 안에 기한 %2건").arg(overdue).arg(dueSoon));
    QFont bold = cases_->font();
    bold.setBold(overdue + dueSoon > 0);
    cases_->setFont(bold);
    cases_->setStyleSheet(overdue > 0 ? QStringLiteral("color: #b01c1c;") : QString());
    cases_->show();
}

bool DashboardScreen::isLoaded() const { return model_->isLoaded(); }

void DashboardScreen::reload() { model_->reload(); }

QByteArray DashboardScreen::saveLayout() const { return classes_->horizontalHeader()->saveState(); }

void DashboardScreen::restoreLayout(const QByteArray& state)
{
    if (!state.isEmpty())
        classes_->horizontalHeader()->restoreState(state);
}

void DashboardScreen::setAcknowledged(int findings, int high, int productsCleared)
{
    ackedFindings_ = findings;
    ackedHigh_ = high;
    ackedProducts_ = productsCleared;
    if (model_->isLoaded())
        showCatalog();
}

void DashboardScreen::showCatalog()
{
    const auto& c = model_->stats().catalog;
    // Acknowledged findings stop counting; the subtraction never goes below what the mirror says.
    const int open = std::max(0, int(c.open) - ackedFindings_);
    const int products = std::max(0, int(c.products) - ackedProducts_);
    const int high = std::max(0, int(c.high) - ackedHigh_);
    const QString acked = ackedFindings_ > 0 ? QStringLiteral(" · ") + tr("확인됨 %Ln건 제외", nullptr, ackedFindings_)
                                             : QString();
    if (open == 0)
        catalog_->setValue(tr("없음"), (c.stale ? tr("점검 결과가 오래되어 다시 점검해야 합니다") : tr("열린 이상이 없습니다")) + acked);
    else
        catalog_->setValue(tr("%Ln건", nullptr, open),
                           c.stale ? tr("상품 %Ln개 · 다시 점검 필요", nullptr, products)
                                   : tr("상품 %Ln개", nullptr, products) + QStringLiteral(" · ")
                                         + tr("높음 %Ln건", nullptr, high) + acked);
}

// Every class row shows without scrolling: at 1024×700 the table had room for two and a half,
// and the third row's amount was cut in half until scrolled. The rows are the five classes of
// the rules, known before any data, so the layout has the height from the start.
void DashboardScreen::fitClassesToRows()
{
    classes_->setMinimumHeight(classes_->horizontalHeader()->sizeHint().height() + 2 * classes_->frameWidth()
                               + kOrphanClassCount * classes_->verticalHeader()->defaultSectionSize());
}

void DashboardScreen::showStats()
{
    const auto& s = model_->stats();
    if (!s.hasLedger) {
        for (auto* card : {count_, amount_, oldest_, asOf_})
            card->setValue(QStringLiteral("-"), tr("원장 기록이 없습니다"));
    } else {
        count_->setValue(tr("%Ln건", nullptr, int(s.count)), tr("유예 30분이 지난 출금만 셉니다"));
        amount_->setValue(formatWon(s.amount), tr("돌려받지 못한 금액의 합계"));
        if (s.oldestAt)
            oldest_->setValue(formatDuration(s.asOf - *s.oldestAt), tr("%1 출금").arg(formatSeoul(*s.oldestAt)));
        else
            oldest_->setValue(QStringLiteral("-"), tr("미해결 출금이 없습니다"));
        asOf_->setValue(formatSeoul(s.asOf).left(16), tr("Asia/Seoul (UTC+09:00)"));
    }
    showCatalog();
    days_->setDays(s.days);
    daysBox_->setTitle(daysTitle(int(s.days.size())));   // the chart spans 7 to 31 days: say which
    merchants_->setMerchants(s.topMerchants);
    emit loaded();
}

}  // namespace reconsole::ui
