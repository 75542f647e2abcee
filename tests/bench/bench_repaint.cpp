// Benchmark (not a test: it prints figures): what the GUI thread spends, screen by screen, at
// 1440×900 and 1024×700, on one repaint of the whole window, and on switching to the screen
// and painting it (the switch's layout, its charts' scene updates, the first paint), and on the
// same switch from a screen with charts as the event loop carries it out, with its paint passes.
// A screen switch, a chart's new figures or an import's answers each end in such a repaint.
// With --platform-style the application's style is the platform's alone (today the console's
// style only flips sort arrows; kept for trying a style that draws differently).
//   QT_QPA_PLATFORM=offscreen bench_repaint --db DEMO_MIRROR [--repeats 30]
#include "gui_watchdog.h"
#include "store/database.h"
#include "ui/main_window.h"
#include "ui/shell/console_settings.h"
#include "ui/shell/mirror_screens.h"
#include "ui/shell/navigation_panel.h"
#include "ui/shell/paint_pacer.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QEventLoop>
#include <QStyleFactory>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace reconsole;
using ui::ScreenId;

namespace {

void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// The window's paint, now: the console paints in a turn of its own (ui/shell/paint_pacer.h).
// The pacer is looked up once, outside the figures (findChild walks every widget).
void paint(QWidget& window, ui::PaintPacer* pacer)
{
    window.update();
    pacer->paintNow();
}

// Median GUI-thread CPU of `repeats` repaints of the whole window.
double repaintMs(QWidget& window, int repeats)
{
    ui::PaintPacer* pacer = window.findChild<ui::PaintPacer*>();
    std::vector<double> ms;
    for (int i = 0; i < repeats; ++i) {
        const double before = test::threadCpuMs();
        paint(window, pacer);
        ms.push_back(test::threadCpuMs() - before);
    }
    std::nth_element(ms.begin(), ms.begin() + ms.size() / 2, ms.end());
    return ms[ms.size() / 2];
}

// Median GUI-thread CPU of switching to screen `id` from `from` and painting it, as a click on
// the navigation does: the switch, its layout and the first paint.
double switchMs(ui::MainWindow& window, ScreenId id, ScreenId from, int repeats)
{
    ui::PaintPacer* pacer = window.findChild<ui::PaintPacer*>();
    std::vector<double> ms;
    for (int i = 0; i < repeats; ++i) {
        window.showScreen(from);
        paint(window, pacer);
        const double before = test::threadCpuMs();
        window.showScreen(id);
        QApplication::sendPostedEvents();   // layout requests, the charts' scene updates
        paint(window, pacer);
        ms.push_back(test::threadCpuMs() - before);
    }
    std::nth_element(ms.begin(), ms.begin() + ms.size() / 2, ms.end());
    return ms[ms.size() / 2];
}

// Counts the window's paint passes: the paint events its central widget receives.
class PaintPassCounter : public QObject {
public:
    int passes = 0;
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint)
            ++passes;
        return QObject::eventFilter(watched, event);
    }
};

struct LoopSwitch {
    double ms = 0;
    int passes = 0;
};

// Switching as the event loop carries it out, from a screen with charts: no forced repaint, the
// posted events (layout, the charts' scene updates, the window's update request) drained as
// the loop would, then the paint that waits for its turn. The median GUI-thread CPU, and the
// window's paint passes in that switch.
LoopSwitch loopSwitch(ui::MainWindow& window, ScreenId id, ScreenId from, int repeats)
{
    ui::PaintPacer* pacer = window.findChild<ui::PaintPacer*>();
    PaintPassCounter counter;
    window.centralWidget()->installEventFilter(&counter);
    const auto drain = [pacer] {
        for (int round = 0; round < 2; ++round) {
            for (int pass = 0; pass < 4; ++pass)
                QApplication::sendPostedEvents();   // each pass sends what was posted before it began
            if (pacer->isPending())
                pacer->paintNow();
        }
    };
    std::vector<double> ms;
    std::vector<int> passes;
    for (int i = 0; i < repeats; ++i) {
        window.showScreen(from);
        drain();
        counter.passes = 0;
        const double before = test::threadCpuMs();
        window.showScreen(id);
        drain();
        ms.push_back(test::threadCpuMs() - before);
        passes.push_back(counter.passes);
    }
    window.centralWidget()->removeEventFilter(&counter);
    std::nth_element(ms.begin(), ms.begin() + ms.size() / 2, ms.end());
    std::nth_element(passes.begin(), passes.begin() + passes.size() / 2, passes.end());
    return {ms[ms.size() / 2], passes[passes.size() / 2]};
}

}  // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    app.setFont(QFont(QStringLiteral("Noto Sans CJK KR"), 10));   // as the console runs
    QCommandLineParser parser;
    const QCommandLineOption db(QStringList{"db"}, "A demo mirror.", "MIRROR");
    const QCommandLineOption repeats(QStringList{"repeats"}, "Repaints per figure (default 30).", "N", "30");
    const QCommandLineOption platformStyle(QStringList{"platform-style"},
                                           "The platform's style alone, without the console's (cell text shaped at every paint).");
    parser.addHelpOption();
    parser.addOptions({db, repeats, platformStyle});
    parser.process(app);
    if (!parser.isSet(db)) {
        std::fprintf(stderr, "bench_repaint: --db DEMO_MIRROR is required\n");
        return 2;
    }
    std::string customer;
    {
        Database mirror(parser.value(db).toStdString(), Database::Mode::ReadOnly);
        auto st = mirror.prepare("SELECT customer_id FROM orders GROUP BY customer_id ORDER BY count(*) DESC LIMIT 1");
        if (st.step())
            customer = st.string(0);
    }
    ui::ConsoleSettings settings;
    ui::MainWindow window(settings);
    // The application owns its style and deletes the one it replaces: one style per run.
    if (parser.isSet(platformStyle))
        QApplication::setStyle(QStyleFactory::create(QApplication::style()->name()));
    window.show();
    window.activateWindow();   // as an agent's window is: Qt's charts react to its activation
    window.openMirror(parser.value(db));
    settle(3000);
    if (!window.isActiveWindow())
        std::printf("(the window is not the active one: the figures miss what activation costs)\n");
    const int n = parser.value(repeats).toInt();
    std::printf("median GUI-thread CPU, ms, of one whole-window repaint, and of switching to the screen and painting "
                "it (%d of each); %s\n",
                n, parser.isSet(platformStyle) ? "the platform style alone" : "the console's style");
    std::printf("(from a chart screen: switched from the customer screen, or to it from the dashboard, as the loop "
                "does it, with the window's paint passes)\n");
    std::printf("%-12s %-48s %-48s\n", "", "1440x900: repaint  switch  from a chart screen", "1024x700: repaint  switch  from a chart screen");
    const std::pair<ScreenId, const char*> screens[] = {
        {ScreenId::Dashboard, "dashboard"}, {ScreenId::Orphans, "orphans"},   {ScreenId::Customers, "customer"},
        {ScreenId::Catalog, "catalog"},     {ScreenId::Refunds, "refunds"},   {ScreenId::AuditLog, "audit log"},
        {ScreenId::Cases, "cases"},         {ScreenId::Quarantine, "quarantine"},
    };
    for (const auto& [id, name] : screens) {
        std::printf("%-12s", name);
        for (const QSize size : {QSize(1440, 900), QSize(1024, 700)}) {
            window.resize(size);
            window.showScreen(id);
            if (id == ScreenId::Customers && !customer.empty())
                window.screens()->showCustomer(QString::fromStdString(customer));
            settle(1500);
            const double repaint = repaintMs(window, n);
            const ScreenId from = id == ScreenId::Orphans ? ScreenId::Dashboard : ScreenId::Orphans;
            const double switched = switchMs(window, id, from, n);
            const LoopSwitch looped = loopSwitch(window, id, id == ScreenId::Customers ? ScreenId::Dashboard : ScreenId::Customers, n);
            std::printf("   %6.1f %8.1f %9.1f (%d paint%s)     ", repaint, switched, looped.ms, looped.passes,
                        looped.passes == 1 ? " " : "s");
        }
        std::printf("\n");
        std::fflush(stdout);
    }
    return 0;
}
