#include "ui/shell/console_app.h"

#include "ops/ops_store.h"
#include "ui/main_window.h"
#include "ui/shell/appearance.h"
#include "ui/shell/console_settings.h"
#include "ui/shell/screenshot_runner.h"

#include <QApplication>
#include <QFileInfo>
#include <QScreen>
#include <QStatusBar>
#include <QTimer>

#include <cstdio>

namespace reconsole::ui {
namespace {

int runScreenshots(QApplication& app, ConsoleSettings& settings, const ConsoleOptions& options)
{
    MainWindow window(settings);
    window.setDemoRun(true);   // screenshots show a demo: with no --as, the demo operator when the store has it
    window.resize(1440, 900);
    window.show();
    // No one reads the status bar of a screenshot run: say what it says on stderr.
    QObject::connect(window.statusBar(), &QStatusBar::messageChanged, &app, [](const QString& text) {
        if (!text.isEmpty())
            std::fprintf(stderr, "reconsole: %s\n", qPrintable(text));
    });
    auto* runner = new ScreenshotRunner(&window, options.screenshotsDir);
    QObject::connect(&window, &MainWindow::mirrorOpened, runner, &ScreenshotRunner::start);
    QObject::connect(&window, &MainWindow::mirrorFailed, &app, [&app](const QString& error) {
        std::fprintf(stderr, "reconsole: %s\n", qPrintable(error));
        app.exit(2);
    });
    QObject::connect(runner, &ScreenshotRunner::finished, &app, [&app](int code) { app.exit(code); });
    window.openMirror(options.mirrorPath);
    return app.exec();
}

}  // namespace

int runConsole(QApplication& app, const ConsoleOptions& options)
{
    const bool screenshots = !options.screenshotsDir.isEmpty();
    // Screenshots neither read nor change the person's settings.
    ConsoleSettings settings = screenshots ? ConsoleSettings{} : ConsoleSettings::load();
    // Until sign-in exists the operator is chosen at start, and remembered.
    if (!options.operatorId.isEmpty())
        settings.operatorId = options.operatorId.trimmed();
    if (options.opsPath == QLatin1String("default"))
        settings.opsPath.clear();
    else if (!options.opsPath.isEmpty())   // a file (made absolute) or a shared server's URI, as given
        settings.opsPath = ops::isServerSpec(options.opsPath.toStdString()) ? options.opsPath
                                                                            : QFileInfo(options.opsPath).absoluteFilePath();
    const QString language = normalizedLanguage(options.language.isEmpty() ? settings.language : options.language);
    installTranslations(app, language);
    applyHangulFont(app);
    app.setWindowIcon(appIcon());
    if (screenshots) {
        if (options.mirrorPath.isEmpty()) {
            std::fprintf(stderr, "reconsole: --screenshots needs --db MIRROR\n");
            return 2;
        }
        return runScreenshots(app, settings, options);
    }

    MainWindow window(settings);
    window.setDemoRun(options.demo);
    // 1440×900 unless the screen is smaller; a remembered geometry wins.
    if (const QScreen* screen = QGuiApplication::primaryScreen())
        window.resize(window.size().boundedTo(screen->availableGeometry().size() * 0.92));
    window.restoreWindowState();
    window.show();
    if (!options.mirrorPath.isEmpty()) {
        window.openMirror(options.mirrorPath);
    } else if (!settings.lastMirror.isEmpty() && QFileInfo::exists(settings.lastMirror)) {
        window.openMirror(settings.lastMirror);
    } else {
        const QString notice = settings.lastMirror.isEmpty()
            ? QString()
            : MainWindow::tr("지난번 미러를 찾을 수 없습니다: %1").arg(settings.lastMirror);
        QTimer::singleShot(0, &window, [&window, notice] { window.offerFirstRun(notice); });
    }
    return app.exec();
}

}  // namespace reconsole::ui
