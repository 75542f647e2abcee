#pragma once
// The life of one gift order: top-ups, the order, its payment attempts, debits,
// cash receipt and final status, written at once; what happens minutes or days
// later (refunds, reversals, late duplicate debits) is parked in a queue and
// released when the clock of the feed reaches it, so the log stays in time order.
#include "demo/demo_catalog.h"
#include "demo/demo_feed.h"
#include "demo/demo_json.h"
#include "demo/demo_people.h"
#include "demo/demo_random.h"

#include <cstdint>
#include <queue>
#include <string>
#include <vector>

namespace reconsole::demo {

class OrderFlow {
public:
    OrderFlow(const DemoOptions& options, const Catalog& catalog, Instant monthEnd, LineSink& sink, Rng& rng);

    void placeOrder(Instant start);   // releases what is due first
    void releaseUntil(Instant at);    // emits parked lines due at or before `at`
    void releaseAll();

private:
    struct Part {
        Funding funding = Funding::Money;
        std::int64_t amount = 0;
    };
    struct Order {
        std::int64_t customer = 0;
        std::string customerId, id;
        const Product* product = nullptr;
        std::int64_t quantity = 1, unitPrice = 0, total = 0;
        Instant createdAt = 0;
        int offset = 0;
        std::vector<Part> parts;   // points first when split, then the main funding
    };
    struct Debit {
        std::string id;
        Part part;
        Instant at = 0;
        int offset = 0;
    };
    struct Attempt {
        std::string paymentId;
        std::vector<Debit> debits;
        Instant at = 0;
        int offset = 0;
    };
    struct Parked {
        Instant at;
        std::uint64_t order;   // ties keep the order they were parked in
        std::string bodies;
    };
    struct Later {
        bool operator()(const Parked& a, const Parked& b) const
        {
            return a.at != b.at ? a.at > b.at : a.order > b.order;
        }
    };
    struct Balance {
        std::int64_t wallet = 0, points = 0;
    };

    Order newOrder(Instant at);
    std::int64_t pickCustomer();
    const Product& pickProduct();
    Funding pickFunding(const CustomerTraits& t, std::int64_t total, std::int64_t wallet);
    Instant chargeWallet(const Order& o, Instant cursor);
    Attempt makeAttempt(const Order& o, Instant at);
    void applyDebit(const Order& o, Funding f, std::int64_t amount);   // negative gives back
    void applyDebits(const Order& o, const Attempt& a);

    Instant failedAttempt(const Order& o, Instant at, bool withDebit);
    void approve(const Order& o, Instant at);
    void scheduleRefund(const Order& o, const Attempt& a);
    void duplicateDebit(const Order& o, const Attempt& a);
    void voucherReceiptIncident(const Order& o);
    void stalePending(const Order& o);
    void missingPayment(const Order& o);

    void addOrder(std::string& out, const Order& o, const char* status, Instant updatedAt) const;
    void addPayment(std::string& out, const Order& o, const Attempt& a, const char* status, Instant at) const;
    void addDebits(std::string& out, const Order& o, const Attempt& a, const char* purpose) const;
    void addCredit(std::string& out, const Order& o, Funding f, std::int64_t amount, const char* purpose,
                   const std::string& refId, Instant at, int offset);
    void send(Instant at, std::string& bodies);   // clears `bodies`
    void park(Instant at, std::string bodies);

    static std::string receiptId(const Order& o);
    std::string nextLedgerId() { return paddedId("L-", ++ledgerNo_, idWidth_); }
    std::string nextPaymentId() { return paddedId("PAY-", ++paymentNo_, idWidth_); }
    std::string accountOf(const Order& o, Funding f) const { return accountId(o.customerId, f); }
    Instant secondsLater(Instant at, std::int64_t lo, std::int64_t hi) { return at + rng_.between(lo, hi) * 1000; }

    const DemoOptions& options_;
    const Catalog& catalog_;
    Instant monthEnd_;
    LineSink& sink_;
    Rng& rng_;

    std::vector<std::int64_t> productCumWeight_;
    std::vector<Balance> balances_;
    std::uint64_t scatter_ = 1;   // multiplier that spreads heavy buyers over the id range
    int customerWidth_ = 6, idWidth_ = 8;
    std::int64_t orderNo_ = 0, paymentNo_ = 0, ledgerNo_ = 0;
    std::uint64_t parkedNo_ = 0;
    std::priority_queue<Parked, std::vector<Parked>, Later> parked_;
    Instant now_ = 0;   // start of the order being placed

    Ticker voucherIncident_, duplicate_, lostTopup_, stale_, missing_;
};

}  // namespace reconsole::demo
