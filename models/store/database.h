#pragma once
// One SQLite connection, owned by the thread that opened it. Opening applies the pragmas
// (WAL, busy timeout, foreign keys) and brings the schema up to date.
#include "store/migrations.h"
#include "store/statement.h"

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;

namespace reconsole {

class Database {
public:
    enum class Mode { ReadWrite, ReadOnly };
    static constexpr int kCacheKiB = 64 * 1024;   // page cache of a connection that writes
    // A reader's: the console keeps a dozen reading threads open for hours, each with its own
    // connection; the operating system's file cache serves what falls out of theirs.
    static constexpr int kReadCacheKiB = 16 * 1024;

    // Opens (and for ReadWrite creates and migrates) the database at `path`: the mirror unless
    // another schema is given. Throws StoreError with a message a person can act on.
    explicit Database(const std::string& path, Mode mode = Mode::ReadWrite, const Schema& schema = mirrorSchema());
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    void exec(std::string_view sql);
    // A prepared statement kept for the life of the connection (reset before it is returned).
    Statement& cached(std::string_view sql);
    Statement prepare(std::string_view sql) { return Statement(db_, sql); }

    std::int64_t changes() const;
    std::int64_t lastInsertRowId() const;
    int schemaVersion() const;
    const std::string& path() const { return path_; }
    const Schema& schema() const { return schema_; }
    sqlite3* handle() const { return db_; }

private:
    void enableWal();
    sqlite3* db_ = nullptr;
    std::string path_;
    const Schema& schema_;
    std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit() was called.
class Transaction {
public:
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& db_;
    bool open_ = true;
};

// A read snapshot: everything read inside sees one consistent state of the mirror.
class ReadSnapshot {
public:
    explicit ReadSnapshot(Database& db);
    ~ReadSnapshot();
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
    Database& db_;
};

}  // namespace reconsole
