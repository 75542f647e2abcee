// The Catalog screen in the real main window under the offscreen platform, on the example
// mirror: the cake set priced ₩3,300 against ₩33,000 is flagged, the filters narrow the list,
// its explanation and history show, the dashboard counts the open findings, and the window
// stays 1024 px wide with the screen shown.
#include "catalog/catalog_check.h"
#include "catalog/catalog_text.h"
#include "items/catalog_history_model.h"
#include "items/catalog_product_model.h"
#include "items/dashboard_model.h"
#include "test_mirror.h"
#include "ui/catalog/catalog_filter_bar.h"
#include "ui/catalog/catalog_screen.h"
#include "ui/charts/price_history_chart.h"
#include "ui/dashboard/dashboard_screen.h"
#include "ui/dashboard/stat_card.h"
#include "ui/main_window.h"
#include "ui/shell/console_settings.h"
#include "ui/shell/mirror_screens.h"
#include "ui/shell/navigation_panel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QCheckBox>
#include <QHeaderView>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace reconsole;
using ui::MainWindow;
using ui::ScreenId;
using items::CatalogProductModel;
using items::CatalogHistoryModel;

class TestCatalogScreen : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cakeIsListedAsFlagged();
    void filtersByRuleMerchantAndKind();
    void selectingTheCakeShowsHistoryAndExplanation();
    void historySaysWhatChanged();
    void dashboardCountsOpenFindings();
    void fits1024WithAmountsWhole();
    void columnsSizedAgainOnlyWhenTheirTextsChange();

private:
    ui::CatalogScreen* screen() const { return window_->screens()->catalog(); }
    QStringList shownIds() const;
    void waitForList();
    void choose(const char* comboName, const QString& data);

    test::TestMirror example_;
    ui::ConsoleSettings settings_;
    std::unique_ptr<MainWindow> window_;
};

void TestCatalogScreen::initTestCase()
{
    example_.import({test::sharedPath("examples/incident-small.jsonl")});
    // The fixture's import does not keep the catalog findings: check them as the CLI would.
    catalog::CatalogState state;
    state.rebuildIfStale(example_.db());
    QVERIFY(!state.isStale(example_.db()));
}

void TestCatalogScreen::init()
{
    window_ = std::make_unique<MainWindow>(settings_);
    window_->show();
    QSignalSpy opened(window_.get(), &MainWindow::mirrorOpened);
    window_->openMirror(QString::fromStdString(example_.path()));
    QVERIFY(opened.wait(10000));
    QVERIFY(window_->screens());
    QVERIFY(screen());
    window_->showScreen(ScreenId::Catalog);
    waitForList();
}

void TestCatalogScreen::cleanup() { window_.reset(); }

void TestCatalogScreen::waitForList()
{
    if (!screen()->isLoaded()) {
        QSignalSpy loaded(screen(), &ui::CatalogScreen::loaded);
        QVERIFY(loaded.wait(10000));
    }
    QVERIFY(screen()->isLoaded());
}

QStringList TestCatalogScreen::shownIds() const
{
    QStringList ids;
    auto* m = screen()->model();
    for (int r = 0; r < m->rowCount(); ++r)
        ids << m->index(r, 0).data(CatalogProductModel::ProductIdRole).toString();
    return ids;
}

void TestCatalogScreen::choose(const char* comboName, const QString& data)
{
    auto* box = screen()->filterBar()->findChild<QComboBox*>(QString::fromLatin1(comboName));
    QVERIFY2(box, comboName);
    const int i = box->findData(data);
    QVERIFY2(i >= 0, qPrintable(data));
    QSignalSpy loaded(screen(), &ui::CatalogScreen::loaded);
    box->setCurrentIndex(i);
    QVERIFY(loaded.wait(10000));
}

void TestCatalogScreen::cakeIsListedAsFlagged()
{
    auto* m = screen()->model();
    QAbstractItemModelTester tester(m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(m->rowCount(), 3);
    // Flagged products first; the clean americano last, without a highlight.
    QCOMPARE(shownIds().last(), QStringLiteral("P-SBUX-AMER"));
    const int cake = m->rowOf(QStringLiteral("P-SBUX-CAKE"));
    QVERIFY(cake >= 0 && cake < 2);
    const items::CatalogProductRow* row = m->rowAt(cake);
    QCOMPARE(row->openCount, 1);
    QCOMPARE(row->openByRule[std::size_t(catalog::Rule::PriceFarFromList)], 1);
    QCOMPARE(row->worst, std::optional(catalog::Severity::High));
    QVERIFY(m->index(cake, CatalogProductModel::NameColumn).data(Qt::BackgroundRole).isValid());
    QVERIFY(!m->index(2, CatalogProductModel::NameColumn).data(Qt::BackgroundRole).isValid());
    QCOMPARE(m->index(cake, CatalogProductModel::PriceColumn).data().toString(), QStringLiteral("₩3,300"));
    QCOMPARE(m->index(cake, CatalogProductModel::ListPriceColumn).data().toString(), QStringLiteral("₩33,000"));
    QCOMPARE(m->index(cake, CatalogProductModel::AnomalyColumn).data().toString(), QStringLiteral("가격 이상 1"));
    // The voucher whose cash-receipt step ran (the incident) is the other flagged one.
    const int voucher = m->rowOf(QStringLiteral("P-LOTTE-50K"));
    QCOMPARE(m->rowAt(voucher)->openByRule[std::size_t(catalog::Rule::ReceiptOnIneligible)], 1);
    QVERIFY2(screen()->summaryText().contains(QStringLiteral("이상 있는 상품 2개 · 열린 이상 2건")),
             qPrintable(screen()->summaryText()));
    QVERIFY2(screen()->summaryText().contains(QStringLiteral("가격 이상 1 · 대상 아닌 현금영수증 1")),
             qPrintable(screen()->summaryText()));
}

void TestCatalogScreen::filtersByRuleMerchantAndKind()
{
    choose("catalogRuleFilter", QStringLiteral("PRICE_FAR_FROM_LIST"));
    QCOMPARE(shownIds(), QStringList{QStringLiteral("P-SBUX-CAKE")});
    choose("catalogRuleFilter", QStringLiteral("RECEIPT_ON_INELIGIBLE"));
    QCOMPARE(shownIds(), QStringList{QStringLiteral("P-LOTTE-50K")});
    choose("catalogRuleFilter", QString());
    QCOMPARE(shownIds().size(), 3);

    choose("catalogMerchantFilter", QStringLiteral("M-SBUX"));
    QStringList sbux = shownIds();
    QCOMPARE(sbux, (QStringList{QStringLiteral("P-SBUX-CAKE"), QStringLiteral("P-SBUX-AMER")}));
    {
        auto* flagged = screen()->filterBar()->findChild<QCheckBox*>(QStringLiteral("catalogFlaggedFilter"));
        QSignalSpy loaded(screen(), &ui::CatalogScreen::loaded);
        flagged->setChecked(true);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(shownIds(), QStringList{QStringLiteral("P-SBUX-CAKE")});
    }
    choose("catalogMerchantFilter", QStringLiteral("M-LOTTE"));
    QCOMPARE(shownIds(), QStringList{QStringLiteral("P-LOTTE-50K")});
    screen()->filterBar()->setFilter({});
    waitForList();
    QTRY_COMPARE(shownIds().size(), 3);

    choose("catalogKindFilter", QStringLiteral("voucher"));
    QCOMPARE(shownIds(), QStringList{QStringLiteral("P-LOTTE-50K")});
}

void TestCatalogScreen::selectingTheCakeShowsHistoryAndExplanation()
{
    QSignalSpy detail(screen(), &ui::CatalogScreen::detailLoaded);
    screen()->selectProduct(QStringLiteral("P-SBUX-CAKE"));
    QTRY_VERIFY(screen()->history()->productId() == QStringLiteral("P-SBUX-CAKE") && screen()->isDetailLoaded());
    auto* h = screen()->history();
    QAbstractItemModelTester tester(h, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(h->rowCount(), 1);
    QCOMPARE(h->index(0, CatalogHistoryModel::PriceColumn).data().toString(), QStringLiteral("₩3,300"));
    QCOMPARE(h->index(0, CatalogHistoryModel::ListPriceColumn).data().toString(), QStringLiteral("₩33,000"));
    QCOMPARE(h->index(0, CatalogHistoryModel::ChangeColumn).data().toString(), QStringLiteral("처음 등록"));
    QCOMPARE(h->index(0, CatalogHistoryModel::TimeColumn).data().toString(), QStringLiteral("2026-03-10 18:20"));
    QVERIFY(h->index(0, 0).data(CatalogHistoryModel::FlaggedRole).toBool());
    const QString text = screen()->explanationText();
    QVERIFY2(text.contains(catalog::ruleLabel(catalog::Rule::PriceFarFromList)), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("₩3,300")) && text.contains(QStringLiteral("₩33,000")), qPrintable(text));
    QVERIFY2(text.contains(catalog::severityLabel(catalog::Severity::High)), qPrintable(text));
    QCOMPARE(screen()->chart()->pointCount(), 1);

    // The clean americano: no findings, no highlight.
    screen()->selectProduct(QStringLiteral("P-SBUX-AMER"));
    QTRY_VERIFY(screen()->history()->productId() == QStringLiteral("P-SBUX-AMER") && screen()->isDetailLoaded());
    QVERIFY(!h->index(0, 0).data(CatalogHistoryModel::FlaggedRole).toBool());
    QVERIFY2(screen()->explanationText().contains(QStringLiteral("이상이 없습니다")), qPrintable(screen()->explanationText()));
}

void TestCatalogScreen::historySaysWhatChanged()
{
    // The platform fixes the cake's price: two versions, the second says what changed.
    test::TestMirror m;
    m.import({test::sharedPath("examples/incident-small.jsonl")});
    m.importLines({R"({"seq":900,"type":"product","id":"P-SBUX-CAKE","merchant_id":"M-SBUX","name":"스타벅스 케이크 세트","kind":"goods","list_price":33000,"price":33000,"discount_bp":500,"cash_receipt_eligible":true,"updated_at":"2026-03-12T09:00:00+09:00"})"});
    catalog::CatalogState().rebuildIfStale(m.db());
    const auto d = items::loadCatalogProductDetail(m.db(), "P-SBUX-CAKE");
    QCOMPARE(d.versions.size(), std::size_t(2));
    QCOMPARE(items::versionChangeText(d.versions[1], &d.versions[0]),
             QStringLiteral("판매가 ₩3,300 → ₩33,000, 할인 0% → 5%"));
    // The wrong price is a past run now: no open finding, so the product is not flagged.
    const auto products = items::loadCatalogProducts(m.db(), {});
    const auto cake = std::find_if(products.rows.begin(), products.rows.end(),
                                   [](const auto& r) { return r.id == "P-SBUX-CAKE"; });
    QVERIFY(cake != products.rows.end());
    QCOMPARE(cake->openByRule[std::size_t(catalog::Rule::PriceFarFromList)], 0);
    bool pastRun = false;
    for (const auto& a : d.anomalies)
        pastRun |= a.anomaly.finding.rule == catalog::Rule::PriceFarFromList && !a.anomaly.open;
    QVERIFY(pastRun);
}

void TestCatalogScreen::dashboardCountsOpenFindings()
{
    auto* dashboard = window_->screens()->dashboard();
    if (!dashboard->isLoaded()) {
        QSignalSpy loaded(dashboard, &ui::DashboardScreen::loaded);
        QVERIFY(loaded.wait(10000));
    }
    const auto& c = dashboard->model()->stats().catalog;
    QCOMPARE(c.open, 2);
    QCOMPARE(c.products, 2);
    QCOMPARE(c.high, 2);
    QVERIFY(!c.stale);
    QCOMPARE(dashboard->catalogCard()->value(), QStringLiteral("2건"));
}

void TestCatalogScreen::fits1024WithAmountsWhole()
{
    window_->resize(1024, 700);
    window_->showScreen(ScreenId::Catalog);
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    screen()->selectProduct(QStringLiteral("P-SBUX-CAKE"));
    QTRY_VERIFY(screen()->isDetailLoaded() && screen()->history()->productId() == QStringLiteral("P-SBUX-CAKE"));
    QTest::qWait(100);
    QVERIFY2(window_->width() == 1024, qPrintable(QStringLiteral("the window is %1 px wide; the catalog asks for %2")
                                                      .arg(window_->width())
                                                      .arg(screen()->minimumSizeHint().width())));
    auto* dashboard = window_->screens()->dashboard();
    if (!dashboard->isLoaded()) {
        QSignalSpy loaded(dashboard, &ui::DashboardScreen::loaded);
        QVERIFY(loaded.wait(10000));
    }
    // The dashboard with its catalog card, then back to the catalog: still 1024 px.
    window_->showScreen(ScreenId::Dashboard);
    QTest::qWait(50);
    QVERIFY2(window_->width() == 1024, qPrintable(QStringLiteral("with the dashboard the window is %1 px wide")
                                                      .arg(window_->width())));
    window_->showScreen(ScreenId::Catalog);
    QTest::qWait(50);
    QCOMPARE(window_->width(), 1024);
    // Every amount is shown whole: its column is at least as wide as its text, and on screen.
    for (QTableView* view : {screen()->productView(), screen()->historyView()}) {
        auto* model = view->model();
        const QVector<int> money = view == screen()->productView()
            ? QVector<int>{CatalogProductModel::ListPriceColumn, CatalogProductModel::PriceColumn}
            : QVector<int>{CatalogHistoryModel::PriceColumn, CatalogHistoryModel::ListPriceColumn};
        for (int column : money) {
            const int right = view->horizontalHeader()->sectionViewportPosition(column)
                            + view->horizontalHeader()->sectionSize(column);
            QVERIFY2(right <= view->viewport()->width(), qPrintable(QStringLiteral("column %1 ends at %2 of %3")
                                                                        .arg(column).arg(right)
                                                                        .arg(view->viewport()->width())));
            for (int r = 0; r < model->rowCount(); ++r) {
                const QString text = model->index(r, column).data().toString();
                const int need = view->fontMetrics().horizontalAdvance(text) + 6;
                QVERIFY2(view->columnWidth(column) >= need,
                         qPrintable(QStringLiteral("%1 in %2 px").arg(text).arg(view->columnWidth(column))));
            }
        }
    }
}

void TestCatalogScreen::columnsSizedAgainOnlyWhenTheirTextsChange()
{
    // A reload that brings back the same products (as after most imports) measures no column
    // again, so a column widened by hand keeps its width; columns whose texts change fit them.
    window_->resize(1440, 900);
    QTest::qWait(50);
    QTableView* view = screen()->productView();
    QHeaderView* header = view->horizontalHeader();
    const int kind = header->sectionSize(CatalogProductModel::KindColumn);
    header->resizeSection(CatalogProductModel::KindColumn, kind + 40);
    {
        QSignalSpy loaded(screen(), &ui::CatalogScreen::loaded);
        screen()->reload();
        QVERIFY(loaded.wait(10000));
    }
    QCOMPARE(shownIds().size(), 3);
    QCOMPARE(header->sectionSize(CatalogProductModel::KindColumn), kind + 40);

    choose("catalogKindFilter", QStringLiteral("voucher"));   // the voucher alone: other texts
    QCOMPARE(shownIds(), QStringList{QStringLiteral("P-LOTTE-50K")});
    for (int column : {CatalogProductModel::NameColumn, CatalogProductModel::MerchantColumn,
                       CatalogProductModel::KindColumn, CatalogProductModel::PriceColumn}) {
        const int shown = header->sectionSize(column);
        view->resizeColumnToContents(column);
        QCOMPARE(shown, header->sectionSize(column));
    }
}

QTEST_MAIN(TestCatalogScreen)
#include "tst_catalog_screen.moc"
