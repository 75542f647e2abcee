#pragma once
// Formatting for people: Seoul wall-clock times and Korean durations. The interface
// speaks Korean by default; English comes from the translation files.
#include "core/instant.h"

#include <QString>

namespace reconsole {

// "2026-03-11 10:02:06", Asia/Seoul; with `withOffset` "... +09:00".
QString formatSeoul(Instant ms, bool withOffset = false);
// "3일 2시간", "1시간 58분", "45초".
QString formatDuration(DurationMs ms);

}  // namespace reconsole
