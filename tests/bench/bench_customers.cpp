// Benchmark of customer search and timeline loading (not a test: it prints figures).
//   bench_customers --db DEMO_MIRROR [--samples 30]
// For each kind of key a support agent types (customer id, masked name, phone last four,
// order, payment and ledger id, and prefixes), the search latency over sampled values; then
// the time to load the timelines of sampled customers and of the busiest one: its first page
// (what the console shows first) read before anything else of it, then the whole.
#include "items/customer_search.h"
#include "items/timeline_data.h"
#include "recon/timeline.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

using namespace reconsole;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

std::vector<std::string> sample(Database& db, const std::string& sql, int n)
{
    auto st = db.prepare(sql + " LIMIT " + std::to_string(n));
    std::vector<std::string> out;
    while (st.step())
        out.push_back(st.string(0));
    return out;
}

struct Figures {
    double median = 0, worst = 0;
    int rows = 0;
};

template <typename F>
Figures time(const std::vector<std::string>& keys, F&& f)
{
    std::vector<double> ms;
    Figures fig;
    for (const auto& k : keys) {
        const auto t0 = Clock::now();
        fig.rows += f(k);
        ms.push_back(msSince(t0));
    }
    if (ms.empty())
        return fig;
    std::sort(ms.begin(), ms.end());
    fig.median = ms[ms.size() / 2];
    fig.worst = ms.back();
    return fig;
}

}  // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    QCommandLineOption dbOpt("db", "Mirror.", "MIRROR"), samplesOpt("samples", "Keys per kind.", "N", "30");
    p.addOptions({dbOpt, samplesOpt});
    p.addHelpOption();
    p.process(app);
    const int n = std::max(1, p.value(samplesOpt).toInt());
    Database db(p.value(dbOpt).toStdString(), Database::Mode::ReadOnly);

    auto count = [&](const char* sql) {
        auto st = db.prepare(sql);
        st.step();
        return st.int64(0);
    };
    std::printf("mirror: %lld customers, %lld orders, %lld ledger entries\n", (long long)count("SELECT count(*) FROM customer"),
                (long long)count("SELECT count(*) FROM orders"), (long long)count("SELECT count(*) FROM ledger"));
    // Spread the samples over the key space: every k-th row by a cheap modulo on rowid-less tables.
    const std::string every = " WHERE abs(random()) % 997 = 0";
    const struct {
        const char* kind;
        std::string sql;
    } kinds[] = {
        {"customer id, exact", "SELECT id FROM customer" + every},
        {"customer id, prefix", "SELECT substr(id, 1, 5) FROM customer" + every},
        {"masked name", "SELECT name FROM customer" + every},
        {"phone last four", "SELECT phone_last4 FROM customer" + every + " AND phone_last4 IS NOT NULL"},
        {"order id", "SELECT id FROM orders" + every},
        {"payment id", "SELECT id FROM payment" + every},
        {"ledger id", "SELECT id FROM ledger" + every},
    };
    std::printf("\n| search | keys | median ms | worst ms | results |\n| --- | ---: | ---: | ---: | ---: |\n");
    for (const auto& k : kinds) {
        const auto keys = sample(db, k.sql, n);
        const auto fig = time(keys, [&](const std::string& key) {
            return int(items::searchCustomers(db, QString::fromStdString(key)).size());
        });
        std::printf("| %s | %zu | %.2f | %.2f | %d |\n", k.kind, keys.size(), fig.median, fig.worst, fig.rows);
    }

    const auto customers = sample(db, "SELECT id FROM customer" + every, n);
    const auto tl = time(customers, [&](const std::string& id) {
        const auto t = recon::loadTimeline(db, id);
        return t ? int(t->events.size()) : 0;
    });
    const auto busiest = sample(db, "SELECT customer_id FROM orders GROUP BY customer_id ORDER BY count(*) DESC", 1);
    const auto firstPage = time(busiest, [&](const std::string& id) {
        const auto d = items::loadTimelineData(db, id, items::TimelinePart::FirstPage);
        return d ? int(d->timeline.events.size()) : 0;
    });
    const auto whole = time(busiest, [&](const std::string& id) {
        const auto d = items::loadTimelineData(db, id, items::TimelinePart::Whole);
        return d ? int(d->timeline.events.size()) : 0;
    });
    std::printf("\n| timeline load (worker side) | customers | median ms | worst ms | events |\n"
                "| --- | ---: | ---: | ---: | ---: |\n");
    std::printf("| sampled customers | %zu | %.2f | %.2f | %d in all |\n", customers.size(), tl.median, tl.worst, tl.rows);
    std::printf("| busiest customer, first page (read first) | 1 | %.2f | %.2f | %d |\n", firstPage.median,
                firstPage.worst, firstPage.rows);
    std::printf("| busiest customer, whole (read behind it) | 1 | %.2f | %.2f | %d |\n", whole.median, whole.worst,
                whole.rows);
    return 0;
}
