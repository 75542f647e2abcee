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
    const char* body;    // the view's SELECT over main's table; :M stands for the merchant id
    const char* words;   // the rule in words (docs/access.md)
};

// Whether the order named by `column` is one of the merchant's: two primary-key lookups. Every
// rule is such a correlated test, so a query pays for the rows it touches, not for the size of
// the merchant (a set of all its orders would be built again by every statement).
#define RC_OWN_ORDER(column)                                                                       \
    "EXISTS (SELECT 1 FROM main.orders o JOIN main.product p ON p.id = o.product_id WHERE o.id = " \
    column " AND p.merchant_id = :M)"
#define RC_OWN_PRODUCT(column) "EXISTS (SELECT 1 FROM main.product p WHERE p.id = " column " AND p.merchant_id = :M)"
// A ledger entry of the merchant's orders, or a credit that gives one of their debits back.
#define RC_OWN_ENTRY(l)                                                                                  \
    "(" RC_OWN_ORDER(l ".order_id") " OR (" l ".direction = 'credit' AND " l ".ref_id IS NOT NULL AND EXISTS" \
    " (SELECT 1 FROM main.ledger d WHERE d.id = " l ".ref_id AND d.direction = 'debit' AND "             \
    RC_OWN_ORDER("d.order_id") ")))"

const ViewRule kViews[] = {
    {"merchant", "SELECT * FROM main.merchant WHERE id = :M", "its own row only"},
    {"product", "SELECT * FROM main.product WHERE merchant_id = :M", "its own products"},
    {"product_version", "SELECT * FROM main.product_version v WHERE " RC_OWN_PRODUCT("v.product_id"),
     "every version of its own products"},
    {"orders", "SELECT * FROM main.orders x WHERE " RC_OWN_PRODUCT("x.product_id"), "orders of its own products"},
    {"payment", "SELECT * FROM main.payment x WHERE " RC_OWN_ORDER("x.order_id"), "payments of those orders"},
    {"cash_receipt", "SELECT * FROM main.cash_receipt x WHERE " RC_OWN_ORDER("x.order_id"),
     "cash receipts of those orders"},
    {"ledger", "SELECT * FROM main.ledger x WHERE " RC_OWN_ENTRY("x"),
     "entries of those orders, and the credits that give one of their debits back (ref_id)"},
    {"customer",
     "SELECT id, seq, name, NULL AS phone_last4, created_at FROM main.customer c WHERE EXISTS (SELECT 1 FROM"
     " main.orders o JOIN main.product p ON p.id = o.product_id WHERE o.customer_id = c.id AND p.merchant_id = :M)",
     "customers who ordered its products; phone digits NULL (names come masked in the feed)"},
    {"account",
     "SELECT id, seq, customer_id, kind, NULL AS label FROM main.account a WHERE EXISTS (SELECT 1 FROM main.ledger"
     " e WHERE e.customer_id = a.customer_id AND e.account_id = a.id AND " RC_OWN_ENTRY("e") ")",
     "accounts with a visible ledger entry; label NULL"},
    {"unsettled_debit", "SELECT * FROM main.unsettled_debit x WHERE " RC_OWN_ORDER("x.order_id"),
     "orphan state of visible debits"},
    {"orphan_detection",
     "SELECT * FROM main.orphan_detection x WHERE EXISTS (SELECT 1 FROM main.ledger e WHERE e.id = x.ledger_id AND "
     "e.direction = 'debit' AND " RC_OWN_ORDER("e.order_id") ")",
     "detection times of visible debits"},
    {"catalog_anomaly", "SELECT * FROM main.catalog_anomaly x WHERE " RC_OWN_PRODUCT("x.product_id"),
     "findings about its own products and their orders"},
    {"import_run", "SELECT * FROM main.import_run WHERE 0", "empty (runs name files of the whole feed)"},
    {"quarantine", "SELECT * FROM main.quarantine WHERE 0", "empty (a raw line may carry anything)"},
};

#undef RC_OWN_ENTRY
#undef RC_OWN_PRODUCT
#undef RC_OWN_ORDER

std::string bodyFor(const ViewRule& v, const ReadScope& scope)
{
    std::string body = v.body;
    if (scope.kind() == ReadScope::Kind::Nothing)
        return std::string("SELECT * FROM main.") + v.table + " WHERE 0";
    const std::string literal = quoted(scope.merchantId());
    for (auto at = body.find(":M"); at != std::string::npos; at = body.find(":M", at + literal.size()))
        body.replace(at, 2, literal);
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
