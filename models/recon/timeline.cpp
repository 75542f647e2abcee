#include "recon/timeline.h"

#include "store/cancel_point.h"
#include "store/database.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace reconsole::recon {
namespace {

void loadOrders(Database& db, CustomerTimeline& t, std::vector<std::string>& orderIds)
{
    auto& st = db.cached("SELECT o.id, o.created_at, o.status, o.total, coalesce(p.name, o.product_id), "
                         "coalesce(m.name, '') FROM orders o LEFT JOIN product p ON p.id = o.product_id "
                         "LEFT JOIN merchant m ON m.id = p.merchant_id WHERE o.customer_id = ?1");
    st.bind(1, t.customerId);
    while (st.step()) {
        TimelineEvent e;
        e.kind = EventKind::Order;
        e.id = e.orderId = st.string(0);
        e.at = st.int64(1);
        e.status = st.string(2);
        e.amount = Money(st.int64(3));
        e.detail = st.string(4);
        e.merchant = st.string(5);
        orderIds.push_back(e.id);
        t.events.push_back(std::move(e));
    }
    st.reset();
}

void loadOrderChildren(Database& db, CustomerTimeline& t, const std::vector<std::string>& orderIds)
{
    for (const auto& oid : orderIds) {
        throwIfCancelled();   // two short reads per order: a busy wallet's run well over 10 000
        auto& p = db.cached("SELECT id, at, status, amount FROM payment WHERE order_id = ?1");
        p.bind(1, oid);
        while (p.step()) {
            TimelineEvent e;
            e.kind = EventKind::Payment;
            e.id = p.string(0);
            e.orderId = oid;
            e.at = p.int64(1);
            e.status = p.string(2);
            e.amount = Money(p.int64(3));
            t.events.push_back(std::move(e));
        }
        p.reset();
        auto& r = db.cached("SELECT id, at, status, amount FROM cash_receipt WHERE order_id = ?1");
        r.bind(1, oid);
        while (r.step()) {
            TimelineEvent e;
            e.kind = EventKind::CashReceipt;
            e.id = r.string(0);
            e.orderId = oid;
            e.at = r.int64(1);
            e.status = r.string(2);
            e.amount = Money(r.int64(3));
            t.events.push_back(std::move(e));
        }
        r.reset();
    }
}

void loadLedger(Database& db, CustomerTimeline& t, const OrphanQuery& query)
{
    std::map<std::string, Orphan> orphans;
    for (auto& o : customerOrphans(db, t.customerId, query))
        orphans.emplace(o.ledgerId, std::move(o));
    std::map<std::string, std::size_t> accounts;   // id -> index in t.accounts
    for (std::size_t i = 0; i < t.accounts.size(); ++i)
        accounts.emplace(t.accounts[i].id, i);
    auto& st = db.cached("SELECT id, at, direction, purpose, account_id, amount, coalesce(order_id, ''), "
                         "coalesce(payment_id, '') FROM ledger WHERE customer_id = ?1");
    st.bind(1, t.customerId);
    while (st.step()) {
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
        if (auto it = orphans.find(e.id); it != orphans.end()) {
            e.orphan = it->second;
            t.orphanTotal.add(it->second.orphanAmount);
        }
        auto acc = accounts.find(e.accountId);
        if (acc == accounts.end()) {   // an account record that has not arrived yet
            t.accounts.push_back({e.accountId, {}, {}, {}, {}});
            acc = accounts.emplace(e.accountId, t.accounts.size() - 1).first;
        }
        AccountSummary& account = t.accounts[acc->second];
        (e.status == "debit" ? account.debits : account.credits).add(e.amount);
        t.events.push_back(std::move(e));
    }
    st.reset();
}

}  // namespace

std::optional<CustomerTimeline> loadTimeline(Database& db, const std::string& customerId, const OrphanQuery& query)
{
    CustomerTimeline t;
    t.customerId = customerId;
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
    std::vector<std::string> orderIds;
    loadOrders(db, t, orderIds);
    loadOrderChildren(db, t, orderIds);
    loadLedger(db, t, query);
    if (!known && t.events.empty())
        return std::nullopt;
    std::stable_sort(t.events.begin(), t.events.end(), [](const TimelineEvent& x, const TimelineEvent& y) {
        return std::tie(x.at, x.kind, x.id) < std::tie(y.at, y.kind, y.id);
    });
    return t;
}

}  // namespace reconsole::recon
