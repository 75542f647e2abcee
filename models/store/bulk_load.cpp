#include "store/bulk_load.h"

#include "store/database.h"

#include <string>
#include <utility>
#include <vector>

namespace reconsole {
namespace {
constexpr int kIndexBuildCacheKiB = 4 * 1024;
}  // namespace

void deferFeedIndexes(Database& db)
{
    std::vector<std::pair<std::string, std::string>> indexes;
    {
        auto st = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND "
                             "tbl_name IN ('merchant', 'product', 'product_version', 'customer', 'account', "
                             "'orders', 'payment', 'ledger', 'cash_receipt')");
        while (st.step())
            indexes.emplace_back(st.string(0), st.string(1));
    }
    auto keep = db.prepare("INSERT OR REPLACE INTO deferred_index(name, sql) VALUES(?1, ?2)");
    for (const auto& [name, sql] : indexes) {
        keep.bind(1, name).bind(2, sql).run();
        db.exec("DROP INDEX \"" + name + "\"");
    }
}

bool hasDeferredIndexes(Database& db)
{
    auto st = db.prepare("SELECT count(*) FROM deferred_index");
    return st.step() && st.int64(0) > 0;
}

void restoreDeferredIndexes(Database& db)
{
    if (!hasDeferredIndexes(db))
        return;
    // SQLite sizes the runs its sorter sorts in memory by the page cache (at least 250 pages).
    // Runs of 4 MiB sort faster than one large run, as they fit the processor's caches: the
    // indexes of a 2 M line load are built in about 0.3 s less than with 16 MiB, and the peak
    // memory stays flat however large the load (docs/benchmarks.md).
    db.exec("PRAGMA cache_size = -" + std::to_string(kIndexBuildCacheKiB));
    Transaction tx(db);
    std::vector<std::string> sqls;
    {
        auto st = db.prepare("SELECT sql FROM deferred_index ORDER BY name");
        while (st.step())
            sqls.push_back(st.string(0));
    }
    for (const auto& sql : sqls) {
        // IF NOT EXISTS: a restore interrupted after some indexes were built can run again.
        std::string create = sql;
        const auto at = create.find("INDEX ");
        if (at != std::string::npos && create.compare(at + 6, 14, "IF NOT EXISTS ") != 0)
            create.insert(at + 6, "IF NOT EXISTS ");
        db.exec(create);
    }
    db.exec("DELETE FROM deferred_index");
    tx.commit();
    db.exec("PRAGMA cache_size = -" + std::to_string(Database::kCacheKiB));
}

}  // namespace reconsole
