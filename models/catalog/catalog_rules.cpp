#include "catalog/catalog_rules.h"

#include <array>
#include <limits>

namespace reconsole::catalog {
namespace {

// Products of 64-bit amounts and percentages do not fit in 64 bits: compare in 128.
__extension__ typedef __int128 Wide;

constexpr std::array<std::string_view, kRuleCount> kCodes = {
    "PRICE_FAR_FROM_LIST",  "DISCOUNT_OVER_MAX",    "UNIT_PRICE_NOT_POSITIVE", "RECEIPT_FLAG_KIND",
    "SUDDEN_PRICE_CHANGE",  "SUDDEN_DISCOUNT_CHANGE", "ORDER_PRICE_MISMATCH",  "ORDER_TOTAL_MISMATCH",
    "RECEIPT_ON_INELIGIBLE", "RECEIPT_FAILED",
};

Finding found(Rule r, Severity s, std::int64_t value, std::int64_t reference) { return {r, s, value, reference}; }

// `a` moved from `b` by more than pct % of b. From 0, any move is more.
bool movedMoreThan(std::int64_t a, std::int64_t b, int pct)
{
    const Wide diff = a > b ? Wide(a) - b : Wide(b) - a;
    return diff * 100 > Wide(b) * pct;
}

// The product kind says it may have no cash receipt: a voucher, or a version flagged so.
bool receiptNotAllowed(const ProductVersion& v) { return v.kind == "voucher" || !v.cashReceiptEligible; }

}  // namespace

std::string_view ruleCode(Rule r) { return kCodes[static_cast<std::size_t>(r)]; }

std::optional<Rule> ruleFromCode(std::string_view code)
{
    for (std::size_t i = 0; i < kCodes.size(); ++i)
        if (kCodes[i] == code)
            return static_cast<Rule>(i);
    return std::nullopt;
}

std::string_view severityCode(Severity s)
{
    switch (s) {
    case Severity::Low: return "low";
    case Severity::Medium: return "medium";
    case Severity::High: return "high";
    }
    return "low";
}

std::optional<Severity> severityFromCode(std::string_view code)
{
    for (Severity s : {Severity::Low, Severity::Medium, Severity::High})
        if (severityCode(s) == code)
            return s;
    return std::nullopt;
}

bool isOrderRule(Rule r)
{
    return r == Rule::OrderPriceMismatch || r == Rule::OrderTotalMismatch || r == Rule::ReceiptOnIneligible
        || r == Rule::ReceiptFailed;
}

bool isEnabled(const CatalogRuleSettings& s, Rule r)
{
    switch (r) {
    case Rule::PriceFarFromList: return s.priceFarFromList;
    case Rule::DiscountOverMax: return s.discountOverMax;
    case Rule::UnitPriceNotPositive: return s.unitPriceNotPositive;
    case Rule::ReceiptFlagKind: return s.receiptFlagKind;
    case Rule::SuddenPriceChange: return s.suddenPriceChange;
    case Rule::SuddenDiscountChange: return s.suddenDiscountChange;
    case Rule::OrderPriceMismatch: return s.orderPriceMismatch;
    case Rule::OrderTotalMismatch: return s.orderTotalMismatch;
    case Rule::ReceiptOnIneligible: return s.receiptOnIneligible;
    case Rule::ReceiptFailed: return s.receiptFailed;
    }
    return false;
}

std::int64_t unitPriceOf(std::int64_t price, std::int64_t discountBp)
{
    // Floor, not truncation: the feed's values are never negative, but the rule is floor.
    const Wide off = Wide(price) * discountBp;
    Wide q = off / 10000;
    if (off % 10000 != 0 && off < 0)
        --q;
    return static_cast<std::int64_t>(Wide(price) - q);
}

std::optional<Finding> priceFarFromList(const ProductVersion& v, const CatalogRuleSettings& s)
{
    if (!s.priceFarFromList || (v.listPrice == 0 && v.price == 0))
        return std::nullopt;
    const Wide price = Wide(v.price) * 100, list = v.listPrice;
    if (price >= list * s.minPricePct && price <= list * s.maxPricePct)
        return std::nullopt;
    // A missing or extra zero lands near 10 % or 1000 %: well past the zero-slip bounds.
    const bool zeroSlip = price <= list * s.zeroSlipLowPct || price >= list * s.zeroSlipHighPct;
    return found(Rule::PriceFarFromList, zeroSlip ? Severity::High : Severity::Medium, v.price, v.listPrice);
}

std::optional<Finding> discountOverMax(const ProductVersion& v, const CatalogRuleSettings& s)
{
    if (!s.discountOverMax || !v.maxDiscountBp || v.discountBp <= *v.maxDiscountBp)
        return std::nullopt;
    return found(Rule::DiscountOverMax, Severity::High, v.discountBp, *v.maxDiscountBp);
}

std::optional<Finding> unitPriceNotPositive(const ProductVersion& v, const CatalogRuleSettings& s)
{
    const std::int64_t unit = unitPriceOf(v.price, v.discountBp);
    if (!s.unitPriceNotPositive || unit > 0)
        return std::nullopt;
    return found(Rule::UnitPriceNotPositive, Severity::High, unit, v.price);
}

std::optional<Finding> receiptFlagKind(const ProductVersion& v, const CatalogRuleSettings& s)
{
    if (!s.receiptFlagKind)
        return std::nullopt;
    // feed-v1: vouchers are not eligible. Goods are sold with a receipt. Coupons: the spec says
    // nothing, so either flag is accepted.
    if (v.kind == "voucher" && v.cashReceiptEligible)
        return found(Rule::ReceiptFlagKind, Severity::High, 1, 0);
    if (v.kind == "goods" && !v.cashReceiptEligible)
        return found(Rule::ReceiptFlagKind, Severity::Medium, 0, 1);
    return std::nullopt;
}

std::optional<Finding> suddenPriceChange(const ProductVersion& before, const ProductVersion& after, bool settlesOurFix,
                                         bool correctsPrice, const CatalogRuleSettings& s)
{
    if (!s.suddenPriceChange || settlesOurFix || !movedMoreThan(after.price, before.price, s.suddenPricePct))
        return std::nullopt;
    return found(Rule::SuddenPriceChange, correctsPrice ? Severity::Low : Severity::Medium, after.price, before.price);
}

std::optional<Finding> suddenDiscountChange(const ProductVersion& before, const ProductVersion& after,
                                            bool settlesOurFix, const CatalogRuleSettings& s)
{
    const std::int64_t moved = after.discountBp > before.discountBp ? after.discountBp - before.discountBp
                                                                    : before.discountBp - after.discountBp;
    if (!s.suddenDiscountChange || settlesOurFix || moved <= s.suddenDiscountBp)
        return std::nullopt;
    return found(Rule::SuddenDiscountChange, Severity::Medium, after.discountBp, before.discountBp);
}

std::optional<Finding> orderPriceMismatch(const OrderFacts& o, const ProductVersion* live, const CatalogRuleSettings& s)
{
    if (!s.orderPriceMismatch || !live)
        return std::nullopt;
    const std::int64_t catalog = unitPriceOf(live->price, live->discountBp);
    if (o.unitPrice == catalog)
        return std::nullopt;
    // Charged more than the catalog said: the customer paid too much.
    return found(Rule::OrderPriceMismatch, o.unitPrice > catalog ? Severity::High : Severity::Medium, o.unitPrice,
                 catalog);
}

std::optional<Finding> orderTotalMismatch(const OrderFacts& o, const CatalogRuleSettings& s)
{
    const Wide exact = Wide(o.unitPrice) * o.quantity;
    if (!s.orderTotalMismatch || exact == o.total)
        return std::nullopt;
    const Wide cap = std::numeric_limits<std::int64_t>::max();
    const auto expected = static_cast<std::int64_t>(exact > cap ? cap : exact);
    return found(Rule::OrderTotalMismatch, o.total > exact ? Severity::High : Severity::Medium, o.total, expected);
}

std::optional<Finding> receiptOnIneligible(const OrderFacts& o, const ProductVersion* live, const CatalogRuleSettings& s)
{
    // The incident: the cash-receipt step ran (issued or failed) for a product that may have none.
    if (!s.receiptOnIneligible || !live || !receiptNotAllowed(*live) || o.receiptsIssued + o.receiptsFailed == 0)
        return std::nullopt;
    return found(Rule::ReceiptOnIneligible, Severity::High, o.receiptsFailed, o.receiptsIssued);
}

std::optional<Finding> receiptFailed(const OrderFacts& o, const ProductVersion* live, const CatalogRuleSettings& s)
{
    if (!s.receiptFailed || !live || receiptNotAllowed(*live) || o.receiptsFailed == 0)
        return std::nullopt;
    return found(Rule::ReceiptFailed, Severity::Low, o.receiptsFailed, o.receiptsIssued);
}

const ProductVersion* liveAt(std::span<const ProductVersion> history, Instant at)
{
    const ProductVersion* best = nullptr;
    for (const ProductVersion& v : history)
        if (v.updatedAt <= at && (!best || v.updatedAt > best->updatedAt || (v.updatedAt == best->updatedAt && v.seq > best->seq)))
            best = &v;
    return best;
}

}  // namespace reconsole::catalog
