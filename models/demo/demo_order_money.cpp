#include "demo/demo_orders.h"

#include "demo/demo_rates.h"
#include "demo/demo_records.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <utility>

namespace reconsole::demo {
namespace {

constexpr Instant kSlackMs = 5'000;   // lines due within this of "now" are not parked

// Card and phone payments go through an outside processor (UTC, milliseconds).
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
    // rank -> id through a bijection mod n, so heavy buyers are not all C-000001.. (the
    // product stays below 2^64 for any n under four billion).
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
    int weightSum = 0;
    for (const auto& [f, w] : kOthers)
        weightSum += usable(f) ? w : 0;
    if (weightSum == 0)
        return t.hasPhone ? Funding::Phone : Funding::Card;
    auto r = static_cast<int>(rng_.below(static_cast<std::uint64_t>(weightSum)));
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
        send(cursor, out);
        cursor = secondsLater(cursor, 40, 150);
    }
    const std::string debit = nextLedgerId();
    appendLedger(out, {debit, bank, o.customerId, true, amount, "topup", "", "", "", cursor});
    const std::string credit = nextLedgerId();
    const std::string money = accountOf(o, Funding::Money);
    appendLedger(out, {credit, money, o.customerId, false, amount, "topup", "", "", debit, secondsLater(cursor, 1, 3)});
    send(cursor, out);
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

// Lines due soon are written now; later ones (an order placed a minute after its
// top-up, a retry) wait their turn so the log stays close to time order.
void OrderFlow::send(Instant at, std::string& bodies)
{
    if (at <= now_ + kSlackMs)
        sink_.write(bodies);
    else
        park(at, std::move(bodies));
    bodies.clear();
}

void OrderFlow::park(Instant at, std::string bodies) { parked_.push({at, parkedNo_++, std::move(bodies)}); }

void OrderFlow::releaseUntil(Instant at)
{
    while (!parked_.empty() && parked_.top().at <= at) {
        sink_.write(parked_.top().bodies);
        parked_.pop();
    }
}

void OrderFlow::releaseAll() { releaseUntil(std::numeric_limits<Instant>::max()); }

}  // namespace reconsole::demo
