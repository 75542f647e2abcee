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
        // Kept: the partial indexes of rare ledger rows (cash-receipt debits, refund credits).
        // Building one scans the whole ledger for those few rows (about 20 ms each at 2 M
        // lines); keeping it costs each insert a test of the index's WHERE.
        auto st = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND "
                             "tbl_name IN ('merchant', 'product', 'product_version', 'customer', 'account', "
                             "'orders', 'payment', 'ledger', 'cash_receipt') "
                             "AND name NOT IN ('ledger_cash_receipt', 'ledger_request')");
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

namespace {

// The SQL of each named index that is deferred, in the order given.
std::vector<std::pair<std::string, std::string>> deferredIndexes(Database& db, const std::vector<std::string>& names)
{
    std::vector<std::pair<std::string, std::string>> found;
    auto st = db.prepare("SELECT sql FROM deferred_index WHERE name = ?1");
    for (const auto& name : names) {
        st.bind(1, name);
        if (st.step())
            found.emplace_back(name, st.string(0));
        st.reset();
    }
    return found;
}

std::vector<std::string> allDeferredNames(Database& db)
{
    std::vector<std::string> names;
    auto st = db.prepare("SELECT name FROM deferred_index ORDER BY name");
    while (st.step())
        names.push_back(st.string(0));
    return names;
}

// The connection's page cache for the build, and back to its usual one after it, built or not.
// SQLite sizes the runs its sorter sorts in memory by the page cache (at least 250 pages).
// Runs of 4 MiB sort faster than one large run, as they fit the processor's caches: the
// indexes of a 2 M line load are built in about 0.3 s less than with 16 MiB, and the peak
// memory stays flat however large the load (docs/benchmarks.md).
class IndexBuildCache {
public:
    explicit IndexBuildCache(Database& db) : db_(db)
    {
        db_.exec("PRAGMA cache_size = -" + std::to_string(kIndexBuildCacheKiB));
    }
    ~IndexBuildCache()
    {
        try {
            db_.exec("PRAGMA cache_size = -" + std::to_string(Database::kCacheKiB));
        } catch (...) {
            // A connection that can no longer run a pragma reports its trouble on its next use.
        }
    }
    IndexBuildCache(const IndexBuildCache&) = delete;
    IndexBuildCache& operator=(const IndexBuildCache&) = delete;

private:
    Database& db_;
};

void restore(Database& db, const std::vector<std::string>& names, const std::function<void()>& afterEach)
{
    const auto deferred = deferredIndexes(db, names);
    if (deferred.empty())
        return;
    IndexBuildCache cache(db);
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
}

}  // namespace

void restoreDeferredIndexes(Database& db, const std::function<void()>& afterEach)
{
    restore(db, allDeferredNames(db), afterEach);
}

void restoreNamedDeferredIndexes(Database& db, const std::vector<std::string>& names,
                                 const std::function<void()>& afterEach)
{
    restore(db, names, afterEach);
}

}  // namespace reconsole
