// The console's charts read right (issue 11): one colour per account kind whoever the
// customer, time ticks on round times, the dashboard's day chart titled with the days it
// shows, a duplicate debit not hidden under its twin's orphan marker, no time label elided
// at 1024x700; and the customer explanation starts with the likely cause. The real main
// window, offscreen; the chart's axes are read through Qt Charts (tests may look inside).
#include "recon/explanation_text.h"
#include "test_mirror.h"
#include "ui/charts/timeline_chart.h"
#include "ui/customer/customer_screen.h"
#include "ui/customer/customer_timeline_panel.h"
#include "ui/dashboard/dashboard_screen.h"
#include "ui/main_window.h"
#include "ui/shell/console_settings.h"
#include "ui/shell/mirror_screens.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPointer>
#include <QScatterSeries>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace reconsole;
using ui::MainWindow;
using ui::ScreenId;

class TestConsoleCharts : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void accountColoursFollowTheKind();
    void timeTicksFallOnRoundTimes();
    void timeLabelsFitAt1024();
    void dayChartTitleSaysItsRange();
    void everyMerchantNamed_data();
    void everyMerchantNamed();
    void everyClassRowWholeAt1024();
    void dayLegendWholeAt1024();
    void duplicateTwinIsNotHidden();
    void likelyCauseIsShownFirst();
    void timelineKeepsItsSeriesForTheSameAccounts();

private:
    charts::TimelineChart* chart() const;
    void openCustomer(const QString& id);
    int pixelsOf(const QColor& color) const;
    struct Tick {
        qint64 atMs;
        QString label;
        double x;
    };
    std::vector<Tick> timeTicks() const;

    test::TestMirror example_;
    ui::ConsoleSettings settings_;
    std::unique_ptr<MainWindow> window_;
};

void TestConsoleCharts::initTestCase()
{
    QApplication::setFont(QFont(QStringLiteral("Noto Sans CJK KR"), 10));   // as the console runs
    example_.import({test::sharedPath("examples/incident-small.jsonl")});
}

void TestConsoleCharts::init()
{
    window_ = std::make_unique<MainWindow>(settings_);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    QSignalSpy opened(window_.get(), &MainWindow::mirrorOpened);
    window_->openMirror(QString::fromStdString(example_.path()));
    QVERIFY(opened.wait(10000));
}

void TestConsoleCharts::cleanup() { window_.reset(); }

charts::TimelineChart* TestConsoleCharts::chart() const
{
    return static_cast<ui::CustomerScreen*>(window_->screens()->customers())->timelinePanel()->chart();
}

void TestConsoleCharts::openCustomer(const QString& id)
{
    auto* screen = static_cast<ui::CustomerScreen*>(window_->screens()->customers());
    QSignalSpy loaded(screen, &ui::CustomerScreen::timelineLoaded);
    window_->screens()->showCustomer(id);
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty() && loaded.last().first().toString() == id, 10000);
    QTest::qWait(100);   // laid out and painted
}

int TestConsoleCharts::pixelsOf(const QColor& color) const
{
    const QImage image = chart()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            n += QColor(image.pixel(x, y)) == color ? 1 : 0;
    return n;
}

// The ticks of the timeline's time axis, whatever axis type draws them, with their x on screen.
std::vector<TestConsoleCharts::Tick> TestConsoleCharts::timeTicks() const
{
    std::vector<Tick> ticks;
    auto* view = chart()->findChild<QChartView*>();
    QChart* c = view->chart();
    const QRectF plot = c->plotArea();
    for (QAbstractAxis* axis : c->axes(Qt::Horizontal)) {
        if (auto* dt = qobject_cast<QDateTimeAxis*>(axis)) {
            const qint64 from = dt->min().toMSecsSinceEpoch(), to = dt->max().toMSecsSinceEpoch();
            for (int i = 0; i < dt->tickCount(); ++i) {
                // Such an axis shows local time (shifted to read as Seoul time): take it as shown.
                const QDateTime shown = QDateTime::fromMSecsSinceEpoch(from + (to - from) * i / (dt->tickCount() - 1));
                const qint64 seoulMs = QDateTime(shown.date(), shown.time(), QTimeZone(9 * 3600)).toMSecsSinceEpoch();
                ticks.push_back({seoulMs, shown.toString(dt->format()),
                                 plot.left() + plot.width() * i / (dt->tickCount() - 1)});
            }
        } else if (auto* cat = qobject_cast<QCategoryAxis*>(axis)) {
            for (const QString& label : cat->categoriesLabels()) {
                const double v = cat->endValue(label);
                const double x = plot.left() + plot.width() * (v - cat->min()) / (cat->max() - cat->min());
                ticks.push_back({qint64(v), label, x});
            }
        }
    }
    return ticks;
}

void TestConsoleCharts::accountColoursFollowTheKind()
{
    // The wallet (money) is blue for 남**; 김** has no wallet, so no blue on theirs (the first
    // account drawn took the first colour, whatever its kind).
    const QColor moneyBlue(0x1e, 0x88, 0xe5);
    openCustomer(QStringLiteral("C-NAM"));
    QVERIFY(pixelsOf(moneyBlue) > 0);
    openCustomer(QStringLiteral("C-KIM"));
    QCOMPARE(pixelsOf(moneyBlue), 0);
}

void TestConsoleCharts::timeTicksFallOnRoundTimes()
{
    openCustomer(QStringLiteral("C-NAM"));
    for (int zoom = 0; zoom < 3; ++zoom) {
        const std::vector<Tick> ticks = timeTicks();
        QVERIFY(ticks.size() >= 2);
        for (const Tick& t : ticks) {
            const QTime seoul = QDateTime::fromMSecsSinceEpoch(t.atMs, QTimeZone(9 * 3600)).time();
            QVERIFY2(seoul.second() == 0 && seoul.msec() == 0 && seoul.minute() % 5 == 0,
                     qPrintable(QStringLiteral("tick %1 at %2").arg(t.label, seoul.toString(QStringLiteral("HH:mm:ss.zzz")))));
        }
        chart()->zoomIn();
    }
}

void TestConsoleCharts::timeLabelsFitAt1024()
{
    window_->resize(1024, 700);
    QTest::qWait(50);
    openCustomer(QStringLiteral("C-NAM"));
    const QFontMetrics metrics(chart()->findChild<QChartView*>()->chart()->axes(Qt::Horizontal).first()->labelsFont());
    const std::vector<Tick> ticks = timeTicks();
    for (std::size_t i = 1; i < ticks.size(); ++i) {
        const double room = ticks[i].x - ticks[i - 1].x;
        const int need = (metrics.horizontalAdvance(ticks[i].label) + metrics.horizontalAdvance(ticks[i - 1].label)) / 2;
        QVERIFY2(room >= need, qPrintable(QStringLiteral("'%1' and '%2' have %3 px, need %4")
                                              .arg(ticks[i - 1].label, ticks[i].label).arg(room).arg(need)));
    }
}

void TestConsoleCharts::dayChartTitleSaysItsRange()
{
    ui::DashboardScreen* dashboard = window_->screens()->dashboard();
    QTRY_VERIFY_WITH_TIMEOUT(dashboard->isLoaded(), 10000);
    // The example's orphans all fall on one day: the chart shows the week up to it.
    QGroupBox* box = nullptr;
    for (QGroupBox* b : dashboard->findChildren<QGroupBox*>())
        if (b->title().contains(QStringLiteral("일별")))
            box = b;
    QVERIFY(box);
    QVERIFY2(box->title().contains(QStringLiteral("최근 7일")), qPrintable(box->title()));
}

void TestConsoleCharts::everyMerchantNamed_data()
{
    QTest::addColumn<QSize>("window");
    QTest::addColumn<int>("atLeast");   // as many as it names today: one name alone would be right, and useless
    QTest::newRow("1024x700") << QSize(1024, 700) << 5;
    QTest::newRow("1440x900") << QSize(1440, 900) << 10;
}

void TestConsoleCharts::everyMerchantNamed()
{
    QFETCH(QSize, window);
    QFETCH(int, atLeast);
    // Ten merchants in the height of a 700-pixel window: Qt Charts hid every other name. A bar
    // without its name is a bar nobody can read.
    test::TestMirror mirror;
    std::vector<std::string> lines;
    int seq = 1;
    for (int m = 0; m < 10; ++m) {
        const std::string n = std::to_string(m), won = std::to_string(1000 * (m + 1));
        const auto line = [&](const std::string& body) { lines.push_back(R"({"seq":)" + std::to_string(seq++) + "," + body + "}"); };
        line(R"("type":"merchant","id":"M-)" + n + R"(","name":"가맹점)" + n + R"(","category":"cafe","max_discount_bp":0)");
        line(R"("type":"product","id":"P-)" + n + R"(","merchant_id":"M-)" + n + R"(","name":"상품)" + n
             + R"(","kind":"goods","list_price":)" + won + R"(,"price":)" + won
             + R"(,"discount_bp":0,"cash_receipt_eligible":true,"updated_at":"2026-02-01T09:00:00+09:00")");
        line(R"("type":"customer","id":"C-)" + n + R"(","name":"김**","phone_last4":"0000","created_at":"2025-01-01T09:00:00+09:00")");
        line(R"("type":"account","id":"A-)" + n + R"(","customer_id":"C-)" + n + R"(","kind":"money","label":"머니")");
        line(R"("type":"order","id":"O-)" + n + R"(","customer_id":"C-)" + n + R"(","product_id":"P-)" + n
             + R"(","quantity":1,"unit_price":)" + won + R"(,"total":)" + won
             + R"(,"status":"pending","created_at":"2026-03-01T09:59:00+09:00","updated_at":"2026-03-01T09:59:00+09:00")");
        line(R"("type":"ledger","id":"L-)" + n + R"(","account_id":"A-)" + n + R"(","customer_id":"C-)" + n
             + R"(","direction":"debit","amount":)" + won + R"(,"purpose":"payment","payment_id":"PAY-)" + n
             + R"(","order_id":"O-)" + n + R"(","at":"2026-03-01T10:00:00+09:00")");
    }
    // A later movement moves as_of past the 30-minute grace: the ten debits are orphans.
    lines.push_back(R"({"seq":)" + std::to_string(seq++) + R"(,"type":"ledger","id":"L-LATER","account_id":"A-0",)"
                    + R"("customer_id":"C-0","direction":"credit","amount":1,"purpose":"topup","at":"2026-03-01T12:00:00+09:00"})");
    const auto imported = mirror.importLines(lines);
    QCOMPARE(imported.counts.quarantined, 0);
    window_ = std::make_unique<MainWindow>(settings_);
    window_->resize(window);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    QSignalSpy opened(window_.get(), &MainWindow::mirrorOpened);
    window_->openMirror(QString::fromStdString(mirror.path()));
    QVERIFY(opened.wait(10000));
    QTRY_VERIFY_WITH_TIMEOUT(window_->screens()->dashboard()->isLoaded(), 10000);
    QTest::qWait(100);
    auto* view = window_->findChild<QChartView*>(QStringLiteral("merchantBarChart"));
    QVERIFY(view && view->chart());
    const auto axes = view->chart()->axes(Qt::Vertical);
    QVERIFY(!axes.isEmpty());
    auto* names = qobject_cast<QBarCategoryAxis*>(axes.first());
    QVERIFY(names && names->count() > 0);
    // Asked of Qt's own labels: the axis hides a name that would overlap the one below it, and
    // what it needs per name is more than the font's height (19 px passed where Qt hid every
    // other name at 20.5 px each).
    QStringList shown, hidden;
    for (QGraphicsItem* item : view->scene()->items()) {
        auto* label = dynamic_cast<QGraphicsTextItem*>(item);
        if (label && names->categories().contains(label->toPlainText()))
            (label->isVisible() ? shown : hidden) << label->toPlainText();
    }
    QVERIFY2(hidden.isEmpty(), qPrintable(QStringLiteral("%1 of %2 names hidden: %3")
                                              .arg(hidden.size()).arg(names->count()).arg(hidden.join(u", "))));
    QCOMPARE(shown.size(), names->count());
    QVERIFY2(names->count() >= atLeast, qPrintable(QStringLiteral("%1 of 10 merchants named").arg(names->count())));
}

void TestConsoleCharts::everyClassRowWholeAt1024()
{
    // The five classes in the height of a 700-pixel window: the table had room for two and a
    // half, and the third row's amount was cut in half until scrolled.
    window_->resize(1024, 700);
    ui::DashboardScreen* dashboard = window_->screens()->dashboard();
    QTRY_VERIFY_WITH_TIMEOUT(dashboard->isLoaded(), 10000);
    QTest::qWait(50);
    auto* table = dashboard->findChild<QTableView*>(QStringLiteral("classBreakdown"));
    QVERIFY(table && table->isVisible());
    QCOMPARE(table->model()->rowCount(), kOrphanClassCount);
    const int last = table->model()->columnCount() - 1;
    for (int row = 0; row < kOrphanClassCount; ++row) {
        const QRect cell = table->visualRect(table->model()->index(row, last));
        QVERIFY2(cell.isValid() && cell.bottom() < table->viewport()->height(),
                 qPrintable(QStringLiteral("row %1 ends at %2 px, the table shows %3")
                                .arg(row).arg(cell.bottom()).arg(table->viewport()->height())));
    }
}

void TestConsoleCharts::dayLegendWholeAt1024()
{
    // Qt Charts' own legend cut "결제 기록 없음" to "결제 기록 …" at 1024 px.
    window_->resize(1024, 700);
    ui::DashboardScreen* dashboard = window_->screens()->dashboard();
    QTRY_VERIFY_WITH_TIMEOUT(dashboard->isLoaded(), 10000);
    QTest::qWait(50);
    auto* legend = dashboard->findChild<QLabel*>(QStringLiteral("orphanDayLegend"));
    QVERIFY(legend && legend->isVisible());
    for (int c = 0; c < kOrphanClassCount; ++c)
        QVERIFY2(legend->text().contains(recon::classLabel(static_cast<OrphanClass>(c))), qPrintable(legend->text()));
    QVERIFY2(legend->width() >= legend->sizeHint().width(),
             qPrintable(QStringLiteral("the legend needs %1 px and has %2").arg(legend->sizeHint().width()).arg(legend->width())));
    auto* view = dashboard->findChild<QChartView*>(QStringLiteral("orphanDayChart"));
    QVERIFY(view && view->chart());
    QVERIFY(!view->chart()->legend()->isVisible());   // one legend, not two
}

void TestConsoleCharts::duplicateTwinIsNotHidden()
{
    // L-0006 charged the card ₩8,000 a second time seconds after L-0005: both must show.
    openCustomer(QStringLiteral("C-KIM"));
    chart()->resetZoom();
    QTest::qWait(50);
    const QPoint twin = chart()->viewportPositionOf(QStringLiteral("L-0005"));
    const QPoint orphan = chart()->viewportPositionOf(QStringLiteral("L-0006"));
    QVERIFY(twin.x() >= 0 && orphan.x() >= 0);
    QVERIFY2((twin - orphan).manhattanLength() >= 12,
             qPrintable(QStringLiteral("twin at %1,%2, orphan at %3,%4").arg(twin.x()).arg(twin.y()).arg(orphan.x()).arg(orphan.y())));
}

void TestConsoleCharts::likelyCauseIsShownFirst()
{
    // 1440x900: the cause is the explanation's first line, in view without scrolling.
    openCustomer(QStringLiteral("C-NAM"));   // at its first orphan, L-0003
    auto* text = window_->findChild<QLabel*>(QStringLiteral("explanationText"));
    QVERIFY(text);
    QTRY_VERIFY_WITH_TIMEOUT(text->text().contains(QStringLiteral("추정 원인")), 10000);
    QVERIFY2(text->text().startsWith(QStringLiteral("추정 원인")), qPrintable(text->text()));
    auto* scroll = qobject_cast<QScrollArea*>(text->parentWidget()->parentWidget());
    QVERIFY(scroll);
    QVERIFY(scroll->viewport()->height() >= 2 * text->fontMetrics().lineSpacing());
}

void TestConsoleCharts::timelineKeepsItsSeriesForTheSameAccounts()
{
    // A reload of the customer shown gives the chart new points for the same accounts: it keeps
    // its series. Other accounts get series of their own; the orphans and the selection ring
    // stay drawn last (on top), and the orphans' legend entry shows only when there are some.
    charts::TimelineChart chart;
    chart.resize(700, 320);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const qint64 t0 = QDateTime(QDate(2026, 3, 1), QTime(10, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    const auto points = [t0](const QStringList& accounts, int perAccount, bool orphan) {
        QList<charts::TimelinePoint> list;
        for (const QString& account : accounts)
            for (int i = 0; i < perAccount; ++i)
                list.push_back({t0 + i * 60'000, -1000 * (i + 1), account, QStringLiteral("money"),
                                QStringLiteral("L-%1-%2").arg(account).arg(i), false});
        if (orphan)
            list.push_back({t0 + 30'000, -5000, accounts.first(), QStringLiteral("money"), QStringLiteral("L-ORPHAN"), true});
        return list;
    };
    auto* view = chart.findChild<QChartView*>(QStringLiteral("timelineChartView"));
    QVERIFY(view);
    QChart* qchart = view->chart();
    const auto accountSeries = [qchart] {
        QMap<QString, QAbstractSeries*> byName;
        for (QAbstractSeries* s : qchart->series())
            if (qobject_cast<QLineSeries*>(s) && !s->name().isEmpty())
                byName.insert(s->name(), s);
        return byName;
    };
    const auto orphansLastAndShown = [qchart](bool shown) {
        const QList<QAbstractSeries*> all = qchart->series();
        QVERIFY(all.size() >= 2);
        auto* orphans = qobject_cast<QScatterSeries*>(all[all.size() - 2]);
        QVERIFY(orphans && qobject_cast<QScatterSeries*>(all.last()));   // then the selection ring
        QCOMPARE(orphans->name(), QStringLiteral("미해결 출금"));
        const auto markers = qchart->legend()->markers(orphans);
        QVERIFY(!markers.isEmpty());
        QCoreApplication::processEvents();   // the legend shows its markers as it lays them out
        QCOMPARE(markers.first()->isVisible(), shown);
    };

    chart.setPoints(points({"머니 A", "은행 B"}, 5, true));
    QMap<QString, QPointer<QAbstractSeries>> first;   // a deleted series reads as null
    const auto made = accountSeries();
    for (auto [name, series] : made.asKeyValueRange())
        first.insert(name, series);
    QCOMPARE(first.keys(), (QStringList{"머니 A", "은행 B"}));
    orphansLastAndShown(true);
    QCOMPARE(chart.orphanMarkerCount(), 1);
    QCOMPARE(chart.drawnMarkerCount(), 2 * 5 + 1);

    chart.setPoints(points({"머니 A", "은행 B"}, 9, false));   // the same accounts, reloaded
    const auto reloaded = accountSeries();
    for (auto [name, series] : reloaded.asKeyValueRange())
        QVERIFY2(first.value(name) == series, qPrintable(name + QStringLiteral(": a new series")));
    QCOMPARE(accountSeries().keys(), first.keys());
    orphansLastAndShown(false);
    QCOMPARE(chart.orphanMarkerCount(), 0);
    QCOMPARE(chart.drawnMarkerCount(), 2 * 9);   // the kept series hold the new points

    chart.setPoints(points({"카드 C"}, 3, true));   // another customer
    QCOMPARE(accountSeries().keys(), QStringList{"카드 C"});
    orphansLastAndShown(true);
    QCOMPARE(chart.drawnMarkerCount(), 3 + 1);
}

QTEST_MAIN(TestConsoleCharts)
#include "tst_console_charts.moc"
