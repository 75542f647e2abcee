#include "store/database.h"

#include "store/bulk_load.h"
#include "store/fault_injection.h"
#include "store/import_lock.h"
#include "store/migrations.h"
#include "store/store_error.h"
#include "store/store_fault.h"

#include <sqlite3.h>

#include <mutex>

namespace reconsole {

namespace {
void configureSqliteOnce()
{
    // Memory statistics take a global mutex on every allocation; nothing here reads them.
    static std::once_flag once;
    std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

// The operations store is small and cannot be rebuilt: a damaged page is found when it is opened,
// not half-way through a decision. Above this size the check would cost more than a second on
// every command; the same advice then comes when the damaged page is read. The mirror is never
// checked on open (123 ms for 20 000 orders, about 90 s at 50 M lines).
constexpr std::int64_t kQuickCheckMaxBytes = 64LL * 1024 * 1024;

void quickCheckSmallStore(Database& db)
{
    auto size = db.prepare("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()");
    if (!size.step() || size.int64(0) > kQuickCheckMaxBytes)
        return;
    auto check = db.prepare("PRAGMA quick_check(1)");
    if (check.step() && check.string(0) != "ok")
        throw storeErrorOn(db.handle(), "the " + db.schema().kind + " failed its check (" + check.string(0) + ")",
                           SQLITE_CORRUPT);
}
}  // namespace

Database::Database(const std::string& path, Mode mode, const Schema& schema) : path_(path), schema_(schema)
{
    configureSqliteOnce();
    const int flags = mode == Mode::ReadOnly || testOpensReadOnly(schema)
        ? SQLITE_OPEN_READONLY
        : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    const int rc = sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        const std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        db_ = nullptr;
        throw openFailure("cannot open " + schema.kind + " '" + path + "': " + msg, rc, schema.kind, path);
    }
    registerConnection(db_, schema.kind);
    try {
        // Wait for a writer in another process or thread rather than failing at once.
        sqlite3_busy_timeout(db_, schema.busyTimeoutMs);
        checkFileKind(*this);   // before any pragma or migration changes the file
        if (schema.durable)
            quickCheckSmallStore(*this);
        exec("PRAGMA foreign_keys = ON");
        if (mode == Mode::ReadWrite) {
            // Only takes effect on a new, empty file; larger pages make bulk loads ~10% faster.
            if (schema.feedMirror)
                exec("PRAGMA page_size = 16384");
            enableWal();
            // NORMAL in WAL mode keeps the mirror consistent on a crash; a power cut may lose the
            // last transactions, which the cursor then lets the feed re-deliver. Decisions cannot
            // be re-delivered: a durable store syncs every commit.
            exec(schema.durable ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
            // What the operations store deletes (sessions, password hashes replaced) is overwritten
            // on disk. The mirror only replaces rows with newer versions of the same feed records,
            // which it holds anyway: zeroing the old cells cost a bulk load 6 % of its writes.
            exec(schema.feedMirror ? "PRAGMA secure_delete = OFF" : "PRAGMA secure_delete = ON");
            migrateToLatest(*this);
        } else {
            checkSchemaReadable(*this);
        }
        // After the page size is settled: a cache size in KiB is turned into pages at once.
        exec("PRAGMA cache_size = -" + std::to_string(mode == Mode::ReadWrite ? kCacheKiB : kReadCacheKiB));
        // A bulk import killed before it built its indexes again left them deferred.
        if (schema.feedMirror && mode == Mode::ReadWrite && ImportLock::isFree(path) && hasDeferredIndexes(*this))
            restoreDeferredIndexes(*this);
        applyTestPageLimit(*this);   // tests only: a "full disk" for what this connection writes next
    } catch (...) {
        cache_.clear();
        forgetConnection(db_);
        sqlite3_close(db_);
        db_ = nullptr;
        throw;
    }
}

void Database::enableWal()
{
    // Switching a new file to WAL takes an exclusive lock and does not wait for one: another
    // process opening the same new file may hold it for a moment.
    for (int waited = 0;; waited += 10) {
        try {
            exec("PRAGMA journal_mode = WAL");
            return;
        } catch (const StoreError& e) {
            if ((e.code() & 0xff) != SQLITE_BUSY || waited >= schema_.busyTimeoutMs)
                throw;
            sqlite3_sleep(10);
        }
    }
}

Database::~Database()
{
    cache_.clear();   // statements must be finalized before the connection closes
    forgetConnection(db_);
    sqlite3_close(db_);
}

void Database::exec(std::string_view sql)
{
    char* err = nullptr;
    const std::string text(sql);
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        const std::string msg = err ? err : sqlite3_errmsg(db_);
        sqlite3_free(err);
        throw storeErrorOn(db_, "database error: " + msg, rc);
    }
}

Statement& Database::cached(std::string_view sql)
{
    auto it = cache_.find(std::string(sql));
    if (it == cache_.end())
        it = cache_.emplace(std::string(sql), std::make_unique<Statement>(db_, sql)).first;
    it->second->reset();
    return *it->second;
}

std::int64_t Database::changes() const { return sqlite3_changes64(db_); }

std::int64_t Database::lastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }

int Database::schemaVersion() const
{
    Statement st(db_, "PRAGMA user_version");
    st.step();
    return static_cast<int>(st.int64(0));
}

Transaction::Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction()
{
    if (open_) {
        try {
            db_.exec("ROLLBACK");
        } catch (const StoreError&) {
            // The connection rolls back by itself when the statement failed; nothing left to do.
        }
    }
}

void Transaction::commit()
{
    db_.exec("COMMIT");
    open_ = false;
}

ReadSnapshot::ReadSnapshot(Database& db) : db_(db) { db_.exec("BEGIN DEFERRED"); }

ReadSnapshot::~ReadSnapshot()
{
    try {
        db_.exec("COMMIT");
    } catch (const StoreError&) {
    }
}

}  // namespace reconsole
