#include "ui/charts/orphan_day_chart.h"

#include "recon/explanation_text.h"
#include "ui/charts/chart_style.h"

#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QDate>
#include <QLabel>
#include <QLegend>
#include <QStackedBarSeries>
#include <QSet>
#include <QStackedLayout>
#include <QStringList>
#include <QVBoxLayout>
#include <QToolTip>

namespace reconsole::charts {
namespace {

QDate dateOf(qint64 day) { return QDate(1970, 1, 1).addDays(day); }

// Labels under the bars on the first and last days, on the first of each month and on every
// fifth day: a month of days stays readable without tilting or eliding labels.
std::vector<std::pair<QString, double>> dayLabels(const std::vector<items::DayStat>& days)
{
    std::vector<std::pair<QString, double>> labels;
    QSet<QString> used;
    for (std::size_t i = 0; i < days.size(); ++i) {
        const QDate d = dateOf(days[i].day);
        QString label;
        if (i == 0 || i + 1 == days.size() || d.day() == 1)
            label = QStringLiteral("%1/%2").arg(d.month()).arg(d.day());
        else if (d.day() % 5 == 0 && d.day() < 30)
            label = QString::number(d.day());
        if (!label.isEmpty() && !used.contains(label)) {   // category labels must be unique
            used.insert(label);
            labels.emplace_back(label, double(i));
        }
    }
    return labels;
}

// "■ 결제 기록 없음   ■ 결제 미완료 …", each class in its colour.
QString legendText()
{
    QStringList items;
    for (int c = 0; c < kOrphanClassCount; ++c) {
        const auto cls = static_cast<OrphanClass>(c);
        items << QStringLiteral("<span style=\"color:%1\">&#9632;</span>&nbsp;%2")
                     .arg(classColor(cls).name(), recon::classLabel(cls).toHtmlEscaped());
    }
    return items.join(QStringLiteral("&nbsp;&nbsp;&nbsp;"));
}

}  // namespace

OrphanDayChart::OrphanDayChart(QWidget* parent)
    : QWidget(parent),
      stack_(new QStackedLayout(this)),
      page_(new QWidget),
      view_(new QChartView),
      legend_(new QLabel),
      empty_(new QLabel)
{
    view_->setRenderHint(QPainter::Antialiasing);
    view_->setObjectName(QStringLiteral("orphanDayChart"));
    // The classes' legend as a label of our own: Qt Charts' legend, with its wider markers and
    // spacing, cut "결제 기록 없음" to "결제 기록 …" at 1024 px. One line, not wrapped: a wrapping
    // label sizes the dashboard's grid by height-for-width, which squeezed the merchants' chart
    // to one bar (dashboard_screen.cpp). Its width is the chart column's minimum.
    legend_->setObjectName(QStringLiteral("orphanDayLegend"));
    legend_->setTextFormat(Qt::RichText);
    legend_->setAlignment(Qt::AlignHCenter);
    legend_->setText(legendText());
    page_->setAutoFillBackground(true);   // white, as the chart above it
    QPalette white = page_->palette();
    white.setColor(QPalette::Window, Qt::white);
    page_->setPalette(white);
    auto* column = new QVBoxLayout(page_);
    column->setContentsMargins(0, 0, 0, 6);
    column->setSpacing(0);
    column->addWidget(view_, 1);
    column->addWidget(legend_);
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setText(tr("표시할 미해결 출금이 없습니다."));
    stack_->addWidget(page_);
    stack_->addWidget(empty_);
    stack_->setCurrentWidget(empty_);
}

OrphanDayChart::~OrphanDayChart() = default;

bool OrphanDayChart::isEmpty() const
{
    for (const auto& d : days_)
        for (const MoneyTotal& m : d.amount)
            if (m.value().isPositive())
                return false;
    return true;
}

void OrphanDayChart::setDays(const std::vector<items::DayStat>& days)
{
    if (days == days_)
        return;   // the same figures: the chart (or the empty note) on screen is right
    days_ = days;
    if (!series_)
        buildChart();
    // The chart is kept and its figures replaced: from the call to a painted chart took
    // 12.3 ms with a new chart, 4.9 ms now (tests/bench/bench_charts.cpp).
    Money highest;
    for (const auto& d : days_) {
        MoneyTotal sum;   // a stacked bar: its height may be clamped, never wrapped
        for (const MoneyTotal& m : d.amount)
            sum.add(m.value());
        highest = std::max(highest, sum.value());
    }
    for (int c = 0; c < kOrphanClassCount; ++c) {
        QList<qreal> heights;
        heights.reserve(qsizetype(days_.size()));
        for (const auto& d : days_)
            heights << double(d.amount[static_cast<std::size_t>(c)].value().won());   // bar heights on screen
        QBarSet* set = series_->barSets().at(c);
        set->remove(0, set->count());
        set->append(heights);
    }
    setCategories(xAxis_, dayLabels(days_));
    xAxis_->setRange(-0.5, double(days_.size()) - 0.5);
    setMoneyTicks(yAxis_, highest);
    stack_->setCurrentWidget(isEmpty() ? empty_ : page_);
}

void OrphanDayChart::buildChart()
{
    auto* chart = new QChart;
    styleChart(chart);
    series_ = new QStackedBarSeries;
    for (int c = 0; c < kOrphanClassCount; ++c) {
        const auto cls = static_cast<OrphanClass>(c);
        auto* set = new QBarSet(recon::classLabel(cls));
        set->setColor(classColor(cls));
        set->setBorderColor(classColor(cls).darker(115));
        connect(set, &QBarSet::clicked, this, [this, cls](int index) {
            if (index >= 0 && index < dayCount())
                emit barClicked(days_[static_cast<std::size_t>(index)].day, cls);
        });
        connect(set, &QBarSet::hovered, this, [this, cls](bool on, int index) {
            if (!on || index < 0 || index >= dayCount()) {
                QToolTip::hideText();
                view_->unsetCursor();
                return;
            }
            const auto& d = days_[static_cast<std::size_t>(index)];
            view_->setCursor(Qt::PointingHandCursor);
            QToolTip::showText(QCursor::pos(), tr("%1 %2: %3\n클릭하면 목록을 이 날짜와 유형으로 거릅니다.")
                                                   .arg(dateOf(d.day).toString(Qt::ISODate), recon::classLabel(cls),
                                                        formatWon(d.amount[static_cast<std::size_t>(cls)])));
        });
        series_->append(set);
    }
    series_->setBarWidth(0.8);
    chart->addSeries(series_);
    xAxis_ = new QCategoryAxis;
    xAxis_->setStartValue(-0.5);
    xAxis_->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    xAxis_->setGridLineVisible(false);
    xAxis_->setTruncateLabels(false);
    xAxis_->setLabelsFont(font());
    chart->addAxis(xAxis_, Qt::AlignBottom);
    series_->attachAxis(xAxis_);
    yAxis_ = createMoneyAxis(Money());
    chart->addAxis(yAxis_, Qt::AlignLeft);
    series_->attachAxis(yAxis_);
    chart->legend()->hide();   // legend_ below says what each colour is
    QChart* placeholder = view_->chart();   // the view's own empty chart, handed back to us
    view_->setChart(chart);                 // the view owns the new one
    delete placeholder;
}

}  // namespace reconsole::charts
