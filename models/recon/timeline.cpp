#include "recon/timeline.h"

#include "store/cancel_point.h"
#include "store/database.h"

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <tuple>

namespace reconsole::recon {
namespace {

constexpr Instant kBeginning = std::numeric_limits<Instant>::min();

constexpr const char* kOrderColumns = "SELECT o.id, o.created_at, o.status, o.total, coalesce(p.name, o.product_id), "
                                      "coalesce(m.name, '') FROM orders o LEFT JOIN product p ON p.id = o.product_id "
                                      "LEFT JOIN merchant m ON m.id = p.merchant_id ";
constexpr const char* kLedgerColumns = "SELECT id, at, direction, purpose, account_id, amount, coalesce(order_id, ''), "
                                       "coalesce(payment_id, ''), coalesce(ref_id, '') FROM ledger ";

// What a timeline read has gathered so far, before the events are sorted.
struct Reader {
    Database& db;
    CustomerTimeline& t;
    std::set<std::string> orderIds;    // orders read
    std::set<std::string> ledgerIds;   // ledger entries read
    std::set<std::string> childrenRead;   // orders whose payments and receipts are read
};

void readOrder(Reader& r, Statement& st)
{
    TimelineEvent e;
    e.kind = EventKind::Order;
    e.id = e.orderId = st.string(0);
    e.at = st.int64(1);
    e.status = st.string(2);
    e.amount = Money(st.int64(3));
    e.detail = st.string(4);
    e.merchant = st.string(5);
    r.orderIds.insert(e.id);
    r.t.events.push_back(std::move(e));
}

void loadOrdersSince(Reader& r, Instant since)
{
    auto& st = r.db.cached(std::string(kOrderColumns) + "WHERE o.customer_id = ?1 AND o.created_at >= ?2");
    st.bind(1, r.t.customerId).bind(2, since);
    while (st.step())
        readOrder(r, st);
    st.reset();
}

// A first page's orders that began before it but that its entries name (only the customer's
// own: the whole timeline reads no other).
void loadNamedOrders(Reader& r)
{
    std::set<std::string> named;
    for (const auto& e : r.t.events)
        if (e.kind == EventKind::Ledger && !e.orderId.empty() && !r.orderIds.count(e.orderId))
            named.insert(e.orderId);
    auto& st = r.db.cached(std::string(kOrderColumns) + "WHERE o.id = ?1 AND o.customer_id = ?2");
    for (const auto& id : named) {
        st.bind(1, id).bind(2, r.t.customerId);
        if (st.step())
            readOrder(r, st);
        st.reset();
    }
}

void loadOrderChildren(Reader& r)
{
    for (const auto& oid : r.orderIds) {
        if (!r.childrenRead.insert(oid).second)
            continue;
        throwIfCancelled();   // two short reads per order: a busy wallet's run well over 10 000
        auto& p = r.db.cached("SELECT id, at, status, amount FROM payment WHERE order_id = ?1");
        p.bind(1, oid);
        while (p.step()) {
            TimelineEvent e;
            e.kind = EventKind::Payment;
            e.id = p.string(0);
            e.orderId = oid;
            e.at = p.int64(1);
            e.status = p.string(2);
            e.amount = Money(p.int64(3));
            r.t.events.push_back(std::move(e));
        }
        p.reset();
        auto& c = r.db.cached("SELECT id, at, status, amount FROM cash_receipt WHERE order_id = ?1");
        c.bind(1, oid);
        while (c.step()) {
            TimelineEvent e;
            e.kind = EventKind::CashReceipt;
            e.id = c.string(0);
            e.orderId = oid;
            e.at = c.int64(1);
            e.status = c.string(2);
            e.amount = Money(c.int64(3));
            r.t.events.push_back(std::move(e));
        }
        c.reset();
    }
}

void readLedger(Reader& r, Statement& st)
{
    TimelineEvent e;
    e.kind = EventKind::Ledger;
    e.id = st.string(0);
    e.at = st.int64(1);
    e.status = st.string(2);
    e.purpose = st.string(3);
    e.accountId = st.string(4);
    e.amount = Money(st.int64(5));
    e.orderId = st.string(6);
    e.detail = st.string(7);
    e.refId = st.string(8);
    r.ledgerIds.insert(e.id);
    r.t.events.push_back(std::move(e));
}

void loadLedgerSince(Reader& r, Instant since)
{
    auto& st = r.db.cached(std::string(kLedgerColumns) + "WHERE customer_id = ?1 AND at >= ?2");
    st.bind(1, r.t.customerId).bind(2, since);
    while (st.step())
        readLedger(r, st);
    st.reset();
}

// A first page's older entries that it still shows: every orphan debit, and the debits its
// returns and top-up credits give back (so that they sit in the same group as in the whole
// timeline). Bounded, as the grouping is: refs could form a loop.
void loadNamedEntries(Reader& r, std::set<std::string> wanted)
{
    auto& st = r.db.cached(std::string(kLedgerColumns) + "WHERE id = ?1 AND customer_id = ?2");
    for (int depth = 0; depth < 8 && !wanted.empty(); ++depth) {
        std::set<std::string> next;
        for (const auto& id : wanted) {
            if (r.ledgerIds.count(id))
                continue;
            st.bind(1, id).bind(2, r.t.customerId);
            if (st.step()) {
                readLedger(r, st);
                if (const auto& ref = r.t.events.back().refId; !ref.empty())
                    next.insert(ref);
            }
            st.reset();
        }
        wanted = std::move(next);
    }
}

// Every entry of each payment on a first page (its debits before the window too), so that an
// order's group holds what the whole timeline's does even when the order record is missing.
void loadPaymentEntries(Reader& r)
{
    std::set<std::string> payments;
    for (const auto& e : r.t.events) {
        if (e.kind == EventKind::Payment)
            payments.insert(e.id);
        else if (e.kind == EventKind::Ledger && !e.detail.empty())
            payments.insert(e.detail);
    }
    std::set<std::string> wanted;
    auto& st = r.db.cached("SELECT id FROM ledger WHERE payment_id = ?1");   // the ledger_payment index
    for (const auto& id : payments) {
        st.bind(1, id);
        while (st.step())
            if (std::string entry = st.string(0); !r.ledgerIds.count(entry))
                wanted.insert(std::move(entry));
        st.reset();
    }
    loadNamedEntries(r, std::move(wanted));
}

// The credits and returns that give back an entry on a first page, however old they are (and
// what gives those back), so that its group's state (a top-up "입금 완료" or still waiting) is
// the whole timeline's. Bounded, as the grouping is.
void loadGivingBack(Reader& r)
{
    auto& st = r.db.cached("SELECT id FROM ledger WHERE ref_id = ?1");   // the ledger_ref index
    std::set<std::string> asked;
    for (int depth = 0; depth < 8; ++depth) {
        std::vector<std::string> entries;
        for (const auto& e : r.t.events)
            if (e.kind == EventKind::Ledger && asked.insert(e.id).second)
                entries.push_back(e.id);
        std::set<std::string> wanted;
        for (const auto& id : entries) {
            st.bind(1, id);
            while (st.step())
                if (std::string back = st.string(0); !r.ledgerIds.count(back))
                    wanted.insert(std::move(back));
            st.reset();
        }
        if (wanted.empty())
            return;
        loadNamedEntries(r, std::move(wanted));
    }
}

// Marks the orphans among the entries read and, on a whole timeline, sums each account.
void finishLedger(Reader& r, const std::vector<Orphan>& customerOrphans)
{
    std::map<std::string, const Orphan*> orphans;
    for (const auto& o : customerOrphans)
        orphans.emplace(o.ledgerId, &o);
    std::map<std::string, std::size_t> accounts;   // id -> index in t.accounts
    for (std::size_t i = 0; i < r.t.accounts.size(); ++i)
        accounts.emplace(r.t.accounts[i].id, i);
    for (auto& e : r.t.events) {
        if (e.kind != EventKind::Ledger)
            continue;
        if (auto it = orphans.find(e.id); it != orphans.end()) {
            e.orphan = *it->second;
            r.t.orphanTotal.add(it->second->orphanAmount);
        }
        auto acc = accounts.find(e.accountId);
        if (acc == accounts.end()) {   // an account record that has not arrived yet
            r.t.accounts.push_back({e.accountId, {}, {}, {}, {}});
            acc = accounts.emplace(e.accountId, r.t.accounts.size() - 1).first;
        }
        if (!r.t.isFirstPage()) {
            AccountSummary& account = r.t.accounts[acc->second];
            (e.status == "debit" ? account.debits : account.credits).add(e.amount);
        }
    }
}

// The ledger ids of the customer's orphans and of what the entries read give back.
std::set<std::string> namedEntries(const Reader& r, const std::vector<Orphan>& orphans)
{
    std::set<std::string> wanted;
    for (const auto& o : orphans)
        wanted.insert(o.ledgerId);
    for (const auto& e : r.t.events)
        if (e.kind == EventKind::Ledger && !e.refId.empty())
            wanted.insert(e.refId);
    return wanted;
}

// The time of the customer's n-th newest row when they have more than n; else nullopt (all of
// them fit). `sql` lists the times newest first, from OFFSET ?2.
std::optional<Instant> nthNewestOfMore(Database& db, const char* sql, const std::string& customerId, int n)
{
    auto& st = db.cached(sql);
    st.bind(1, customerId).bind(2, std::int64_t(std::max(n, 1) - 1));
    std::optional<Instant> nth;
    bool more = false;
    if (st.step()) {
        nth = st.int64(0);
        more = st.step();
    }
    st.reset();
    return more ? nth : std::nullopt;
}

}  // namespace

std::optional<Instant> recentWindowStart(Database& db, const std::string& customerId, const RecentWindow& window)
{
    // Both walk their index backwards from the customer's newest entry: no row is read.
    const auto ledger = nthNewestOfMore(
        db, "SELECT at FROM ledger WHERE customer_id = ?1 ORDER BY at DESC LIMIT 2 OFFSET ?2", customerId,
        window.ledgerEntries);
    const auto orders = nthNewestOfMore(
        db, "SELECT created_at FROM orders WHERE customer_id = ?1 ORDER BY created_at DESC LIMIT 2 OFFSET ?2",
        customerId, window.orders);
    if (!ledger && !orders)
        return std::nullopt;
    return std::max(ledger.value_or(kBeginning), orders.value_or(kBeginning));
}

std::optional<CustomerTimeline> loadTimeline(Database& db, const std::string& customerId, const OrphanQuery& query,
                                             std::optional<Instant> since)
{
    CustomerTimeline t;
    t.customerId = customerId;
    t.since = since;
    auto& c = db.cached("SELECT name, coalesce(phone_last4, ''), created_at FROM customer WHERE id = ?1");
    c.bind(1, customerId);
    const bool known = c.step();
    if (known) {
        t.name = c.string(0);
        t.phoneLast4 = c.string(1);
        t.createdAt = c.int64(2);
    }
    c.reset();
    auto& a = db.cached("SELECT id, kind, coalesce(label, '') FROM account WHERE customer_id = ?1 ORDER BY id");
    a.bind(1, customerId);
    while (a.step())
        t.accounts.push_back({a.string(0), a.string(1), a.string(2), {}, {}});
    a.reset();
    const std::vector<Orphan> orphans = customerOrphans(db, customerId, query);
    Reader r{db, t, {}, {}, {}};
    loadOrdersSince(r, since.value_or(kBeginning));
    loadLedgerSince(r, since.value_or(kBeginning));
    if (since) {
        loadNamedEntries(r, namedEntries(r, orphans));
        loadNamedOrders(r);
        loadOrderChildren(r);
        loadPaymentEntries(r);
        loadGivingBack(r);
        loadNamedOrders(r);   // of the entries just read
    }
    loadOrderChildren(r);
    finishLedger(r, orphans);
    if (!known && t.events.empty())
        return std::nullopt;
    std::stable_sort(t.events.begin(), t.events.end(), [](const TimelineEvent& x, const TimelineEvent& y) {
        return std::tie(x.at, x.kind, x.id) < std::tie(y.at, y.kind, y.id);
    });
    return t;
}

}  // namespace reconsole::recon
