#include "core/display.h"

#include <QCoreApplication>

namespace reconsole {

QString formatSeoul(Instant ms, bool withOffset)
{
    // formatWithOffset gives "YYYY-MM-DDTHH:MM:SS[.fff]+09:00": show it with a space and
    // without the fraction, the offset only when asked for.
    const Instant wholeSeconds = ms - ((ms % 1000) + 1000) % 1000;
    const QString iso = QString::fromStdString(formatWithOffset(wholeSeconds, kSeoulOffsetMinutes));
    QString s = iso.left(19);
    s[10] = QLatin1Char(' ');
    return withOffset ? s + QStringLiteral(" +09:00") : s;
}

QString formatDuration(DurationMs ms)
{
    // lupdate files these tr() calls under the enclosing namespace, so that is the context.
    const auto tr = [](const char* s) { return QCoreApplication::translate("reconsole", s); };
    if (ms < 0)
        ms = 0;
    const qint64 secs = ms / 1000, mins = secs / 60, hours = mins / 60, days = hours / 24;
    if (days > 0)
        return tr("%1일 %2시간").arg(days).arg(hours % 24);
    if (hours > 0)
        return tr("%1시간 %2분").arg(hours).arg(mins % 60);
    if (mins > 0)
        return tr("%1분").arg(mins);
    return tr("%1초").arg(secs);
}

}  // namespace reconsole
