#pragma once
#include <cstdint>
#include <functional>
#include <ostream>
namespace reconsole::demo {
struct DemoOptions {
    std::int64_t orders = 20000;
    std::int64_t customers = 2000;
    std::uint64_t seed = 1;
    std::int64_t firstSeq = 1;            // seq of the first line written
};
struct DemoStats {
    std::int64_t lines = 0, merchants = 0, products = 0, customers = 0, accounts = 0,
                 orders = 0, payments = 0, ledger = 0, cashReceipts = 0;
    std::int64_t lastSeq = 0;
};
// Writes a whole feed to `out`, one JSON object per line, seq strictly increasing from firstSeq.
// `progress` (may be empty) is called now and then with (orders written, orders total); returning false cancels (stats so far returned).
DemoStats writeDemoFeed(std::ostream& out, const DemoOptions& options,
                        const std::function<bool(std::int64_t, std::int64_t)>& progress = {});
}
