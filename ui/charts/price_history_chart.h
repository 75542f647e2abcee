#pragma once
// A product's list price and price over time, as steps (a value holds until the next
// version), for the catalog screen. Times are shown in Asia/Seoul. The chart, its two series
// and its axes are made once; another product replaces their figures (a new QChart per product
// laid out its legend and axes anew on the GUI thread).
#include <QList>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QCategoryAxis;
class QChart;
class QChartView;
class QDateTimeAxis;
class QLineSeries;
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
    void buildChart();
    void setTimeRange(qint64 firstMs, qint64 fromMs, qint64 toMs);

    QStackedLayout* stack_;
    QChartView* view_;
    QChart* chart_ = nullptr;
    QLineSeries* list_ = nullptr;
    QLineSeries* price_ = nullptr;
    QDateTimeAxis* time_ = nullptr;
    QCategoryAxis* money_ = nullptr;
    QLabel* empty_;
    QList<PricePoint> points_;
};

}  // namespace reconsole::charts
