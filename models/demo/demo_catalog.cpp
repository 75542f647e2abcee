#include "demo/demo_catalog.h"

#include "demo/demo_random.h"

#include <algorithm>
#include <cstdio>
#include <string_view>
#include <utility>

namespace reconsole::demo {
namespace {

constexpr Instant kDayMs = 86'400'000;

struct Variant {
    std::string_view suffix;
    int priceStep;
};

// "T|G+500|V+1000" -> (T,0) (G,500) (V,1000); "" -> one unnamed variant.
std::vector<Variant> parseVariants(std::string_view spec)
{
    std::vector<Variant> out;
    if (spec.empty()) {
        out.push_back({"", 0});
        return out;
    }
    while (!spec.empty()) {
        const std::size_t bar = spec.find('|');
        std::string_view part = spec.substr(0, bar);
        spec = bar == std::string_view::npos ? std::string_view{} : spec.substr(bar + 1);
        int step = 0;
        if (const std::size_t plus = part.find('+'); plus != std::string_view::npos) {
            for (const char c : part.substr(plus + 1))
                step = step * 10 + (c - '0');
            part = part.substr(0, plus);
        }
        out.push_back({part, step});
    }
    return out;
}

std::int64_t roundTo100(std::int64_t won) { return (won + 50) / 100 * 100; }

std::string productId(std::string_view code, int n)
{
    char num[16];
    std::snprintf(num, sizeof num, "%03d", n);
    // Appended piece by piece: GCC 12 at -O3 warns falsely (-Wrestrict) on "literal" + std::string.
    std::string id = "P-";
    id.append(code).append("-").append(num);
    return id;
}

// Discounts are multiples of 1% within what the merchant agreed to; most products have none.
int drawDiscount(Rng& rng, int maxDiscountBp)
{
    if (maxDiscountBp < 100 || !rng.chance(0.3))
        return 0;
    return 100 * static_cast<int>(rng.between(1, maxDiscountBp / 100));
}

void applyFlaw(Product& p, const Merchant& m, Rng& rng, Instant to)
{
    switch (p.flaw) {
    case Flaw::None:
    case Flaw::PriceExtraZeroFixed:   // right at first: the error is a later version (demo_feed.cpp)
        return;
    case Flaw::PriceZeroMissing:
    case Flaw::PriceZeroMissingFixed:
        p.price = p.listPrice / 10;   // an operator typed 3300 for 33000
        p.discountBp = 0;
        break;
    case Flaw::DiscountOverMax:
        p.discountBp = m.maxDiscountBp + 300;
        break;
    case Flaw::VoucherEligible:
        p.cashReceiptEligible = true;
        break;
    }
    // The bad edit is recent: a few days before the feed starts.
    p.updatedAt = to - rng.between(1, 5) * kDayMs + rng.between(0, 86'399) * 1000;
}

}  // namespace

const char* kindName(ProductKind kind)
{
    switch (kind) {
    case ProductKind::Voucher: return "voucher";
    case ProductKind::Goods: return "goods";
    case ProductKind::Coupon: return "coupon";
    }
    return "goods";
}

Catalog buildCatalog(Rng& rng, Instant from, Instant to)
{
    Catalog cat;
    for (const MerchantDef& def : merchantDefs()) {
        const int mIndex = static_cast<int>(cat.merchants.size());
        std::string merchantId = "M-";
        merchantId += def.code;
        cat.merchants.push_back({merchantId, def.name, def.category, def.maxDiscountBp});
        const Merchant& merchant = cat.merchants.back();
        int n = 0;
        for (const ItemDef& item : def.items) {
            const std::vector<Variant> variants = parseVariants(item.variants);
            const int temperatures = item.hotIce ? 2 : 1;
            for (int t = 0; t < temperatures; ++t) {
                for (std::size_t v = 0; v < variants.size(); ++v) {
                    Product p;
                    p.id = productId(def.code, ++n);
                    p.merchant = mIndex;
                    p.name.append(def.name).append(" ").append(t == 1 ? def.icePrefix : "").append(item.name);
                    if (!variants[v].suffix.empty())
                        p.name.append(" ").append(variants[v].suffix);
                    p.kind = item.kind;
                    p.listPrice = item.price + variants[v].priceStep;
                    // A stored-value voucher sells at face value; goods are now and then marked down.
                    p.price = item.kind == ProductKind::Goods && rng.chance(0.1) ? roundTo100(p.listPrice * 9 / 10)
                                                                                : p.listPrice;
                    p.discountBp = drawDiscount(rng, def.maxDiscountBp);
                    p.cashReceiptEligible = item.kind != ProductKind::Voucher;
                    p.updatedAt = from + static_cast<Instant>(rng.below(static_cast<std::uint64_t>(to - from) / 1000)) * 1000;
                    // Larger sizes sell less than the first one.
                    p.weight = std::max(1, item.weight * 2 / static_cast<int>(v + 2));
                    p.flaw = item.flaw;
                    applyFlaw(p, merchant, rng, to);
                    cat.products.push_back(std::move(p));
                }
            }
        }
    }
    return cat;
}

}  // namespace reconsole::demo
