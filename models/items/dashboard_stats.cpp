#include "items/dashboard_stats.h"

#include "recon/orphan_query.h"
#include "store/database.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>

namespace reconsole::items {
namespace {

constexpr std::int64_t kDayMs = 24 * 60 * kMinuteMs;
constexpr std::int64_t kSeoulOffsetMs = kSeoulOffsetMinutes * kMinuteMs;

std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// The sums are taken here, row by row, and not with SQL sum(): SQLite's sum() fails with
// "integer overflow" once the total passes 64 bits, and a MoneyTotal clamps and says so.
void loadClasses(Database& db, Instant cutoff, DashboardStats& s)
{
    auto& st = db.cached("SELECT class, orphan_amount, at FROM unsettled_debit WHERE at <= ?1");
    st.bind(1, cutoff);
    while (st.step()) {
        const auto cls = orphanClassFromCode(st.text(0)).value_or(OrphanClass::NonPaymentDebit);
        const Money amount(st.int64(1));
        auto& c = s.classes[static_cast<std::size_t>(cls)];
        c.count += 1;
        c.amount.add(amount);
        s.count += 1;
        s.amount.add(amount);
        const Instant at = st.int64(2);
        s.oldestAt = s.oldestAt ? std::min(*s.oldestAt, at) : at;
    }
    st.reset();
}

void loadDays(Database& db, Instant cutoff, int maxDays, DashboardStats& s)
{
    if (!s.oldestAt || maxDays < 1)
        return;
    const std::int64_t lastDay = seoulDay(s.asOf);
    // At least a week, so that one busy day reads as a day and not as the whole chart.
    const std::int64_t firstDay =
        std::min(std::max(seoulDay(*s.oldestAt), lastDay - maxDays + 1), lastDay - std::min(maxDays, 7) + 1);
    for (std::int64_t d = firstDay; d <= lastDay; ++d)
        s.days.push_back(DayStat{d, {}});
    auto& st = db.cached("SELECT at, class, orphan_amount FROM unsettled_debit WHERE at >= ?1 AND at <= ?2");
    st.bind(1, seoulDayStart(firstDay)).bind(2, cutoff);
    while (st.step()) {
        const std::int64_t d = seoulDay(st.int64(0)) - firstDay;
        const auto cls = orphanClassFromCode(st.text(1)).value_or(OrphanClass::NonPaymentDebit);
        if (d >= 0 && d < static_cast<std::int64_t>(s.days.size()))
            s.days[static_cast<std::size_t>(d)].amount[static_cast<std::size_t>(cls)].add(Money(st.int64(2)));
    }
    st.reset();
}

void loadMerchants(Database& db, Instant cutoff, int limit, DashboardStats& s)
{
    // The debit's product is kept beside it (migration 0008): no read of the orders per orphan.
    auto& st = db.cached("SELECT m.id, m.name, u.orphan_amount FROM unsettled_debit u"
                         " JOIN product p ON p.id = u.product_id"
                         " JOIN merchant m ON m.id = p.merchant_id WHERE u.at <= ?1");
    st.bind(1, cutoff);
    std::unordered_map<std::string, MerchantStat> byId;
    while (st.step()) {
        auto [it, added] = byId.try_emplace(st.string(0));
        MerchantStat& m = it->second;
        if (added) {
            m.id = it->first;
            m.name = st.string(1);
        }
        m.count += 1;
        m.amount.add(Money(st.int64(2)));
    }
    st.reset();
    std::vector<MerchantStat> all;
    all.reserve(byId.size());
    for (auto& [id, m] : byId)
        all.push_back(std::move(m));
    // Most orphan money first (an overflowed total above any exact one), then by name.
    const auto first = [](const MerchantStat& a, const MerchantStat& b) {
        if (a.amount.value() != b.amount.value())
            return a.amount.value() > b.amount.value();
        if (a.amount.overflowed() != b.amount.overflowed())
            return a.amount.overflowed();
        return std::tie(a.name, a.id) < std::tie(b.name, b.id);
    };
    const auto keep = std::min(all.size(), static_cast<std::size_t>(std::max(limit, 0)));
    std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(keep), all.end(), first);
    all.resize(keep);
    s.topMerchants = std::move(all);
}

}  // namespace

std::int64_t seoulDay(Instant at) { return floorDiv(at + kSeoulOffsetMs, kDayMs); }

Instant seoulDayStart(std::int64_t day) { return day * kDayMs - kSeoulOffsetMs; }

CatalogStat loadCatalogStat(Database& db)
{
    CatalogStat c;
    auto st = db.prepare("SELECT count(*), count(DISTINCT product_id), coalesce(sum(severity = 'high'), 0) "
                         "FROM catalog_anomaly WHERE open = 1");
    if (st.step()) {
        c.open = st.int64(0);
        c.products = st.int64(1);
        c.high = st.int64(2);
    }
    auto state = db.prepare("SELECT needs_recheck FROM catalog_state WHERE singleton = 1");
    c.stale = state.step() && state.int64(0) != 0;
    return c;
}

DashboardStats loadDashboardStats(Database& db, int maxDays, int topMerchants)
{
    ReadSnapshot snapshot(db);
    DashboardStats s;
    s.catalog = loadCatalogStat(db);
    const auto asOf = recon::defaultAsOf(db);
    if (!asOf)
        return s;
    s.hasLedger = true;
    s.asOf = *asOf;
    const Instant cutoff = recon::graceCutoff(s.asOf, recon::kDefaultGrace);
    loadClasses(db, cutoff, s);
    loadDays(db, cutoff, maxDays, s);
    loadMerchants(db, cutoff, topMerchants, s);
    return s;
}

}  // namespace reconsole::items
