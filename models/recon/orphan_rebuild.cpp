#include "recon/orphan_rebuild.h"

#include "recon/rules.h"
#include "store/database.h"

#include <algorithm>
#include <unordered_map>
#include <vector>

namespace reconsole::recon {
namespace {

struct DebitLite {
    std::string id, purpose, paymentId;
    bool hasPaymentId = false;
    Money amount = 0;
    Instant at = 0;
};

struct CreditSums {
    Money returns = 0, topups = 0;
};

struct Scan {
    std::vector<DebitLite> paymentDebits;   // purpose = payment with a payment_id
    std::vector<DebitLite> otherDebits;
    std::unordered_map<std::string, CreditSums> credits;   // by the debit they name
};

Scan scanLedger(Database& db)
{
    Scan scan;
    auto st = db.prepare("SELECT id, direction, purpose, amount, payment_id, ref_id, at FROM ledger");
    while (st.step()) {
        if (st.text(1) == "credit") {
            if (st.isNull(5))
                continue;
            const auto purpose = st.text(2);
            auto& sums = scan.credits[st.string(5)];
            if (purpose == "refund" || purpose == "reversal")
                sums.returns = saturatingAdd(sums.returns, st.int64(3));
            else if (purpose == "topup")
                sums.topups = saturatingAdd(sums.topups, st.int64(3));
            continue;
        }
        DebitLite d{st.string(0), st.string(2), st.isNull(4) ? std::string() : st.string(4), !st.isNull(4),
                    st.int64(3), st.int64(6)};
        (d.purpose == "payment" && d.hasPaymentId ? scan.paymentDebits : scan.otherDebits).push_back(std::move(d));
    }
    return scan;
}

class RowWriter {
public:
    explicit RowWriter(Database& db) : db_(db) {}
    void write(const DebitLite& d, const Settlement& s)
    {
        if (s.orphanAmount == 0)
            return;
        auto& st = db_.cached("SELECT customer_id, account_id, order_id FROM ledger WHERE id = ?1");
        st.bind(1, d.id);
        st.step();
        UnsettledRow row{d.id, st.string(0), st.string(1), st.optString(2),
                         d.hasPaymentId ? std::optional(d.paymentId) : std::nullopt,
                         s.cls, d.amount, s.covered, s.returned, s.orphanAmount, d.at};
        st.reset();
        writeUnsettled(db_, row);
    }

private:
    Database& db_;
};

DebitFacts factsFor(const DebitLite& d, const Scan& scan)
{
    DebitFacts f;
    f.amount = d.amount;
    f.purpose = d.purpose;
    if (auto it = scan.credits.find(d.id); it != scan.credits.end()) {
        f.returns = it->second.returns;
        f.topupCredits = it->second.topups;
    }
    return f;
}

// Payment debits sorted by (payment_id, at, id) are merged with payments read in id order:
// both are ordered by bytes, so no map of all payments is needed.
void settlePaymentDebits(Database& db, Scan& scan, RowWriter& out)
{
    auto& debits = scan.paymentDebits;
    std::sort(debits.begin(), debits.end(), [](const DebitLite& a, const DebitLite& b) {
        if (a.paymentId != b.paymentId)
            return a.paymentId < b.paymentId;
        return a.at != b.at ? a.at < b.at : a.id < b.id;
    });
    auto pay = db.prepare("SELECT id, amount, status FROM payment ORDER BY id");
    bool havePay = pay.step();
    std::size_t i = 0;
    while (i < debits.size()) {
        std::size_t j = i;
        while (j < debits.size() && debits[j].paymentId == debits[i].paymentId)
            ++j;
        while (havePay && pay.text(0) < std::string_view(debits[i].paymentId))
            havePay = pay.step();
        PaymentState state = PaymentState::Missing;
        Money paymentAmount = 0;
        if (havePay && pay.text(0) == std::string_view(debits[i].paymentId)) {
            state = pay.text(2) == "approved" ? PaymentState::Approved : PaymentState::NotCompleted;
            paymentAmount = pay.int64(1);
        }
        std::vector<Money> amounts;
        for (std::size_t k = i; k < j; ++k)
            amounts.push_back(debits[k].amount);
        const auto covered = allocatePayment(paymentAmount, amounts);
        for (std::size_t k = i; k < j; ++k) {
            DebitFacts f = factsFor(debits[k], scan);
            f.payment = state;
            f.allocated = covered[k - i];
            out.write(debits[k], settle(f));
        }
        i = j;
    }
}

}  // namespace

void writeUnsettled(Database& db, const UnsettledRow& r)
{
    auto& st = db.cached(R"(INSERT OR REPLACE INTO unsettled_debit(ledger_id, customer_id, account_id, order_id,
 payment_id, class, amount, covered, returned, orphan_amount, at) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11))");
    st.bind(1, r.ledgerId).bind(2, r.customerId).bind(3, r.accountId);
    r.orderId ? st.bind(4, *r.orderId) : st.bindNull(4);
    r.paymentId ? st.bind(5, *r.paymentId) : st.bindNull(5);
    st.bind(6, orphanClassCode(r.cls)).bind(7, r.amount).bind(8, r.covered).bind(9, r.returned);
    st.bind(10, r.orphanAmount).bind(11, r.at).run();
}

void rebuildUnsettled(Database& db)
{
    Transaction tx(db);
    db.exec("DELETE FROM unsettled_debit");
    Scan scan = scanLedger(db);
    RowWriter out(db);
    settlePaymentDebits(db, scan, out);
    for (const auto& d : scan.otherDebits) {
        DebitFacts f = factsFor(d, scan);
        f.payment = PaymentState::None;
        out.write(d, settle(f));
    }
    db.exec("UPDATE orphan_state SET needs_rebuild = 0");
    tx.commit();
}

}  // namespace reconsole::recon
