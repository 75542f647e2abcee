#pragma once
// A prepared statement over the sqlite3 C API: bind by position (1-based), step, read columns.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace reconsole {

class Statement {
public:
    Statement() = default;
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, std::string_view text);   // copied by SQLite
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const std::optional<std::string_view>& text);
    Statement& bindNull(int index);
    // Not copied: `text` must stay valid until this parameter is bound again. For the import's
    // hot path, where every parameter is bound afresh for each record.
    Statement& bindStatic(int index, std::string_view text);
    Statement& bindStatic(int index, const std::optional<std::string_view>& text);

    // True while a row is available; false when done. Throws StoreError on failure.
    bool step();
    // Runs a statement that returns no rows, then resets it.
    void run();
    void reset();   // keeps bindings: bind every parameter before each run

    std::int64_t int64(int column) const;
    std::string_view text(int column) const;   // valid until the next step/reset
    std::string string(int column) const { return std::string(text(column)); }
    std::optional<std::string> optString(int column) const;
    bool isNull(int column) const;
    int columnCount() const;

private:
    void check(int rc) const;
    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace reconsole
