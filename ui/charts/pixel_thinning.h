#pragma once
// Keeps one point per small square of the plot. A busy wallet's 12 000 movements drew in 70 ms
// on the GUI thread, at every load, zoom and pan; most of them overlap, since a marker is
// 11 pixels wide and the plot a few hundred. A point is left out only when another point of
// its series is drawn in the same square (kThinCellPx on a side, counted from the axes' zero
// so that panning does not change which point is drawn), so the drawn shape of a
// cluster changes by at most that much at its edge, and every square that held a point still
// holds one. The points kept are points of the input with their exact values (a hovered point
// is still found by its value); picking a point reads every point, drawn or not.
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>

namespace reconsole::charts {

inline constexpr double kThinCellPx = 3;

// `values` in chart coordinates; `visible` the part of them on the plot (x from left to right,
// y from bottom to top); `plotPixels` the plot's size. Points outside `visible` are dropped.
QList<QPointF> thinForPlot(const QList<QPointF>& values, const QRectF& visible, const QSizeF& plotPixels,
                           double cellPx = kThinCellPx);

}  // namespace reconsole::charts
