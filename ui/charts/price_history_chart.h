#pragma once
// A product's list price and price over time, as steps (a value holds until the next
// version), for the catalog screen. Times are shown in Asia/Seoul.
#include <QList>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QChartView;
class QLabel;
class QStackedLayout;
QT_END_NAMESPACE

namespace reconsole::charts {

struct PricePoint {
    qint64 atMs = 0;   // UTC, when the version took effect
    qint64 listPrice = 0, price = 0;   // won
};

class PriceHistoryChart : public QWidget {
    Q_OBJECT
public:
    explicit PriceHistoryChart(QWidget* parent = nullptr);
    ~PriceHistoryChart() override;

    // By time; empty shows a note instead of a chart.
    void setPoints(const QList<PricePoint>& points);
    int pointCount() const { return int(points_.size()); }

private:
    QStackedLayout* stack_;
    QChartView* view_;
    QLabel* empty_;
    QList<PricePoint> points_;
};

}  // namespace reconsole::charts
