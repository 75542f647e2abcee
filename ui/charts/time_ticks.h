#pragma once
// Ticks for a time axis at round Seoul wall-clock times (every 5 minutes, every hour, every
// day, …) rather than at equal divisions of whatever range is on screen, which fell on odd
// minutes ("10:07:42"). Labels carry the date only where it changes.
#include <QString>

#include <vector>

namespace reconsole::charts {

struct TimeTick {
    qint64 atMs = 0;   // UTC
    QString label;     // Seoul time: "10:05", "3/11 10:00", "3/12"
};

// Ticks inside [fromMs, toMs], at most `maxTicks` of them, on the smallest round step that
// keeps to that number.
std::vector<TimeTick> roundTimeTicks(qint64 fromMs, qint64 toMs, int maxTicks);

}  // namespace reconsole::charts
