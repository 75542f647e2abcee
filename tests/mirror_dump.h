#pragma once
// Every row of every table of a mirror as text, for comparing two mirrors (or one mirror
// before and after an import) row by row. The import bookkeeping (import_run, quarantine, and
// orphan_detection, which holds the runs' wall-clock times) is left out unless asked for:
// re-importing a file adds to it by design.
#include "store/database.h"

#include <string>
#include <vector>

namespace reconsole::test {

inline std::vector<std::string> mirrorTables(Database& db, bool withBookkeeping = false)
{
    auto st = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    std::vector<std::string> names;
    while (st.step()) {
        const std::string name = st.string(0);
        if (withBookkeeping || (name != "import_run" && name != "quarantine" && name != "orphan_detection"))
            names.push_back(name);
    }
    return names;
}

// Rows as "table|'text'|123|NULL..." (SQL quote() of each column), sorted.
inline std::vector<std::string> dumpTable(Database& db, const std::string& table)
{
    auto cols = db.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid");
    cols.bind(1, table);
    std::string select = "'" + table + "'";
    while (cols.step())
        select += "||'|'||quote(\"" + cols.string(0) + "\")";
    auto st = db.prepare("SELECT " + select + " FROM \"" + table + "\" ORDER BY 1");
    std::vector<std::string> rows;
    while (st.step())
        rows.push_back(st.string(0));
    return rows;
}

inline std::vector<std::string> dumpMirror(Database& db, bool withBookkeeping = false)
{
    std::vector<std::string> rows;
    for (const auto& t : mirrorTables(db, withBookkeeping)) {
        auto part = dumpTable(db, t);
        rows.insert(rows.end(), part.begin(), part.end());
    }
    return rows;
}

// The first row where two dumps differ, for a readable failure message; empty when equal.
inline std::string firstDifference(const std::vector<std::string>& a, const std::vector<std::string>& b)
{
    for (std::size_t i = 0; i < a.size() || i < b.size(); ++i) {
        const std::string x = i < a.size() ? a[i] : "<none>", y = i < b.size() ? b[i] : "<none>";
        if (x != y)
            return "row " + std::to_string(i) + ": " + x + "  vs  " + y;
    }
    return {};
}

}  // namespace reconsole::test
