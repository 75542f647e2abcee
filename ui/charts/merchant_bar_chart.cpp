#include "ui/charts/merchant_bar_chart.h"

#include "ui/charts/chart_style.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLegend>
#include <QResizeEvent>
#include <QStackedLayout>
#include <QToolTip>

#include <algorithm>
#include <iterator>

namespace reconsole::charts {

MerchantBarChart::MerchantBarChart(QWidget* parent)
    : QWidget(parent), stack_(new QStackedLayout(this)), view_(new QChartView), empty_(new QLabel)
{
    view_->setRenderHint(QPainter::Antialiasing);
    view_->setObjectName(QStringLiteral("merchantBarChart"));
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setText(tr("주문에 연결된 미해결 출금이 없습니다."));
    stack_->addWidget(view_);
    stack_->addWidget(empty_);
    stack_->setCurrentWidget(empty_);
}

MerchantBarChart::~MerchantBarChart() = default;

void MerchantBarChart::setMerchants(const std::vector<items::MerchantStat>& merchants)
{
    if (merchants == all_)
        return;   // the same figures: the chart (or the empty note) on screen is right
    all_ = merchants;
    rebuild();
}

void MerchantBarChart::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (fittingCount() != barCount())
        rebuild();
}

// A name a line high, under the plot the money axis and the margins.
int MerchantBarChart::fittingCount() const
{
    const int line = fontMetrics().height() + 1;
    // This widget's height, which the view fills whole, not the view's own: while the empty note
    // is shown the view keeps whatever size it had (640×480 before it was ever shown), and the
    // chart then named ten merchants in room for five, with no resize to correct it once the
    // view took its place. (The stack's contentsMargins() are not applied to its pages: taking
    // them off lost a bar at both sizes.)
    const int plot = height() - 2 * line - 36;
    return std::clamp(plot / line, std::min<int>(1, int(all_.size())), int(all_.size()));
}

void MerchantBarChart::rebuild()
{
    // Qt draws the first category at the bottom: reverse so the largest sits on top.
    const auto shown = all_.begin() + fittingCount();
    merchants_.assign(std::make_reverse_iterator(shown), all_.rend());
    if (!series_)
        buildChart();
    // The chart is kept and its figures replaced: setting them took 4.6 ms with a new chart,
    // 1.3 ms now (tests/bench/bench_charts.cpp).
    Money highest;
    QStringList names;
    QList<qreal> lengths;
    for (const auto& m : merchants_) {
        lengths << double(m.amount.value().won());   // bar length on screen
        highest = std::max(highest, m.amount.value());
        names << QString::fromStdString(m.name);
    }
    // Two merchants may share a name (brands are not unique; their ids are): Qt Charts keeps one
    // category per name, which left a bar unnamed and moved the names below it by one. Shared
    // names say whose bar it is by id.
    const QStringList given = names;
    for (qsizetype i = 0; i < names.size(); ++i)
        if (given.count(given[i]) > 1)
            names[i] = QStringLiteral("%1 (%2)").arg(given[i], QString::fromStdString(merchants_[std::size_t(i)].id));
    QBarSet* set = series_->barSets().constFirst();
    set->remove(0, set->count());
    set->append(lengths);
    if (nameAxis_->categories() != names)
        nameAxis_->setCategories(names);
    // Bars as thick as ten merchants would make them, however few there are.
    series_->setBarWidth(0.7 * std::min(1.0, double(std::max(barCount(), 1)) / 10.0) + 0.1);
    setMoneyTicks(moneyAxis_, highest);
    stack_->setCurrentWidget(merchants_.empty() ? static_cast<QWidget*>(empty_) : view_);
}

void MerchantBarChart::buildChart()
{
    auto* chart = new QChart;
    styleChart(chart, 44);
    series_ = new QHorizontalBarSeries;
    auto* set = new QBarSet(tr("미해결 금액"));
    set->setColor(QColor(0xd6, 0x45, 0x41));
    connect(set, &QBarSet::clicked, this, [this](int index) {
        if (index >= 0 && index < barCount()) {
            const auto& m = merchants_[static_cast<std::size_t>(index)];
            emit barClicked(QString::fromStdString(m.id), QString::fromStdString(m.name));
        }
    });
    connect(set, &QBarSet::hovered, this, [this](bool on, int index) {
        if (!on || index < 0 || index >= barCount()) {
            QToolTip::hideText();
            view_->unsetCursor();
            return;
        }
        const auto& m = merchants_[static_cast<std::size_t>(index)];
        view_->setCursor(Qt::PointingHandCursor);
        QToolTip::showText(QCursor::pos(), tr("%1: %2건, %3\n클릭하면 목록을 이 가맹점으로 거릅니다.")
                                               .arg(QString::fromStdString(m.name))
                                               .arg(m.count)
                                               .arg(formatWon(m.amount)));
    });
    series_->append(set);
    chart->addSeries(series_);
    nameAxis_ = new QBarCategoryAxis;
    nameAxis_->setLabelsFont(font());
    nameAxis_->setTruncateLabels(false);
    chart->addAxis(nameAxis_, Qt::AlignLeft);
    series_->attachAxis(nameAxis_);
    moneyAxis_ = createMoneyAxis(Money());
    chart->addAxis(moneyAxis_, Qt::AlignBottom);
    series_->attachAxis(moneyAxis_);
    chart->legend()->hide();
    QChart* placeholder = view_->chart();   // the view's own empty chart, handed back to us
    view_->setChart(chart);                 // the view owns the new one
    delete placeholder;
}

}  // namespace reconsole::charts
