#pragma once
// The statements that write one feed table, made from its columns: one row at a time, and
// kRows rows to a statement. SQLite opens a statement's cursors at its first step and closes
// them at its end, so a statement per row searches the table's B-tree from the root twice (the
// conflict check, then the insert); within one statement each row's search starts where the
// last one left the cursor, and a key past the last one (an append, the common case for feed
// ids) needs no search at all (docs/benchmarks.md).
//
// The statements for kRows rows never abort half-way, so SQLite needs no statement journal
// for them: an upsert of many rows would copy every page it changes into one first. Instead
// of aborting, "OR IGNORE" would skip a row that breaks a constraint; none can: the parser
// gives every NOT NULL column a value, and the id never changes.
#include "store/statement.h"

#include <string>
#include <string_view>
#include <vector>

namespace reconsole {
class Database;
}

namespace reconsole::feed {

// Columns in parameter order; the first is the id (the primary key), the second the seq.
using TableColumns = std::vector<std::string_view>;

// One row: an upsert that keeps the version with the higher seq.
std::string upsertSql(std::string_view table, const TableColumns& columns);
// One row: inserted if its id is new, else left alone.
std::string insertSql(std::string_view table, const TableColumns& columns);
// `rows` rows: each inserted if its id is new, else left alone.
std::string insertRowsSql(std::string_view table, const TableColumns& columns, int rows);
// `rows` rows: each stored row whose id one names, with a lower seq, takes its version. The
// rows must name distinct ids (which one of two would win is not defined).
std::string updateRowsSql(std::string_view table, const TableColumns& columns, int rows);

class TableStatements {
public:
    static constexpr int kRows = 32;
    enum class Kind {
        Upsert,    // a newer version replaces the stored one
        Insert,    // the first version stays (the caller compares any other)
    };

    TableStatements(Database& db, std::string_view table, TableColumns columns, Kind kind);

    std::string_view name() const { return name_; }
    Statement& one() { return one_; }
    Statement& insertRows() { return insertRows_; }
    Statement& updateRows() { return updateRows_; }   // Kind::Upsert only
    // The first parameter of row `row` of the kRows-row statements, less one.
    int parameterOffset(int row) const { return row * columns_; }

private:
    std::string name_;
    int columns_;
    Statement one_, insertRows_, updateRows_;
};

}  // namespace reconsole::feed
