#include "ui/charts/price_history_chart.h"

#include "core/money.h"
#include "ui/charts/chart_style.h"

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
    : QWidget(parent), stack_(new QStackedLayout(this)), view_(new QChartView), empty_(new QLabel)
{
    view_->setRenderHint(QPainter::Antialiasing);
    view_->setObjectName(QStringLiteral("priceHistoryChart"));
    view_->setMinimumSize(200, 160);
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setWordWrap(true);
    empty_->setText(tr("상품을 고르면 정가와 판매가의 변화를 보여 줍니다."));
    stack_->addWidget(view_);
    stack_->addWidget(empty_);
    stack_->setCurrentWidget(empty_);
}

PriceHistoryChart::~PriceHistoryChart() = default;

void PriceHistoryChart::setPoints(const QList<PricePoint>& points)
{
    points_ = points;
    if (points_.isEmpty()) {
        stack_->setCurrentWidget(empty_);
        return;
    }
    auto* chart = new QChart;
    styleChart(chart, 16);
    chart->legend()->setAlignment(Qt::AlignTop);
    auto* list = stepSeries(tr("정가"), QColor(0x75, 0x75, 0x75), Qt::DashLine, 2);
    auto* price = stepSeries(tr("판매가"), QColor(0x1e, 0x88, 0xe5), Qt::SolidLine, 3);
    const qint64 first = points_.front().atMs, last = points_.back().atMs;
    const qint64 tail = std::max<qint64>((last - first) / 8, kHourMs);
    qint64 highest = 0;
    for (qsizetype i = 0; i < points_.size(); ++i) {
        const PricePoint& p = points_[i];
        const qint64 until = i + 1 < points_.size() ? points_[i + 1].atMs : last + tail;
        // A step: the value holds from this version until the next one.
        list->append(axisValue(p.atMs), double(p.listPrice));   // a position on screen, not money arithmetic
        list->append(axisValue(until), double(p.listPrice));
        price->append(axisValue(p.atMs), double(p.price));
        price->append(axisValue(until), double(p.price));
        highest = std::max({highest, p.listPrice, p.price});
    }
    chart->addSeries(list);
    chart->addSeries(price);
    auto* time = new QDateTimeAxis;
    // Days when the history spans days, else the time of day; three labels fit a narrow chart.
    // Within one day the time of day, with the day as the axis title.
    const qint64 from = first - tail / 4, to = last + tail;
    if (to - from >= 2 * 24 * kHourMs) {
        time->setFormat(QStringLiteral("M/d"));
    } else if (to - from >= 20 * kHourMs) {
        time->setFormat(QStringLiteral("M/d HH:mm"));
    } else {
        time->setFormat(QStringLiteral("HH:mm"));
        time->setTitleText(QDateTime::fromMSecsSinceEpoch(first, QTimeZone(kSeoulOffsetMs / 1000)).toString(QStringLiteral("yyyy-MM-dd")));
        time->setTitleFont(font());
    }
    time->setTickCount(3);
    time->setRange(QDateTime::fromMSecsSinceEpoch(qint64(axisValue(from))),
                   QDateTime::fromMSecsSinceEpoch(qint64(axisValue(to))));
    time->setLabelsFont(font());
    chart->addAxis(time, Qt::AlignBottom);
    auto* money = createMoneyAxis(Money(std::max<qint64>(highest, 1)));
    chart->addAxis(money, Qt::AlignLeft);
    for (auto* s : {list, price}) {
        s->attachAxis(time);
        s->attachAxis(money);
    }
    QChart* old = view_->chart();
    view_->setChart(chart);
    delete old;
    stack_->setCurrentWidget(view_);
}

}  // namespace reconsole::charts
