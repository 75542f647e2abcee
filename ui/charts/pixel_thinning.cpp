#include "ui/charts/pixel_thinning.h"

#include <QSet>

#include <cmath>

namespace reconsole::charts {

QList<QPointF> thinForPlot(const QList<QPointF>& values, const QRectF& visible, const QSizeF& plotPixels, double cellPx)
{
    // Squares counted from the axes' zero, not from the plot's edge: while the view pans, the
    // same point stays the one drawn in its square instead of markers jumping from frame to frame.
    const double perCellX = cellPx * visible.width() / std::max(1.0, plotPixels.width());
    const double perCellY = cellPx * visible.height() / std::max(1.0, plotPixels.height());
    const auto cellOf = [](double v, double perCell) { return perCell > 0 ? qint64(std::floor(v / perCell)) : 0; };
    QList<QPointF> kept;
    QSet<QPair<qint64, qint64>> taken;
    for (const QPointF& v : values) {
        if (v.x() < visible.left() || v.x() > visible.right() || v.y() < visible.top() || v.y() > visible.bottom())
            continue;
        const QPair<qint64, qint64> cell(cellOf(v.x(), perCellX), cellOf(v.y(), perCellY));
        if (!taken.contains(cell)) {
            taken.insert(cell);
            kept.append(v);
        }
    }
    return kept;
}

}  // namespace reconsole::charts
