// Benchmark of the orphan engine on an imported mirror (not a test: it prints figures).
//   bench_recon --db MIRROR [--more FEED]
// Times: a rebuild of the orphan state from scratch, the orphan list for the default
// as_of/grace and for another as_of/grace, and the incremental update while importing FEED.
#include "feed/importer.h"
#include "recon/orphan_query.h"
#include "recon/orphan_rebuild.h"
#include "recon/orphan_state.h"
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

double msSince(Clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

template <typename F>
double medianMs(int repeat, F&& f)
{
    std::vector<double> times;
    for (int i = 0; i < repeat; ++i) {
        const auto t0 = Clock::now();
        f();
        times.push_back(msSince(t0));
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

// Times each batch's incremental update of the orphan state.
class TimedState : public feed::DerivedState {
public:
    void update(Database& db, const feed::Touched& t) override
    {
        const auto t0 = Clock::now();
        inner_.update(db, t);
        const double ms = msSince(t0);
        total += ms;
        worst = std::max(worst, ms);
        ++batches;
    }
    void markStale(Database& db) override { inner_.markStale(db); }
    bool isStale(Database& db) override { return inner_.isStale(db); }
    void rebuildIfStale(Database& db) override { inner_.rebuildIfStale(db); }
    double total = 0, worst = 0;
    int batches = 0;

private:
    recon::OrphanState inner_;
};

}  // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    QCommandLineOption dbOpt("db", "Mirror.", "MIRROR"), moreOpt("more", "Feed to import incrementally.", "FEED"),
        repeatOpt("repeat", "Repetitions (median).", "N", "5");
    p.addOptions({dbOpt, moreOpt, repeatOpt});
    p.addHelpOption();
    p.process(app);
    const int repeat = std::max(1, p.value(repeatOpt).toInt());
    Database db(p.value(dbOpt).toStdString());

    const auto listed = recon::listOrphans(db);   // warms the cache, rebuilds a stale state
    const double rebuild = medianMs(std::min(repeat, 3), [&] { recon::rebuildUnsettled(db); });
    std::size_t count = 0;
    const double listDefault = medianMs(repeat, [&] { count = recon::listOrphans(db).size(); });
    recon::OrphanQuery other;
    other.asOf = recon::defaultAsOf(db).value_or(0) - 7 * 24 * 3600 * 1000LL;
    other.grace = 10 * kMinuteMs;
    std::size_t otherCount = 0;
    const double listOther = medianMs(repeat, [&] { otherCount = recon::listOrphans(db, other).size(); });
    std::printf("{\"orphans\":%zu,\"orphans_week_earlier_grace10\":%zu,\"rebuild_ms\":%.1f,"
                "\"list_default_ms\":%.2f,\"list_other_ms\":%.2f",
                count, otherCount, rebuild, listDefault, listOther);
    (void)listed;

    if (p.isSet(moreOpt)) {
        TimedState state;
        feed::ImportOptions options;
        options.derived = &state;
        const auto t0 = Clock::now();
        const auto s = feed::importFeed(db, {p.value(moreOpt).toStdString()}, options);
        const double importMs = msSince(t0);
        const auto t1 = Clock::now();
        const auto after = recon::listOrphans(db).size();
        const double listAfter = msSince(t1);
        std::printf(",\"more_lines\":%lld,\"more_import_ms\":%.1f,\"incremental_update_ms\":%.2f,"
                    "\"incremental_worst_batch_ms\":%.2f,\"incremental_batches\":%d,\"incremental\":%s,"
                    "\"list_after_ms\":%.2f,\"orphans_after\":%zu",
                    static_cast<long long>(s.counts.lines()), importMs, state.total, state.worst, state.batches,
                    s.incremental ? "true" : "false", listAfter, after);
    }
    std::printf("}\n");
    return 0;
}
