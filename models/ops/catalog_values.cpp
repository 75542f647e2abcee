#include "ops/catalog_values.h"

#include "core/money.h"

#include <simdjson.h>

#include <charconv>

namespace reconsole::ops {
namespace {

constexpr std::int64_t kMaxBp = 10000;

bool validNumber(std::string_view field, std::int64_t v)
{
    return v >= 0 && (field != "discount_bp" || v <= kMaxBp);
}

void addNumber(std::string& out, const char* key, const std::optional<std::int64_t>& v)
{
    if (!v)
        return;
    out += out.size() > 1 ? "," : "";
    out += std::string("\"") + key + "\":" + std::to_string(*v);
}

std::string number(const std::optional<std::int64_t>& v) { return v ? groupedWon(Money(*v)) : "-"; }
std::string flag(const std::optional<bool>& v) { return v ? (*v ? "true" : "false") : "-"; }

}  // namespace

std::string catalogValuesJson(const CatalogValues& v)
{
    std::string out = "{";
    addNumber(out, "price", v.price);
    addNumber(out, "list_price", v.listPrice);
    addNumber(out, "discount_bp", v.discountBp);
    if (v.cashReceiptEligible) {
        out += out.size() > 1 ? "," : "";
        out += std::string("\"cash_receipt_eligible\":") + (*v.cashReceiptEligible ? "true" : "false");
    }
    return out + "}";
}

std::optional<CatalogValues> catalogValuesFromJson(std::string_view json)
{
    simdjson::dom::parser parser;
    simdjson::dom::object o;
    if (parser.parse(json.data(), json.size()).get(o))
        return std::nullopt;
    CatalogValues v;
    for (auto field : o) {
        const std::string_view key = field.key;
        if (key == "cash_receipt_eligible") {
            bool b = false;
            if (field.value.get(b))
                return std::nullopt;
            v.cashReceiptEligible = b;
            continue;
        }
        std::int64_t n = 0;
        if (field.value.get(n) || !validNumber(key, n))
            return std::nullopt;
        if (key == "price")
            v.price = n;
        else if (key == "list_price")
            v.listPrice = n;
        else if (key == "discount_bp")
            v.discountBp = n;
        else
            return std::nullopt;
    }
    return v;
}

std::string parseCatalogAssignment(std::string_view text, CatalogValues& into)
{
    const auto eq = text.find('=');
    if (eq == std::string_view::npos)
        return "'" + std::string(text) + "' is not field=value";
    const std::string_view field = text.substr(0, eq), value = text.substr(eq + 1);
    if (field == "cash_receipt_eligible") {
        if (value == "true" || value == "1")
            into.cashReceiptEligible = true;
        else if (value == "false" || value == "0")
            into.cashReceiptEligible = false;
        else
            return "cash_receipt_eligible is true or false";
        return {};
    }
    if (field != "price" && field != "list_price" && field != "discount_bp")
        return "'" + std::string(field) + "' is not a catalog value (price, list_price, discount_bp, cash_receipt_eligible)";
    std::int64_t n = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || end != value.data() + value.size() || !validNumber(field, n))
        return std::string(field) + (field == "discount_bp" ? " is a whole number from 0 to 10000"
                                                            : " is a whole number of won, 0 or more");
    (field == "price" ? into.price : field == "list_price" ? into.listPrice : into.discountBp) = n;
    return {};
}

bool carriesValues(const CatalogValues& have, const CatalogValues& want)
{
    return (!want.price || have.price == want.price) && (!want.listPrice || have.listPrice == want.listPrice)
        && (!want.discountBp || have.discountBp == want.discountBp)
        && (!want.cashReceiptEligible || have.cashReceiptEligible == want.cashReceiptEligible);
}

std::string describeChange(const CatalogValues& from, const CatalogValues& to)
{
    std::string out;
    const auto add = [&](const char* name, const std::string& a, const std::string& b) {
        out += (out.empty() ? "" : "; ") + std::string(name) + " " + a + " → " + b;
    };
    if (to.price)
        add("price", number(from.price), number(to.price));
    if (to.listPrice)
        add("list_price", number(from.listPrice), number(to.listPrice));
    if (to.discountBp)
        add("discount_bp", from.discountBp ? std::to_string(*from.discountBp) : "-", std::to_string(*to.discountBp));
    if (to.cashReceiptEligible)
        add("cash_receipt_eligible", flag(from.cashReceiptEligible), flag(to.cashReceiptEligible));
    return out;
}

}  // namespace reconsole::ops
