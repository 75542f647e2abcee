#pragma once
// How a mirror-only command (orphans, explain, customer, quarantine, catalog, export-mirror)
// opens the mirror: without --as the file is the boundary (whoever can read it reads all of
// it, or a merchant mirror's one merchant); with --as, what that operator may read
// (docs/access.md).
#include "access/read_scope.h"
#include "cli_common.h"
#include "ops_common.h"
#include "store/database.h"

#include <functional>
#include <memory>

namespace reconsole::cli {

struct ScopedMirror {
    std::unique_ptr<Database> db;    // null when `exit` says why not
    access::ReadScope scope = access::ReadScope::everything();
    int exit = Ok;
};

// Opens the mirror, runs `upkeep` on the whole file (the orphan state and catalog findings are
// brought up to date before the views hide the tables they write), then applies the scope.
ScopedMirror openScopedMirror(const CommandParser& cmd, const OpsOptions& opts,
                              const std::function<void(Database&)>& upkeep = {});

}  // namespace reconsole::cli
