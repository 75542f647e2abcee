#pragma once
// The merchants with the most orphan money, as horizontal bars, the largest on top: as many
// as the height gives a readable name to (Qt Charts hides every other name when they do not
// fit, and a bar without its name says nothing). Clicking a bar reports the merchant so the
// queue can be filtered to it.
#include "items/dashboard_stats.h"

#include <QWidget>

#include <vector>

QT_BEGIN_NAMESPACE
class QBarCategoryAxis;
class QCategoryAxis;
class QChartView;
class QHorizontalBarSeries;
class QLabel;
class QStackedLayout;
QT_END_NAMESPACE

namespace reconsole::charts {

class MerchantBarChart : public QWidget {
    Q_OBJECT
public:
    explicit MerchantBarChart(QWidget* parent = nullptr);
    ~MerchantBarChart() override;

    void setMerchants(const std::vector<items::MerchantStat>& merchants);
    int barCount() const { return static_cast<int>(merchants_.size()); }

signals:
    void barClicked(const QString& merchantId, const QString& merchantName);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    int fittingCount() const;
    void rebuild();
    void buildChart();

    QStackedLayout* stack_;
    QChartView* view_;
    QLabel* empty_;
    std::vector<items::MerchantStat> all_;         // as given: the largest first
    std::vector<items::MerchantStat> merchants_;   // as drawn: bottom bar first
    // The chart's parts, made by the first rebuild and owned by the view's chart.
    QHorizontalBarSeries* series_ = nullptr;
    QBarCategoryAxis* nameAxis_ = nullptr;
    QCategoryAxis* moneyAxis_ = nullptr;
};

}  // namespace reconsole::charts
