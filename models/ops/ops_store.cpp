#include "ops/ops_store.h"

#include "ops/sqlite_ops_store.h"
#include "store/store_error.h"

#include <filesystem>

namespace reconsole::ops {

std::string defaultOpsPath(const std::string& mirrorPath)
{
    std::filesystem::path p(mirrorPath);
    p.replace_extension();   // "demo.db" -> "demo"; "mirror" stays
    return p.string() + ".ops.sqlite";
}

std::unique_ptr<OpsStore> openOpsStore(const std::string& spec)
{
    if (spec.empty())
        throw StoreError("no operations store named");
    if (spec.rfind("postgresql://", 0) == 0 || spec.rfind("postgres://", 0) == 0)
        throw StoreError("this build has no PostgreSQL operations store yet: name a SQLite file with --ops PATH");
    return std::make_unique<SqliteOpsStore>(spec);
}

}  // namespace reconsole::ops
