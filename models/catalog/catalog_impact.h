#pragma once
// The impact ("blast radius") of a catalog error on one product, read from the mirror: the
// periods when a wrong value was live (from product_version, not today's values), the orders
// placed during them with what was paid against what should have been paid, and the orphan
// debits that the product's cash-receipt flag explains. docs/catalog.md, "Impact".
//
// A pure function over a read-only Database: no Qt widgets, no writes (not even the catalog
// state: it recomputes the runs from the history with the same rules), so the console can run
// it on a worker thread with its own connection.
#include "catalog/catalog_rules.h"
#include "core/money.h"

#include <optional>
#include <string>
#include <vector>

namespace reconsole {
class Database;
}

namespace reconsole::catalog {

// A stretch of time during which the live version was wrong (consecutive wrong versions, in
// the order they were live, form one period). [from, until): an order placed exactly at
// `from` belongs to it, one at `until` to the version that ended it.
struct ImpactPeriod {
    std::int64_t seq = 0, lastSeq = 0;   // the first and last wrong version live in it
    Instant from = 0;
    std::optional<Instant> until;        // nullopt: still live
    std::vector<Rule> rules;             // the version rules that flagged its versions
};

enum class OrderEffect {
    Overcharged,     // paid more than it should have
    Undercharged,    // paid less: the merchant received too little
    Exact,           // the wrong value did not change the amount (e.g. only the receipt flag)
    NotPaid,         // status is not `paid`: no money moved, nothing to count
    UnknownCorrect,  // no correct price can be told (a unit price at or below 0 with no rule to correct it)
};

struct ImpactOrder {
    std::string orderId, customerId, status;
    Instant createdAt = 0;
    std::int64_t seq = 0;             // the wrong version live when it was placed
    std::int64_t quantity = 0;
    Money unitPrice, paid;            // the order's unit_price and total
    std::optional<Money> shouldUnit, shouldPay;   // the corrected unit price, and x quantity
    Money overcharge, undercharge;    // paid - should, should - paid (one of them 0)
    OrderEffect effect = OrderEffect::Exact;
    std::vector<Rule> rules;          // what was wrong with the live version
};

// An orphan debit of an order whose cash-receipt step ran although the product, at the
// order's time, was not eligible (a voucher, or flagged not eligible): RECEIPT_ON_INELIGIBLE.
struct ExplainedOrphan {
    std::string ledgerId, orderId, customerId, cls;   // cls: the orphan class code
    Money amount, orphanAmount;
    Instant at = 0;
};

struct ReceiptOrder {
    std::string orderId, customerId;
    Instant createdAt = 0;
    std::int64_t seq = 0;   // the version live then
    int receiptsIssued = 0, receiptsFailed = 0;
};

struct CatalogImpact {
    std::string productId, productName, merchantId, merchantName, kind;
    std::vector<ImpactPeriod> periods;
    std::vector<ImpactOrder> orders;             // placed during the periods, by created_at then id
    // Counted over orders with status `paid` only.
    MoneyTotal overcharge, undercharge;
    int overchargedOrders = 0, overchargedCustomers = 0;
    int underchargedOrders = 0, underchargedCustomers = 0;
    int unknownOrders = 0;                       // paid orders with no known correct price
    std::vector<ReceiptOrder> receiptOrders;     // cash-receipt step ran although not eligible
    std::vector<ExplainedOrphan> orphans;        // their orphan debits, by at then ledger id
    MoneyTotal orphanTotal;                      // sum of orphan_amount
    std::optional<Instant> orphanCutoff;         // debits at or before it count (as_of - grace)
};

// The correct unit price for a wrong version (docs/catalog.md): the list price in place of a
// price far from it, the merchant's maximum in place of a discount above it. nullopt when the
// corrected unit price is still at or below 0 (no rule says what it should be).
std::optional<std::int64_t> correctedUnitPrice(const ProductVersion& v, const CatalogRuleSettings& s);

// nullopt: the product is not in the mirror (neither in product nor in product_version).
// Throws StoreError when the mirror cannot be read.
std::optional<CatalogImpact> computeImpact(Database& db, const std::string& productId,
                                           const CatalogRuleSettings& s = {});

std::string_view orderEffectCode(OrderEffect e);   // "overcharged", "undercharged", ...

std::string impactToJson(const CatalogImpact& impact);
std::string impactToTable(const CatalogImpact& impact);

}  // namespace reconsole::catalog
