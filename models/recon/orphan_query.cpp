#include "recon/orphan_query.h"

#include "recon/orphan_state.h"
#include "store/database.h"

#include <limits>

namespace reconsole::recon {
namespace {

constexpr auto kColumns = "ledger_id, customer_id, account_id, order_id, payment_id, class, amount, orphan_amount, at";

void assignOptional(std::optional<std::string>& to, const Statement& st, int column)
{
    if (st.isNull(column))
        to.reset();
    else if (to)
        to->assign(st.text(column));
    else
        to.emplace(st.text(column));
}

void readOrphanInto(const Statement& st, Orphan& o)
{
    o.ledgerId.assign(st.text(0));
    o.customerId.assign(st.text(1));
    o.accountId.assign(st.text(2));
    assignOptional(o.orderId, st, 3);
    assignOptional(o.paymentId, st, 4);
    o.cls = orphanClassFromCode(st.text(5)).value_or(OrphanClass::NonPaymentDebit);
    o.amount = Money(st.int64(6));
    o.orphanAmount = Money(st.int64(7));
    o.at = st.int64(8);
}

Orphan readOrphan(const Statement& st)
{
    Orphan o;
    readOrphanInto(st, o);
    return o;
}

std::optional<Instant> cutoffFor(Database& db, const OrphanQuery& q)
{
    const auto asOf = q.asOf ? q.asOf : defaultAsOf(db);
    if (!asOf)
        return std::nullopt;
    return graceCutoff(*asOf, q.grace);
}

}  // namespace

std::optional<Instant> defaultAsOf(Database& db)
{
    auto& st = db.cached("SELECT max_ledger_at FROM feed_cursor WHERE singleton = 1");
    std::optional<Instant> v;
    if (st.step() && !st.isNull(0))
        v = st.int64(0);
    st.reset();
    return v;
}

Instant graceCutoff(Instant asOf, DurationMs grace)
{
    Instant r;
    if (__builtin_sub_overflow(asOf, grace, &r))
        return grace > 0 ? std::numeric_limits<Instant>::min() : std::numeric_limits<Instant>::max();
    return r;
}

void forEachOrphan(Database& db, const OrphanQuery& q, const std::function<void(const Orphan&)>& visit)
{
    OrphanState().rebuildIfStale(db);
    const auto cutoff = cutoffFor(db, q);
    if (!cutoff)
        return;
    auto& st = db.cached(std::string("SELECT ") + kColumns
                         + " FROM unsettled_debit WHERE at <= ?1 ORDER BY at, ledger_id");
    st.bind(1, *cutoff);
    // One Orphan reused: its strings keep their capacity from row to row.
    Orphan o;
    try {
        while (st.step()) {
            readOrphanInto(st, o);
            visit(o);
        }
    } catch (...) {
        st.reset();
        throw;
    }
    st.reset();
}

std::vector<Orphan> listOrphans(Database& db, const OrphanQuery& q)
{
    std::vector<Orphan> out;
    forEachOrphan(db, q, [&](const Orphan& o) { out.push_back(o); });
    return out;
}

std::vector<Orphan> customerOrphans(Database& db, const std::string& customerId, const OrphanQuery& q)
{
    std::vector<Orphan> out;
    const auto cutoff = cutoffFor(db, q);
    if (!cutoff)
        return out;
    auto& st = db.cached(std::string("SELECT ") + kColumns
                         + " FROM unsettled_debit WHERE customer_id = ?1 AND at <= ?2 ORDER BY at, ledger_id");
    st.bind(1, customerId).bind(2, *cutoff);
    while (st.step())
        out.push_back(readOrphan(st));
    st.reset();
    return out;
}

std::optional<Orphan> findOrphan(Database& db, const std::string& ledgerId, const OrphanQuery& q)
{
    const auto cutoff = cutoffFor(db, q);
    if (!cutoff)
        return std::nullopt;
    auto& st = db.cached(std::string("SELECT ") + kColumns + " FROM unsettled_debit WHERE ledger_id = ?1 AND at <= ?2");
    st.bind(1, ledgerId).bind(2, *cutoff);
    std::optional<Orphan> o;
    if (st.step())
        o = readOrphan(st);
    st.reset();
    return o;
}

}  // namespace reconsole::recon
