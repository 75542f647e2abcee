// Benchmark of the console window (not a test: it prints figures). Offscreen is fine:
//   QT_QPA_PLATFORM=offscreen bench_console --db DEMO_MIRROR [--synthetic 100000]
// 1. Launch to a usable window on DEMO_MIRROR: process start to the dashboard's numbers,
//    and the orphan queue's first page, through the real MainWindow.
//    Then the busiest customer's timeline: its first page on screen, the whole behind it, and
//    the longest GUI-thread stall meanwhile.
// 2. On a mirror of N synthetic orphans: the queue's first page for every sort column, and
//    the longest stall of the GUI thread (an event-loop watchdog ticking every millisecond)
//    while the queue is scrolled to its end, then dragged top to bottom and back.
#include "items/orphan_queue_model.h"
#include "gui_watchdog.h"
#include "timed_application.h"
#include "orphan_fixture.h"
#include "recon/explanation.h"
#include "store/database.h"
#include "items/timeline_model.h"
#include "ui/customer/customer_screen.h"
#include "ui/customer/customer_timeline_panel.h"
#include "ui/dashboard/dashboard_screen.h"
#include "ui/main_window.h"
#include "ui/orphans/orphan_queue_screen.h"
#include "ui/shell/console_settings.h"
#include "ui/shell/mirror_screens.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <time.h>

using namespace reconsole;
using Clock = std::chrono::steady_clock;

namespace {

const Clock::time_point processStart = Clock::now();

double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

// Runs the event loop until `done()` or `timeoutMs`; the benchmark's only wait.
bool runUntil(const std::function<bool()>& done, int timeoutMs = 600000)
{
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    poll.start(1);
    if (!done())
        loop.exec();
    return done();
}

bool visibleRowsLoaded(QTableView* view)
{
    const int first = view->rowAt(0), last = view->rowAt(view->viewport()->height() - 1);
    for (int row = std::max(first, 0); row <= std::max(last, first); ++row)
        if (row >= 0 && !view->model()->index(row, 0).data(items::OrphanQueueModel::LoadedRole).toBool())
            return false;
    return true;
}

void launch(const QString& mirror)
{
    ui::ConsoleSettings settings;
    const auto t0 = Clock::now();
    ui::MainWindow window(settings);
    window.resize(1440, 900);
    window.show();
    window.openMirror(mirror);
    runUntil([&] { return window.screens() != nullptr; });
    const double opened = msSince(processStart);
    runUntil([&] { return window.screens()->dashboard()->isLoaded(); });
    const double usable = msSince(processStart);
    const double windowOnly = msSince(t0);
    runUntil([&] { return window.screens()->orphans()->isLoaded(); });
    const double queue = msSince(t0);
    auto* model = window.screens()->orphans()->model();
    std::printf("launch: mirror open (schema checked) %.0f ms after process start; dashboard numbers shown %.0f ms "
                "after process start (%.0f ms after the window was made); queue first page %.0f ms after the window "
                "(%lld orphans)\n",
                opened, usable, windowOnly, queue, static_cast<long long>(model->matchingRows()));
}

// The likely cause of a row costs an explainOrphan: the part of a page read that is not SQL paging.
void causeCost(const QString& mirror)
{
    Database db(mirror.toStdString(), Database::Mode::ReadOnly);
    std::vector<std::string> ids;
    auto st = db.prepare("SELECT ledger_id FROM unsettled_debit ORDER BY customer_id LIMIT 300");
    while (st.step())
        ids.push_back(st.string(0));
    double worst = 0;
    const auto t0 = Clock::now();
    for (const auto& id : ids) {
        const auto t = Clock::now();
        recon::explainOrphan(db, id);
        worst = std::max(worst, msSince(t));
    }
    std::printf("likely cause (explainOrphan) per row: %.2f ms on average, %.1f ms at worst, over %zu orphans\n",
                ids.empty() ? 0.0 : msSince(t0) / double(ids.size()), worst, ids.size());
}

void firstPages(const QString& mirror)
{
    items::OrphanQueueModel model(mirror);
    auto t0 = Clock::now();
    runUntil([&] { return model.isLoaded(); });
    std::printf("queue first page (age, the default): %.0f ms for %lld orphans\n", msSince(t0),
                static_cast<long long>(model.matchingRows()));
    const std::pair<items::QueueColumn, const char*> columns[] = {
        {items::QueueColumn::Customer, "customer"},      {items::QueueColumn::Class, "class"},
        {items::QueueColumn::Amount, "amount"},          {items::QueueColumn::OrphanAmount, "orphan amount"},
        {items::QueueColumn::Merchant, "merchant name"}, {items::QueueColumn::Product, "product name"},
        {items::QueueColumn::Age, "age, ascending"},
    };
    for (const auto& [column, name] : columns) {
        t0 = Clock::now();
        model.sort(int(column), Qt::AscendingOrder);
        runUntil([&] { return model.isLoaded(); });
        const double summary = msSince(t0);
        // A page far down, read by key.
        const QModelIndex far = model.index(model.rowCount() * 3 / 4, 0);
        t0 = Clock::now();
        far.data();
        runUntil([&] { return far.data(items::OrphanQueueModel::LoadedRole).toBool(); });
        std::printf("queue sorted by %s: first page %.0f ms; a page at 3/4 %.0f ms\n", name, summary, msSince(t0));
    }
    items::OrphanFilter text;
    text.text = "Merchant C";
    t0 = Clock::now();
    model.setFilter(text);
    runUntil([&] { return model.isLoaded(); });
    std::printf("queue filtered by text: first page %.0f ms (%lld rows)\n", msSince(t0),
                static_cast<long long>(model.matchingRows()));
}

// The real main window on `mirror`, shown at 1440×900 with its screens made.
std::unique_ptr<ui::MainWindow> openWindow(ui::ConsoleSettings& settings, const QString& mirror)
{
    auto window = std::make_unique<ui::MainWindow>(settings);
    window->resize(1440, 900);
    window->show();
    window->openMirror(mirror);
    runUntil([&] { return window->screens() != nullptr; });
    return window;
}

void busiestTimeline(const QString& mirror)
{
    std::string busiest, quiet;
    {
        Database db(mirror.toStdString(), Database::Mode::ReadOnly);
        auto st = db.prepare("SELECT customer_id FROM orders GROUP BY customer_id ORDER BY count(*) DESC LIMIT 1");
        if (!st.step())
            return;
        busiest = st.string(0);
        auto q = db.prepare("SELECT customer_id FROM orders WHERE customer_id <> ?1 LIMIT 1");
        q.bind(1, busiest);
        quiet = q.step() ? q.string(0) : busiest;
    }
    ui::ConsoleSettings settings;
    const auto shown = openWindow(settings, mirror);
    ui::MainWindow& window = *shown;
    auto* screen = qobject_cast<ui::CustomerScreen*>(window.screens()->customers());
    auto* model = screen->timelinePanel()->model();
    // The screen as an agent has it: shown once already, with another customer on it.
    window.screens()->showCustomer(QString::fromStdString(quiet));
    runUntil([&] { return model->isComplete(); });
    const auto settle = Clock::now();
    runUntil([&] { return msSince(settle) > 200; });
    test::GuiWatchdog watchdog;
    auto* timed = static_cast<test::TimedApplication*>(qApp);
    timed->startRecording();
    watchdog.setGapDescriber([timed] { return timed->takeGap(); });
    watchdog.start();
    const auto t0 = Clock::now();
    window.screens()->showCustomer(QString::fromStdString(busiest));
    runUntil([&] { return model->customerId() == QString::fromStdString(busiest) && model->timeline()
                          && model->timeline()->customerId == busiest; });
    const double firstShown = msSince(t0);
    const std::size_t firstEvents = model->timeline()->events.size();
    runUntil([&] { return model->isComplete(); });
    const double wholeShown = msSince(t0);
    runUntil([&] { return msSince(t0) > wholeShown + 100; });   // the paint after the last answer
    watchdog.stop();
    timed->stopRecording();
    std::printf("busiest customer's timeline (%s): first page on screen %.0f ms (%zu events); whole %.0f ms (%zu "
                "events); longest GUI-thread stall %s; the busiest turns held: %s\n",
                busiest.c_str(), firstShown, firstEvents, wholeShown, model->timeline()->events.size(),
                qPrintable(watchdog.report()), qPrintable(watchdog.busiestGaps().mid(0, 3).join(QStringLiteral(" | "))));
}

void scrolling(const QString& mirror)
{
    ui::ConsoleSettings settings;
    const auto shown = openWindow(settings, mirror);
    ui::MainWindow& window = *shown;
    window.showScreen(ui::ScreenId::Orphans);
    auto* screen = window.screens()->orphans();
    runUntil([&] { return screen->isLoaded(); });
    QTableView* view = screen->view();
    QScrollBar* bar = view->verticalScrollBar();
    test::GuiWatchdog watchdog;

    // Scroll at about ten screens a second of 60 frames, as a held-down Page Down would.
    watchdog.start();
    QTimer step;
    int steps = 0;
    QObject::connect(&step, &QTimer::timeout, [&] {
        bar->setValue(std::min(bar->maximum(), bar->value() + bar->pageStep() * 10));
        ++steps;
    });
    const auto t0 = Clock::now();
    step.start(16);
    runUntil([&] { return bar->value() >= bar->maximum(); });
    step.stop();
    runUntil([&] { return visibleRowsLoaded(view); });
    watchdog.stop();
    std::printf("scroll to the end of %d rows: %d steps in %.1f s; longest GUI-thread stall %s; pages cached at the "
                "end %d (limit %d)\n",
                view->model()->rowCount(), steps, msSince(t0) / 1000, qPrintable(watchdog.report()),
                screen->model()->cachedPageCount(), screen->model()->maxCachedPages());

    // Drag the thumb: top to bottom and back in a few big jumps.
    watchdog.start();
    const auto t1 = Clock::now();
    for (int value : {0, bar->maximum() / 3, bar->maximum() * 2 / 3, bar->maximum(), 0}) {
        bar->setValue(value);
        runUntil([&] { return visibleRowsLoaded(view); });
    }
    watchdog.stop();
    std::printf("thumb jumps top→1/3→2/3→end→top, waiting for rows each time: %.0f ms; longest GUI-thread stall %s\n",
                msSince(t1), qPrintable(watchdog.report()));
}

}  // namespace

int main(int argc, char** argv)
{
    test::TimedApplication app(argc, argv);   // names what the busiest turns of the loop held
    QCommandLineParser parser;
    const QCommandLineOption db(QStringList{"db"}, "A demo mirror for the launch figures.", "MIRROR");
    const QCommandLineOption synthetic(QStringList{"synthetic"}, "Orphans in the scroll mirror (default 100000).", "N",
                                       "100000");
    parser.addHelpOption();
    parser.addOptions({db, synthetic});
    parser.process(app);
    if (parser.isSet(db)) {
        launch(parser.value(db));
        causeCost(parser.value(db));
        firstPages(parser.value(db));
        busiestTimeline(parser.value(db));
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("synthetic.db"));
    {
        Database writer(path.toStdString());
        const auto t0 = Clock::now();
        test::addSyntheticOrphans(writer, parser.value(synthetic).toInt());
        std::printf("synthetic mirror: %s orphans written in %.1f s\n", qPrintable(parser.value(synthetic)),
                    msSince(t0) / 1000);
    }
    firstPages(path);
    scrolling(path);
    return 0;
}
