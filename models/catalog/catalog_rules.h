#pragma once
// The catalog rules as pure functions over plain structs: one product version, two
// consecutive versions, or one order with the version that was live when it was placed.
// Nothing here reads the mirror; catalog_check.h runs these over it.
#include "catalog/catalog_settings.h"
#include "core/instant.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace reconsole::catalog {

enum class Rule {
    PriceFarFromList,
    DiscountOverMax,
    UnitPriceNotPositive,
    ReceiptFlagKind,
    SuddenPriceChange,
    SuddenDiscountChange,
    OrderPriceMismatch,
    OrderTotalMismatch,
    ReceiptOnIneligible,
    ReceiptFailed,
};
inline constexpr int kRuleCount = 10;

enum class Severity { Low, Medium, High };

std::string_view ruleCode(Rule r);          // "PRICE_FAR_FROM_LIST"
std::optional<Rule> ruleFromCode(std::string_view code);
std::string_view severityCode(Severity s);  // "low", "medium", "high"
std::optional<Severity> severityFromCode(std::string_view code);
bool isOrderRule(Rule r);
bool isEnabled(const CatalogRuleSettings& s, Rule r);

// One version of a product, with the max_discount_bp its merchant has agreed to now
// (nullopt: the merchant gave none, or is not in the mirror).
struct ProductVersion {
    std::int64_t seq = 0;
    std::string merchantId, kind;   // kind: voucher, goods, coupon
    std::int64_t listPrice = 0, price = 0, discountBp = 0;
    bool cashReceiptEligible = false;
    Instant updatedAt = 0;
    std::optional<std::int64_t> maxDiscountBp;
};

// One order, with its cash receipts counted.
struct OrderFacts {
    std::int64_t quantity = 1, unitPrice = 0, total = 0;
    Instant createdAt = 0;
    int receiptsIssued = 0, receiptsFailed = 0;
};

// What a rule found. value/reference are the rule's numbers (docs/catalog.md):
//   PRICE_FAR_FROM_LIST    price, list price (won)
//   DISCOUNT_OVER_MAX      discount_bp, max_discount_bp
//   UNIT_PRICE_NOT_POSITIVE unit price after discount, price before it (won)
//   RECEIPT_FLAG_KIND      the flag (0/1), what the kind calls for (0/1)
//   SUDDEN_PRICE_CHANGE    price after, price before (won)
//   SUDDEN_DISCOUNT_CHANGE discount_bp after, before
//   ORDER_PRICE_MISMATCH   the order's unit_price, the catalog's unit price then (won)
//   ORDER_TOTAL_MISMATCH   the order's total, unit_price x quantity (won, saturated)
//   RECEIPT_ON_INELIGIBLE / RECEIPT_FAILED  receipts failed, receipts issued
struct Finding {
    Rule rule;
    Severity severity;
    std::int64_t value = 0, reference = 0;
    friend bool operator==(const Finding&, const Finding&) = default;
};

// price - floor(price x discount_bp / 10000), as feed-v1 defines the price charged.
std::int64_t unitPriceOf(std::int64_t price, std::int64_t discountBp);

// Rules on one version. nullopt: nothing wrong, or the rule is off.
std::optional<Finding> priceFarFromList(const ProductVersion& v, const CatalogRuleSettings& s);
std::optional<Finding> discountOverMax(const ProductVersion& v, const CatalogRuleSettings& s);
std::optional<Finding> unitPriceNotPositive(const ProductVersion& v, const CatalogRuleSettings& s);
std::optional<Finding> receiptFlagKind(const ProductVersion& v, const CatalogRuleSettings& s);

// Rules on a version and the one before it (by seq). `settlesOurFix`: the version carries a
// catalog fix the console asked for, so its change is expected and never sudden.
// `correctsPrice`: it ends a run of PRICE_FAR_FROM_LIST (reported, but low).
std::optional<Finding> suddenPriceChange(const ProductVersion& before, const ProductVersion& after, bool settlesOurFix,
                                         bool correctsPrice, const CatalogRuleSettings& s);
std::optional<Finding> suddenDiscountChange(const ProductVersion& before, const ProductVersion& after,
                                            bool settlesOurFix, const CatalogRuleSettings& s);

// Rules on an order. `live` is the version live when it was placed (nullptr: none known,
// and the rules that need it say nothing).
std::optional<Finding> orderPriceMismatch(const OrderFacts& o, const ProductVersion* live, const CatalogRuleSettings& s);
std::optional<Finding> orderTotalMismatch(const OrderFacts& o, const CatalogRuleSettings& s);
std::optional<Finding> receiptOnIneligible(const OrderFacts& o, const ProductVersion* live, const CatalogRuleSettings& s);
std::optional<Finding> receiptFailed(const OrderFacts& o, const ProductVersion* live, const CatalogRuleSettings& s);

// The version live at `at` in a history ordered by seq: the latest updated_at at or before
// `at`, the higher seq on a tie. nullptr when every version is newer than `at`.
const ProductVersion* liveAt(std::span<const ProductVersion> history, Instant at);

}  // namespace reconsole::catalog
