// Benchmark (not a test: it prints figures): what the orphan queue's table costs the GUI thread
// to paint after a jump of its scroll bar, when the page's texts are new to it, against painting
// the same page again. The soak's costliest paints are such pages (docs/benchmarks.md).
//   QT_QPA_PLATFORM=offscreen bench_queue_jump --db DEMO_MIRROR [--jumps 40] [--size 1024x700] [--font FAMILY]
//       [--qt-delegate]
#include "gui_watchdog.h"
#include "ui/main_window.h"
#include "ui/orphans/orphan_queue_screen.h"
#include "ui/shell/console_settings.h"
#include "ui/shell/mirror_screens.h"
#include "ui/shell/paint_pacer.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QEventLoop>
#include <QPaintEvent>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace reconsole;

namespace {

// Times, in GUI-thread CPU, every paint event one widget receives.
class PaintTimingApplication : public QApplication {
public:
    using QApplication::QApplication;
    QWidget* watched = nullptr;
    std::vector<double> paints;

    bool notify(QObject* receiver, QEvent* event) override
    {
        if (receiver != watched || event->type() != QEvent::Paint)
            return QApplication::notify(receiver, event);
        const double before = test::threadCpuMs();
        const bool handled = QApplication::notify(receiver, event);
        paints.push_back(test::threadCpuMs() - before);
        return handled;
    }
};

void settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
    return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv)
{
    PaintTimingApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption db(QStringList{"db"}, "A demo mirror.", "MIRROR");
    const QCommandLineOption jumps(QStringList{"jumps"}, "Scroll-bar jumps (default 40).", "N", "40");
    const QCommandLineOption font(QStringList{"font"}, "The application font (default the console's).", "FAMILY",
                                  QStringLiteral("Noto Sans CJK KR"));
    const QCommandLineOption size(QStringList{"size"}, "The window's size (default 1440x900).", "WxH", "1440x900");
    const QCommandLineOption qtDelegate(QStringList{"qt-delegate"},
                                        "Qt's QStyledItemDelegate instead of the console's OneLayoutDelegate.");
    parser.addHelpOption();
    parser.addOptions({db, jumps, font, size, qtDelegate});
    parser.process(app);
    app.setFont(QFont(parser.value(font), 10));
    if (!parser.isSet(db)) {
        std::fprintf(stderr, "bench_queue_jump: --db DEMO_MIRROR is required\n");
        return 2;
    }
    ui::ConsoleSettings settings;
    ui::MainWindow window(settings);
    const QStringList wh = parser.value(size).split(QLatin1Char('x'));
    window.resize(wh.value(0).toInt(), wh.value(1).toInt());
    window.show();
    window.activateWindow();
    window.openMirror(parser.value(db));
    settle(3000);
    window.showScreen(ui::ScreenId::Orphans);
    settle(1500);
    QTableView* view = window.screens()->orphans()->view();
    auto* pacer = window.findChild<ui::PaintPacer*>();
    if (parser.isSet(qtDelegate))
        view->setItemDelegate(new QStyledItemDelegate(view));
    app.watched = view->viewport();
    QScrollBar* bar = view->verticalScrollBar();
    if (bar->maximum() < 100) {
        std::fprintf(stderr, "bench_queue_jump: the queue has too few rows to jump in (%d rows, loaded: %d, bar %d, viewport %dx%d, visible %d)\n",
                     view->model()->rowCount(), int(window.screens()->orphans()->isLoaded()), bar->maximum(), view->viewport()->width(), view->viewport()->height(), int(view->isVisible()));
        return 2;
    }
    const int n = parser.value(jumps).toInt();
    std::vector<double> newPage, samePage, firstNew;
    for (int i = 0; i < n; ++i) {
        // Spread over the whole list, never the same page twice.
        const int target = int((i * 0.618034 - int(i * 0.618034)) * bar->maximum());
        app.paints.clear();
        bar->setValue(target);
        settle(500);   // the page's rows are read and painted, as the loop does it
        if (app.paints.empty())
            continue;
        newPage.push_back(*std::max_element(app.paints.begin(), app.paints.end()));
        if (i < 5)
            firstNew.push_back(newPage.back());
        app.paints.clear();
        view->viewport()->update();
        pacer->paintNow();
        if (!app.paints.empty())
            samePage.push_back(app.paints.front());
    }
    std::printf("%s, queue table %dx%d, %zu jumps: costliest paint after a jump median %.1f ms (max %.1f; first five %.1f), "
                "the same page again median %.1f ms\n",
                parser.isSet(qtDelegate) ? "Qt's delegate" : "one layout", view->viewport()->width(),
                view->viewport()->height(), newPage.size(), median(newPage),
                newPage.empty() ? 0.0 : *std::max_element(newPage.begin(), newPage.end()), median(firstNew),
                median(samePage));
    return 0;
}
