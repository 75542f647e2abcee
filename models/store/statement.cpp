#include "store/statement.h"

#include "store/store_error.h"
#include "store/store_fault.h"

#include <sqlite3.h>
#include <utility>

namespace reconsole {

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db)
{
    const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_,
                                      nullptr);
    if (rc != SQLITE_OK)
        throw storeErrorOn(db, "could not prepare SQL (" + std::string(sqlite3_errmsg(db)) + "): " + std::string(sql), rc);
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), stmt_(std::exchange(other.stmt_, nullptr))
{
}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(stmt_);
        db_ = std::exchange(other.db_, nullptr);
        stmt_ = std::exchange(other.stmt_, nullptr);
    }
    return *this;
}

void Statement::check(int rc) const
{
    if (rc != SQLITE_OK)
        throw storeErrorOn(db_, std::string("database error: ") + sqlite3_errmsg(db_), rc);
}

Statement& Statement::bind(int index, std::int64_t value)
{
    check(sqlite3_bind_int64(stmt_, index, value));
    return *this;
}

Statement& Statement::bind(int index, std::string_view text)
{
    // An empty view may have no data pointer, which SQLite would bind as NULL, not as "".
    check(sqlite3_bind_text64(stmt_, index, text.data() ? text.data() : "", text.size(), SQLITE_TRANSIENT,
                              SQLITE_UTF8));
    return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string_view>& text)
{
    return text ? bind(index, *text) : bindNull(index);
}

Statement& Statement::bindStatic(int index, std::string_view text)
{
    check(sqlite3_bind_text64(stmt_, index, text.data() ? text.data() : "", text.size(), SQLITE_STATIC, SQLITE_UTF8));
    return *this;
}

Statement& Statement::bindStatic(int index, const std::optional<std::string_view>& text)
{
    return text ? bindStatic(index, *text) : bindNull(index);
}

Statement& Statement::bindNull(int index)
{
    check(sqlite3_bind_null(stmt_, index));
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const std::string msg = sqlite3_errmsg(db_);
    sqlite3_reset(stmt_);
    throw storeErrorOn(db_, "database error: " + msg, rc);
}

void Statement::run()
{
    while (step()) {
    }
    reset();
}

void Statement::reset()
{
    // Bindings are kept: every caller binds all parameters (optional ones as NULL).
    sqlite3_reset(stmt_);
}

std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string_view Statement::text(int column) const
{
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string_view();
}

std::optional<std::string> Statement::optString(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return string(column);
}

int Statement::columnCount() const { return sqlite3_column_count(stmt_); }

bool Statement::isNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

}  // namespace reconsole
