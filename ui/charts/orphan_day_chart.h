#pragma once
// Orphan money per day (Seoul calendar), stacked by class. Clicking a bar segment reports
// the day and class so the queue can be filtered to it.
#include "core/orphan_class.h"
#include "items/dashboard_stats.h"

#include <QWidget>

#include <cstdint>
#include <vector>

QT_BEGIN_NAMESPACE
class QCategoryAxis;
class QChartView;
class QLabel;
class QStackedBarSeries;
class QStackedLayout;
QT_END_NAMESPACE

namespace reconsole::charts {

class OrphanDayChart : public QWidget {
    Q_OBJECT
public:
    explicit OrphanDayChart(QWidget* parent = nullptr);
    ~OrphanDayChart() override;

    void setDays(const std::vector<items::DayStat>& days);
    int dayCount() const { return static_cast<int>(days_.size()); }
    bool isEmpty() const;   // no orphan money on any day
    QLabel* legend() const { return legend_; }

signals:
    void barClicked(qint64 day, reconsole::OrphanClass cls);

private:
    void buildChart();

    QStackedLayout* stack_;
    QWidget* page_;   // the chart and its legend
    QChartView* view_;
    QLabel* legend_;
    QLabel* empty_;
    std::vector<items::DayStat> days_;
    // The chart's parts, made by the first setDays and owned by the view's chart.
    QStackedBarSeries* series_ = nullptr;
    QCategoryAxis* xAxis_ = nullptr;
    QCategoryAxis* yAxis_ = nullptr;
};

}  // namespace reconsole::charts
