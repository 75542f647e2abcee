// The timeline chart draws one point per small square of its plot (ui/charts/pixel_thinning.h):
// the rule as a table, a random cloud where every square that held a point still holds one,
// and a busy customer's chart that draws a part of its points and still picks any of them.
#include "ui/charts/pixel_thinning.h"
#include "ui/charts/timeline_chart.h"

#include <QApplication>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <random>

using namespace reconsole;
using charts::thinForPlot;

class TestChartThinning : public QObject {
    Q_OBJECT
private slots:
    void rule_data();
    void rule();
    void squaresOfThreePixels();
    void panningKeepsTheSamePoints();
    void everySquareKeepsAPoint_data();
    void everySquareKeepsAPoint();
    void busyChartDrawsOnePerPixel();
};

void TestChartThinning::rule_data()
{
    QTest::addColumn<QList<QPointF>>("values");
    QTest::addColumn<QList<QPointF>>("kept");
    // The plot below: x 0..100 and y 0..10 on 100 × 10 pixels, one unit a pixel.
    using P = QList<QPointF>;
    QTest::newRow("none") << P {} << P {};
    QTest::newRow("one") << P {{5.5, 5.5}} << P {{5.5, 5.5}};
    QTest::newRow("same pixel: the first stays") << P {{5.1, 5.1}, {5.9, 5.9}} << P {{5.1, 5.1}};
    QTest::newRow("next pixel right") << P {{5.9, 5.5}, {6.0, 5.5}} << P {{5.9, 5.5}, {6.0, 5.5}};
    QTest::newRow("next pixel up") << P {{5.5, 5.9}, {5.5, 6.0}} << P {{5.5, 5.9}, {5.5, 6.0}};
    QTest::newRow("edges are on the plot") << P {{0, 0}, {100, 10}} << P {{0, 0}, {100, 10}};
    QTest::newRow("outside is dropped") << P {{-0.1, 5}, {100.1, 5}, {50, -0.1}, {50, 10.1}} << P {};
    QTest::newRow("order kept") << P {{9, 1}, {1, 9}, {9.2, 1.2}, {5, 5}} << P {{9, 1}, {1, 9}, {5, 5}};
}

void TestChartThinning::rule()
{
    QFETCH(QList<QPointF>, values);
    QFETCH(QList<QPointF>, kept);
    QCOMPARE(thinForPlot(values, QRectF(0, 0, 100, 10), QSizeF(100, 10), 1), kept);
}

void TestChartThinning::squaresOfThreePixels()
{
    // The chart's squares: 3 × 3 pixels; here a pixel is one unit.
    const QList<QPointF> values {{0.5, 0.5}, {2.9, 2.9}, {3.0, 0.5}, {0.5, 3.0}, {5.9, 5.9}, {6.0, 6.0}};
    const QList<QPointF> kept {{0.5, 0.5}, {3.0, 0.5}, {0.5, 3.0}, {5.9, 5.9}, {6.0, 6.0}};
    QCOMPARE(thinForPlot(values, QRectF(0, 0, 100, 10), QSizeF(100, 10)), kept);
}

void TestChartThinning::panningKeepsTheSamePoints()
{
    // Two views of the same points, the second panned by a third of a square: inside both,
    // the same points are drawn (the squares do not move with the view).
    QList<QPointF> values;
    for (int i = 0; i < 400; ++i)
        values.append({i * 0.37, (i * 7) % 10 + 0.5});
    const auto kept = [&](double left) {
        QList<QPointF> inBoth;
        for (const QPointF& v : thinForPlot(values, QRectF(left, 0, 100, 10), QSizeF(100, 10)))
            if (v.x() >= 40 && v.x() < 100)
                inBoth.append(v);
        return inBoth;
    };
    QCOMPARE(kept(0), kept(1));
    QVERIFY(!kept(0).isEmpty());
}

void TestChartThinning::everySquareKeepsAPoint_data()
{
    QTest::addColumn<double>("cellPx");
    QTest::newRow("1 px") << 1.0;
    QTest::newRow("3 px, as the chart") << charts::kThinCellPx;
    QTest::newRow("7 px") << 7.0;
}

void TestChartThinning::everySquareKeepsAPoint()
{
    QFETCH(double, cellPx);
    std::mt19937 rng(7);
    std::normal_distribution<double> time(5e5, 2e5), amount(0, 3e4);
    QList<QPointF> cloud;
    for (int i = 0; i < 50000; ++i)
        cloud.append({time(rng), std::round(amount(rng) / 1000) * 1000});
    const QRectF visible(0, -5e4, 1e6, 1e5);
    const QSizeF pixels(640, 240);
    const auto squareOf = [&](const QPointF& v) {
        return qMakePair(int(std::floor(v.x() / visible.width() * pixels.width() / cellPx)),
                         int(std::floor(v.y() / visible.height() * pixels.height() / cellPx)));
    };
    const QList<QPointF> kept = thinForPlot(cloud, visible, pixels, cellPx);
    QSet<QPair<int, int>> wanted, drawn;
    for (const QPointF& v : cloud)
        if (visible.contains(v))
            wanted.insert(squareOf(v));
    for (const QPointF& v : kept) {
        QVERIFY(cloud.contains(v));   // a point of the input, with its exact values
        drawn.insert(squareOf(v));
    }
    QCOMPARE(drawn, wanted);
    QCOMPARE(kept.size(), drawn.size());   // one a square
    QVERIFY(kept.size() < cloud.size());
}

void TestChartThinning::busyChartDrawsOnePerPixel()
{
    // 12 000 movements over a month, on two accounts, as the demo's busiest wallet.
    charts::TimelineChart chart;
    chart.resize(700, 320);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    std::mt19937 rng(3);
    const qint64 start = QDateTime(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    QList<charts::TimelinePoint> points;
    for (int i = 0; i < 12000; ++i) {
        charts::TimelinePoint p;
        p.atMs = start + qint64(rng() % (30LL * 24 * 3600 * 1000));
        p.signedAmount = (i % 2 ? 1 : -1) * qint64(5000 * (1 + rng() % 10));   // ten prices
        p.series = i % 3 ? QStringLiteral("머니") : QStringLiteral("은행");
        p.kind = i % 3 ? QStringLiteral("money") : QStringLiteral("bank");
        p.key = QStringLiteral("L-%1").arg(i);
        points.append(p);
    }
    chart.setPoints(points);
    QCOMPARE(chart.pointCount(), 12000);
    const int whole = chart.drawnMarkerCount();
    QVERIFY2(whole > 0 && whole < 12000 * 3 / 4, qPrintable(QString::number(whole)));

    // Zoomed in, the points in view are thinned again at the new scale.
    chart.zoomAround(start + 15LL * 24 * 3600 * 1000, 0.05);
    QVERIFY(chart.drawnMarkerCount() > 0);
    // Any movement in view can still be picked, drawn or not: picking reads every point.
    int inView = 0;
    for (const auto& p : points) {
        if (p.atMs < chart.visibleFromMs() || p.atMs > chart.visibleToMs())
            continue;
        ++inView;
        const QPoint at = chart.viewportPositionOf(p.key);
        QVERIFY(at.x() >= 0);
        QSignalSpy picked(&chart, &charts::TimelineChart::pointActivated);
        QTest::mouseClick(chart.plotViewport(), Qt::LeftButton, {}, at);
        QCOMPARE(picked.size(), 1);
        if (inView >= 20)
            break;
    }
    QCOMPARE(inView, 20);
}

QTEST_MAIN(TestChartThinning)
#include "tst_chart_thinning.moc"
