#pragma once
// The numbers on the dashboard: open orphans now, by class, by day and by merchant.
#include "core/instant.h"
#include "core/money.h"
#include "core/orphan_class.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace reconsole {
class Database;
}

namespace reconsole::items {

// Totals of orphan money are MoneyTotal: a mirror may hold amounts up to the 64-bit limit, and
// a total that would not fit is shown clamped and marked, never wrapped and never an error.
struct ClassStat {
    std::int64_t count = 0;
    MoneyTotal amount;
};

struct DayStat {
    std::int64_t day = 0;                                // see seoulDay()
    std::array<MoneyTotal, kOrphanClassCount> amount{};  // orphan money by class
};

struct MerchantStat {
    std::string id, name;
    std::int64_t count = 0;
    MoneyTotal amount;
};

// The same figures draw the same chart: the dashboard keeps the one it has (building a chart
// costs the GUI thread 10-15 ms, and every import reads the figures again).
inline bool sameTotal(const MoneyTotal& a, const MoneyTotal& b)
{
    return a.value() == b.value() && a.overflowed() == b.overflowed();
}
inline bool operator==(const DayStat& a, const DayStat& b)
{
    return a.day == b.day && std::equal(a.amount.begin(), a.amount.end(), b.amount.begin(), sameTotal);
}
inline bool operator==(const MerchantStat& a, const MerchantStat& b)
{
    return a.id == b.id && a.name == b.name && a.count == b.count && sameTotal(a.amount, b.amount);
}

// Open catalog findings (catalog_anomaly, docs/catalog.md), shown beside the orphan figures.
struct CatalogStat {
    std::int64_t open = 0, products = 0, high = 0;   // findings, products they concern, of them high
    bool stale = false;                                // the findings wait for a full recheck
};

struct DashboardStats {
    bool hasLedger = false;
    Instant asOf = 0;
    std::int64_t count = 0;
    MoneyTotal amount;
    std::optional<Instant> oldestAt;
    std::array<ClassStat, kOrphanClassCount> classes{};
    std::vector<DayStat> days;                 // consecutive days, the last one holding as_of
    std::vector<MerchantStat> topMerchants;    // most orphan money first
    CatalogStat catalog;                       // read whether or not there is a ledger
};

// Days since the epoch on the Seoul calendar, and the instant a Seoul day starts.
std::int64_t seoulDay(Instant at);
Instant seoulDayStart(std::int64_t day);

// The open orphans under the rules' default as_of and grace; at most `maxDays` days in the
// per-day series and `topMerchants` merchants.
DashboardStats loadDashboardStats(Database& db, int maxDays = 31, int topMerchants = 10);
CatalogStat loadCatalogStat(Database& db);

}  // namespace reconsole::items
