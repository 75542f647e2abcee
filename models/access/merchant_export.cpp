#include "access/merchant_export.h"

#include "access/read_scope.h"
#include "store/database.h"
#include "store/store_error.h"

#include <filesystem>

namespace reconsole::access {
namespace {

// Copied through the scope's views (unqualified names resolve in `temp` first).
const char* const kScopedTables[] = {"merchant", "product",  "product_version", "customer",        "account",
                                     "orders",   "payment",  "ledger",          "cash_receipt",    "unsettled_debit",
                                     "orphan_detection", "catalog_anomaly"};
// Singletons the migrations already filled: the source's values replace them, so the export's
// default as_of, and whether its orphans and findings are current, are the full mirror's.
const char* const kStateTables[] = {"feed_cursor", "orphan_state", "catalog_state"};

bool exists(const std::string& path)
{
    std::error_code ec;
    return std::filesystem::exists(path, ec) || std::filesystem::exists(path + "-wal", ec);
}

}  // namespace

MerchantExport exportMerchantMirror(Database& source, const std::string& merchantId, const std::string& outPath,
                                    Instant now)
{
    MerchantExport result;
    if (exists(outPath)) {
        result.refusal = "'" + outPath + "' exists: a merchant mirror is always written as a new file";
        return result;
    }
    const ReadScope fileScope = fileScopeOf(source);
    const ReadScope scope = fileScope.narrowedBy(ReadScope::merchant(merchantId));
    {
        auto st = source.prepare("SELECT 1 FROM main.merchant WHERE id = ?1");
        st.bind(1, merchantId);
        if (!scope.isMerchant() || !st.step()) {
            result.refusal = "no merchant '" + merchantId + "' in the mirror";
            return result;
        }
    }
    { Database fresh(outPath); }   // created and migrated, then closed: attached below

    applyReadScope(source, scope);
    try {
        auto attach = source.prepare("ATTACH DATABASE ?1 AS export");
        attach.bind(1, outPath);
        attach.run();
        source.exec("BEGIN");
        for (const char* table : kScopedTables) {
            source.exec(std::string("INSERT INTO export.") + table + " SELECT * FROM " + table);
            result.rows[table] = source.changes();
        }
        for (const char* table : kStateTables)
            source.exec(std::string("INSERT OR REPLACE INTO export.") + table + " SELECT * FROM main." + table);
        auto mark = source.prepare("INSERT INTO export.mirror_scope (merchant_id, exported_at) VALUES (?1, ?2)");
        mark.bind(1, merchantId);
        mark.bind(2, now);
        mark.run();
        source.exec("COMMIT");
        // Everything into the main file: a partner is handed one file, with no -wal beside it.
        source.exec("PRAGMA export.wal_checkpoint(TRUNCATE)");
        source.exec("DETACH DATABASE export");
    } catch (...) {
        // Whatever step failed, leave the source connection as it was; the partial file is
        // the caller's to remove.
        for (const char* undo : {"ROLLBACK", "DETACH DATABASE export"}) {
            try {
                source.exec(undo);
            } catch (const StoreError&) {
            }
        }
        applyReadScope(source, fileScope);
        throw;
    }
    applyReadScope(source, fileScope);
    return result;
}

}  // namespace reconsole::access
