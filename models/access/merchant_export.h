#pragma once
// A mirror for one merchant partner (reconsole-cli export-mirror --merchant): a NEW file, its
// schema made by the migrations, filled by INSERT ... SELECT through a connection scoped to
// that merchant, so no row, index entry or free page of another merchant's data is ever in it.
// Its mirror_scope row makes every later open apply the same scope, and import refuse it.
#include "core/instant.h"

#include <map>
#include <optional>
#include <string>

namespace reconsole {
class Database;
}

namespace reconsole::access {

struct MerchantExport {
    std::map<std::string, std::int64_t> rows;   // per table written
    std::string refusal;                        // set when nothing was written, and why
};

// `source`: a read-write connection to the full mirror, its derived state (orphans, catalog
// findings) up to date. `outPath` must not exist. The source connection's scope is restored.
MerchantExport exportMerchantMirror(Database& source, const std::string& merchantId, const std::string& outPath,
                                    Instant now);

}  // namespace reconsole::access
