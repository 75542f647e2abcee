#include "ui/charts/price_history_chart.h"

#include "core/money.h"
#include "ui/charts/chart_style.h"
#include "ui/widgets/wrapping_label.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QStackedLayout>
#include <QTimeZone>

#include <algorithm>

namespace reconsole::charts {
namespace {

constexpr qint64 kSeoulOffsetMs = 9 * 3600 * 1000;
constexpr qint64 kHourMs = 3600 * 1000;

// QDateTimeAxis shows values in the machine's local time: shift them to show Seoul's.
qreal axisValue(qint64 utcMs)
{
    const qint64 localOffset = QDateTime::fromMSecsSinceEpoch(utcMs).offsetFromUtc() * 1000LL;
    return static_cast<qreal>(utcMs + kSeoulOffsetMs - localOffset);
}

QLineSeries* stepSeries(const QString& name, const QColor& color, Qt::PenStyle style, int width)
{
    auto* s = new QLineSeries;
    s->setName(name);
    QPen pen(color);
    pen.setWidth(width);
    pen.setStyle(style);
    s->setPen(pen);
    return s;
}

}  // namespace

PriceHistoryChart::PriceHistoryChart(QWidget* parent)
    : QWidget(parent), stack_(new QStackedLayout(this)), view_(new QChartView), empty_(new ui::WrappingLabel)
{
    view_->setRenderHint(QPainter::Antialiasing);
    view_->setObjectName(QStringLiteral("priceHistoryChart"));
    view_->setMinimumSize(200, 160);
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setText(tr("상품을 고르면 정가와 판매가의 변화를 보여 줍니다."));
    stack_->addWidget(view_);
    stack_->addWidget(empty_);
    stack_->setCurrentWidget(empty_);
}

PriceHistoryChart::~PriceHistoryChart() = default;

void PriceHistoryChart::buildChart()
{
    chart_ = new QChart;
    styleChart(chart_, 16);
    chart_->legend()->setAlignment(Qt::AlignTop);
    list_ = stepSeries(tr("정가"), QColor(0x75, 0x75, 0x75), Qt::DashLine, 2);
    price_ = stepSeries(tr("판매가"), QColor(0x1e, 0x88, 0xe5), Qt::SolidLine, 3);
    chart_->addSeries(list_);
    chart_->addSeries(price_);
    time_ = new QDateTimeAxis;
    time_->setTickCount(3);   // three labels fit a narrow chart
    time_->setLabelsFont(font());
    time_->setTitleFont(font());
    chart_->addAxis(time_, Qt::AlignBottom);
    money_ = createMoneyAxis(Money(1));
    chart_->addAxis(money_, Qt::AlignLeft);
    for (auto* s : {list_, price_}) {
        s->attachAxis(time_);
        s->attachAxis(money_);
    }
    QChart* placeholder = view_->chart();   // the view's own empty chart, released to us
    view_->setChart(chart_);
    delete placeholder;
}

// Days when the history spans days, else the time of day; within one day the time of day,
// with the day as the axis title.
void PriceHistoryChart::setTimeRange(qint64 firstMs, qint64 fromMs, qint64 toMs)
{
    QString format = QStringLiteral("HH:mm"), title;
    if (toMs - fromMs >= 2 * 24 * kHourMs)
        format = QStringLiteral("M/d");
    else if (toMs - fromMs >= 20 * kHourMs)
        format = QStringLiteral("M/d HH:mm");
    else
        title = QDateTime::fromMSecsSinceEpoch(firstMs, QTimeZone(kSeoulOffsetMs / 1000)).toString(QStringLiteral("yyyy-MM-dd"));
    if (time_->format() != format)
        time_->setFormat(format);
    if (time_->titleText() != title)
        time_->setTitleText(title);
    time_->setRange(QDateTime::fromMSecsSinceEpoch(qint64(axisValue(fromMs))),
                    QDateTime::fromMSecsSinceEpoch(qint64(axisValue(toMs))));
}

void PriceHistoryChart::setPoints(const QList<PricePoint>& points)
{
    points_ = points;
    if (points_.isEmpty()) {
        stack_->setCurrentWidget(empty_);
        return;
    }
    if (!chart_)
        buildChart();
    const qint64 first = points_.front().atMs, last = points_.back().atMs;
    const qint64 tail = std::max<qint64>((last - first) / 8, kHourMs);
    qint64 highest = 0;
    QList<QPointF> list, price;
    for (qsizetype i = 0; i < points_.size(); ++i) {
        const PricePoint& p = points_[i];
        const qint64 until = i + 1 < points_.size() ? points_[i + 1].atMs : last + tail;
        // A step: the value holds from this version until the next one.
        list << QPointF(axisValue(p.atMs), double(p.listPrice))   // a position on screen, not money arithmetic
             << QPointF(axisValue(until), double(p.listPrice));
        price << QPointF(axisValue(p.atMs), double(p.price)) << QPointF(axisValue(until), double(p.price));
        highest = std::max({highest, p.listPrice, p.price});
    }
    list_->replace(list);
    price_->replace(price);
    setTimeRange(first, first - tail / 4, last + tail);
    setMoneyTicks(money_, Money(std::max<qint64>(highest, 1)));
    stack_->setCurrentWidget(view_);
}

}  // namespace reconsole::charts
