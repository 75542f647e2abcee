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

void restoreDeferredIndexes(Database& db, const std::function<void()>& afterEach)
{
    if (!hasDeferredIndexes(db))
        return;
    // SQLite sizes the runs its sorter sorts in memory by the page cache (at least 250 pages).
    // Runs of 4 MiB sort faster than one large run, as they fit the processor's caches: the
    // indexes of a 2 M line load are built in about 0.3 s less than with 16 MiB, and the peak
    // memory stays flat however large the load (docs/benchmarks.md).
    db.exec("PRAGMA cache_size = -" + std::to_string(kIndexBuildCacheKiB));
    std::vector<std::pair<std::string, std::string>> deferred;
    {
        auto st = db.prepare("SELECT name, sql FROM deferred_index ORDER BY name");
        while (st.step())
            deferred.emplace_back(st.string(0), st.string(1));
    }
    for (const auto& [name, sql] : deferred) {
        // IF NOT EXISTS: the index may have been built by hand, or by an older restore.
        std::string create = sql;
        const auto at = create.find("INDEX ");
        if (at != std::string::npos && create.compare(at + 6, 14, "IF NOT EXISTS ") != 0)
            create.insert(at + 6, "IF NOT EXISTS ");
        Transaction tx(db);
        db.exec(create);
        db.prepare("DELETE FROM deferred_index WHERE name = ?1").bind(1, name).run();
        tx.commit();
        if (afterEach)
            afterEach();
    }
    db.exec("PRAGMA cache_size = -" + std::to_string(Database::kCacheKiB));
}

}  // namespace reconsole
