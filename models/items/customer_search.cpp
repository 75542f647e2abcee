#include "items/customer_search.h"

#include "store/database.h"

#include <QCoreApplication>
#include <algorithm>
#include <set>
#include <string_view>

namespace reconsole::items {
namespace {

// Each lookup is `column >= prefix AND column < prefix || 0xFF` over an index on that
// column: the rows whose value starts with the prefix, in index order, exact match first.
// 0xFF never occurs in UTF-8, so every string with the prefix sorts below the bound.
struct Lookup {
    CustomerMatchKind kind;
    const char* sql;     // ?1 prefix, ?2 bound, ?3 limit; yields (matched value, customer id)
    const char* index;   // the secondary index it needs; null for a primary key
};

constexpr Lookup kIdLookups[] = {
    {CustomerMatchKind::CustomerId,
     "SELECT id, id FROM customer WHERE id >= ?1 AND id < ?2 ORDER BY id LIMIT ?3", nullptr},
    {CustomerMatchKind::OrderId,
     "SELECT id, customer_id FROM orders WHERE id >= ?1 AND id < ?2 ORDER BY id LIMIT ?3", nullptr},
    {CustomerMatchKind::PaymentId,
     "SELECT p.id, o.customer_id FROM payment p JOIN orders o ON o.id = p.order_id "
     "WHERE p.id >= ?1 AND p.id < ?2 ORDER BY p.id LIMIT ?3", nullptr},
    // Debits can name a payment the mirror has not received yet (ledger_payment index).
    {CustomerMatchKind::PaymentId,
     "SELECT payment_id, customer_id FROM ledger WHERE payment_id >= ?1 AND payment_id < ?2 "
     "ORDER BY payment_id LIMIT ?3", "ledger_payment"},
    {CustomerMatchKind::LedgerId,
     "SELECT id, customer_id FROM ledger WHERE id >= ?1 AND id < ?2 ORDER BY id LIMIT ?3", nullptr},
};

constexpr Lookup kPhoneLookup = {
    CustomerMatchKind::PhoneLast4,
    "SELECT phone_last4, id FROM customer WHERE phone_last4 >= ?1 AND phone_last4 < ?2 "
    "ORDER BY phone_last4, id LIMIT ?3", "customer_phone"};

constexpr Lookup kNameLookup = {
    CustomerMatchKind::Name,
    "SELECT name, id FROM customer WHERE name >= ?1 AND name < ?2 ORDER BY name, id LIMIT ?3", "customer_name"};

// Runs the lookup unless its index is missing; returns false when it was skipped.
bool runLookup(Database& db, const Lookup& lookup, const std::string& prefix, int limit,
               std::vector<CustomerMatch>& out)
{
    if (lookup.index && !indexPresent(db, lookup.index))
        return false;
    auto& st = db.cached(lookup.sql);
    st.bind(1, prefix).bind(2, prefix + '\xFF').bind(3, limit);
    while (st.step()) {
        CustomerMatch m;
        m.kind = lookup.kind;
        m.matched = st.string(0);
        m.customerId = st.string(1);
        m.exact = m.matched == prefix;
        out.push_back(std::move(m));
    }
    st.reset();
    return true;
}

// "4821" searches the last four digits as typed; "010-1234-4821" searches its last four.
std::string phoneDigits(const QString& text)
{
    QString digits;
    for (QChar c : text) {
        if (c.isDigit())
            digits += c;
        else if (c != u'-' && c != u' ' && c != u'+' && c != u'.')
            return {};
    }
    if (digits.isEmpty())
        return {};
    return (digits.size() > 4 ? digits.right(4) : digits).toStdString();
}

// A customer known only from ledger entries (its customer record has not arrived).
bool ledgerOnlyCustomer(Database& db, const std::string& id, std::vector<CustomerMatch>& out)
{
    if (!indexPresent(db, "ledger_customer"))
        return false;
    auto& st = db.cached("SELECT customer_id FROM ledger WHERE customer_id = ?1 LIMIT 1");
    st.bind(1, id);
    if (st.step())
        out.push_back({id, {}, {}, CustomerMatchKind::CustomerId, id, true});
    st.reset();
    return true;
}

void fillCustomer(Database& db, CustomerMatch& m)
{
    auto& st = db.cached("SELECT name, coalesce(phone_last4, '') FROM customer WHERE id = ?1");
    st.bind(1, m.customerId);
    if (st.step()) {
        m.name = st.string(0);
        m.phoneLast4 = st.string(1);
    }
    st.reset();
}

std::vector<std::string> idVariants(const QString& text)
{
    std::vector<std::string> v{text.toStdString()};
    const std::string upper = text.toUpper().toStdString();   // "o-1001" finds "O-1001"
    if (upper != v.front())
        v.push_back(upper);
    return v;
}

}  // namespace

bool indexPresent(Database& db, const char* index)
{
    auto& st = db.cached("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?1");
    st.bind(1, index);
    const bool present = st.step();
    st.reset();
    return present;
}

std::vector<CustomerMatch> searchCustomers(Database& db, const QString& text, int limit, bool* partial)
{
    if (partial)
        *partial = false;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || limit <= 0)
        return {};
    bool complete = true;
    std::vector<CustomerMatch> hits;
    for (const auto& variant : idVariants(trimmed)) {
        for (const auto& lookup : kIdLookups)
            complete &= runLookup(db, lookup, variant, limit, hits);
        const bool knownCustomer = std::any_of(hits.begin(), hits.end(), [&](const CustomerMatch& m) {
            return m.kind == CustomerMatchKind::CustomerId && m.exact;
        });
        if (!knownCustomer)
            complete &= ledgerOnlyCustomer(db, variant, hits);
    }
    if (const auto digits = phoneDigits(trimmed); !digits.empty())
        complete &= runLookup(db, kPhoneLookup, digits, limit, hits);
    complete &= runLookup(db, kNameLookup, trimmed.toStdString(), limit, hits);
    if (partial)
        *partial = !complete;

    std::stable_sort(hits.begin(), hits.end(), [](const CustomerMatch& a, const CustomerMatch& b) {
        if (a.exact != b.exact)
            return a.exact;
        return a.kind < b.kind;
    });
    std::vector<CustomerMatch> results;
    std::set<std::string> seen;
    for (auto& m : hits) {
        if (static_cast<int>(results.size()) >= limit)
            break;
        if (!seen.insert(m.customerId).second)
            continue;
        fillCustomer(db, m);
        results.push_back(std::move(m));
    }
    return results;
}

QString matchReason(const CustomerMatch& m)
{
    const QString value = QString::fromStdString(m.matched);
    switch (m.kind) {
    case CustomerMatchKind::CustomerId: return QCoreApplication::translate("CustomerSearch", "고객 번호 %1").arg(value);
    case CustomerMatchKind::OrderId: return QCoreApplication::translate("CustomerSearch", "주문 %1").arg(value);
    case CustomerMatchKind::PaymentId: return QCoreApplication::translate("CustomerSearch", "결제 %1").arg(value);
    case CustomerMatchKind::LedgerId: return QCoreApplication::translate("CustomerSearch", "원장 %1").arg(value);
    case CustomerMatchKind::PhoneLast4:
        return QCoreApplication::translate("CustomerSearch", "전화 뒷자리 %1").arg(value);
    case CustomerMatchKind::Name: return QCoreApplication::translate("CustomerSearch", "이름 %1").arg(value);
    }
    return value;
}

}  // namespace reconsole::items
