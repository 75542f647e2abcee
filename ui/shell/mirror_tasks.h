#pragma once
// The jobs that write to a mirror, for BackgroundTask: each opens its own read-write
// connection on the task's thread and closes it before it ends.
#include "ops/catalog_rules_in_force.h"
#include "ui/shell/background_task.h"
#include "ui/shell/partner_view.h"

#include <memory>

#include <QStringList>

#include <cstdint>

namespace reconsole::ui {

// Opens the mirror for writing (bringing its schema up to date) and rebuilds the orphan
// state if an interrupted bulk import left it stale, so that readers can open it read-only;
// then decides the console's read scope for `who` and fills `view` (docs/access.md).
BackgroundTask::Job openMirrorJob(const QString& mirrorPath, ConsoleIdentity who, std::shared_ptr<PartnerView> view);

// feed::importFeed with the orphan state and the catalog findings kept up to date and the
// task's cancel flag. `rules`: the catalog rules in force (settings and the versions that carry
// our fixes), read from the operations store by the caller, so that a console import keeps the
// same findings as the command line's.
BackgroundTask::Job importFeedJob(const QString& mirrorPath, const QStringList& files,
                                  ops::CatalogRulesInForce rules);

// Checks the mirror's catalog findings again in full when they were computed with other
// settings (an admin changed the rules) or are marked stale.
BackgroundTask::Job recheckCatalogJob(const QString& mirrorPath, ops::CatalogRulesInForce rules);

// Writes a demo feed to a temporary file and imports it into a new mirror at `mirrorPath`,
// then seeds its operations store (ops::defaultOpsPath) with demo operators and refunds;
// a cancelled or failed build leaves no mirror behind. The catalog rules are those of that
// store when it is there already (read on the task's thread), else the defaults.
BackgroundTask::Job createDemoJob(const QString& mirrorPath, std::int64_t orders, std::int64_t customers);

}  // namespace reconsole::ui
