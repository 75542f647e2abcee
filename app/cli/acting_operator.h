#pragma once
// The operator a mirror-only command acts as when given --as (docs/access.md). One function, so
// that sign-in (the password, the lock, a disabled operator) is decided in one place.
#include "cli_common.h"
#include "ops_common.h"
#include "ops/ops_types.h"

#include <optional>

namespace reconsole::cli {

// The operator --as names, signed in on the operations store; prints the refusal and returns
// nullopt when there is none to act as. Throws StoreError when the store cannot be used.
std::optional<ops::Operator> actingOperatorFor(const CommandParser& cmd, const OpsOptions& opts);

}  // namespace reconsole::cli
