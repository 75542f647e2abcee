// Benchmark of many consoles at once (not a test: it prints figures).
//   bench_refunds_parallel --db DEMO_MIRROR [--processes 8] [--ops postgresql://...]   (an empty, migrated server)
// N processes, each with its own connections, file a refund for their share of the orphans as an
// agent and approve it as an ops operator: two durable, audited transactions per refund, all
// against one operations store (a new SQLite file beside a copy of the mirror, or the server).
// Prints refunds per second over the whole run and the p50/p99 latency of each step.
#include "ops/operator_service.h"
#include "ops/refund_service.h"
#include "recon/orphan_query.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QProcess>
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

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, static_cast<std::size_t>(p * double(v.size())))];
}

// One console: requests and approvals for orphans i, i+n, i+2n, ...; prints "R ms" and "A ms" lines.
int work(const std::string& mirrorPath, const std::string& spec, int index, int count)
{
    Database mirror(mirrorPath, Database::Mode::ReadOnly);
    auto store = openOpsStore(spec);
    OpsContext ctx{*store, mirror};
    RefundService refunds(ctx);
    const auto orphans = recon::listOrphans(mirror);
    const std::string agent = "a" + std::to_string(index), ops = "o" + std::to_string(index);
    for (std::size_t i = std::size_t(index); i < orphans.size(); i += std::size_t(count)) {
        auto t0 = SteadyClock::now();
        const auto r = refunds.request(agent, {orphans[i].ledgerId, {}, "ORPHAN_DEBIT", "", {}});
        std::printf("R %.3f\n", msSince(t0));
        if (!r) {
            std::fprintf(stderr, "refused: %s\n", r.refusal().message.c_str());
            return 1;
        }
        t0 = SteadyClock::now();
        const auto a = refunds.approve(ops, r->id);
        std::printf("A %.3f\n", msSince(t0));
        if (!a) {
            std::fprintf(stderr, "refused: %s\n", a.refusal().message.c_str());
            return 1;
        }
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    QCommandLineOption db(QStringList{"db"}, "Demo mirror (copied, not changed).", "PATH");
    QCommandLineOption processes(QStringList{"processes"}, "Consoles at once.", "N", "8");
    QCommandLineOption ops(QStringList{"ops"}, "An empty, migrated PostgreSQL store.", "URL");
    QCommandLineOption worker(QStringList{"worker"}, "Internal: run as console I on MIRROR.", "I");
    p.addOptions({db, processes, ops, worker});
    p.process(app);
    const int n = p.value(processes).toInt();
    if (p.isSet(worker))
        return work(p.value(db).toStdString(), p.value(ops).toStdString(), p.value(worker).toInt(), n);

    QTemporaryDir dir;
    const QString mirrorPath = dir.path() + "/m.db";
    if (!QFile::copy(p.value(db), mirrorPath)) {
        std::fprintf(stderr, "cannot copy %s\n", qPrintable(p.value(db)));
        return 1;
    }
    const std::string spec = p.isSet(ops) ? p.value(ops).toStdString() : dir.path().toStdString() + "/m.ops.sqlite";
    {
        Database mirror(mirrorPath.toStdString());
        auto store = openOpsStore(spec);
        OpsContext ctx{*store, mirror};
        OperatorService operators(ctx);
        operators.add("", Operator{"boss", "b", {Role::Admin}, {}, true, 0, {}});
        for (int i = 0; i < n; ++i) {
            operators.add("boss", Operator{"a" + std::to_string(i), "a", {Role::Agent}, {}, true, 0, {}});
            operators.add("boss", Operator{"o" + std::to_string(i), "o", {Role::Ops}, {}, true, 0, {}});
        }
        std::printf("operations store: %s; %d processes; %zu orphans\n", store->describe().c_str(), n,
                    recon::listOrphans(mirror).size());
    }
    std::vector<std::unique_ptr<QProcess>> children;
    const auto t0 = SteadyClock::now();
    for (int i = 0; i < n; ++i) {
        auto child = std::make_unique<QProcess>();
        child->start(QCoreApplication::applicationFilePath(),
                     {"--db", mirrorPath, "--ops", QString::fromStdString(spec), "--processes", QString::number(n),
                      "--worker", QString::number(i)});
        children.push_back(std::move(child));
    }
    std::vector<double> requests, approvals;
    int failed = 0;
    for (auto& child : children) {
        child->waitForFinished(-1);
        failed += child->exitCode() != 0 ? 1 : 0;
        for (const QByteArray& line : child->readAllStandardOutput().split('\n')) {
            if (line.startsWith("R "))
                requests.push_back(line.mid(2).toDouble());
            else if (line.startsWith("A "))
                approvals.push_back(line.mid(2).toDouble());
        }
    }
    const double wall = msSince(t0);
    std::printf("%zu refunds filed and approved in %.0f ms: %.0f refunds/s (%d process(es) failed)\n",
                approvals.size(), wall, double(approvals.size()) * 1000.0 / wall, failed);
    std::printf("request: p50 %.2f ms, p99 %.2f ms; approval: p50 %.2f ms, p99 %.2f ms\n", percentile(requests, 0.5),
                percentile(requests, 0.99), percentile(approvals, 0.5), percentile(approvals, 0.99));
    return failed == 0 ? 0 : 1;
}
