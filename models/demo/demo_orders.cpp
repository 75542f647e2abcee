#include "demo/demo_orders.h"

#include "demo/demo_records.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <utility>

namespace reconsole::demo {
namespace {

// ---- Incidents: the failures the console exists for, as fractions of the events named.
constexpr double kVoucherReceiptFailRate = 0.003;   // voucher orders paid from the wallet: PAYMENT_NOT_COMPLETED
constexpr double kReceiptDebitShare = 0.5;          //   ... where the cash-receipt step also debited
constexpr double kReceiptDebitReversedShare = 0.8;  //   ... and that debit was reversed (else NON_PAYMENT_DEBIT)
constexpr double kDuplicateDebitRate = 0.002;       // approved payments debited twice: OVER_CAPTURE
constexpr double kDuplicateRefundedShare = 0.2;     //   ... caught and refunded, so no longer orphans
constexpr double kLostTopupRate = 0.003;            // top-ups never credited to the wallet: TOPUP_NOT_CREDITED
constexpr double kLostTopupReversedShare = 0.1;     //   ... given back by operations
constexpr double kStalePendingRate = 0.002;         // orders whose payment stays pending after the debit
constexpr double kMissingPaymentRate = 0.0005;      // debits naming a payment that never arrives: NO_PAYMENT

// ---- Ordinary life.
constexpr double kAbandonRate = 0.005;        // order cancelled before any payment
constexpr double kDeclinedRate = 0.015;       // the only attempt fails, order failed
constexpr double kRetryRate = 0.03;           // first attempt fails, the retry is approved
constexpr double kFailedDebitShare = 0.08;    // failed attempts that debited anyway and were voided at once
constexpr double kRefundRate = 0.025;         // approved orders refunded later
constexpr double kPartialRefundShare = 0.3;   // of refunds of quantity >= 2 paid by one debit
constexpr double kPointsSplitRate = 0.12;     // payments that spend the customer's points first
constexpr double kEarlyLedgerRate = 0.015;    // debit lines delivered before their payment line
constexpr double kRewardRate = 0.02;          // paid orders that earn event points
constexpr double kReceiptFailRate = 0.01;     // cash receipts the tax service rejects
constexpr double kUtcOrderRate = 0.12;        // orders written by the mobile API, in Z
constexpr double kFavoriteShare = 0.7;        // payments made with the customer's favourite method
constexpr std::int64_t kPhoneLimit = 300000;  // carrier billing cap per payment

constexpr Instant kHourMs = 3'600'000;
constexpr Instant kDayMs = 86'400'000;

Instant wholeSecond(Instant t) { return t / 1000 * 1000; }

bool processed(Funding f) { return f == Funding::Card || f == Funding::Phone; }

}  // namespace

OrderFlow::OrderFlow(const DemoOptions& options, const Catalog& catalog, Instant monthEnd, LineSink& sink, Rng& rng)
    : options_(options), catalog_(catalog), monthEnd_(monthEnd), sink_(sink), rng_(rng),
      voucherIncident_(kVoucherReceiptFailRate, rng), duplicate_(kDuplicateDebitRate, rng),
      lostTopup_(kLostTopupRate, rng), stale_(kStalePendingRate, rng), missing_(kMissingPaymentRate, rng)
{
    std::int64_t sum = 0;
    for (const Product& p : catalog.products)
        productCumWeight_.push_back(sum += p.weight);

    const std::int64_t n = std::max<std::int64_t>(options.customers, 0);
    balances_.resize(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i) {
        const CustomerTraits t = customerTraits(options.seed, i);
        balances_[static_cast<std::size_t>(i)] = {t.wallet, t.points};
    }
    customerWidth_ = std::max(6, digitsOf(n));
    idWidth_ = std::max(8, digitsOf(std::max<std::int64_t>(options.orders, 1) * 8));
    if (n > 1) {
        scatter_ = static_cast<std::uint64_t>(n) * 618 / 1000;
        while (std::gcd(scatter_, static_cast<std::uint64_t>(n)) != 1)
            ++scatter_;
    }
}

// ---- Choosing who buys what, and how they pay.

std::int64_t OrderFlow::pickCustomer()
{
    // rank = n * u^2.5: the top 1% of buyers place ~16% of orders. sqrt is exact in
    // IEEE arithmetic, unlike pow, so the feed is the same everywhere.
    const double u = rng_.unit();
    const auto n = static_cast<std::int64_t>(balances_.size());
    const auto rank = std::min(n - 1, static_cast<std::int64_t>(static_cast<double>(n) * u * u * std::sqrt(u)));
    return static_cast<std::int64_t>((static_cast<std::uint64_t>(rank) * scatter_ + 7) % static_cast<std::uint64_t>(n));
}

const Product& OrderFlow::pickProduct()
{
    const auto r = static_cast<std::int64_t>(rng_.below(static_cast<std::uint64_t>(productCumWeight_.back())));
    const auto it = std::upper_bound(productCumWeight_.begin(), productCumWeight_.end(), r);
    return catalog_.products[static_cast<std::size_t>(it - productCumWeight_.begin())];
}

Funding OrderFlow::pickFunding(const CustomerTraits& t, std::int64_t total, std::int64_t wallet)
{
    auto usable = [&](Funding f) {
        switch (f) {
        case Funding::Money: return t.hasBank || wallet >= total;   // the wallet is charged from the bank
        case Funding::Bank: return t.hasBank;
        case Funding::Card: return t.hasCard;
        case Funding::Phone: return t.hasPhone && total <= kPhoneLimit;
        case Funding::Points: return false;
        }
        return false;
    };
    if (usable(t.favorite) && rng_.chance(kFavoriteShare))
        return t.favorite;
    static constexpr std::pair<Funding, int> kOthers[] = {
        {Funding::Money, 4}, {Funding::Bank, 1}, {Funding::Card, 4}, {Funding::Phone, 1}};
    int total_weight = 0;
    for (const auto& [f, w] : kOthers)
        total_weight += usable(f) ? w : 0;
    if (total_weight == 0)
        return t.hasPhone ? Funding::Phone : Funding::Card;
    auto r = static_cast<int>(rng_.below(static_cast<std::uint64_t>(total_weight)));
    for (const auto& [f, w] : kOthers) {
        if (!usable(f))
            continue;
        if (r < w)
            return f;
        r -= w;
    }
    return t.favorite;
}

OrderFlow::Order OrderFlow::newOrder(Instant at)
{
    Order o;
    o.customer = pickCustomer();
    o.customerId = customerId(o.customer, customerWidth_);
    o.id = paddedId("O-", ++orderNo_, idWidth_);
    o.product = &pickProduct();
    o.unitPrice = o.product->unitPrice();
    if (o.product->kind == ProductKind::Voucher || o.unitPrice >= 100000) {
        o.quantity = rng_.chance(0.05) ? 2 : 1;
    } else {
        const double q = rng_.unit();
        o.quantity = q < 0.85 ? 1 : q < 0.96 ? 2 : 3;
    }
    o.total = o.unitPrice * o.quantity;
    o.createdAt = at;
    o.offset = rng_.chance(kUtcOrderRate) ? 0 : kSeoulOffsetMinutes;

    Balance& b = balances_[static_cast<std::size_t>(o.customer)];
    const Funding main = pickFunding(customerTraits(options_.seed, o.customer), o.total, b.wallet);
    std::int64_t points = 0;
    if (o.total >= 2 && b.points >= 100 && rng_.chance(kPointsSplitRate))
        points = std::min(b.points, o.total - 1);
    if (points > 0)
        o.parts.push_back({Funding::Points, points});
    o.parts.push_back({main, o.total - points});
    return o;
}

// ---- Money moving.

// Charges the wallet from the bank when it cannot cover the order; returns when the order starts.
Instant OrderFlow::chargeWallet(const Order& o, Instant cursor)
{
    std::int64_t need = 0;
    for (const Part& p : o.parts)
        need += p.funding == Funding::Money ? p.amount : 0;
    Balance& b = balances_[static_cast<std::size_t>(o.customer)];
    if (need <= b.wallet)
        return cursor;
    // Charged in 10,000 won steps; people often charge a round sum more than they need.
    static constexpr std::int64_t kPresets[] = {10000, 30000, 50000, 100000};
    std::int64_t amount = (need - b.wallet + 9999) / 10000 * 10000;
    if (rng_.chance(0.5))
        amount = std::max(amount, kPresets[rng_.below(4)]);

    const std::string bank = accountOf(o, Funding::Bank);
    std::string out;
    if (lostTopup_.tick(rng_)) {
        // The bank leg went through, the wallet leg was lost; the customer simply tries again.
        const std::string lost = nextLedgerId();
        appendLedger(out, {lost, bank, o.customerId, true, amount, "topup", "", "", "", cursor});
        if (rng_.chance(kLostTopupReversedShare)) {
            std::string back;
            const Instant when = cursor + rng_.between(2 * 3600, 6 * 3600) * 1000;
            appendLedger(back, {nextLedgerId(), bank, o.customerId, false, amount, "reversal", "", "", lost, when});
            park(when, std::move(back));
        }
        cursor = secondsLater(cursor, 40, 150);
    }
    const std::string debit = nextLedgerId();
    appendLedger(out, {debit, bank, o.customerId, true, amount, "topup", "", "", "", cursor});
    const std::string credit = nextLedgerId();
    const std::string money = accountOf(o, Funding::Money);
    appendLedger(out, {credit, money, o.customerId, false, amount, "topup", "", "", debit, secondsLater(cursor, 1, 3)});
    emit(out);
    b.wallet += amount;
    return secondsLater(cursor, 8, 45);
}

// One payment attempt with a debit per part. Card and phone processors stamp
// milliseconds and write UTC; the wallet, bank and points services write Seoul time.
OrderFlow::Attempt OrderFlow::makeAttempt(const Order& o, Instant at)
{
    Attempt a;
    a.paymentId = nextPaymentId();
    const bool viaProcessor = processed(o.parts.back().funding);
    a.offset = viaProcessor ? 0 : kSeoulOffsetMinutes;
    a.at = viaProcessor ? at + rng_.between(0, 999) : at;
    for (const Part& p : o.parts) {
        const Instant debitAt = viaProcessor ? a.at - rng_.between(50, 900) : a.at - rng_.between(0, 1) * 1000;
        a.debits.push_back({nextLedgerId(), p, debitAt, a.offset});
    }
    return a;
}

void OrderFlow::applyDebit(const Order& o, Funding f, std::int64_t amount)
{
    Balance& b = balances_[static_cast<std::size_t>(o.customer)];
    if (f == Funding::Money)
        b.wallet = std::max<std::int64_t>(0, b.wallet - amount);
    else if (f == Funding::Points)
        b.points = std::max<std::int64_t>(0, b.points - amount);
}

void OrderFlow::applyDebits(const Order& o, const Attempt& a)
{
    for (const Debit& d : a.debits)
        applyDebit(o, d.part.funding, d.part.amount);
}

// ---- The ways an order goes.

void OrderFlow::placeOrder(Instant start)
{
    releaseUntil(start);
    Order o = newOrder(start);
    const Instant t = chargeWallet(o, start);
    o.createdAt = t;
    std::string out;
    addOrder(out, o, "pending", t);
    emit(out);

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
        emit(out);
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
    emit(out);
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
        const std::string receipt = "R-" + o.id.substr(2);
        appendReceipt(out, {receipt, o.id, cash, rng_.chance(kReceiptFailRate) ? "failed" : "issued", done});
    }
    addOrder(out, o, "paid", done);
    if (rng_.chance(kRewardRate)) {
        const std::int64_t points = rng_.between(1, 10) * 100;
        addCredit(out, o, Funding::Points, points, "reward", "", secondsLater(done, 1, 5), kSeoulOffsetMinutes);
        balances_[static_cast<std::size_t>(o.customer)].points += points;
    }
    emit(out);

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
    const std::string receipt = "R-" + o.id.substr(2);
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
    emit(out);
}

// Debited, but the payment never left `pending`; the order waits with it.
void OrderFlow::stalePending(const Order& o)
{
    const Attempt a = makeAttempt(o, secondsLater(o.createdAt, 2, 8));
    applyDebits(o, a);
    std::string out;
    addPayment(out, o, a, "pending", a.at);
    addDebits(out, o, a, "payment");
    emit(out);
}

// Debited for a payment whose record is lost upstream and never delivered.
void OrderFlow::missingPayment(const Order& o)
{
    const Attempt a = makeAttempt(o, secondsLater(o.createdAt, 3, 8));
    applyDebits(o, a);
    std::string out;
    addDebits(out, o, a, "payment");
    emit(out);
}

// ---- Lines.

void OrderFlow::addOrder(std::string& out, const Order& o, const char* status, Instant updatedAt) const
{
    appendOrder(out, {o.id, o.customerId, o.product->id, o.quantity, o.unitPrice, o.total, status, o.createdAt,
                      updatedAt, o.offset});
}

void OrderFlow::addPayment(std::string& out, const Order& o, const Attempt& a, const char* status, Instant at) const
{
    appendPayment(out, {a.paymentId, o.id, o.total, status, at, a.offset});
}

void OrderFlow::addDebits(std::string& out, const Order& o, const Attempt& a, const char* purpose) const
{
    for (const Debit& d : a.debits) {
        const std::string account = accountOf(o, d.part.funding);
        appendLedger(out, {d.id, account, o.customerId, true, d.part.amount, purpose, a.paymentId, o.id, "", d.at,
                           d.offset});
    }
}

void OrderFlow::addCredit(std::string& out, const Order& o, Funding f, std::int64_t amount, const char* purpose,
                          const std::string& refId, Instant at, int offset)
{
    const std::string id = nextLedgerId();
    const std::string account = accountOf(o, f);
    appendLedger(out, {id, account, o.customerId, false, amount, purpose, "", o.id, refId, at, offset});
}

void OrderFlow::emit(std::string& bodies)
{
    sink_.emit(bodies);
    bodies.clear();
}

void OrderFlow::park(Instant at, std::string bodies) { parked_.push({at, parkedNo_++, std::move(bodies)}); }

void OrderFlow::releaseUntil(Instant at)
{
    while (!parked_.empty() && parked_.top().at <= at) {
        sink_.emit(parked_.top().bodies);
        parked_.pop();
    }
}

void OrderFlow::releaseAll() { releaseUntil(std::numeric_limits<Instant>::max()); }

}  // namespace reconsole::demo
