#include "store/bulk_load.h"

#include "store/database.h"

#include <string>
#include <utility>
#include <vector>

namespace reconsole {

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
    // SQLite sizes its sort memory by the page cache; a smaller cache while the indexes are
    // built keeps the peak memory of a bulk load flat however large the load was.
    db.exec("PRAGMA cache_size = -" + std::to_string(Database::kCacheKiB / 4));
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
