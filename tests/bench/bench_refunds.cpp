// Benchmark of the refund loop (not a test: it prints figures).
//   bench_refunds --db DEMO_MIRROR [--refunds 1000] [--ops postgresql://...]   (an empty, migrated server)
// On a copy of the mirror and a fresh operations store: the latency of a refund request (one
// durable transaction with its audit entry), one export of them all, the first look after the
// platform's credits are imported (settling every request), a look with nothing new, a quote,
// and verifying the whole audit chain.
#include "feed/importer.h"
#include "ops/audit_service.h"
#include "ops/operator_service.h"
#include "ops/outbox.h"
#include "ops/platform_simulator.h"
#include "ops/policy_service.h"
#include "ops/refund_service.h"
#include "ops/settlement.h"
#include "recon/orphan_query.h"
#include "recon/orphan_state.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <algorithm>
#include <chrono>
#include <cstdio>

using namespace reconsole;
using namespace reconsole::ops;
using SteadyClock = std::chrono::steady_clock;

namespace {

double msSince(SteadyClock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(SteadyClock::now() - t0).count();
}

template <typename F>
double timed(F&& f)
{
    const auto t0 = SteadyClock::now();
    f();
    return msSince(t0);
}

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, static_cast<std::size_t>(p * double(v.size())))];
}

}  // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    QCommandLineOption db(QStringList{"db"}, "Demo mirror (copied, not changed).", "PATH");
    QCommandLineOption count(QStringList{"refunds"}, "Refunds to request.", "N", "1000");
    QCommandLineOption ops(QStringList{"ops"}, "An empty, migrated PostgreSQL store instead of a new SQLite file.", "URL");
    p.addOptions({db, count, ops});
    p.process(app);
    QTemporaryDir dir;
    const QString mirrorPath = dir.path() + "/m.db";
    if (!QFile::copy(p.value(db), mirrorPath)) {
        std::fprintf(stderr, "cannot copy %s\n", qPrintable(p.value(db)));
        return 1;
    }
    Database mirror(mirrorPath.toStdString());
    auto store = openOpsStore(p.isSet(ops) ? p.value(ops).toStdString() : dir.path().toStdString() + "/m.ops.sqlite");
    std::printf("operations store: %s\n", store->describe().c_str());
    OpsContext ctx{*store, mirror};
    OperatorService(ctx).add("", Operator{"boss", "b", {Role::Admin}, {}, true, 0, {}});
    OperatorService(ctx).add("boss", Operator{"lee", "l", {Role::Ops}, {}, true, 0, {}});
    Policy loose;
    loose.dailyLimitOps = Money::max();
    PolicyService(ctx).propose("boss", loose);   // pending: the threshold stays; limits are per day
    const auto orphans = recon::listOrphans(mirror);
    const std::size_t n = std::min<std::size_t>(orphans.size(), p.value(count).toULong());

    std::vector<double> request;
    RefundService refunds(ctx);
    for (std::size_t i = 0; i < n; ++i)
        request.push_back(timed([&] {
            refunds.request("lee", {orphans[i].ledgerId, std::min(orphans[i].orphanAmount, Money(100000)), "ORPHAN_DEBIT", "", {}});
        }));
    // Requests above the threshold wait for approval; approve nothing here, export what is approved.
    const QString outbox = dir.path() + "/outbox";
    QDir().mkpath(outbox);
    int exported = 0;
    const double exportMs = timed([&] { exported = OutboxService(ctx).exportTo("lee", outbox.toStdString())->requests; });
    std::int64_t cursor = 0;
    {
        auto st = mirror.prepare("SELECT max_seq FROM feed_cursor");
        st.step();
        cursor = st.int64(0);
    }
    const std::string feed = dir.path().toStdString() + "/platform.jsonl";
    simulatePlatform({outbox.toStdString(), feed, feed + ".state", cursor + 1, orphans.back().at});
    recon::OrphanState state;
    feed::ImportOptions options;
    options.derived = &state;
    const double importMs = timed([&] { feed::importFeed(mirror, {feed}, options); });
    SettlementReport settled;
    const double firstLook = timed([&] { settled = syncSettlements(ctx); });
    std::vector<double> looks, quotes;
    for (int i = 0; i < 50; ++i) {
        looks.push_back(timed([&] { syncSettlements(ctx); }));
        quotes.push_back(timed([&] { refunds.quote("lee", orphans[std::size_t(i) % n].ledgerId); }));
    }
    ChainVerdict verdict;
    const double verifyMs = timed([&] { verdict = *AuditService(ctx).verify("lee"); });

    std::printf("refund request (durable, audited): median %.2f ms, p99 %.2f ms over %zu\n", percentile(request, 0.5),
                percentile(request, 0.99), n);
    std::printf("export of %d approved requests: %.1f ms\n", exported, exportMs);
    std::printf("import of the platform's %d credits: %.1f ms\n", exported, importMs);
    std::printf("first look after the credits (settles %d): %.1f ms\n", settled.settled, firstLook);
    std::printf("look with nothing new: median %.2f ms; quote: median %.2f ms\n", percentile(looks, 0.5),
                percentile(quotes, 0.5));
    std::printf("audit verify of %lld entries: %.1f ms (%s)\n", static_cast<long long>(verdict.entries), verifyMs,
                verdict.intact ? "intact" : "BROKEN");
    return 0;
}
