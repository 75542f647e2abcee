#include "ops/scoped_reads.h"

#include "ops/permissions.h"
#include "store/database.h"

namespace reconsole::ops {

bool isScopedMirror(Database& mirror)
{
    auto& st = mirror.cached("SELECT 1 FROM temp.sqlite_master WHERE type = 'view' AND name = 'ledger'");
    const bool scoped = st.step();
    st.reset();
    return scoped;
}

bool mirrorShows(Database& mirror, const std::string& kind, const std::string& id)
{
    // Unqualified names: the scope's views when the connection has them.
    const char* sql = kind == "ledger"  ? "SELECT 1 FROM ledger WHERE id = ?1"
                    : kind == "order"   ? "SELECT 1 FROM orders WHERE id = ?1"
                    : kind == "product" ? "SELECT 1 FROM product WHERE id = ?1"
                                        : nullptr;
    if (!sql)
        return false;
    auto& st = mirror.cached(sql);
    st.bind(1, id);
    const bool shown = st.step();
    st.reset();
    return shown;
}

std::optional<Refusal> requireScopeFor(Database& mirror, const Operator& op)
{
    if (!isMerchantPartner(op) || isScopedMirror(mirror))
        return std::nullopt;
    return refuse(RefusalCode::NotPermitted,
                  "operator '" + op.id + "' is a merchant partner and this mirror is not scoped to its merchant");
}

}  // namespace reconsole::ops
