#pragma once
// The catalog rules' settings: each rule on or off, and the thresholds. Defaults are the
// policy of docs/catalog.md; an admin will change them through the operations store, which
// keeps them as key/value entries (toEntries/fromEntries) and audits each change.
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace reconsole::catalog {

struct CatalogRuleSettings {
    // PRICE_FAR_FROM_LIST: price outside [minPricePct, maxPricePct] % of the list price
    // (the bounds themselves are inside). At or beyond the zero-slip bounds it is high.
    bool priceFarFromList = true;
    int minPricePct = 50, maxPricePct = 110;
    int zeroSlipLowPct = 20, zeroSlipHighPct = 500;
    bool discountOverMax = true;        // DISCOUNT_OVER_MAX: discount_bp > the merchant's max_discount_bp
    bool unitPriceNotPositive = true;   // UNIT_PRICE_NOT_POSITIVE: price after discount <= 0
    bool receiptFlagKind = true;        // RECEIPT_FLAG_KIND: a voucher eligible, or goods not eligible
    // SUDDEN_PRICE_CHANGE / SUDDEN_DISCOUNT_CHANGE: one version moved the price by more than
    // suddenPricePct % of the price before, or the discount by more than suddenDiscountBp.
    bool suddenPriceChange = true;
    int suddenPricePct = 50;
    bool suddenDiscountChange = true;
    int suddenDiscountBp = 2000;
    bool orderPriceMismatch = true;     // ORDER_PRICE_MISMATCH: unit_price != the catalog's at the order's time
    bool orderTotalMismatch = true;     // ORDER_TOTAL_MISMATCH: total != unit_price x quantity
    bool receiptOnIneligible = true;    // RECEIPT_ON_INELIGIBLE: a cash receipt for a product not eligible
    bool receiptFailed = true;          // RECEIPT_FAILED: the cash-receipt step failed (eligible product)

    using Entries = std::vector<std::pair<std::string, std::string>>;
    // "price_far_from_list.min_pct" = "50", ... in a fixed order.
    Entries toEntries() const;
    // Starts from the defaults; unknown keys, values that are not whole numbers (or 0/1 for
    // switches) and bounds out of order are refused with a reason in `why`.
    static std::optional<CatalogRuleSettings> fromEntries(const Entries& entries, std::string* why = nullptr);
    // One line of every entry: the state in the mirror was computed with these settings.
    std::string fingerprint() const;
    // Empty when the thresholds make sense, else why not.
    std::string validate() const;
};

}  // namespace reconsole::catalog
