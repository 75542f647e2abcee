#include "store/store_fault.h"

#include "store/store_error.h"

#include <sqlite3.h>

#include <atomic>
#include <mutex>
#include <unordered_map>

namespace reconsole {
namespace {

std::mutex g_kindsMutex;
std::atomic<StoreFaultObserver> g_observer{nullptr};

StoreFaultError observed(StoreFaultError e)
{
    if (const auto observer = g_observer.load(); observer && faultOf(e) != StoreFault::None)
        observer(e);
    return e;
}
std::unordered_map<sqlite3*, std::string>& kinds()
{
    static std::unordered_map<sqlite3*, std::string> map;
    return map;
}

std::string kindOf(sqlite3* db)
{
    std::lock_guard lock(g_kindsMutex);
    const auto it = kinds().find(db);
    return it == kinds().end() ? std::string() : it->second;
}

std::string damagedAdvice(const std::string& kind, const std::string& path, bool notDatabase)
{
    // A file that is not SQLite at all may be the wrong file named, not a damaged store.
    const std::string wrongFile = notDatabase ? "'" + path + "' is not an SQLite file. If it is not the " + kind
            + ", name the right file; if it is, it is damaged. "
                                              : std::string();
    if (kind == "mirror")
        return wrongFile + "The mirror '" + path + "' is damaged. Rebuild the mirror from the feed: move '" + path
            + "' (and its -wal and -shm files) aside, then run 'reconsole-cli import --db " + path
            + " FEED_FILE...' with every feed file from the first. Decisions are kept in the operations store.";
    if (kind == "operations store")
        return wrongFile + "The operations store '" + path + "' is damaged. Restore the operations store from its backup: with "
            "the console and every reconsole-cli closed, move '" + path + "' (and its -wal and -shm files) aside, "
            "copy the newest file made by 'reconsole-cli ops backup' to '" + path + "', then run 'reconsole-cli audit "
            "verify --db MIRROR --as ADMIN --against NEWEST_OUTBOX_FILE' (docs/broken-files.md).";
    return wrongFile + "The database '" + path + "' is damaged.";
}

}  // namespace

StoreFault faultOf(int sqliteCode)
{
    switch (sqliteCode & 0xff) {
    case SQLITE_FULL: return StoreFault::DiskFull;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return StoreFault::Damaged;
    case SQLITE_READONLY: return StoreFault::ReadOnly;
    case SQLITE_CANTOPEN: return StoreFault::CannotOpen;
    case SQLITE_IOERR: return StoreFault::Io;
    default: return StoreFault::None;
    }
}

bool notADatabase(int sqliteCode) { return (sqliteCode & 0xff) == SQLITE_NOTADB; }

std::string faultAdvice(int sqliteCode, const std::string& kind, const std::string& path)
{
    const StoreFault fault = faultOf(sqliteCode);
    const std::string what = kind.empty() ? "database" : kind;
    switch (fault) {
    case StoreFault::None: return {};
    case StoreFault::DiskFull:
        return "The disk of the " + what + " '" + path + "' is full: nothing of the failed step was kept. Free disk "
            "space and run the command again" + (kind == "mirror" ? " (an import resumes where it stopped)." : ".");
    case StoreFault::Damaged: return damagedAdvice(kind, path, notADatabase(sqliteCode));
    case StoreFault::ReadOnly:
        return "The " + what + " '" + path + "' cannot be written (the file, its folder or its disk is read-only). "
            "Make them writable, or copy the file to a writable folder, and run the command again.";
    case StoreFault::CannotOpen:
        return "The " + what + " '" + path + "' cannot be opened: check that it exists and that its folder can be "
            "written (SQLite makes its -wal and -shm files there), then run the command again.";
    case StoreFault::Io:
        return "The disk failed to read or write the " + what + " '" + path + "': check the disk; if it keeps "
            "failing, " + (kind == "mirror" ? "rebuild the mirror from the feed" : "restore the operations store "
            "from its backup") + " (docs/broken-files.md).";
    }
    return {};
}

void registerConnection(sqlite3* db, const std::string& kind)
{
    std::lock_guard lock(g_kindsMutex);
    kinds()[db] = kind;
}

void forgetConnection(sqlite3* db)
{
    std::lock_guard lock(g_kindsMutex);
    kinds().erase(db);
}

StoreFaultError storeErrorOn(sqlite3* db, const std::string& what, int code)
{
    const StoreFault fault = faultOf(code);
    if (fault == StoreFault::None || !db)
        return StoreFaultError(what, code, {}, {});
    const char* name = sqlite3_db_filename(db, "main");
    const std::string kind = kindOf(db), file = name ? name : "";
    return observed(StoreFaultError(what + "\n" + faultAdvice(code, kind, file), code, kind, file));
}

StoreFaultError openFailure(const std::string& what, int code, const std::string& kind, const std::string& path)
{
    const std::string advice = faultAdvice(code, kind, path);
    return observed(StoreFaultError(advice.empty() ? what : what + "\n" + advice, code, kind, path));
}

void setStoreFaultObserver(StoreFaultObserver observer) { g_observer.store(observer); }

}  // namespace reconsole
