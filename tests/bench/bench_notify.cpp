// Benchmark of live updates on a shared server (not a test: it prints figures).
//   bench_notify --db DEMO_MIRROR [--requests 200] [--ops postgresql://...]   (an empty, migrated server;
//                                                                             without it, a throwaway cluster)
// One connection files N refund requests, one at a time; a second connection LISTENs (the
// console's PgListener, on its own thread). For each request: the delay from the moment the
// filing connection had its COMMIT answered to the moment the listener had the notification
// (negative when the listener heard it first), and from the start of the request.
#include "ops/operator_service.h"
#include "ops/pg/pg_listener.h"
#include "ops/pg/pg_ops_store.h"
#include "ops/refund_service.h"
#include "pg_cluster.h"
#include "recon/orphan_query.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <thread>

using namespace reconsole;
using namespace reconsole::ops;
using SteadyClock = std::chrono::steady_clock;

namespace {

double ms(SteadyClock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, static_cast<std::size_t>(p * double(v.size())))];
}

// The listener's side: when each refund_request notification arrived.
struct Heard {
    std::mutex m;
    std::condition_variable cv;
    std::deque<SteadyClock::time_point> at;
    bool up = false;
};

}  // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    QCommandLineOption db(QStringList{"db"}, "Demo mirror (copied, not changed).", "PATH");
    QCommandLineOption count(QStringList{"requests"}, "Refund requests to file.", "N", "200");
    QCommandLineOption ops(QStringList{"ops"}, "An empty, migrated PostgreSQL store (default: a throwaway cluster).", "URL");
    p.addOptions({db, count, ops});
    p.process(app);
    QTemporaryDir dir;
    const QString mirrorPath = dir.path() + "/m.db";
    if (!QFile::copy(p.value(db), mirrorPath)) {
        std::fprintf(stderr, "cannot copy %s\n", qPrintable(p.value(db)));
        return 1;
    }
    std::string spec = p.value(ops).toStdString();
    std::unique_ptr<test::PgCluster> cluster;
    if (spec.empty()) {
        cluster = std::make_unique<test::PgCluster>();
        if (!cluster->running()) {
            std::fprintf(stderr, "no throwaway cluster: %s\n", cluster->error().c_str());
            return 1;
        }
        spec = cluster->createDatabase();
        pg::PgOpsStore::migrate(spec);
    }
    Database mirror(mirrorPath.toStdString(), Database::Mode::ReadOnly);
    auto store = openOpsStore(spec);
    std::printf("operations store: %s\n", store->describe().c_str());
    OpsContext ctx{*store, mirror};
    OperatorService(ctx).add("", Operator{"boss", "b", {Role::Admin}, {}, true, 0, {}});
    OperatorService(ctx).add("boss", Operator{"lee", "l", {Role::Ops}, {}, true, 0, {}});
    const auto orphans = recon::listOrphans(mirror);
    const std::size_t n = std::min<std::size_t>(orphans.size(), p.value(count).toULong());

    Heard heard;
    pg::PgListener listener(spec, {});
    pg::PgListener::Handlers handlers;
    handlers.notified = [&](const pg::Notification& note) {
        const auto now = SteadyClock::now();
        if (note.payload != "refund_request")
            return;
        std::lock_guard lock(heard.m);
        heard.at.push_back(now);
        heard.cv.notify_all();
    };
    handlers.link = [&](bool up, const std::string& why) {
        std::lock_guard lock(heard.m);
        heard.up = up;
        if (!up)
            std::fprintf(stderr, "listener down: %s\n", why.c_str());
        heard.cv.notify_all();
    };
    std::thread thread([&] { listener.run(handlers); });
    {
        std::unique_lock lock(heard.m);
        heard.cv.wait_for(lock, std::chrono::seconds(10), [&] { return heard.up; });
    }

    std::vector<double> afterCommit, fromStart, requestMs;
    int lost = 0;
    RefundService refunds(ctx);
    for (std::size_t i = 0; i < n; ++i) {
        const auto t0 = SteadyClock::now();
        const auto r = refunds.request("lee", {orphans[i].ledgerId, std::min(orphans[i].orphanAmount, Money(100000)),
                                               "ORPHAN_DEBIT", "", {}});
        const auto t1 = SteadyClock::now();
        if (!r) {
            std::fprintf(stderr, "refused: %s\n", r.refusal().message.c_str());
            continue;
        }
        std::unique_lock lock(heard.m);
        if (!heard.cv.wait_for(lock, std::chrono::seconds(5), [&] { return !heard.at.empty(); })) {
            ++lost;
            continue;
        }
        const auto t2 = heard.at.front();
        heard.at.pop_front();
        afterCommit.push_back(ms(t2 - t1));
        fromStart.push_back(ms(t2 - t0));
        requestMs.push_back(ms(t1 - t0));
    }
    listener.stop();
    thread.join();

    const auto line = [](const char* what, const std::vector<double>& v) {
        std::printf("%s: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", what, percentile(v, 0.5), percentile(v, 0.99),
                    v.empty() ? 0.0 : *std::max_element(v.begin(), v.end()));
    };
    std::printf("%zu requests heard, %d not heard within 5 s\n", afterCommit.size(), lost);
    line("notification after the COMMIT answered", afterCommit);
    line("notification after the request started", fromStart);
    line("the request itself (durable, audited)", requestMs);
    return lost == 0 ? 0 : 1;
}
