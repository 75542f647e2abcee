#include "recon/orphan_state.h"

#include "feed/feed_cursor.h"
#include "recon/orphan_query.h"
#include "recon/orphan_rebuild.h"
#include "recon/rules.h"
#include "store/database.h"

#include <unordered_map>
#include <unordered_set>

namespace reconsole::recon {
namespace {

struct Debit {
    std::string id, customerId, accountId, purpose;
    std::optional<std::string> orderId, paymentId;
    Money amount;
    Instant at = 0;
};

struct PaymentAllocation {
    PaymentState state = PaymentState::Missing;
    std::unordered_map<std::string, Money> covered;   // debit id -> covered
};

class Resettler {
public:
    explicit Resettler(Database& db) : db_(db) {}

    void run(const feed::Touched& touched)
    {
        for (const auto& p : touched.paymentIds)
            for (const auto& id : debitsNaming(p))
                ids_.insert(id);
        for (const auto& id : touched.debitIds)
            ids_.insert(id);
        for (const auto& id : ids_)
            settleOne(id);
    }

private:
    std::vector<std::string> debitsNaming(const std::string& paymentId)
    {
        // Only debits of purpose payment depend on their payment (the rules allocate those).
        auto& st = db_.cached("SELECT id FROM ledger WHERE payment_id = ?1 AND direction = 'debit' "
                              "AND purpose = 'payment'");
        st.bind(1, paymentId);
        std::vector<std::string> out;
        while (st.step())
            out.push_back(st.string(0));
        st.reset();
        return out;
    }

    std::optional<Debit> loadDebit(const std::string& id)
    {
        auto& st = db_.cached("SELECT customer_id, account_id, purpose, order_id, payment_id, amount, at FROM ledger "
                              "WHERE id = ?1 AND direction = 'debit'");
        st.bind(1, id);
        std::optional<Debit> d;
        if (st.step())
            d = Debit{id, st.string(0), st.string(1), st.string(2), st.optString(3), st.optString(4),
                      Money(st.int64(5)), st.int64(6)};
        st.reset();
        return d;
    }

    const PaymentAllocation& allocation(const std::string& paymentId)
    {
        auto it = payments_.find(paymentId);
        if (it != payments_.end())
            return it->second;
        PaymentAllocation a;
        auto& p = db_.cached("SELECT amount, status FROM payment WHERE id = ?1");
        p.bind(1, paymentId);
        Money amount;
        if (p.step()) {
            amount = Money(p.int64(0));
            a.state = p.text(1) == "approved" ? PaymentState::Approved : PaymentState::NotCompleted;
        }
        p.reset();
        if (a.state == PaymentState::Approved) {
            auto& st = db_.cached("SELECT id, amount FROM ledger WHERE payment_id = ?1 AND direction = 'debit' "
                                  "AND purpose = 'payment' ORDER BY at, id");
            st.bind(1, paymentId);
            std::vector<std::string> ids;
            std::vector<Money> amounts;
            while (st.step()) {
                ids.push_back(st.string(0));
                amounts.push_back(Money(st.int64(1)));
            }
            st.reset();
            const auto covered = allocatePayment(amount, amounts);
            for (std::size_t i = 0; i < ids.size(); ++i)
                a.covered.emplace(ids[i], covered[i]);
        }
        return payments_.emplace(paymentId, std::move(a)).first->second;
    }

    void settleOne(const std::string& id)
    {
        const auto d = loadDebit(id);
        if (!d) {
            // Not a debit (or not arrived yet): it has no row; when it arrives it is touched.
            db_.cached("DELETE FROM unsettled_debit WHERE ledger_id = ?1").bind(1, id).run();
            return;
        }
        DebitFacts f;
        f.amount = d->amount;
        f.purpose = d->purpose;
        if (d->purpose == "payment" && d->paymentId) {
            const auto& a = allocation(*d->paymentId);
            f.payment = a.state;
            if (auto c = a.covered.find(id); c != a.covered.end())
                f.allocated = c->second;
        }
        auto& cr = db_.cached("SELECT purpose, amount FROM ledger WHERE ref_id = ?1 AND direction = 'credit'");
        cr.bind(1, id);
        while (cr.step()) {
            const auto purpose = cr.text(0);
            if (purpose == "refund" || purpose == "reversal")
                f.returns = saturatingAdd(f.returns, Money(cr.int64(1)));
            else if (purpose == "topup")
                f.topupCredits = saturatingAdd(f.topupCredits, Money(cr.int64(1)));
        }
        cr.reset();
        const Settlement s = settle(f);
        if (s.orphanAmount.isZero()) {
            db_.cached("DELETE FROM unsettled_debit WHERE ledger_id = ?1").bind(1, id).run();
            return;
        }
        writeUnsettled(db_, UnsettledRow{id, d->customerId, d->accountId, d->orderId, d->paymentId, s.cls, d->amount,
                                         s.covered, s.returned, s.orphanAmount, d->at});
    }

    Database& db_;
    std::unordered_set<std::string> ids_;
    std::unordered_map<std::string, PaymentAllocation> payments_;
};

}  // namespace

void resettle(Database& db, const feed::Touched& touched) { Resettler(db).run(touched); }

void refreshQueueKeys(Database& db, const feed::Touched& touched)
{
    // Only rows whose key differs are written: most orders and customers have no unsettled debit.
    for (const auto& id : touched.catalog.orders)
        db.cached("UPDATE unsettled_debit SET product_id = (SELECT product_id FROM orders WHERE id = ?1)"
                  " WHERE order_id = ?1 AND product_id IS NOT (SELECT product_id FROM orders WHERE id = ?1)")
            .bind(1, id)
            .run();
    for (const auto& id : touched.customerIds)
        db.cached("UPDATE unsettled_debit SET customer_name = (SELECT name FROM customer WHERE id = ?1)"
                  " WHERE customer_id = ?1 AND customer_name IS NOT (SELECT name FROM customer WHERE id = ?1)")
            .bind(1, id)
            .run();
}

void OrphanState::update(Database& db, const feed::Touched& touched)
{
    resettle(db, touched);
    refreshQueueKeys(db, touched);
}

void OrphanState::markStale(Database& db) { db.exec("UPDATE orphan_state SET needs_rebuild = 1"); }

bool OrphanState::isStale(Database& db)
{
    auto& st = db.cached("SELECT needs_rebuild FROM orphan_state WHERE singleton = 1");
    const bool stale = st.step() && st.int64(0) != 0;
    st.reset();
    return stale;
}

std::vector<std::string> OrphanState::readAheadIndexes() const { return indexesFindUnsettledReads(); }

void OrphanState::readAhead(Database& db)
{
    if (isStale(db))
        ahead_.start(db.path(), [](Database& reader) { return findUnsettled(reader); });
}

void OrphanState::rebuildIfStale(Database& db)
{
    const auto ahead = ahead_.take(db);
    if (!isStale(db))
        return;
    if (ahead) {
        Transaction tx(db);
        // Another process may have rebuilt meanwhile; the feed may have moved on since the read.
        if (isStale(db) && ahead->cursor == feed::storedFeedCursor(db)) {
            replaceUnsettled(db, ahead->found);
            tx.commit();
            ++readAheadsWritten_;
            return;
        }
    }
    if (isStale(db))
        rebuildUnsettled(db);
}

void OrphanState::afterRun(Database& db, std::int64_t runId, std::int64_t at)
{
    const auto asOf = defaultAsOf(db);
    if (!asOf)
        return;
    auto& st = db.cached("INSERT OR IGNORE INTO orphan_detection(ledger_id, detected_at, run_id)"
                         " SELECT ledger_id, ?1, ?2 FROM unsettled_debit WHERE at <= ?3");
    st.bind(1, at).bind(2, runId).bind(3, graceCutoff(*asOf, kDefaultGrace)).run();
}

}  // namespace reconsole::recon
