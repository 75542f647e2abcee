// The catalog's price history keeps its QChart from one product to the next and replaces its
// figures: after any sequence of products, it must show exactly what a new chart given only the
// last product shows (steps, time axis format, title and range, money ticks).
#include "ui/charts/price_history_chart.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QTest>

#include <vector>

using namespace reconsole;
using Prices = QList<charts::PricePoint>;
Q_DECLARE_METATYPE(std::vector<Prices>)

namespace {

constexpr qint64 kHour = 3'600'000;
constexpr qint64 kStart = 1'767'225'600'000;   // 2026-01-01 00:00 UTC

// `n` versions `spacing` apart, list price `won` rising by 1 000 a version, sold 10 % off.
Prices versions(int n, qint64 spacing, qint64 won)
{
    Prices p;
    for (int i = 0; i < n; ++i)
        p.push_back({kStart + i * spacing, won + 1000 * i, (won + 1000 * i) * 9 / 10});
    return p;
}

// Everything the chart shows.
QStringList shown(QWidget& chartWidget)
{
    auto* view = chartWidget.findChild<QChartView*>();
    if (!view || !view->isVisibleTo(&chartWidget))
        return {QStringLiteral("the note, no chart")};
    QStringList out{QStringLiteral("the chart")};
    for (QAbstractAxis* axis : view->chart()->axes()) {
        if (auto* time = qobject_cast<QDateTimeAxis*>(axis)) {
            out << QStringLiteral("time %1 '%2' %3..%4 ticks %5")
                       .arg(time->format(), time->titleText(), time->min().toString(Qt::ISODateWithMs),
                            time->max().toString(Qt::ISODateWithMs))
                       .arg(time->tickCount());
        } else if (auto* money = qobject_cast<QCategoryAxis*>(axis)) {
            QString line = QStringLiteral("money %1..%2:").arg(money->min()).arg(money->max());
            for (const QString& label : money->categoriesLabels())
                line += QStringLiteral(" %1@%2").arg(label).arg(money->endValue(label));
            out << line;
        }
    }
    for (QAbstractSeries* s : view->chart()->series()) {
        QString line = s->name() + QLatin1Char(':');
        for (const QPointF& p : static_cast<QLineSeries*>(s)->points())
            line += QStringLiteral(" (%1,%2)").arg(qint64(p.x())).arg(p.y());
        out << line;
    }
    return out;
}

}  // namespace

class TestPriceHistoryChart : public QObject {
    Q_OBJECT
private slots:
    void afterAnySequence_data();
    void afterAnySequence();
};

void TestPriceHistoryChart::afterAnySequence_data()
{
    QTest::addColumn<std::vector<Prices>>("sequence");
    QTest::newRow("first product") << std::vector<Prices>{versions(4, 24 * kHour, 10'000)};
    QTest::newRow("days, then within a day: title") << std::vector<Prices>{versions(4, 24 * kHour, 10'000), versions(3, kHour, 5'000)};
    QTest::newRow("within a day, then days: no title")
        << std::vector<Prices>{versions(3, kHour, 5'000), versions(6, 30 * kHour, 5'000)};
    QTest::newRow("about a day: day and time") << std::vector<Prices>{versions(2, kHour, 900), versions(2, 22 * kHour, 900)};
    QTest::newRow("higher prices: new ticks") << std::vector<Prices>{versions(3, kHour, 900), versions(3, kHour, 4'500'000)};
    QTest::newRow("fewer versions") << std::vector<Prices>{versions(12, 24 * kHour, 3'000), versions(1, kHour, 3'000)};
    QTest::newRow("to none: the note") << std::vector<Prices>{versions(3, kHour, 900), Prices{}};
    QTest::newRow("none, then some") << std::vector<Prices>{Prices{}, versions(5, 48 * kHour, 70'000)};
    QTest::newRow("many changes")
        << std::vector<Prices>{versions(2, kHour, 5), Prices{}, versions(9, 90 * kHour, 800'000), versions(1, kHour, 1)};
}

void TestPriceHistoryChart::afterAnySequence()
{
    QFETCH(std::vector<Prices>, sequence);
    charts::PriceHistoryChart reused;
    reused.resize(420, 260);
    for (const Prices& p : sequence) {
        reused.setPoints(p);
        QCoreApplication::processEvents();
    }
    charts::PriceHistoryChart fresh;
    fresh.resize(420, 260);
    fresh.setPoints(sequence.back());
    QCOMPARE(shown(reused), shown(fresh));
    QCOMPARE(reused.pointCount(), fresh.pointCount());
}

QTEST_MAIN(TestPriceHistoryChart)
#include "tst_price_history_chart.moc"
