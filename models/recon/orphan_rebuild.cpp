#include "recon/orphan_rebuild.h"

#include "recon/rules.h"
#include "store/database.h"
#include "store/store_error.h"

#include <exception>
#include <string>
#include <thread>
#include <vector>

namespace reconsole::recon {
namespace {

// The rebuild streams: payment debits in the order of the covering index ledger_payment
// (payment_id, at, id), merged with payments read in id order, one payment at a time; and
// every other debit in one scan of its own. The two run at once, the second (the smaller)
// on a read-only connection of its own, the first on the caller's, whose cache is warm. Memory stays flat whatever the size of the mirror: only the debits
// found unsettled are kept until they are written.
// Returns and top-up credits are looked up (covering index ledger_ref) only for debits that
// their payment does not already cover in full: for the rest they cannot matter.

struct Credits {
    Money returns, topups;
};

// A debit the rebuild found not fully accounted for.
struct Found {
    std::string id;
    std::optional<std::string> paymentId;
    Money amount;
    Instant at;
    Settlement settlement;
};

class Rebuild {
public:
    Rebuild(Database& db, std::vector<Found>& found)
        : db_(db),
          found_(found),
          credits_(db.prepare("SELECT purpose, amount FROM ledger WHERE ref_id = ?1 AND direction = 'credit'"))
    {
    }

    void paymentDebits();
    void otherDebits();

private:
    struct Debit {
        std::string id;
        Money amount;
        Instant at;
    };
    Credits creditsFor(const std::string& id);
    void write(const std::string& id, const std::optional<std::string>& paymentId, Money amount, Instant at,
               const DebitFacts& facts);
    void settleGroup(const std::string& paymentId, const std::vector<Debit>& debits, Statement& payments,
                     bool& havePayment);

    Database& db_;
    std::vector<Found>& found_;
    Statement credits_;
    std::vector<Money> amounts_, covered_;   // scratch, reused for every payment
};

Credits Rebuild::creditsFor(const std::string& id)
{
    Credits c;
    credits_.bind(1, id);
    while (credits_.step()) {
        const auto purpose = credits_.text(0);
        if (purpose == "refund" || purpose == "reversal")
            c.returns = saturatingAdd(c.returns, Money(credits_.int64(1)));
        else if (purpose == "topup")
            c.topups = saturatingAdd(c.topups, Money(credits_.int64(1)));
    }
    credits_.reset();
    return c;
}

void Rebuild::write(const std::string& id, const std::optional<std::string>& paymentId, Money amount, Instant at,
                    const DebitFacts& facts)
{
    const Settlement s = settle(facts);
    if (s.orphanAmount.isPositive())
        found_.push_back({id, paymentId, amount, at, s});
}

void Rebuild::settleGroup(const std::string& paymentId, const std::vector<Debit>& debits, Statement& payments,
                          bool& havePayment)
{
    while (havePayment && payments.text(0) < std::string_view(paymentId))
        havePayment = payments.step();
    PaymentState state = PaymentState::Missing;
    Money paymentAmount;
    if (havePayment && payments.text(0) == std::string_view(paymentId)) {
        state = payments.text(2) == "approved" ? PaymentState::Approved : PaymentState::NotCompleted;
        paymentAmount = Money(payments.int64(1));
    }
    amounts_.clear();
    for (const auto& d : debits)
        amounts_.push_back(d.amount);
    allocatePayment(paymentAmount, amounts_, covered_);
    const auto& covered = covered_;
    for (std::size_t k = 0; k < debits.size(); ++k) {
        DebitFacts f;
        f.amount = debits[k].amount;
        f.purpose = "payment";
        f.payment = state;
        f.allocated = covered[k];
        if (state == PaymentState::Approved && covered[k] == f.amount)
            continue;   // fully paid for: returns cannot make it an orphan
        f.returns = creditsFor(debits[k].id).returns;
        write(debits[k].id, paymentId, debits[k].amount, debits[k].at, f);
    }
}

void Rebuild::paymentDebits()
{
    // The planner walks the covering index ledger_payment when it exists (it may not, in the
    // middle of a bulk load), which gives this order without sorting.
    auto debits = db_.prepare("SELECT payment_id, id, amount, at FROM ledger "
                              "WHERE payment_id IS NOT NULL AND direction = 'debit' AND purpose = 'payment' "
                              "ORDER BY payment_id, at, id");
    auto payments = db_.prepare("SELECT id, amount, status FROM payment ORDER BY id");
    bool havePayment = payments.step();
    std::string group;
    std::vector<Debit> members;
    while (debits.step()) {
        if (debits.text(0) != std::string_view(group)) {
            if (!members.empty())
                settleGroup(group, members, payments, havePayment);
            group.assign(debits.text(0));
            members.clear();
        }
        members.push_back({debits.string(1), Money(debits.int64(2)), debits.int64(3)});
    }
    if (!members.empty())
        settleGroup(group, members, payments, havePayment);
}

void Rebuild::otherDebits()
{
    // Debits in id order (index ledger_other_debit) merged with credits in ref_id order
    // (index ledger_ref): both by bytes, so one pass over each gives every debit its credits.
    auto st = db_.prepare("SELECT id, purpose, amount, at, payment_id FROM ledger WHERE direction = 'debit' "
                          "AND (purpose <> 'payment' OR payment_id IS NULL) ORDER BY id");
    auto credits = db_.prepare("SELECT ref_id, purpose, amount FROM ledger WHERE ref_id IS NOT NULL "
                               "AND direction = 'credit' ORDER BY ref_id");
    bool haveCredit = credits.step();
    while (st.step()) {
        const std::string id = st.string(0);
        while (haveCredit && credits.text(0) < std::string_view(id))
            haveCredit = credits.step();
        Credits c;
        for (; haveCredit && credits.text(0) == std::string_view(id); haveCredit = credits.step()) {
            const auto purpose = credits.text(1);
            if (purpose == "refund" || purpose == "reversal")
                c.returns = saturatingAdd(c.returns, Money(credits.int64(2)));
            else if (purpose == "topup")
                c.topups = saturatingAdd(c.topups, Money(credits.int64(2)));
        }
        const std::string purpose = st.string(1);
        DebitFacts f;
        f.amount = Money(st.int64(2));
        f.purpose = purpose;
        f.payment = PaymentState::None;
        f.returns = c.returns;
        f.topupCredits = c.topups;
        write(id, st.optString(4), f.amount, st.int64(3), f);
    }
}

}  // namespace

void writeUnsettled(Database& db, const UnsettledRow& r)
{
    // The queue's sort keys (migration 0008) as the mirror has them now; later versions of the
    // order or the customer refresh them (refreshQueueKeys).
    auto& st = db.cached(R"(INSERT OR REPLACE INTO unsettled_debit(ledger_id, customer_id, account_id, order_id,
 payment_id, class, amount, covered, returned, orphan_amount, at, product_id, customer_name)
 VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,
 (SELECT product_id FROM orders WHERE id = ?4), (SELECT name FROM customer WHERE id = ?2)))");
    st.bind(1, r.ledgerId).bind(2, r.customerId).bind(3, r.accountId);
    r.orderId ? st.bind(4, *r.orderId) : st.bindNull(4);
    r.paymentId ? st.bind(5, *r.paymentId) : st.bindNull(5);
    st.bind(6, orphanClassCode(r.cls)).bind(7, r.amount.won()).bind(8, r.covered.won()).bind(9, r.returned.won());
    st.bind(10, r.orphanAmount.won()).bind(11, r.at).run();
}

namespace {

// The rows to write for the debits found: the details come from the ledger (by primary key).
std::vector<UnsettledRow> rowsOf(Database& db, const std::vector<Found>& fromPayments,
                                 const std::vector<Found>& fromOthers)
{
    std::vector<UnsettledRow> rows;
    rows.reserve(fromPayments.size() + fromOthers.size());
    auto details = db.prepare("SELECT customer_id, account_id, order_id FROM ledger WHERE id = ?1");
    for (const auto* list : {&fromPayments, &fromOthers}) {
        for (const Found& f : *list) {
            details.bind(1, f.id);
            if (!details.step())
                throw StoreError("ledger entry '" + f.id + "' was found and then not read");
            const Settlement& s = f.settlement;
            rows.push_back(UnsettledRow{f.id, details.string(0), details.string(1), details.optString(2), f.paymentId,
                                        s.cls, f.amount, s.covered, s.returned, s.orphanAmount, f.at});
            details.reset();
        }
    }
    return rows;
}

}  // namespace

const std::vector<std::string>& indexesFindUnsettledReads()
{
    static const std::vector<std::string> names{"ledger_payment", "ledger_other_debit", "ledger_ref"};
    return names;
}

std::vector<UnsettledRow> findUnsettled(Database& db)
{
    std::vector<Found> fromPayments, fromOthers;
    Rebuild(db, fromPayments).paymentDebits();
    Rebuild(db, fromOthers).otherDebits();
    return rowsOf(db, fromPayments, fromOthers);
}

void replaceUnsettled(Database& db, const std::vector<UnsettledRow>& rows)
{
    db.exec("DELETE FROM unsettled_debit");
    for (const UnsettledRow& row : rows)
        writeUnsettled(db, row);
    db.exec("UPDATE orphan_state SET needs_rebuild = 0");
}

void rebuildUnsettled(Database& db)
{
    Transaction tx(db);   // holds the write lock: no other writer commits while both phases read
    std::vector<Found> fromPayments, fromOthers;
    std::exception_ptr failure;
    bool ranApart = true;
    std::thread others([&] {
        try {
            Database reader(db.path(), Database::Mode::ReadOnly);
            ReadSnapshot snapshot(reader);
            Rebuild(reader, fromOthers).otherDebits();
        } catch (const StoreError&) {
            ranApart = false;   // no second connection (say, no file behind it): done below
        } catch (...) {
            failure = std::current_exception();
        }
    });
    Rebuild(db, fromPayments).paymentDebits();
    others.join();
    if (failure)
        std::rethrow_exception(failure);
    if (!ranApart) {
        fromOthers.clear();
        Rebuild(db, fromOthers).otherDebits();
    }
    replaceUnsettled(db, rowsOf(db, fromPayments, fromOthers));
    tx.commit();
}

}  // namespace reconsole::recon
