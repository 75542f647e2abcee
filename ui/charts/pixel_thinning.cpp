#include "ui/charts/pixel_thinning.h"

#include <QSet>

#include <cmath>

namespace reconsole::charts {

QList<QPointF> thinForPlot(const QList<QPointF>& values, const QRectF& visible, const QSizeF& plotPixels, double cellPx)
{
    const double perPixelX = cellPx * visible.width() / std::max(1.0, plotPixels.width());
    const double perPixelY = cellPx * visible.height() / std::max(1.0, plotPixels.height());
    QList<QPointF> kept;
    QSet<quint64> taken;
    for (const QPointF& v : values) {
        if (v.x() < visible.left() || v.x() > visible.right() || v.y() < visible.top() || v.y() > visible.bottom())
            continue;
        const auto column = static_cast<quint64>(perPixelX > 0 ? std::floor((v.x() - visible.left()) / perPixelX) : 0);
        const auto row = static_cast<quint64>(perPixelY > 0 ? std::floor((v.y() - visible.top()) / perPixelY) : 0);
        if (!taken.contains(column << 32 | row)) {
            taken.insert(column << 32 | row);
            kept.append(v);
        }
    }
    return kept;
}

}  // namespace reconsole::charts
