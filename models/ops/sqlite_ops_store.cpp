#include "ops/sqlite_ops_store.h"

#include "ops/sqlite_ops_tx.h"
#include "store/database.h"
#include "store/store_error.h"

#include <sqlite3.h>

#include <filesystem>

namespace reconsole::ops {

const Schema& opsSchema()
{
    static const Schema schema{"operations store",
                               {":/ops-migrations/0001_operations.sql", ":/ops-migrations/0002_refund_merchant.sql",
                                ":/ops-migrations/0003_catalog_ack.sql", ":/ops-migrations/0004_catalog_fix.sql",
                                ":/ops-migrations/0005_cases.sql", ":/ops-migrations/0006_sign_in.sql",
                                ":/ops-migrations/" OPS_MIGRATION_ORPHAN_NOTE ".sql",
                                ":/ops-migrations/0008_partner_cases.sql"},
                               true,
                               false,
                               30000,
                               "open it once for writing (e.g. reconsole-cli refund list)",
                               kOpsApplicationId,
                               false};
    return schema;
}

SqliteOpsStore::SqliteOpsStore(const std::string& path)
    : db_(std::make_unique<Database>(path, Database::Mode::ReadWrite, opsSchema()))
{
}

SqliteOpsStore::~SqliteOpsStore() = default;

void SqliteOpsStore::write(const std::function<void(OpsTx&)>& work)
{
    Transaction tx(*db_);
    SqliteOpsTx access(*db_);
    work(access);
    tx.commit();
}

void SqliteOpsStore::read(const std::function<void(OpsReader&)>& work)
{
    ReadSnapshot snapshot(*db_);
    SqliteOpsTx access(*db_);
    work(access);
}

void SqliteOpsStore::backup(const std::string& outPath)
{
    if (std::filesystem::exists(outPath))
        throw StoreError("backup target '" + outPath + "' already exists: choose a new file");
    sqlite3* out = nullptr;
    int rc = sqlite3_open_v2(outPath.c_str(), &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_backup* b = sqlite3_backup_init(out, "main", db_->handle(), "main");
        if (!b) {
            rc = sqlite3_errcode(out);
        } else {
            // Whole at once: a copy that another writer restarted half-way would be wasted work.
            do {
                rc = sqlite3_backup_step(b, -1);
                if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
                    sqlite3_sleep(50);
            } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
            rc = sqlite3_backup_finish(b);
        }
    }
    const std::string msg = out ? sqlite3_errmsg(out) : "out of memory";
    sqlite3_close(out);
    if (rc != SQLITE_OK) {
        std::filesystem::remove(outPath);
        throw StoreError("backup to '" + outPath + "' failed: " + msg, rc);
    }
}

std::string SqliteOpsStore::describe() const { return db_->path(); }

}  // namespace reconsole::ops
