#include "recon/explanation.h"

#include "store/database.h"

#include <algorithm>
#include <cstdlib>

namespace reconsole::recon {
namespace {

constexpr DurationMs kDuplicateWindow = 10 * kMinuteMs;

std::vector<Movement> movements(Database& db, std::string_view where, const std::string& key)
{
    auto& st = db.cached("SELECT id, direction, purpose, account_id, amount, at FROM ledger WHERE "
                         + std::string(where) + " ORDER BY at, id");
    st.bind(1, key);
    std::vector<Movement> out;
    while (st.step())
        out.push_back({st.string(0), st.string(1), st.string(2), st.string(3), Money(st.int64(4)), st.int64(5)});
    st.reset();
    return out;
}

void loadParties(Database& db, OrphanExplanation& e)
{
    auto& c = db.cached("SELECT name FROM customer WHERE id = ?1");
    c.bind(1, e.orphan.customerId);
    if (c.step())
        e.customerName = c.string(0);
    c.reset();
    auto& a = db.cached("SELECT kind, coalesce(label, '') FROM account WHERE id = ?1");
    a.bind(1, e.orphan.accountId);
    if (a.step()) {
        e.accountKind = a.string(0);
        e.accountLabel = a.string(1);
    }
    a.reset();
    auto& l = db.cached("SELECT purpose FROM ledger WHERE id = ?1");
    l.bind(1, e.orphan.ledgerId);
    if (l.step())
        e.purpose = l.string(0);
    l.reset();
    auto& u = db.cached("SELECT covered, returned FROM unsettled_debit WHERE ledger_id = ?1");
    u.bind(1, e.orphan.ledgerId);
    if (u.step()) {
        e.covered = Money(u.int64(0));
        e.returned = Money(u.int64(1));
    }
    u.reset();
}

void loadOrder(Database& db, OrphanExplanation& e)
{
    // The order is the debit's own, or else the one its payment belongs to.
    std::optional<std::string> orderId = e.orphan.orderId;
    if (!orderId && e.orphan.paymentId) {
        auto& p = db.cached("SELECT order_id FROM payment WHERE id = ?1");
        p.bind(1, *e.orphan.paymentId);
        if (p.step())
            orderId = p.string(0);
        p.reset();
    }
    if (!orderId)
        return;
    auto& o = db.cached("SELECT status, quantity, total, created_at, product_id FROM orders WHERE id = ?1");
    o.bind(1, *orderId);
    std::optional<std::string> productId;
    if (o.step()) {
        e.order = OrderInfo{*orderId, o.string(0), o.int64(1), Money(o.int64(2)), o.int64(3)};
        productId = o.string(4);
    }
    o.reset();
    if (productId) {
        auto& p = db.cached("SELECT p.name, p.kind, p.merchant_id, coalesce(m.name, p.merchant_id), "
                            "p.cash_receipt_eligible, p.price, p.list_price "
                            "FROM product p LEFT JOIN merchant m ON m.id = p.merchant_id WHERE p.id = ?1");
        p.bind(1, *productId);
        if (p.step())
            e.product = ProductInfo{*productId, p.string(0),     p.string(1),   p.string(2),
                                    p.string(3), p.int64(4) != 0, Money(p.int64(5)), Money(p.int64(6))};
        p.reset();
    }
    auto& pay = db.cached("SELECT id, status, amount, at FROM payment WHERE order_id = ?1 ORDER BY at, id");
    pay.bind(1, *orderId);
    while (pay.step())
        e.attempts.push_back({pay.string(0), pay.string(1), Money(pay.int64(2)), pay.int64(3)});
    pay.reset();
    auto& r = db.cached("SELECT id, status, amount, at FROM cash_receipt WHERE order_id = ?1 ORDER BY at, id");
    r.bind(1, *orderId);
    while (r.step())
        e.receipts.push_back({r.string(0), r.string(1), Money(r.int64(2)), r.int64(3)});
    r.reset();
    // Through the small partial index ledger_cash_receipt (there is no index on ledger.order_id).
    auto& c = db.cached("SELECT id, direction, purpose, account_id, amount, at FROM ledger WHERE order_id = ?1 "
                        "AND purpose = 'cash_receipt' AND direction = 'debit' ORDER BY at, id");
    c.bind(1, *orderId);
    while (c.step())
        e.cashReceiptDebits.push_back(
            {c.string(0), c.string(1), c.string(2), c.string(3), Money(c.int64(4)), c.int64(5)});
    c.reset();
}

void loadPayment(Database& db, OrphanExplanation& e)
{
    if (!e.orphan.paymentId)
        return;
    const auto& pid = *e.orphan.paymentId;
    const bool known = std::any_of(e.attempts.begin(), e.attempts.end(), [&](auto& a) { return a.id == pid; });
    if (!known) {
        auto& p = db.cached("SELECT id, status, amount, at FROM payment WHERE id = ?1");
        p.bind(1, pid);
        if (p.step())
            e.attempts.push_back({p.string(0), p.string(1), Money(p.int64(2)), p.int64(3)});
        p.reset();
    }
    for (auto& m : movements(db, "payment_id = ?1 AND direction = 'debit' AND purpose = 'payment'", pid))
        if (m.id != e.orphan.ledgerId)
            e.siblingDebits.push_back(std::move(m));
}

}  // namespace

LikelyCause likelyCause(const OrphanExplanation& e, DurationMs* duplicateGap)
{
    const bool ineligible = e.product && !e.product->cashReceiptEligible;
    const bool receiptStepRan = !e.receipts.empty() || !e.cashReceiptDebits.empty();
    switch (e.orphan.cls) {
    case OrphanClass::PaymentNotCompleted: {
        if (ineligible && receiptStepRan)
            return LikelyCause::CashReceiptOnIneligibleProduct;
        const auto it = std::find_if(e.attempts.begin(), e.attempts.end(),
                                     [&](auto& a) { return e.orphan.paymentId && a.id == *e.orphan.paymentId; });
        const std::string status = it != e.attempts.end() ? it->status : std::string();
        if (status == "pending")
            return LikelyCause::PaymentStillPending;
        if (status == "cancelled")
            return LikelyCause::PaymentCancelledNotRefunded;
        return LikelyCause::PaymentFailedDebitKept;
    }
    case OrphanClass::OverCapture:
        for (const auto& s : e.siblingDebits) {
            const DurationMs gap = std::llabs(s.at - e.orphan.at);
            if (s.amount == e.orphan.amount && s.accountId == e.orphan.accountId && gap <= kDuplicateWindow) {
                if (duplicateGap)
                    *duplicateGap = gap;
                return LikelyCause::DuplicateDebit;
            }
        }
        return LikelyCause::ExcessDebit;
    case OrphanClass::TopupNotCredited:
        return e.covered.isPositive() ? LikelyCause::TopupPartlyCredited : LikelyCause::TopupNeverCredited;
    case OrphanClass::NoPayment:
        return e.orphan.paymentId ? LikelyCause::PaymentNeverArrived : LikelyCause::DebitWithoutPayment;
    case OrphanClass::NonPaymentDebit:
        if (e.purpose == "cash_receipt")
            return ineligible ? LikelyCause::CashReceiptOnIneligibleProduct : LikelyCause::CashReceiptStepDebit;
        return e.purpose == "fee" ? LikelyCause::FeeDebit : LikelyCause::UnknownPurposeDebit;
    }
    return LikelyCause::Unknown;
}

std::optional<OrphanExplanation> explainOrphan(Database& db, const std::string& ledgerId, const OrphanQuery& query)
{
    auto orphan = findOrphan(db, ledgerId, query);
    if (!orphan)
        return std::nullopt;
    OrphanExplanation e;
    e.orphan = std::move(*orphan);
    e.asOf = query.asOf ? *query.asOf : defaultAsOf(db).value_or(e.orphan.at);
    e.missingFor = std::max<DurationMs>(0, e.asOf - e.orphan.at);
    loadParties(db, e);
    loadOrder(db, e);
    loadPayment(db, e);
    e.returns = movements(db, "ref_id = ?1 AND direction = 'credit' AND purpose IN ('refund', 'reversal')", ledgerId);
    e.cause = likelyCause(e, &e.duplicateGap);
    return e;
}

}  // namespace reconsole::recon
