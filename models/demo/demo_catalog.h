#pragma once
// The demo catalog: Korean brands and the gifts sold for them. The static tables
// (demo_catalog_data.cpp) say what exists; buildCatalog() turns them into merchant
// and product records with ids, prices, discounts and a few deliberate catalog errors.
#include "core/instant.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace reconsole::demo {

class Rng;

enum class ProductKind { Voucher, Goods, Coupon };

// Catalog errors planted on purpose, for the console to catch.
enum class Flaw {
    None,
    PriceZeroMissing,        // price is list_price / 10 and stays wrong
    PriceZeroMissingFixed,   // the same, fixed by a later product version mid-month
    DiscountOverMax,         // discount_bp above the merchant's max_discount_bp
    VoucherEligible,         // a voucher flagged cash_receipt_eligible
    PriceExtraZeroFixed,     // right at first; ten times the price for two days mid-month (overcharged buyers)
};

struct ItemDef {
    const char* name;
    ProductKind kind;
    int price;                  // won, the official (list) price of the first variant
    int weight;                 // relative popularity
    const char* variants = "";  // "T|G+500|V+1000": name suffix and price step per variant
    bool hotIce = false;        // also sold iced, under the merchant's ice prefix
    Flaw flaw = Flaw::None;

    constexpr ItemDef iced() const { ItemDef d = *this; d.hotIce = true; return d; }
    constexpr ItemDef with(Flaw f) const { ItemDef d = *this; d.flaw = f; return d; }
};

constexpr ItemDef goods(const char* name, int price, int weight, const char* variants = "")
{
    return {name, ProductKind::Goods, price, weight, variants};
}
constexpr ItemDef voucher(const char* name, int price, int weight)
{
    return {name, ProductKind::Voucher, price, weight};
}
constexpr ItemDef coupon(const char* name, int price, int weight)
{
    return {name, ProductKind::Coupon, price, weight};
}

struct MerchantDef {
    const char* code;        // id suffix: M-<code>, P-<code>-NNN
    const char* name;
    const char* category;
    int maxDiscountBp;
    const char* icePrefix;   // "아이스 " or "(ICE) "
    std::span<const ItemDef> items;
};

std::span<const MerchantDef> merchantDefs();

struct Merchant {
    std::string id, name, category;
    int maxDiscountBp = 0;
};

struct Product {
    std::string id, name;
    int merchant = 0;             // index into Catalog::merchants
    ProductKind kind = ProductKind::Goods;
    std::int64_t listPrice = 0, price = 0;
    int discountBp = 0;
    bool cashReceiptEligible = true;
    Instant updatedAt = 0;
    int weight = 1;
    Flaw flaw = Flaw::None;

    std::int64_t unitPrice() const { return price - price * discountBp / 10000; }
};

struct Catalog {
    std::vector<Merchant> merchants;
    std::vector<Product> products;
};

// Prices, sale markdowns, discounts and updated_at are drawn from `rng`; updated_at
// falls in [from, to).
Catalog buildCatalog(Rng& rng, Instant from, Instant to);

const char* kindName(ProductKind kind);

}  // namespace reconsole::demo
