#include "ui/charts/timeline_chart.h"

#include "core/money.h"
#include "ui/charts/chart_style.h"
#include "ui/charts/pixel_thinning.h"
#include "ui/charts/time_ticks.h"

#include <QApplication>
#include <QBoxLayout>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMouseEvent>
#include <QPainter>
#include <QtMath>
#include <QPushButton>
#include <QResizeEvent>
#include <QScatterSeries>
#include <QToolTip>
#include <QWheelEvent>
#include <cmath>
#include <map>

namespace reconsole::charts {
namespace {

constexpr qint64 kMinSpanMs = 5'000;
constexpr double kPickRadiusPx = 14.0;
constexpr int kMarkerSize = 11;
const QColor kOrphanRed(0xd3, 0x2f, 0x2f);
const QColor kSelectedRing(0x0d, 0x47, 0xa1);
constexpr int kOrphanMarkerSize = 18;

// The time axis is plain UTC milliseconds: its labels are ours, written in Seoul time
// (time_ticks), whatever the machine's time zone.
qreal axisValue(qint64 utcMs) { return static_cast<qreal>(utcMs); }

// A filled circle with a white rim, drawn once and stamped at every point.
QImage markerImage(const QColor& color, int size, qreal ratio)
{
    const int pixels = qCeil(size * ratio);
    QImage image(pixels, pixels, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(Qt::white, ratio));
    painter.setBrush(color);
    painter.drawEllipse(QRectF(0.5 * ratio, 0.5 * ratio, pixels - ratio, pixels - ratio));
    return image;
}

// A 1-2-5 step (a whole number of won) giving about `ticks` intervals over `range` won.
double niceStep(double range, int ticks)
{
    const double raw = std::max(1.0, range / ticks);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (raw <= m * magnitude)
            return m * magnitude;
    return 10 * magnitude;
}

}  // namespace

struct TimelineChart::Parts {
    QChart* chart = nullptr;
    View* view = nullptr;
    QCategoryAxis* timeAxis = nullptr;
    QCategoryAxis* amountAxis = nullptr;
    QScatterSeries* orphans = nullptr;
    QScatterSeries* selected = nullptr;
    QLineSeries* zero = nullptr;
    std::map<QString, QLineSeries*> accounts;
    std::map<QString, QList<QPointF>> accountValues;   // every movement; the series hold one per pixel
    std::map<QString, QString> kinds;                  // each account series' kind, as made
    qreal markerRatio = 0;                             // the device pixel ratio their markers were drawn at
};

// Turns wheel and drag into zoom and pan of the time axis, and a click into a pick.
class TimelineChart::View : public QChartView {
public:
    View(QChart* chart, TimelineChart* owner) : QChartView(chart), owner_(owner)
    {
        setRenderHint(QPainter::Antialiasing);
        setCursor(Qt::OpenHandCursor);
    }

protected:
    void wheelEvent(QWheelEvent* e) override
    {
        const QRectF plot = chart()->plotArea();
        const QPointF at = chart()->mapFromScene(mapToScene(e->position().toPoint()));
        const double fraction = std::clamp((at.x() - plot.left()) / std::max(1.0, plot.width()), 0.0, 1.0);
        const qint64 center = owner_->from_ + static_cast<qint64>(fraction * double(owner_->to_ - owner_->from_));
        owner_->zoomAround(center, e->angleDelta().y() > 0 ? 0.8 : 1.25);
        e->accept();
    }
    void mousePressEvent(QMouseEvent* e) override
    {
        if (e->button() == Qt::LeftButton) {
            pressPos_ = lastPos_ = e->position();
            dragging_ = false;
            setCursor(Qt::ClosedHandCursor);
        }
        e->accept();
    }
    void mouseMoveEvent(QMouseEvent* e) override
    {
        if (e->buttons() & Qt::LeftButton) {
            dragging_ = dragging_ || (e->position() - pressPos_).manhattanLength() > 4;
            const double width = std::max(1.0, chart()->plotArea().width());
            if (dragging_)
                owner_->panBy(-(e->position().x() - lastPos_.x()) / width);
            lastPos_ = e->position();
        }
        QChartView::mouseMoveEvent(e);
    }
    void mouseReleaseEvent(QMouseEvent* e) override
    {
        setCursor(Qt::OpenHandCursor);
        if (e->button() == Qt::LeftButton && !dragging_)
            owner_->pickAt(e->position());
        dragging_ = false;
        e->accept();
    }

private:
    TimelineChart* owner_;
    QPointF pressPos_, lastPos_;
    bool dragging_ = false;
};

TimelineChart::TimelineChart(QWidget* parent) : QWidget(parent), parts_(std::make_unique<Parts>())
{
    auto* chart = new QChart;
    styleChart(chart);   // the look the console's charts share
    chart->setMargins(QMargins(4, 4, 12, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setMarkerShape(QLegend::MarkerShapeCircle);
    parts_->chart = chart;
    parts_->view = new View(chart, this);
    parts_->view->setObjectName(QStringLiteral("timelineChartView"));

    auto* zoomInButton = new QPushButton(tr("확대"));
    auto* zoomOutButton = new QPushButton(tr("축소"));
    auto* resetButton = new QPushButton(tr("전체 기간"));
    resetButton->setObjectName(QStringLiteral("resetZoomButton"));
    connect(zoomInButton, &QPushButton::clicked, this, &TimelineChart::zoomIn);
    connect(zoomOutButton, &QPushButton::clicked, this, &TimelineChart::zoomOut);
    connect(resetButton, &QPushButton::clicked, this, &TimelineChart::resetZoom);
    auto* hint = new QLabel(tr("휠: 확대·축소 · 끌기: 이동"));
    hint->setStyleSheet(QStringLiteral("color: palette(dark);"));
    hint->setMinimumWidth(1);
    setToolTip(tr("마우스 휠로 시간 범위를 확대·축소하고, 끌어서 앞뒤로 옮깁니다. 점을 누르면 목록에서 그 행이 선택됩니다."));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(zoomInButton);
    buttons->addWidget(zoomOutButton);
    buttons->addWidget(resetButton);
    buttons->addSpacing(8);
    buttons->addWidget(hint, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(parts_->view, 1);
    rebuildSeries();
}

TimelineChart::~TimelineChart() = default;

int TimelineChart::orphanMarkerCount() const { return parts_->orphans ? parts_->orphans->count() : 0; }

void TimelineChart::setPoints(const QList<TimelinePoint>& points)
{
    points_ = points;
    if (!highlighted_.isEmpty() && std::none_of(points_.begin(), points_.end(),
                                                [&](const TimelinePoint& p) { return p.key == highlighted_; }))
        highlighted_.clear();
    rebuildSeries();
    resetZoom();
    highlight(highlighted_);
}

void TimelineChart::attachSeries(QAbstractSeries* series, bool inLegend)
{
    parts_->chart->addSeries(series);
    series->attachAxis(parts_->timeAxis);
    series->attachAxis(parts_->amountAxis);
    for (QLegendMarker* m : parts_->chart->legend()->markers(series))
        m->setVisible(inLegend);
}

// The axes, the zero line, the orphans' and the selection's series: made once and kept.
void TimelineChart::buildChartParts()
{
    auto* timeAxis = new QCategoryAxis;
    timeAxis->setTitleText(tr("시각 (서울)"));
    timeAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    timeAxis->setTruncateLabels(false);
    auto* amountAxis = new QCategoryAxis;
    amountAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    amountAxis->setTitleText(tr("입금(+) · 출금(−)"));
    for (QAbstractAxis* axis : std::initializer_list<QAbstractAxis*>{timeAxis, amountAxis})
        axis->setLabelsFont(QApplication::font());
    parts_->chart->addAxis(timeAxis, Qt::AlignBottom);
    parts_->chart->addAxis(amountAxis, Qt::AlignLeft);
    parts_->timeAxis = timeAxis;
    parts_->amountAxis = amountAxis;

    // The zero line separates credits (above) from debits (below).
    parts_->zero = new QLineSeries;
    parts_->zero->setPen(QPen(QColor(0x90, 0x90, 0x90), 1.5));
    attachSeries(parts_->zero, false);

    parts_->orphans = new QScatterSeries;
    parts_->orphans->setName(tr("미해결 출금"));
    parts_->orphans->setMarkerSize(kOrphanMarkerSize);
    parts_->orphans->setColor(kOrphanRed);
    parts_->orphans->setBorderColor(Qt::white);
    connect(parts_->orphans, &QScatterSeries::hovered, this,
            [this](const QPointF& v, bool state) { showToolTipFor({}, v, state); });

    parts_->selected = new QScatterSeries;
    parts_->selected->setMarkerSize(26);
    parts_->selected->setBrush(Qt::NoBrush);
    parts_->selected->setPen(QPen(kSelectedRing, 3));
}

// One series per account, made again only when the accounts themselves change: a reload of the
// customer shown (after every import) or their whole timeline after the first page keeps them,
// and the chart is then given new points, not rebuilt (each rebuild laid out the chart, its
// legend and both axes anew on the GUI thread).
void TimelineChart::replaceAccountSeries(const std::map<QString, QString>& kindOf)
{
    QChart* chart = parts_->chart;
    // Drawn in the order added: the orphans and the selection ring go back on top.
    for (QAbstractSeries* s : std::initializer_list<QAbstractSeries*>{parts_->orphans, parts_->selected})
        if (chart->series().contains(s))
            chart->removeSeries(s);
    for (auto& [name, series] : parts_->accounts) {
        chart->removeSeries(series);
        delete series;
    }
    parts_->accounts.clear();
    for (const auto& [name, kind] : kindOf) {
        // A line series without its line, drawn with a "light marker" image: a scatter
        // series makes a graphics item per point, which takes seconds for a busy customer.
        auto* series = new QLineSeries;
        series->setName(name);
        const QColor color = accountKindColor(kind);
        QPen noLine(color);
        noLine.setStyle(Qt::NoPen);
        series->setPen(noLine);
        series->setMarkerSize(kMarkerSize);
        series->setLightMarker(markerImage(color, kMarkerSize, devicePixelRatioF()));
        attachSeries(series, true);
        connect(series, &QLineSeries::hovered, this,
                [this, n = name](const QPointF& v, bool state) { showToolTipFor(n, v, state); });
        parts_->accounts[name] = series;
    }
    parts_->kinds = kindOf;
    parts_->markerRatio = devicePixelRatioF();
    attachSeries(parts_->orphans, true);
    attachSeries(parts_->selected, false);
}

void TimelineChart::rebuildSeries()
{
    if (!parts_->timeAxis)
        buildChartParts();
    QCategoryAxis* timeAxis = parts_->timeAxis;
    QCategoryAxis* amountAxis = parts_->amountAxis;

    qint64 first = points_.isEmpty() ? QDateTime::currentMSecsSinceEpoch() : points_.front().atMs;
    qint64 last = first, low = 0, high = 0;
    for (const auto& p : points_) {
        first = std::min(first, p.atMs);
        last = std::max(last, p.atMs);
        low = std::min(low, p.signedAmount);
        high = std::max(high, p.signedAmount);
    }
    const qint64 span = std::max<qint64>(last - first, 60'000);
    fullFrom_ = first - span / 20 - (span == 60'000 ? 30'000 : 0);
    fullTo_ = fullFrom_ + span + span / 10;
    parts_->zero->replace({QPointF(axisValue(fullFrom_ - 50 * span), 0), QPointF(axisValue(fullTo_ + 50 * span), 0)});

    // Points go in one list per series (filled by thinAccountSeries): appending them one by one
    // costs a signal each.
    auto& values = parts_->accountValues;
    values.clear();
    std::map<QString, QString> kindOf;
    for (const auto& p : points_) {
        kindOf.emplace(p.series, p.kind);
        // An orphan is drawn as its red marker alone (placeOrphans), so that it never sits on top
        // of another movement at the same time and amount.
        if (!p.orphan)
            values[p.series].append(QPointF(axisValue(p.atMs), static_cast<qreal>(p.signedAmount)));
    }
    // A window moved to a screen of another pixel ratio needs markers drawn for it.
    if (kindOf != parts_->kinds || parts_->markerRatio != devicePixelRatioF()
        || !parts_->chart->series().contains(parts_->orphans))
        replaceAccountSeries(kindOf);
    const bool anyOrphan = std::any_of(points_.begin(), points_.end(), [](const TimelinePoint& p) { return p.orphan; });
    for (QLegendMarker* m : parts_->chart->legend()->markers(parts_->orphans))
        m->setVisible(anyOrphan);

    low_ = low;
    high_ = high;
    updateAmountTicks();
    // Without movements there is nothing to measure: the message alone, no empty axes.
    parts_->chart->setTitle(points_.isEmpty() ? tr("이 고객의 입출금 기록이 없습니다") : QString());
    timeAxis->setVisible(!points_.isEmpty());
    amountAxis->setVisible(!points_.isEmpty());
    for (QPushButton* button : findChildren<QPushButton*>())
        button->setEnabled(!points_.isEmpty());
    from_ = fullFrom_;
    to_ = fullTo_;
}

// Round-amount ticks labelled "₩50,000", as many as the height holds: Qt Charts elides
// labels that come closer than their own height.
void TimelineChart::updateAmountTicks()
{
    QCategoryAxis* axis = parts_->amountAxis;
    const int plotHeight = std::max(60, parts_->view->height() - 110);
    const int intervals = std::clamp(plotHeight / (fontMetrics().height() * 2 + 6), 2, 8);
    // Positions on screen, in doubles: amounts may reach the 64-bit limit, and the axis
    // reaches past them, where a 64-bit integer would overflow.
    const double step = niceStep(double(high_) - double(low_), intervals);
    const double quarter = std::floor(step / 4);
    const double bottom = std::floor((double(low_) - quarter) / step) * step;
    const double top = std::ceil((double(high_) + quarter) / step) * step;
    for (const QString& label : axis->categoriesLabels())
        axis->remove(label);
    axis->setStartValue(bottom - 1);
    constexpr double kLimit = 0x1p63;   // a tick beyond the 64-bit range is no amount: no label
    for (double v = bottom; v <= top; v += step)
        if (v >= -kLimit && v < kLimit)
            axis->append(formatWon(Money(static_cast<std::int64_t>(v))), v);
    axis->setRange(bottom, top);
}

void TimelineChart::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    updateAmountTicks();
    updateTimeTicks();
    thinAccountSeries();
    placeOrphans();
}

void TimelineChart::thinAccountSeries()
{
    QSizeF pixels = parts_->chart->plotArea().size();
    if (pixels.isEmpty())   // not laid out yet: the view's size is near enough
        pixels = parts_->view->size();
    pixels *= devicePixelRatioF();
    const QRectF visible(axisValue(from_), parts_->amountAxis->min(), axisValue(to_) - axisValue(from_),
                         parts_->amountAxis->max() - parts_->amountAxis->min());
    for (auto& [name, series] : parts_->accounts)
        series->replace(thinForPlot(parts_->accountValues[name], visible, pixels));
}

int TimelineChart::drawnMarkerCount() const
{
    int n = 0;
    for (const auto& [name, series] : parts_->accounts)
        n += series->count();
    return n + (parts_->orphans ? parts_->orphans->count() : 0);
}

// As many round-time labels as the width holds: day labels ("3/12") are short, labels with a
// time ("3/11 10:00") long.
void TimelineChart::updateTimeTicks()
{
    QCategoryAxis* axis = parts_->timeAxis;
    for (const QString& label : axis->categoriesLabels())
        axis->remove(label);
    const auto fitting = [this](const QString& widest) {
        return std::clamp((parts_->view->width() - 90) / (fontMetrics().horizontalAdvance(widest) + 24), 2, 8);
    };
    std::vector<TimeTick> ticks = roundTimeTicks(from_, to_, fitting(QStringLiteral("12/31")));
    if (std::any_of(ticks.begin(), ticks.end(), [](const TimeTick& t) { return t.label.contains(QLatin1Char(':')); }))
        ticks = roundTimeTicks(from_, to_, fitting(QStringLiteral("12/31 00:00")));
    axis->setStartValue(axisValue(from_) - 1);
    for (const TimeTick& tick : ticks)
        axis->append(tick.label, axisValue(tick.atMs));
    axis->setRange(axisValue(from_), axisValue(to_));
}

qint64 TimelineChart::shownAt(const TimelinePoint& p) const { return p.atMs + nudgedMs_.value(p.key, 0); }

// An orphan marker that would cover another movement (a duplicate debit's twin, seconds
// earlier and of the same amount) moves right by a marker's width at this zoom, so both show.
void TimelineChart::placeOrphans()
{
    if (!parts_->orphans)
        return;
    nudgedMs_.clear();
    const double msPerPixel = double(to_ - from_) / std::max(1.0, parts_->chart->plotArea().width());
    const double pixelsPerWon = std::max(1.0, parts_->chart->plotArea().height()) / std::max(1.0, double(high_) - double(low_));
    const qint64 nudge = static_cast<qint64>(kOrphanMarkerSize * msPerPixel);
    QList<QPointF> shown;
    for (const auto& p : points_) {
        if (!p.orphan)
            continue;
        const bool covers = std::any_of(points_.begin(), points_.end(), [&](const TimelinePoint& o) {
            return &o != &p && std::abs(double(o.atMs - p.atMs)) < nudge
                && std::abs(double(o.signedAmount - p.signedAmount)) * pixelsPerWon < kOrphanMarkerSize;
        });
        if (covers)
            nudgedMs_.insert(p.key, nudge);
        shown.append(QPointF(axisValue(shownAt(p)), static_cast<qreal>(p.signedAmount)));
    }
    parts_->orphans->replace(shown);
}

void TimelineChart::applyRange(qint64 fromMs, qint64 toMs)
{
    const qint64 fullSpan = fullTo_ - fullFrom_;
    const qint64 span = std::clamp<qint64>(toMs - fromMs, std::min(kMinSpanMs, fullSpan), fullSpan);
    from_ = std::clamp<qint64>(fromMs, fullFrom_, fullTo_ - span);
    to_ = from_ + span;
    updateTimeTicks();
    thinAccountSeries();
    placeOrphans();
    highlight(highlighted_);   // the ring follows an orphan moved aside
}

void TimelineChart::zoomAround(qint64 centerMs, double factor)
{
    const double left = double(centerMs - from_) * factor;
    const double right = double(to_ - centerMs) * factor;
    applyRange(centerMs - static_cast<qint64>(left), centerMs + static_cast<qint64>(right));
}

void TimelineChart::zoomIn()
{
    qint64 center = from_ + (to_ - from_) / 2;
    for (const auto& p : points_)
        if (p.key == highlighted_ && p.atMs >= from_ && p.atMs <= to_)
            center = p.atMs;   // keep the selected movement in view
    zoomAround(center, 0.5);
}

void TimelineChart::zoomOut() { zoomAround(from_ + (to_ - from_) / 2, 2.0); }

void TimelineChart::resetZoom() { applyRange(fullFrom_, fullTo_); }

void TimelineChart::panBy(double fractionOfSpan)
{
    const auto shift = static_cast<qint64>(double(to_ - from_) * fractionOfSpan);
    applyRange(from_ + shift, to_ + shift);
}

void TimelineChart::highlight(const QString& key)
{
    highlighted_ = key;
    parts_->selected->clear();
    for (const auto& p : points_) {
        if (key.isEmpty() || p.key != key)
            continue;
        if (p.atMs < from_ || p.atMs > to_) {
            const qint64 half = (to_ - from_) / 2;
            applyRange(p.atMs - half, p.atMs + half);   // draws the ring again
            return;
        }
        parts_->selected->append(axisValue(shownAt(p)), static_cast<qreal>(p.signedAmount));
        return;
    }
}

void TimelineChart::pickAt(const QPointF& viewPos)
{
    const QPointF at = parts_->chart->mapFromScene(parts_->view->mapToScene(viewPos.toPoint()));
    const TimelinePoint* best = nullptr;
    double bestDistance = kPickRadiusPx;
    for (const auto& p : points_) {
        if (p.atMs < from_ || p.atMs > to_)
            continue;
        const QPointF pos = parts_->chart->mapToPosition(QPointF(axisValue(shownAt(p)), double(p.signedAmount)),
                                                         parts_->orphans);
        const double distance = QLineF(pos, at).length();
        if (distance <= bestDistance) {
            bestDistance = distance;
            best = &p;
        }
    }
    if (!best)
        return;
    highlight(best->key);
    emit pointActivated(best->key);
}

QPoint TimelineChart::viewportPositionOf(const QString& key) const
{
    for (const auto& p : points_) {
        if (p.key != key || p.atMs < from_ || p.atMs > to_)
            continue;
        const QPointF inChart = parts_->chart->mapToPosition(QPointF(axisValue(shownAt(p)), double(p.signedAmount)),
                                                             parts_->orphans);
        return parts_->view->mapFromScene(parts_->chart->mapToScene(inChart));
    }
    return {-1, -1};
}

QWidget* TimelineChart::plotViewport() const { return parts_->view->viewport(); }

void TimelineChart::showToolTipFor(const QString& series, const QPointF& value, bool state)
{
    if (!state) {
        QToolTip::hideText();
        return;
    }
    for (const auto& p : points_) {
        if ((!series.isEmpty() && p.series != series) || (series.isEmpty() && !p.orphan))
            continue;
        if (qFuzzyCompare(axisValue(shownAt(p)), value.x()) && qFuzzyCompare(double(p.signedAmount) + 1, value.y() + 1)) {
            QToolTip::showText(QCursor::pos(), toolTipFor_ ? toolTipFor_(p) : QString(), parts_->view);
            return;
        }
    }
}

}  // namespace reconsole::charts
