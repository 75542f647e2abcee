#pragma once
// The jobs that write to a mirror, for BackgroundTask: each opens its own read-write
// connection on the task's thread and closes it before it ends.
#include "ui/shell/background_task.h"

#include <QStringList>

#include <cstdint>

namespace reconsole::ui {

// Opens the mirror for writing (bringing its schema up to date) and rebuilds the orphan
// state if an interrupted bulk import left it stale, so that readers can open it read-only.
BackgroundTask::Job openMirrorJob(const QString& mirrorPath);

// feed::importFeed with the orphan state kept up to date and the task's cancel flag.
BackgroundTask::Job importFeedJob(const QString& mirrorPath, const QStringList& files);

// Writes a demo feed to a temporary file and imports it into a new mirror at `mirrorPath`,
// then seeds its operations store (ops::defaultOpsPath) with demo operators and refunds;
// a cancelled or failed build leaves no mirror behind.
BackgroundTask::Job createDemoJob(const QString& mirrorPath, std::int64_t orders, std::int64_t customers);

}  // namespace reconsole::ui
