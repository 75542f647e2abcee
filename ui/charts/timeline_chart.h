#pragma once
// A customer's money movements over time: one scatter series per account (credits above
// zero, debits below; one colour per account kind), orphan debits as large red markers
// (moved aside when they would cover another movement, a duplicate's twin), the selected
// movement ringed. Time ticks fall on round Seoul times. Zoom and pan act on the time axis only (wheel, drag, buttons); Qt Charts has no
// pan of its own. Times are shown in Asia/Seoul whatever the machine's time zone.
#include "items/timeline_points.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QWidget>

class QAbstractSeries;

#include <functional>
#include <map>
#include <memory>

namespace reconsole::charts {

// Made on the timeline's worker (items/timeline_points.h).
using TimelinePoint = items::TimelinePoint;

class TimelineChart : public QWidget {
    Q_OBJECT
public:
    explicit TimelineChart(QWidget* parent = nullptr);
    ~TimelineChart() override;

    void setPoints(const QList<TimelinePoint>& points);
    // The text shown over a hovered point, asked for then rather than made for every point
    // of a busy customer's thousands on each load.
    void setToolTipProvider(std::function<QString(const TimelinePoint&)> provider) { toolTipFor_ = std::move(provider); }
    int pointCount() const { return static_cast<int>(points_.size()); }
    int orphanMarkerCount() const;
    int drawnMarkerCount() const;   // at most one per few pixels of the plot (pixel_thinning.h)
    QString highlightedKey() const { return highlighted_; }
    qint64 visibleFromMs() const { return from_; }
    qint64 visibleToMs() const { return to_; }
    // Where the point named `key` is drawn, in plotViewport() coordinates (for clicks in
    // tests and tours); (-1, -1) when it is not on screen.
    QPoint viewportPositionOf(const QString& key) const;
    QWidget* plotViewport() const;

public slots:
    void highlight(const QString& key);   // empty clears; scrolls the point into view
    void zoomIn();
    void zoomOut();
    void resetZoom();
    void zoomAround(qint64 centerMs, double factor);   // factor < 1 zooms in
    void panBy(double fractionOfSpan);                   // > 0 moves later in time

signals:
    void pointActivated(const QString& key);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    class View;
    struct Parts;
    void rebuildSeries();
    void buildChartParts();
    void replaceAccountSeries(const std::map<QString, QString>& kindOf);
    void attachSeries(QAbstractSeries* series, bool inLegend);
    void applyRange(qint64 fromMs, qint64 toMs);
    void updateAmountTicks();
    void updateTimeTicks();
    void placeOrphans();
    void thinAccountSeries();
    qint64 shownAt(const TimelinePoint& p) const;
    void pickAt(const QPointF& viewPos);
    void showToolTipFor(const QString& series, const QPointF& value, bool state);

    std::unique_ptr<Parts> parts_;
    QList<TimelinePoint> points_;
    QString highlighted_;
    std::function<QString(const TimelinePoint&)> toolTipFor_;
    QHash<QString, qint64> nudgedMs_;   // orphans drawn this far right of their time, at this zoom
    qint64 low_ = 0, high_ = 0;   // won, the lowest and highest signed amount plotted
    qint64 fullFrom_ = 0, fullTo_ = 0, from_ = 0, to_ = 0;
};

}  // namespace reconsole::charts
