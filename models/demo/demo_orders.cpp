#include "demo/demo_orders.h"

#include "demo/demo_rates.h"
#include "demo/demo_records.h"

#include <algorithm>
#include <utility>

namespace reconsole::demo {
namespace {

constexpr Instant kHourMs = 3'600'000;
constexpr Instant kDayMs = 86'400'000;

Instant wholeSecond(Instant t) { return t / 1000 * 1000; }

}  // namespace

// One cash receipt per order: O-00001234 -> R-00001234.
std::string OrderFlow::receiptId(const Order& o)
{
    std::string id = "R-";
    id.append(o.id, 2);
    return id;
}

// ---- The ways an order goes.

void OrderFlow::placeOrder(Instant start)
{
    releaseUntil(start);
    now_ = start;
    Order o = newOrder(start);
    const Instant t = chargeWallet(o, start);
    o.createdAt = t;
    std::string out;
    addOrder(out, o, "pending", t);
    send(t, out);

    const bool walletVoucher = o.product->kind == ProductKind::Voucher && o.parts.size() == 1
                               && o.parts[0].funding == Funding::Money;
    if (walletVoucher && voucherIncident_.tick(rng_))
        return voucherReceiptIncident(o);
    if (missing_.tick(rng_))
        return missingPayment(o);
    if (stale_.tick(rng_))
        return stalePending(o);

    const double r = rng_.unit();
    if (r < kAbandonRate) {
        const Instant when = secondsLater(t, 60, 600);
        addOrder(out, o, "cancelled", when);
        park(when, std::move(out));
    } else if (r < kAbandonRate + kDeclinedRate) {
        const Instant failedAt = failedAttempt(o, t, false);
        addOrder(out, o, "failed", wholeSecond(failedAt) + 1000);
        send(failedAt, out);
    } else if (r < kAbandonRate + kDeclinedRate + kRetryRate) {
        const Instant failedAt = failedAttempt(o, t, rng_.chance(kFailedDebitShare));
        approve(o, secondsLater(wholeSecond(failedAt), 15, 90));
    } else {
        approve(o, t);
    }
}

// A declined attempt; now and then the processor debited anyway and voided it minutes later.
Instant OrderFlow::failedAttempt(const Order& o, Instant at, bool withDebit)
{
    const Attempt a = makeAttempt(o, secondsLater(at, 2, 6));
    std::string out;
    if (withDebit) {
        addDebits(out, o, a, "payment");
        std::string back;
        const Instant when = secondsLater(wholeSecond(a.at), 60, 180);
        for (const Debit& d : a.debits)
            addCredit(back, o, d.part.funding, d.part.amount, "reversal", d.id, when, d.offset);
        park(when, std::move(back));
    }
    addPayment(out, o, a, "failed", a.at);
    send(a.at, out);
    return a.at;
}

void OrderFlow::approve(const Order& o, Instant at)
{
    const Attempt a = makeAttempt(o, secondsLater(at, 2, 8));
    applyDebits(o, a);
    std::string out;
    if (rng_.chance(kEarlyLedgerRate)) {
        addDebits(out, o, a, "payment");
        addPayment(out, o, a, "approved", a.at);
    } else {
        addPayment(out, o, a, "approved", a.at);
        addDebits(out, o, a, "payment");
    }
    // Cash receipts cover what was paid in cash-like money (wallet, bank transfer), not cards or points.
    std::int64_t cash = 0;
    for (const Part& p : o.parts)
        cash += p.funding == Funding::Money || p.funding == Funding::Bank ? p.amount : 0;
    const Instant done = secondsLater(wholeSecond(a.at), 1, 3);
    if (o.product->cashReceiptEligible && cash > 0) {
        const std::string receipt = receiptId(o);
        appendReceipt(out, {receipt, o.id, cash, rng_.chance(kReceiptFailRate) ? "failed" : "issued", done});
    }
    addOrder(out, o, "paid", done);
    if (rng_.chance(kRewardRate)) {
        const std::int64_t points = rng_.between(1, 10) * 100;
        addCredit(out, o, Funding::Points, points, "reward", "", secondsLater(done, 1, 5), kSeoulOffsetMinutes);
        balances_[static_cast<std::size_t>(o.customer)].points += points;
    }
    send(a.at, out);

    if (duplicate_.tick(rng_))
        duplicateDebit(o, a);
    else if (rng_.chance(kRefundRate))
        scheduleRefund(o, a);
}

void OrderFlow::scheduleRefund(const Order& o, const Attempt& a)
{
    const Instant delay = rng_.chance(0.5) ? rng_.between(10, 120) * kMinuteMs : rng_.between(2 * kHourMs, 5 * kDayMs);
    const Instant when = wholeSecond(a.at + delay);
    if (when > monthEnd_)
        return;   // would fall after the feed ends
    Balance& b = balances_[static_cast<std::size_t>(o.customer)];
    auto giveBack = [&](Funding f, std::int64_t amount) {
        if (f == Funding::Money)
            b.wallet += amount;
        else if (f == Funding::Points)
            b.points += amount;
    };
    std::string out;
    if (o.quantity >= 2 && a.debits.size() == 1 && rng_.chance(kPartialRefundShare)) {
        // One of several units returned: the payment stays approved, part of the debit comes back.
        const Debit& d = a.debits.front();
        const std::int64_t amount = rng_.between(1, o.quantity - 1) * o.unitPrice;
        addCredit(out, o, d.part.funding, amount, "refund", d.id, when, kSeoulOffsetMinutes);
        giveBack(d.part.funding, amount);
    } else {
        addPayment(out, o, a, "cancelled", when);
        for (const Debit& d : a.debits) {
            addCredit(out, o, d.part.funding, d.part.amount, "refund", d.id, when + 1000, kSeoulOffsetMinutes);
            giveBack(d.part.funding, d.part.amount);
        }
        addOrder(out, o, "cancelled", when + 2000);
    }
    park(when, std::move(out));
}

// The processor retried a debit that had already gone through.
void OrderFlow::duplicateDebit(const Order& o, const Attempt& a)
{
    const Debit& first = a.debits.back();
    const std::string id = nextLedgerId();
    const std::string account = accountOf(o, first.part.funding);
    const Instant at = first.at + rng_.between(2000, 40000);
    const int offset = rng_.chance(0.5) ? 0 : first.offset;
    std::string out;
    appendLedger(out, {id, account, o.customerId, true, first.part.amount, "payment", a.paymentId, o.id, "", at, offset});
    park(at, std::move(out));
    applyDebit(o, first.part.funding, first.part.amount);

    const Instant when = wholeSecond(at) + rng_.between(1 * kDayMs, 3 * kDayMs) / 1000 * 1000;
    if (rng_.chance(kDuplicateRefundedShare) && when <= monthEnd_) {
        std::string back;
        addCredit(back, o, first.part.funding, first.part.amount, "refund", id, when, kSeoulOffsetMinutes);
        park(when, std::move(back));
        applyDebit(o, first.part.funding, -first.part.amount);
    }
}

// The incident: the cash-receipt step ran for a voucher that is not eligible, failed,
// and failed the payment after the wallet had been debited.
void OrderFlow::voucherReceiptIncident(const Order& o)
{
    const Attempt a = makeAttempt(o, secondsLater(o.createdAt, 6, 8));
    applyDebits(o, a);
    std::string out;
    const std::string receipt = receiptId(o);
    appendReceipt(out, {receipt, o.id, o.total, "failed", a.debits.front().at - 1000});
    addDebits(out, o, a, "payment");
    addPayment(out, o, a, "failed", a.at);
    addOrder(out, o, "failed", a.at);
    if (rng_.chance(kReceiptDebitShare)) {
        // The receipt step also took the amount by itself.
        const std::string id = nextLedgerId();
        const std::string money = accountOf(o, Funding::Money);
        const Instant at = a.at + 1000;
        appendLedger(out, {id, money, o.customerId, true, o.total, "cash_receipt", "", o.id, "", at});
        applyDebit(o, Funding::Money, o.total);
        if (rng_.chance(kReceiptDebitReversedShare)) {
            std::string back;
            const Instant when = secondsLater(at, 5 * 60, 30 * 60);
            addCredit(back, o, Funding::Money, o.total, "reversal", id, when, kSeoulOffsetMinutes);
            park(when, std::move(back));
            applyDebit(o, Funding::Money, -o.total);
        }
    }
    send(a.at, out);
}

// Debited, but the payment never left `pending`; the order waits with it.
void OrderFlow::stalePending(const Order& o)
{
    const Attempt a = makeAttempt(o, secondsLater(o.createdAt, 2, 8));
    applyDebits(o, a);
    std::string out;
    addPayment(out, o, a, "pending", a.at);
    addDebits(out, o, a, "payment");
    send(a.at, out);
}

// Debited for a payment whose record is lost upstream and never delivered.
void OrderFlow::missingPayment(const Order& o)
{
    const Attempt a = makeAttempt(o, secondsLater(o.createdAt, 3, 8));
    applyDebits(o, a);
    std::string out;
    addDebits(out, o, a, "payment");
    send(a.at, out);
}

}  // namespace reconsole::demo
