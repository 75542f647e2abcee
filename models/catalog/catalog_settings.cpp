#include "catalog/catalog_settings.h"

#include <charconv>

namespace reconsole::catalog {
namespace {

struct Field {
    const char* key;
    bool CatalogRuleSettings::*flag = nullptr;
    int CatalogRuleSettings::*number = nullptr;
};

// The one list of keys: toEntries, fromEntries and the fingerprint all walk it.
const std::vector<Field>& fields()
{
    using S = CatalogRuleSettings;
    static const std::vector<Field> list = {
        {"price_far_from_list.enabled", &S::priceFarFromList},
        {"price_far_from_list.min_pct", nullptr, &S::minPricePct},
        {"price_far_from_list.max_pct", nullptr, &S::maxPricePct},
        {"price_far_from_list.zero_slip_low_pct", nullptr, &S::zeroSlipLowPct},
        {"price_far_from_list.zero_slip_high_pct", nullptr, &S::zeroSlipHighPct},
        {"discount_over_max.enabled", &S::discountOverMax},
        {"unit_price_not_positive.enabled", &S::unitPriceNotPositive},
        {"receipt_flag_kind.enabled", &S::receiptFlagKind},
        {"sudden_price_change.enabled", &S::suddenPriceChange},
        {"sudden_price_change.pct", nullptr, &S::suddenPricePct},
        {"sudden_discount_change.enabled", &S::suddenDiscountChange},
        {"sudden_discount_change.bp", nullptr, &S::suddenDiscountBp},
        {"order_price_mismatch.enabled", &S::orderPriceMismatch},
        {"order_total_mismatch.enabled", &S::orderTotalMismatch},
        {"receipt_on_ineligible.enabled", &S::receiptOnIneligible},
        {"receipt_failed.enabled", &S::receiptFailed},
    };
    return list;
}

std::optional<int> parseInt(const std::string& s)
{
    int v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || s.empty())
        return std::nullopt;
    return v;
}

}  // namespace

CatalogRuleSettings::Entries CatalogRuleSettings::toEntries() const
{
    Entries out;
    for (const Field& f : fields())
        out.emplace_back(f.key, f.flag ? (this->*f.flag ? "1" : "0") : std::to_string(this->*f.number));
    return out;
}

std::optional<CatalogRuleSettings> CatalogRuleSettings::fromEntries(const Entries& entries, std::string* why)
{
    auto fail = [&](std::string reason) {
        if (why)
            *why = std::move(reason);
        return std::nullopt;
    };
    CatalogRuleSettings s;
    for (const auto& [key, value] : entries) {
        const Field* field = nullptr;
        for (const Field& f : fields())
            if (key == f.key)
                field = &f;
        if (!field)
            return fail("unknown catalog rule setting '" + key + "'");
        const auto v = parseInt(value);
        if (!v || (field->flag && *v != 0 && *v != 1))
            return fail("'" + key + "' takes " + (field->flag ? "0 or 1" : "a whole number") + ", not '" + value + "'");
        if (field->flag)
            s.*field->flag = *v == 1;
        else
            s.*field->number = *v;
    }
    if (std::string bad = s.validate(); !bad.empty())
        return fail(bad);
    return s;
}

std::string CatalogRuleSettings::fingerprint() const
{
    std::string out;
    for (const auto& [key, value] : toEntries())
        out += key + "=" + value + ";";
    return out;
}

std::string CatalogRuleSettings::validate() const
{
    if (!(0 <= zeroSlipLowPct && zeroSlipLowPct <= minPricePct && minPricePct <= 100 && 100 <= maxPricePct
          && maxPricePct <= zeroSlipHighPct && zeroSlipHighPct <= 1'000'000))
        return "price bounds must keep 0 <= zero_slip_low_pct <= min_pct <= 100 <= max_pct <= zero_slip_high_pct";
    if (suddenPricePct < 0 || suddenPricePct > 1'000'000)
        return "sudden_price_change.pct must be 0 or more";
    if (suddenDiscountBp < 0 || suddenDiscountBp > 10000)
        return "sudden_discount_change.bp must be between 0 and 10000";
    return {};
}

}  // namespace reconsole::catalog
