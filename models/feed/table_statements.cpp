#include "feed/table_statements.h"

#include "store/database.h"

namespace reconsole::feed {
namespace {

std::string joined(const TableColumns& columns)
{
    std::string s;
    for (const auto c : columns)
        s += (s.empty() ? "" : ", ") + std::string(c);
    return s;
}

// "seq = <value of column 2>, name = <value of column 3>": every column but the key, each set
// to what `valueOf(i)` names for the i-th column (0-based).
template <class ValueOf>
std::string assignments(const TableColumns& columns, ValueOf valueOf)
{
    std::string s;
    for (std::size_t i = 1; i < columns.size(); ++i)
        s += (i == 1 ? "" : ", ") + std::string(columns[i]) + " = " + valueOf(i);
    return s;
}

// "(?1, ?2), (?3, ?4)": `rows` rows of parameters, numbered on from row to row.
std::string valueRows(int columns, int rows)
{
    std::string s;
    for (int row = 0; row < rows; ++row) {
        s += row == 0 ? "(" : ", (";
        for (int column = 1; column <= columns; ++column)
            s += (column == 1 ? "?" : ", ?") + std::to_string(row * columns + column);
        s += ')';
    }
    return s;
}

}  // namespace

std::string upsertSql(std::string_view table, const TableColumns& columns)
{
    const std::string set = assignments(columns, [&](std::size_t i) { return "excluded." + std::string(columns[i]); });
    const std::string t(table);
    return "INSERT INTO " + t + "(" + joined(columns) + ") VALUES " + valueRows(int(columns.size()), 1)
        + " ON CONFLICT(" + std::string(columns[0]) + ") DO UPDATE SET " + set + " WHERE excluded.seq > " + t + ".seq";
}

std::string insertSql(std::string_view table, const TableColumns& columns)
{
    return insertRowsSql(table, columns, 1);
}

std::string insertRowsSql(std::string_view table, const TableColumns& columns, int rows)
{
    return "INSERT OR IGNORE INTO " + std::string(table) + "(" + joined(columns) + ") VALUES "
        + valueRows(int(columns.size()), rows);
}

std::string updateRowsSql(std::string_view table, const TableColumns& columns, int rows)
{
    // The VALUES list's columns are column1, column2, ... in SQLite.
    const std::string set = assignments(columns, [](std::size_t i) { return "v.column" + std::to_string(i + 1); });
    const std::string t(table);
    return "UPDATE OR IGNORE " + t + " SET " + set + " FROM (VALUES " + valueRows(int(columns.size()), rows)
        + ") AS v WHERE " + t + "." + std::string(columns[0]) + " = v.column1 AND v.column2 > " + t + ".seq";
}

TableStatements::TableStatements(Database& db, std::string_view table, TableColumns columns, Kind kind)
    : name_(table),
      columns_(int(columns.size())),
      one_(db.prepare(kind == Kind::Upsert ? upsertSql(table, columns) : insertSql(table, columns))),
      insertRows_(db.prepare(insertRowsSql(table, columns, kRows)))
{
    if (kind == Kind::Upsert)
        updateRows_ = db.prepare(updateRowsSql(table, columns, kRows));
}

}  // namespace reconsole::feed
