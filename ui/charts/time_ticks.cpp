#include "ui/charts/time_ticks.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <iterator>

namespace reconsole::charts {
namespace {

constexpr qint64 kSecond = 1000, kMinute = 60 * kSecond, kHour = 60 * kMinute, kDay = 24 * kHour;
constexpr qint64 kSeoulOffsetMs = 9 * kHour;   // Korea keeps no daylight saving time
constexpr qint64 kSteps[] = {kSecond,      5 * kSecond,  10 * kSecond, 30 * kSecond, kMinute,    5 * kMinute,
                             10 * kMinute, 15 * kMinute, 30 * kMinute, kHour,        3 * kHour,  6 * kHour,
                             12 * kHour,   kDay,         2 * kDay,     7 * kDay,     14 * kDay,  30 * kDay,
                             90 * kDay,    365 * kDay};

qint64 floorDiv(qint64 a, qint64 b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

QString label(qint64 atMs, qint64 step, bool newDay)
{
    const QDateTime seoul = QDateTime::fromMSecsSinceEpoch(atMs, QTimeZone(int(kSeoulOffsetMs / 1000)));
    const QString day = QStringLiteral("%1/%2").arg(seoul.date().month()).arg(seoul.date().day());
    if (step >= kDay)
        return day;
    const QString time = seoul.time().toString(step < kMinute ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
    return newDay ? day + QLatin1Char(' ') + time : time;
}

}  // namespace

std::vector<TimeTick> roundTimeTicks(qint64 fromMs, qint64 toMs, int maxTicks)
{
    std::vector<TimeTick> ticks;
    if (toMs <= fromMs || maxTicks < 1)
        return ticks;
    const qint64 span = toMs - fromMs;
    const auto fits = std::find_if(std::begin(kSteps), std::end(kSteps), [&](qint64 s) { return span / s < maxTicks; });
    const qint64 step = fits == std::end(kSteps) ? span / maxTicks + 1 : *fits;
    // Round in Seoul wall-clock time, so that days start at Seoul midnight.
    qint64 wall = (floorDiv(fromMs + kSeoulOffsetMs, step) + 1) * step;
    if (wall - step >= fromMs + kSeoulOffsetMs)
        wall -= step;
    qint64 lastDay = floorDiv(fromMs + kSeoulOffsetMs, kDay) - 1;
    for (; wall - kSeoulOffsetMs <= toMs; wall += step) {
        const qint64 day = floorDiv(wall, kDay);
        ticks.push_back({wall - kSeoulOffsetMs, label(wall - kSeoulOffsetMs, step, day != lastDay)});
        lastDay = day;
    }
    return ticks;
}

}  // namespace reconsole::charts
