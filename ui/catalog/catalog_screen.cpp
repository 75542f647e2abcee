#include "ui/catalog/catalog_screen.h"

#include "catalog/catalog_text.h"
#include "core/display.h"
#include "items/catalog_history_model.h"
#include "items/catalog_ops_loader.h"
#include "items/catalog_product_model.h"
#include "ui/catalog/catalog_filter_bar.h"
#include "ui/catalog/catalog_fix_panel.h"
#include "ui/charts/price_history_chart.h"
#include "ui/orphans/money_first_columns.h"
#include "ui/widgets/changed_columns.h"
#include "ui/widgets/wrapping_label.h"
#include "ui/widgets/one_layout_delegate.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTabWidget>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <array>

namespace reconsole::ui {
namespace {

void setUpTable(QTableView* view)
{
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setWordWrap(false);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
}

QString severityColor(catalog::Severity s)
{
    switch (s) {
    case catalog::Severity::High: return QStringLiteral("#c62828");
    case catalog::Severity::Medium: return QStringLiteral("#b26a00");
    case catalog::Severity::Low: return QStringLiteral("#616161");
    }
    return {};
}

// The rules' explanation without its "[높음] 상품 (ID): " lead: the screen shows the severity,
// the rule and the product above it already.
QString explanationBody(const catalog::AnomalyRow& row)
{
    const QString text = catalog::explanationText(row);
    const QString lead = QStringLiteral("): ");
    if (text.startsWith(QLatin1Char('['))) {
        const QString id = QStringLiteral("(%1").arg(QString::fromStdString(row.anomaly.productId)) + lead;
        const qsizetype at = text.indexOf(id);
        if (at >= 0)
            return text.mid(at + id.size());
    }
    return text;
}

}  // namespace

CatalogScreen::CatalogScreen(const QString& mirrorPath, QWidget* parent)
    : QWidget(parent),
      model_(new items::CatalogProductModel(mirrorPath, this)),
      history_(new items::CatalogHistoryModel(mirrorPath, this)),
      filterBar_(new CatalogFilterBar),
      summary_(new WrappingLabel),
      stale_(new WrappingLabel),
      products_(new QTableView),
      title_(new WrappingLabel),
      explanation_(new WrappingLabel),
      historyView_(new QTableView),
      chart_(new charts::PriceHistoryChart),
      mirrorPath_(mirrorPath),
      opsLoader_(new items::CatalogOpsLoader(this)),
      fixMark_(new WrappingLabel),
      propose_(new QPushButton(tr("수정 제안…"))),
      acknowledge_(new QPushButton(tr("의도된 것으로 확인…"))),
      impact_(new QPushButton(tr("영향 보기…"))),
      unders_(new QPushButton(tr("미수금 CSV…"))),
      rules_(new QPushButton(tr("규칙 설정…"))),
      tabs_(new QTabWidget),
      fixPanel_(new CatalogFixPanel)
{
    setObjectName(QStringLiteral("catalogScreen"));
    summary_->setObjectName(QStringLiteral("catalogSummary"));
    summary_->setTextFormat(Qt::PlainText);
    stale_->setObjectName(QStringLiteral("catalogStale"));
    stale_->setTextFormat(Qt::PlainText);
    stale_->setStyleSheet(QStringLiteral("QLabel { background: #fff4d6; color: #5d4200; padding: 4px; }"));
    stale_->setText(tr("카탈로그 점검 결과가 최신이 아닙니다 (점검을 함께 하지 않은 가져오기, 대량 적재 또는 "
                       "업그레이드 뒤). reconsole-cli catalog check --db <미러>로 다시 점검하면 이 화면이 최신 결과를 "
                       "보여 줍니다."));
    stale_->hide();

    products_->setObjectName(QStringLiteral("catalogProducts"));
    products_->setModel(model_);
    paintCellsWithOneLayout(products_);
    setUpTable(products_);
    products_->setToolTip(tr("색이 칠해진 행은 열린 카탈로그 이상이 있는 상품입니다 (빨강: 높음, 주황: 보통, 노랑: 낮음)."));
    // The money columns never shrink; name and merchant give way first.
    moneyFirst_ = new MoneyFirstColumns(products_,
                                        {items::CatalogProductModel::NameColumn,
                                         items::CatalogProductModel::MerchantColumn,
                                         items::CatalogProductModel::KindColumn},
                                        {items::CatalogProductModel::ListPriceColumn,
                                         items::CatalogProductModel::PriceColumn});

    title_->setObjectName(QStringLiteral("catalogProductTitle"));
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    explanation_->setObjectName(QStringLiteral("catalogExplanation"));
    explanation_->setTextFormat(Qt::RichText);
    explanation_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    explanation_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    historyView_->setObjectName(QStringLiteral("catalogHistory"));
    historyView_->setModel(history_);
    paintCellsWithOneLayout(historyView_);
    setUpTable(historyView_);

    auto* top = new QWidget;
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(filterBar_);
    topLayout->addWidget(stale_);
    auto* summaryRow = new QHBoxLayout;
    summaryRow->addWidget(summary_, 1);
    summaryRow->addWidget(unders_, 0, Qt::AlignTop);
    summaryRow->addWidget(rules_, 0, Qt::AlignTop);
    topLayout->addLayout(summaryRow);
    topLayout->addWidget(products_, 1);

    QWidget* detail = buildDetail();

    auto* chartBox = new QGroupBox(tr("가격 변화 (정가와 판매가)"));
    auto* chartLayout = new QVBoxLayout(chartBox);
    chartLayout->setContentsMargins(4, 4, 4, 4);
    chartLayout->addWidget(chart_);

    auto* bottom = new QSplitter(Qt::Horizontal);
    bottom->setObjectName(QStringLiteral("catalogDetailSplitter"));
    bottom->addWidget(detail);
    bottom->addWidget(chartBox);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 2);
    bottom->setChildrenCollapsible(false);

    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->setObjectName(QStringLiteral("catalogSplitter"));
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(filterBar_, &CatalogFilterBar::filterChanged, model_, &items::CatalogProductModel::setFilter);
    connect(model_, &items::CatalogProductModel::loaded, this, &CatalogScreen::showLoaded);
    connect(model_, &items::CatalogProductModel::loadFailed, this, [this](const QString& error) {
        emit statusMessage(tr("카탈로그를 읽지 못했습니다: %1").arg(error));
    });
    connect(products_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &CatalogScreen::currentChanged);
    connect(history_, &items::CatalogHistoryModel::loaded, this, &CatalogScreen::showDetail);
    connect(opsLoader_, &items::CatalogOpsLoader::loaded, this, &CatalogScreen::showOps);
    connect(opsLoader_, &items::CatalogOpsLoader::pendingChanged, this, [this] {
        model_->setFixPending(opsLoader_->fixPending());
        model_->setOpenAfterAcks(opsLoader_->openAfterAcks());
        showSummary();
        int findings = 0, high = 0, cleared = 0;
        for (const auto& left : opsLoader_->openAfterAcks()) {
            findings += left.acknowledged;
            high += left.acknowledgedHigh;
            cleared += left.openCount == 0 ? 1 : 0;
        }
        emit acknowledgedChanged(findings, high, cleared);
    });
    connect(history_, &items::CatalogHistoryModel::loadFailed, this, [this](const QString& error) {
        emit statusMessage(tr("상품 이력을 읽지 못했습니다: %1").arg(error));
    });
    showDetail();
    updateActions();
}

CatalogScreen::~CatalogScreen() = default;

QWidget* CatalogScreen::buildDetail()
{
    fixMark_->setObjectName(QStringLiteral("catalogFixMark"));
    fixMark_->setStyleSheet(QStringLiteral("QLabel { color: #8a4b00; font-weight: bold; }"));
    fixMark_->hide();
    propose_->setObjectName(QStringLiteral("catalogProposeFix"));
    acknowledge_->setObjectName(QStringLiteral("catalogAcknowledge"));
    impact_->setObjectName(QStringLiteral("catalogImpact"));
    unders_->setObjectName(QStringLiteral("catalogUndercharges"));
    rules_->setObjectName(QStringLiteral("catalogRules"));
    tabs_->setObjectName(QStringLiteral("catalogDetailTabs"));
    unders_->setToolTip(tr("카탈로그 오류로 덜 받은 주문을 가맹점별 CSV로 내보냅니다."));
    impact_->setToolTip(tr("잘못된 값이 걸려 있던 동안의 주문, 더 낸 고객과 덜 받은 가맹점, 현금영수증 표시로 설명되는 미해결 출금."));
    rules_->hide();   // admins only (setOpsSession)

    auto* actions = new QHBoxLayout;
    actions->setContentsMargins(0, 0, 0, 0);
    actions->addWidget(propose_);
    actions->addWidget(acknowledge_);
    actions->addWidget(impact_);
    actions->addStretch(1);

    auto* findings = new QWidget;
    auto* findingsLayout = new QVBoxLayout(findings);
    findingsLayout->setContentsMargins(0, 4, 0, 0);
    auto* explanationScroll = new QScrollArea;
    explanationScroll->setWidget(explanation_);
    explanationScroll->setWidgetResizable(true);
    explanationScroll->setFrameShape(QFrame::NoFrame);
    explanationScroll->setMinimumHeight(60);
    findingsLayout->addWidget(explanationScroll, 1);
    findingsLayout->addWidget(new QLabel(tr("버전 이력 (굵은 값이 그 버전에서 바뀐 것, 색칠한 행은 이상이 있던 버전)")));
    findingsLayout->addWidget(historyView_, 2);
    tabs_->addTab(findings, tr("이상과 이력"));
    tabs_->addTab(fixPanel_, tr("수정 요청"));

    auto* detail = new QGroupBox(tr("선택한 상품"));
    auto* detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(8, 6, 8, 8);
    detailLayout->addWidget(title_);
    detailLayout->addWidget(fixMark_);
    detailLayout->addLayout(actions);
    detailLayout->addWidget(tabs_, 1);
    return detail;
}

bool CatalogScreen::isLoaded() const { return model_->isLoaded(); }

bool CatalogScreen::isDetailLoaded() const { return history_->isLoaded(); }

QString CatalogScreen::summaryText() const { return summary_->text(); }

QString CatalogScreen::explanationText() const { return explanation_->text(); }

void CatalogScreen::reload() { model_->reload(); }

void CatalogScreen::selectRow(int row)
{
    if (row < 0 || row >= model_->rowCount())
        return;
    products_->setCurrentIndex(model_->index(row, 0));
    products_->scrollTo(model_->index(row, 0));
}

void CatalogScreen::selectProduct(const QString& productId)
{
    wanted_ = productId;
    const int row = model_->rowOf(productId);
    if (row >= 0) {
        wanted_.clear();
        selectRow(row);
    }
}

void CatalogScreen::showLoaded()
{
    filterBar_->setChoices(model_->merchants(), model_->kinds());
    stale_->setVisible(model_->isStale());
    showSummary();
    using Model = items::CatalogProductModel;
    const QList<int> resized = changedColumns_.fit(products_, {Model::NameColumn, Model::MerchantColumn, Model::KindColumn,
                                                               Model::ListPriceColumn, Model::PriceColumn,
                                                               Model::DiscountColumn, Model::ReceiptColumn});
    // The per-rule counts take the room left over (the last section stretches; a row's full
    // counts are in its tooltip), so they never push the table into sideways scrolling.
    auto* header = products_->horizontalHeader();
    header->resizeSection(Model::AnomalyColumn, products_->fontMetrics().horizontalAdvance(tr("가격 이상 1")) + 24);
    if (resized.contains(Model::NameColumn))
        header->resizeSection(Model::NameColumn, std::min(header->sectionSize(Model::NameColumn),
                                                          products_->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 28));
    moneyFirst_->fit();
    // Keep the product shown if it is still listed; else the first flagged one.
    const QString keep = !wanted_.isEmpty() ? wanted_ : history_->productId();
    const int row = model_->rowOf(keep);
    if (row >= 0) {
        wanted_.clear();
        selectRow(row);
    } else if (model_->rowCount() > 0 && model_->rowAt(0)->openCount > 0) {
        selectRow(0);
    } else {
        history_->setProduct({});
    }
    emit loaded();
}

void CatalogScreen::showSummary()
{
    const QLocale korean(QLocale::Korean);
    const auto counts = model_->openByRule();
    int open = 0;
    for (int n : counts)
        open += n;
    const QString listed = tr("상품 %Ln개", nullptr, model_->rowCount());
    summary_->setText(open == 0 ? tr("%1 · 열린 이상 없음").arg(listed)
                                : tr("%1 · 이상 있는 상품 %2개 · 열린 이상 %3건: %4")
                                      .arg(listed, korean.toString(model_->flaggedCount()), korean.toString(open),
                                           items::ruleCountsText(counts)));
}

void CatalogScreen::currentChanged()
{
    const QModelIndex current = products_->currentIndex();
    const QString id = current.isValid() ? current.data(items::CatalogProductModel::ProductIdRole).toString() : QString();
    if (id != history_->productId() || !history_->isLoaded())
        history_->setProduct(id);
    opsLoader_->setProduct(id);
    updateActions();
}

void CatalogScreen::showExplanation()
{
    const auto& d = history_->detail();
    const int row = model_->rowOf(history_->productId());
    const items::CatalogProductRow* product = model_->rowAt(row);
    if (history_->productId().isEmpty()) {
        title_->setText(tr("상품을 고르면 이상의 설명과 버전 이력을 보여 줍니다."));
        explanation_->clear();
    } else {
        const QString name = product ? QString::fromStdString(product->name) : history_->productId();
        const QString merchant = product ? QString::fromStdString(product->merchantName) : QString();
        title_->setText(merchant.isEmpty() ? QStringLiteral("%1 (%2)").arg(name, history_->productId())
                                           : QStringLiteral("%1 · %2 (%3)").arg(name, merchant, history_->productId()));
        QStringList items;
        // A product may have hundreds of order findings: show a few of each rule, then count the rest.
        constexpr int kOrdersPerRule = 3;
        std::array<int, catalog::kRuleCount> shown{}, more{};
        for (const auto& a : d.anomalies) {
            const auto& f = a.anomaly.finding;
            const auto r = static_cast<std::size_t>(f.rule);
            if (!a.anomaly.orderId.empty() && shown[r] >= kOrdersPerRule) {
                ++more[r];
                continue;
            }
            ++shown[r];
            const QString ack = ackText(a);
            items << QStringLiteral("<p style='margin:0 0 4px 0'><b style='color:%1'>[%2] %3</b>%4<br>%5%6</p>")
                         .arg(severityColor(f.severity), catalog::severityLabel(f.severity).toHtmlEscaped(),
                              catalog::ruleLabel(f.rule).toHtmlEscaped(),
                              a.anomaly.open ? QString() : tr(" (지난 일)").toHtmlEscaped(),
                              explanationBody(a).toHtmlEscaped(),
                              ack.isEmpty() ? QString()
                                            : QStringLiteral("<br><span style='color:#1e7b34'>%1</span>").arg(ack.toHtmlEscaped()));
        }
        for (std::size_t r = 0; r < more.size(); ++r)
            if (more[r] > 0)
                items << QStringLiteral("<p style='margin:0 0 4px 0'>%1</p>")
                             .arg(tr("%1: 주문 %2건 더 (모두 보려면 reconsole-cli catalog check --rule %3)")
                                      .arg(catalog::ruleLabel(static_cast<catalog::Rule>(r)))
                                      .arg(more[r])
                                      .arg(QString::fromLatin1(catalog::ruleCode(static_cast<catalog::Rule>(r)).data(),
                                                               qsizetype(catalog::ruleCode(static_cast<catalog::Rule>(r)).size())))
                                      .toHtmlEscaped());
        explanation_->setText(items.isEmpty() ? tr("이 상품에는 카탈로그 이상이 없습니다.") : items.join(QString()));
    }
}

void CatalogScreen::showDetail()
{
    showExplanation();
    const auto& d = history_->detail();
    QList<charts::PricePoint> points;
    for (const auto& v : d.versions)
        points << charts::PricePoint{v.updatedAt, v.listPrice, v.price};
    chart_->setPoints(points);
    historyView_->resizeColumnsToContents();
    emit detailLoaded();
}

}  // namespace reconsole::ui
