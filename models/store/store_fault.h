#pragma once
// What a failure of SQLite itself means for the person at the keyboard, and what they do about
// it (docs/broken-files.md). Every connection registers the kind of store it is (the mirror, the
// operations store), so that an error raised deep in a query names the file and says whether to
// free disk space, rebuild the mirror from the feed, or restore the operations store from its
// backup: the command line and the console print the same advice.
#include <string>
#include <utility>

struct sqlite3;

namespace reconsole {

class StoreError;

enum class StoreFault {
    None,       // not a fault of the file or the disk (a constraint, a busy writer, a bug)
    DiskFull,   // SQLITE_FULL: the disk (or the test's max_page_count) has no room
    Damaged,    // SQLITE_CORRUPT, SQLITE_NOTADB: a damaged page, or not an SQLite file at all
    ReadOnly,   // SQLITE_READONLY: the file, its folder or its disk cannot be written
    CannotOpen, // SQLITE_CANTOPEN: the file or its -wal/-shm cannot be opened or made
    Io,         // SQLITE_IOERR: the disk failed a read or a write
};

StoreFault faultOf(int sqliteCode);
inline StoreFault faultOf(const StoreError& e);

// What to do about SQLite's error `sqliteCode` on the store of `kind` ("mirror", "operations
// store") at `path`; empty when it is no fault of the file or the disk.
std::string faultAdvice(int sqliteCode, const std::string& kind, const std::string& path);
// SQLITE_NOTADB: not an SQLite file at all (perhaps the wrong file was named).
bool notADatabase(int sqliteCode);

// The connection `db` is a store of `kind` (the schema's name); forgotten on close.
void registerConnection(sqlite3* db, const std::string& kind);
void forgetConnection(sqlite3* db);

}  // namespace reconsole

#include "store/store_error.h"

namespace reconsole {

inline StoreFault faultOf(const StoreError& e) { return faultOf(e.code()); }

// A StoreError that names the store and the file it came from (the console words its advice
// from them); caught as a StoreError everywhere else.
class StoreFaultError : public StoreError {
public:
    StoreFaultError(const std::string& what, int code, std::string store, std::string file)
        : StoreError(what, code), store_(std::move(store)), file_(std::move(file))
    {
    }
    const std::string& store() const { return store_; }   // "mirror", "operations store"
    const std::string& file() const { return file_; }

private:
    std::string store_, file_;
};

// "what: SQLite's message", with the advice for the store `db` belongs to when the code is a fault.
// A fault is also handed to the observer, if one is set.
StoreFaultError storeErrorOn(sqlite3* db, const std::string& what, int code);
// The same for a store that could not be opened at all.
StoreFaultError openFailure(const std::string& what, int code, const std::string& kind, const std::string& path);

// Called, on the thread that met it, with every fault of a file or its disk before it is thrown:
// the console sets one to tell the person what to do, whichever screen's read met it. The
// command line sets none: it prints the error where it is caught.
using StoreFaultObserver = void (*)(const StoreFaultError&);
void setStoreFaultObserver(StoreFaultObserver observer);

}  // namespace reconsole
