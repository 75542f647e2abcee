// What a superseded queue summary costs (issue 12): a text filter that scans every orphan is
// replaced by "no filter" while it runs. Before cancellation the worker ran the stale summary
// to its end and only then the newer one; now the stale one is interrupted. Prints the stale
// summary's own cost, the newer one's, how soon the stale one stops once replaced, and how
// long the newer answer takes to arrive. Run by hand: bench_superseded [--orphans N] [--runs R].
#include "items/orphan_queue_model.h"
#include "orphan_fixture.h"
#include "test_mirror.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

using namespace reconsole;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

template <typename Pred>
void runUntil(Pred done)
{
    while (!done())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

items::OrphanFilter scanAll()
{
    items::OrphanFilter f;
    f.text = "no such text anywhere";   // no row holds it: the summary reads every row
    return f;
}

}  // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption orphans(QStringList{"orphans"}, "Synthetic orphans (default 100000).", "N", "100000");
    const QCommandLineOption runs(QStringList{"runs"}, "Repetitions (default 9).", "R", "9");
    parser.addOptions({orphans, runs});
    parser.process(app);
    test::TestMirror mirror;
    test::addSyntheticOrphans(mirror.db(), parser.value(orphans).toInt());
    items::OrphanQueueModel model(QString::fromStdString(mirror.path()));
    runUntil([&] { return model.isLoaded(); });

    std::vector<double> stale, fresh, stop, answer;
    for (int i = 0; i < parser.value(runs).toInt(); ++i) {
        auto t0 = Clock::now();
        model.setFilter(scanAll());
        runUntil([&] { return model.isLoaded(); });
        stale.push_back(msSince(t0));
        t0 = Clock::now();
        model.setFilter({});
        runUntil([&] { return model.isLoaded(); });
        fresh.push_back(msSince(t0));

        // Replace the scan 20 ms into it.
        const int started = model.summaryReadsStarted();
        const int interrupted = model.supersededReadsInterrupted();
        model.setFilter(scanAll());
        while (model.summaryReadsStarted() == started)
            std::this_thread::sleep_for(std::chrono::microseconds(100));
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        t0 = Clock::now();
        model.setFilter({});
        while (model.supersededReadsInterrupted() == interrupted && msSince(t0) < 10000)
            std::this_thread::sleep_for(std::chrono::microseconds(50));
        stop.push_back(msSince(t0));
        runUntil([&] { return model.isLoaded(); });
        answer.push_back(msSince(t0));
    }
    std::printf("%lld orphans, median of %zu runs\n", static_cast<long long>(model.matchingRows()), stale.size());
    std::printf("stale summary (text filter) run to its end: %.1f ms\n", median(stale));
    std::printf("newer summary (no filter) alone:            %.1f ms\n", median(fresh));
    std::printf("replaced 20 ms in: stale one stopped after  %.2f ms\n", median(stop));
    std::printf("replaced 20 ms in: newer answer after       %.1f ms\n", median(answer));
    return 0;
}
