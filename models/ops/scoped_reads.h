#pragma once
// How the services keep a merchant partner to its part of the operations store: they read the
// mirror through the connection's read scope (docs/access.md), so "a case link whose debit the
// mirror shows" is exactly "a link to one of its orders". Without that scope a merchant's read
// is refused, never answered in full.
#include "ops/ops_types.h"
#include "ops/result.h"

#include <optional>
#include <string>

namespace reconsole {
class Database;
}

namespace reconsole::ops {

// True when this connection reads the mirror through a read scope's temp views.
bool isScopedMirror(Database& mirror);

// Whether the mirror, as this connection sees it, holds the record: kind "ledger", "order",
// "product" or "request" (a refund request's debit); false for any other kind.
bool mirrorShows(Database& mirror, const std::string& kind, const std::string& id);

// For a merchant partner: a refusal when the mirror is not scoped (a wiring error: the reads
// would not be filtered). Nothing for anyone else.
std::optional<Refusal> requireScopeFor(Database& mirror, const Operator& op);

}  // namespace reconsole::ops
