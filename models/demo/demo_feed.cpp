// The demo feed: a catalog and customer snapshot, then a month of gift orders at a
// Korean mobile gift & wallet service (March 2026, Asia/Seoul), with the incidents
// of orphan-rules.md planted at low rates (demo_orders.cpp). Streaming: memory is
// the catalog, two balances per customer, one day of order times and the queue of
// lines parked for later.
#include "demo/demo_feed.h"

#include "demo/demo_catalog.h"
#include "demo/demo_json.h"
#include "demo/demo_orders.h"
#include "demo/demo_people.h"
#include "demo/demo_random.h"
#include "demo/demo_records.h"

#include <algorithm>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace reconsole::demo {
namespace {

constexpr Instant kHourMs = 3'600'000;
constexpr Instant kDayMs = 86'400'000;
constexpr std::int64_t kProgressEvery = 1024;   // orders between progress calls
constexpr std::int64_t kSnapshotProgressEvery = 65536;

// Midnight in Seoul of a calendar date, as an instant.
Instant seoulMidnight(int y, unsigned m, unsigned d)
{
    return daysFromCivil(y, m, d) * kDayMs - kSeoulOffsetMinutes * kMinuteMs;
}

// Relative order volume per day of March 2026: weekends, White Day (3/14) and its
// eve, payday (3/25) and the 3/1 holiday sell more.
std::int64_t dayWeight(int dayOfMonth)
{
    const std::int64_t days = daysFromCivil(2026, 3, static_cast<unsigned>(dayOfMonth));
    const auto weekday = static_cast<int>((days + 4) % 7);   // 1970-01-01 was a Thursday; 0 = Sunday
    std::int64_t w = weekday == 0 || weekday == 6 ? 120 : 100;
    if (dayOfMonth == 1)
        w = 130;
    else if (dayOfMonth == 13)
        w = 140;
    else if (dayOfMonth == 14)
        w = 220;
    else if (dayOfMonth == 25)
        w = 115;
    return w;
}

// Orders per hour of day (Seoul): morning coffee, lunch and evening peaks.
constexpr int kHourWeights[24] = {6, 3, 2, 1, 1, 2, 5, 12, 20, 16, 13, 16, 24, 20, 14, 13, 14, 17, 22, 24, 25, 23, 18, 11};

struct CatalogEdit {
    std::size_t product;
    Instant at;
    std::int64_t listPrice, price;
    int discountBp;
};

std::size_t findProduct(const Catalog& cat, std::string_view name)
{
    for (std::size_t i = 0; i < cat.products.size(); ++i)
        if (cat.products[i].name == name)
            return i;
    return cat.products.size();
}

// Product versions published during the month, so that price history exists: the fix
// of a price typed with a zero missing, a price rise and a short promotion.
std::vector<CatalogEdit> catalogEdits(const Catalog& cat, Rng& rng)
{
    std::vector<CatalogEdit> edits;
    for (std::size_t i = 0; i < cat.products.size(); ++i) {
        const Product& p = cat.products[i];
        if (p.flaw == Flaw::PriceZeroMissingFixed)
            edits.push_back({i, seoulMidnight(2026, 3, 9) + 14 * kHourMs + rng.between(0, 59) * kMinuteMs, p.listPrice,
                             p.listPrice, p.discountBp});
        // An extra zero typed one Thursday morning, put right on Saturday evening: its buyers
        // then paid ten times the price, which a repair refunds. No random draw here.
        if (p.flaw == Flaw::PriceExtraZeroFixed) {
            edits.push_back({i, seoulMidnight(2026, 3, 26) + 9 * kHourMs, p.listPrice, p.price * 10, p.discountBp});
            edits.push_back({i, seoulMidnight(2026, 3, 28) + 18 * kHourMs, p.listPrice, p.price, p.discountBp});
        }
    }
    if (const std::size_t i = findProduct(cat, "BBQ 황금올리브치킨"); i < cat.products.size()) {
        const Product& p = cat.products[i];
        edits.push_back({i, seoulMidnight(2026, 3, 16) + 10 * kHourMs, p.listPrice + 1000, p.price + 1000, p.discountBp});
    }
    if (const std::size_t i = findProduct(cat, "스타벅스 아이스 카페 아메리카노 T"); i < cat.products.size()) {
        const Product& p = cat.products[i];
        edits.push_back({i, seoulMidnight(2026, 3, 20), p.listPrice, p.price, 1000});
        edits.push_back({i, seoulMidnight(2026, 3, 23), p.listPrice, p.price, p.discountBp});
    }
    std::sort(edits.begin(), edits.end(), [](const CatalogEdit& a, const CatalogEdit& b) { return a.at < b.at; });
    return edits;
}

// Returns false when `progress` cancelled it.
bool writeSnapshot(LineSink& sink, const Catalog& cat, const DemoOptions& options, std::int64_t totalOrders,
                   const std::function<bool(std::int64_t, std::int64_t)>& progress)
{
    std::string out;
    for (const Merchant& m : cat.merchants)
        appendMerchant(out, m);
    for (const Product& p : cat.products)
        appendProduct(out, cat, p);
    sink.write(out);

    // Customers joined over the two years before the month.
    const Instant from = seoulMidnight(2024, 3, 1), to = seoulMidnight(2026, 3, 1);
    const std::int64_t n = std::max<std::int64_t>(options.customers, 0);
    const int width = std::max(6, digitsOf(n));
    for (std::int64_t i = 0; i < n; ++i) {
        if (progress && i % kSnapshotProgressEvery == kSnapshotProgressEvery - 1 && !progress(0, totalOrders))
            return false;
        const std::string id = customerId(i, width);
        const CustomerTraits t = customerTraits(options.seed, i);
        const CustomerCard card = describeCustomer(options.seed, i, from, to);
        out.clear();
        appendCustomer(out, id, card);
        appendAccount(out, id, Funding::Money, "카카오머니");
        if (t.hasBank)
            appendAccount(out, id, Funding::Bank, card.bankLabel);
        if (t.hasCard)
            appendAccount(out, id, Funding::Card, card.cardLabel);
        if (t.hasPhone)
            appendAccount(out, id, Funding::Phone, card.phoneLabel);
        appendAccount(out, id, Funding::Points, "포인트");
        sink.write(out);
    }
    return true;
}

}  // namespace

DemoStats writeDemoFeed(std::ostream& out, const DemoOptions& options,
                        const std::function<bool(std::int64_t, std::int64_t)>& progress)
{
    DemoStats stats;
    LineSink sink(out, std::max<std::int64_t>(options.firstSeq, 1), stats);
    Rng rng(options.seed);

    const Instant monthStart = seoulMidnight(2026, 3, 1), monthEnd = seoulMidnight(2026, 4, 1);
    // Orders need someone to place them.
    const std::int64_t total = options.customers > 0 ? std::max<std::int64_t>(options.orders, 0) : 0;
    Catalog catalog = buildCatalog(rng, seoulMidnight(2025, 10, 1), monthStart);
    if (!writeSnapshot(sink, catalog, options, total, progress)) {
        sink.flush();
        return stats;
    }

    const std::vector<CatalogEdit> edits = catalogEdits(catalog, rng);
    std::size_t nextEdit = 0;
    OrderFlow flow(options, catalog, monthEnd, sink, rng);
    // Publishes the product versions due by `at`, in time order with the parked lines.
    auto applyEdits = [&](Instant at) {
        for (; nextEdit < edits.size() && edits[nextEdit].at <= at; ++nextEdit) {
            const CatalogEdit& e = edits[nextEdit];
            flow.releaseUntil(e.at);
            Product& p = catalog.products[e.product];
            p.listPrice = e.listPrice;
            p.price = e.price;
            p.discountBp = e.discountBp;
            p.updatedAt = e.at;
            std::string line;
            appendProduct(line, catalog, p);
            sink.write(line);
        }
    };

    std::int64_t dayWeightSum = 0;
    for (int d = 1; d <= 31; ++d)
        dayWeightSum += dayWeight(d);
    int hourWeightSum = 0;
    for (const int w : kHourWeights)
        hourWeightSum += w;

    std::int64_t done = 0, cumulative = 0;
    std::vector<Instant> times;
    for (int d = 1; d <= 31; ++d) {
        // Whole orders per day in proportion to the day's weight, adding up to `total`.
        const std::int64_t before = total * cumulative / dayWeightSum;
        cumulative += dayWeight(d);
        const std::int64_t count = total * cumulative / dayWeightSum - before;
        const Instant midnight = monthStart + (d - 1) * kDayMs;
        times.clear();
        for (std::int64_t i = 0; i < count; ++i) {
            auto r = static_cast<int>(rng.below(static_cast<std::uint64_t>(hourWeightSum)));
            int hour = 0;
            while (r >= kHourWeights[hour])
                r -= kHourWeights[hour++];
            times.push_back(midnight + hour * kHourMs + rng.between(0, 3599) * 1000);
        }
        std::sort(times.begin(), times.end());
        for (const Instant t : times) {
            applyEdits(t);
            flow.placeOrder(t);
            if (++done % kProgressEvery == 0 && progress && !progress(done, total)) {
                sink.flush();
                return stats;
            }
        }
    }
    applyEdits(monthEnd);
    flow.releaseAll();
    sink.flush();
    if (progress)
        progress(done, total);
    return stats;
}

}  // namespace reconsole::demo
