// The dashboard's charts keep their QChart and replace its figures (a new chart costs the GUI
// thread two to three times as much): after any sequence of figures, a chart must show exactly
// what a new chart given only the last figures shows.
#include "ui/charts/merchant_bar_chart.h"
#include "ui/charts/orphan_day_chart.h"

#include <QAbstractBarSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QTest>

#include <limits>
#include <vector>

using namespace reconsole;

namespace {

using Days = std::vector<items::DayStat>;
using Merchants = std::vector<items::MerchantStat>;

// `n` days from day 20 000 (2024-10-04, so a first of the month falls inside), each class
// `won` times (class + 1) times (day + 1).
Days days(int n, std::int64_t won)
{
    Days d(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        d[static_cast<std::size_t>(i)].day = 20000 + i;
        for (std::size_t c = 0; c < d[static_cast<std::size_t>(i)].amount.size(); ++c)
            d[static_cast<std::size_t>(i)].amount[c].add(Money(won * std::int64_t(c + 1) * (i + 1)));
    }
    return d;
}

Merchants merchants(int n, std::int64_t won)
{
    Merchants m(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        auto& x = m[static_cast<std::size_t>(i)];
        x.id = "m" + std::to_string(i);
        x.name = "가맹점 " + std::to_string(i);
        x.count = i + 1;
        x.amount.add(Money(won * (n - i)));
    }
    return m;
}

// Everything a chart shows: each axis's labels, places and range, each set's values, the width.
QStringList shown(QWidget& chartWidget)
{
    QStringList out;
    auto* view = chartWidget.findChild<QChartView*>();
    if (!view || !view->isVisibleTo(&chartWidget))
        return {QStringLiteral("the note, no chart")};   // what is behind it is not seen
    out << QStringLiteral("the chart");
    for (QAbstractAxis* axis : view->chart()->axes()) {
        if (auto* cat = qobject_cast<QCategoryAxis*>(axis)) {
            QString line = QStringLiteral("axis %1..%2:").arg(cat->min()).arg(cat->max());
            for (const QString& label : cat->categoriesLabels())
                line += QStringLiteral(" %1@%2").arg(label).arg(cat->endValue(label));
            out << line;
        } else if (auto* bar = qobject_cast<QBarCategoryAxis*>(axis)) {
            out << QStringLiteral("names: ") + bar->categories().join(QLatin1Char('|'));
        }
    }
    auto* series = qobject_cast<QAbstractBarSeries*>(view->chart()->series().constFirst());
    out << QStringLiteral("bar width %1").arg(series->barWidth());
    for (QBarSet* set : series->barSets()) {
        QString line = set->label() + QLatin1Char(':');
        for (int i = 0; i < set->count(); ++i)
            line += QLatin1Char(' ') + QString::number(set->at(i), 'f', 0);
        out << line;
    }
    return out;
}

}  // namespace

class TestDashboardCharts : public QObject {
    Q_OBJECT
private slots:
    void dayChartAfterAnySequence_data();
    void dayChartAfterAnySequence();
    void merchantChartAfterAnySequence_data();
    void merchantChartAfterAnySequence();
    void merchantsSharingANameEachKeepTheirBar();
};

void TestDashboardCharts::dayChartAfterAnySequence_data()
{
    QTest::addColumn<std::vector<Days>>("sequence");
    const auto max = std::numeric_limits<std::int64_t>::max() / 8;
    QTest::newRow("first figures") << std::vector<Days>{days(31, 1000)};
    QTest::newRow("higher: new money ticks") << std::vector<Days>{days(31, 1000), days(31, 70'000)};
    QTest::newRow("lower") << std::vector<Days>{days(31, 70'000), days(31, 3)};
    QTest::newRow("fewer days: labels and bars go") << std::vector<Days>{days(31, 1000), days(5, 1000)};
    QTest::newRow("more days") << std::vector<Days>{days(5, 1000), days(40, 1000)};
    QTest::newRow("to nothing: the note") << std::vector<Days>{days(31, 1000), days(31, 0)};
    QTest::newRow("nothing, then figures") << std::vector<Days>{days(31, 0), days(12, 500)};
    QTest::newRow("no days at all, then figures") << std::vector<Days>{Days{}, days(7, 9)};
    QTest::newRow("at the 64-bit limit, then small") << std::vector<Days>{days(3, max / 60), days(3, 1)};
    QTest::newRow("many changes") << std::vector<Days>{days(2, 5), days(31, 800), days(9, 0), days(20, 12345), days(1, 7)};
}

void TestDashboardCharts::dayChartAfterAnySequence()
{
    QFETCH(std::vector<Days>, sequence);
    charts::OrphanDayChart reused;
    reused.resize(900, 300);
    for (const Days& d : sequence) {
        reused.setDays(d);
        QCoreApplication::processEvents();
    }
    charts::OrphanDayChart fresh;
    fresh.resize(900, 300);
    fresh.setDays(sequence.back());
    QCOMPARE(shown(reused), shown(fresh));
    QCOMPARE(reused.isEmpty(), fresh.isEmpty());
}

void TestDashboardCharts::merchantChartAfterAnySequence_data()
{
    QTest::addColumn<std::vector<Merchants>>("sequence");
    QTest::newRow("first figures") << std::vector<Merchants>{merchants(8, 1000)};
    QTest::newRow("other amounts") << std::vector<Merchants>{merchants(8, 1000), merchants(8, 900'000)};
    QTest::newRow("fewer merchants: names go, bars thin") << std::vector<Merchants>{merchants(10, 1000), merchants(2, 1000)};
    QTest::newRow("more merchants") << std::vector<Merchants>{merchants(2, 1000), merchants(12, 1000)};
    QTest::newRow("to none: the note") << std::vector<Merchants>{merchants(6, 1000), Merchants{}};
    QTest::newRow("none, then some") << std::vector<Merchants>{Merchants{}, merchants(3, 77)};
    QTest::newRow("many changes") << std::vector<Merchants>{merchants(1, 5), merchants(9, 800), Merchants{}, merchants(4, 3)};
}

void TestDashboardCharts::merchantChartAfterAnySequence()
{
    QFETCH(std::vector<Merchants>, sequence);
    charts::MerchantBarChart reused;
    reused.resize(500, 400);
    for (const Merchants& m : sequence) {
        reused.setMerchants(m);
        QCoreApplication::processEvents();
    }
    charts::MerchantBarChart fresh;
    fresh.resize(500, 400);
    fresh.setMerchants(sequence.back());
    QCOMPARE(shown(reused), shown(fresh));
    QCOMPARE(reused.barCount(), fresh.barCount());
}

void TestDashboardCharts::merchantsSharingANameEachKeepTheirBar()
{
    Merchants m = merchants(4, 1000);
    m[1].name = m[3].name = "스타벅스";
    charts::MerchantBarChart chart;
    chart.resize(500, 400);
    chart.setMerchants(m);
    auto* view = chart.findChild<QChartView*>();
    QVERIFY(view && view->chart());
    auto* names = qobject_cast<QBarCategoryAxis*>(view->chart()->axes(Qt::Vertical).constFirst());
    QVERIFY(names);
    QCOMPARE(chart.barCount(), 4);
    // The largest on top: categories run bottom to top.
    QCOMPARE(names->categories(), (QStringList{QStringLiteral("스타벅스 (m3)"), QStringLiteral("가맹점 2"),
                                               QStringLiteral("스타벅스 (m1)"), QStringLiteral("가맹점 0")}));
}

QTEST_MAIN(TestDashboardCharts)
#include "tst_dashboard_charts.moc"
