#include "access/read_scope.h"

#include "ops/permissions.h"
#include "store/database.h"

#include <iterator>

namespace reconsole::access {
namespace {

// An SQL string literal: view bodies cannot take parameters.
std::string quoted(const std::string& text)
{
    std::string out = "'";
    for (const char c : text) {
        out += c;
        if (c == '\'')
            out += '\'';
    }
    return out + "'";
}

struct ViewRule {
    const char* table;
    const char* body;    // the view's SELECT; :M stands for the merchant id
    const char* words;   // the rule in words (docs/access.md)
};

// In dependency order: later views read earlier ones (temp.orders, temp.ledger).
const ViewRule kViews[] = {
    {"merchant", "SELECT * FROM main.merchant WHERE id = :M", "its own row only"},
    {"product", "SELECT * FROM main.product WHERE merchant_id = :M", "its own products"},
    {"product_version", "SELECT * FROM main.product_version WHERE product_id IN (SELECT id FROM temp.product)",
     "every version of its own products"},
    {"orders", "SELECT * FROM main.orders WHERE product_id IN (SELECT id FROM temp.product)",
     "orders of its own products"},
    {"payment", "SELECT * FROM main.payment WHERE order_id IN (SELECT id FROM temp.orders)", "payments of those orders"},
    {"cash_receipt", "SELECT * FROM main.cash_receipt WHERE order_id IN (SELECT id FROM temp.orders)",
     "cash receipts of those orders"},
    {"ledger",
     "SELECT * FROM main.ledger WHERE order_id IN (SELECT id FROM temp.orders)"
     " OR (direction = 'credit' AND ref_id IN (SELECT id FROM main.ledger WHERE direction = 'debit'"
     " AND order_id IN (SELECT id FROM temp.orders)))",
     "entries of those orders, and the credits that give one of their debits back (ref_id)"},
    {"customer",
     "SELECT id, seq, name, NULL AS phone_last4, created_at FROM main.customer"
     " WHERE id IN (SELECT customer_id FROM temp.orders)",
     "customers who ordered its products; phone digits NULL (names come masked in the feed)"},
    {"account",
     "SELECT id, seq, customer_id, kind, NULL AS label FROM main.account"
     " WHERE id IN (SELECT account_id FROM temp.ledger)",
     "accounts with a visible ledger entry; label NULL"},
    {"unsettled_debit", "SELECT * FROM main.unsettled_debit WHERE order_id IN (SELECT id FROM temp.orders)",
     "orphan state of visible debits"},
    {"orphan_detection",
     "SELECT * FROM main.orphan_detection WHERE ledger_id IN (SELECT id FROM temp.ledger WHERE direction = 'debit')",
     "detection times of visible debits"},
    {"catalog_anomaly", "SELECT * FROM main.catalog_anomaly WHERE product_id IN (SELECT id FROM temp.product)",
     "findings about its own products and their orders"},
    {"import_run", "SELECT * FROM main.import_run WHERE 0", "empty (runs name files of the whole feed)"},
    {"quarantine", "SELECT * FROM main.quarantine WHERE 0", "empty (a raw line may carry anything)"},
};

std::string bodyFor(const ViewRule& v, const ReadScope& scope)
{
    std::string body = v.body;
    if (scope.kind() == ReadScope::Kind::Nothing)
        return std::string("SELECT * FROM main.") + v.table + " WHERE 0";
    const auto at = body.find(":M");
    if (at != std::string::npos)
        body.replace(at, 2, quoted(scope.merchantId()));
    return body;
}

}  // namespace

ReadScope ReadScope::narrowedBy(const ReadScope& other) const
{
    if (kind_ == Kind::Nothing || other.kind_ == Kind::Nothing)
        return nothing();
    if (kind_ == Kind::Everything)
        return other;
    if (other.kind_ == Kind::Everything || other.merchantId_ == merchantId_)
        return *this;
    return nothing();
}

ReadScope scopeFor(const ops::Operator& op)
{
    if (!op.enabled)
        return ReadScope::nothing();
    if (op.roles.has(ops::Role::Merchant))
        return op.merchantId && !op.merchantId->empty() ? ReadScope::merchant(*op.merchantId) : ReadScope::nothing();
    return ReadScope::everything();
}

std::optional<std::string> merchantMirrorOf(Database& mirror)
{
    auto has = mirror.prepare("SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = 'mirror_scope'");
    if (!has.step())
        return std::nullopt;
    auto st = mirror.prepare("SELECT merchant_id FROM main.mirror_scope LIMIT 1");
    if (!st.step())
        return std::nullopt;
    return st.string(0);
}

ReadScope fileScopeOf(Database& mirror)
{
    const auto merchant = merchantMirrorOf(mirror);
    return merchant ? ReadScope::merchant(*merchant) : ReadScope::everything();
}

void applyReadScope(Database& readConnection, const ReadScope& scope)
{
    // Dropped in reverse: a view may read an earlier one.
    for (auto it = std::rbegin(kViews); it != std::rend(kViews); ++it)
        readConnection.exec(std::string("DROP VIEW IF EXISTS temp.") + it->table);
    if (scope.isEverything())
        return;
    for (const ViewRule& v : kViews)
        readConnection.exec(std::string("CREATE TEMP VIEW ") + v.table + " AS " + bodyFor(v, scope));
}

const std::vector<TableRule>& scopedTableRules()
{
    static const std::vector<TableRule> rules = [] {
        std::vector<TableRule> r;
        for (const ViewRule& v : kViews)
            r.push_back({v.table, v.words});
        return r;
    }();
    return rules;
}

}  // namespace reconsole::access
