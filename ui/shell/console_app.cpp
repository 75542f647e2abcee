#include "ui/shell/console_app.h"

#include "ops/ops_store.h"
#include "ops/pg/pg_connection.h"
#include "ui/main_window.h"
#include "ui/shell/appearance.h"
#include "ui/shell/console_settings.h"
#include "ui/shell/screenshot_runner.h"

#include <QApplication>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QScreen>
#include <QStatusBar>
#include <QTimer>

#include <cstdio>

namespace reconsole::ui {
namespace {

// The operator signs in to a shared server as their own login role. The password comes from
// RECONSOLE_PASSWORD, or is asked for once (never with PGPASSWORD set, which libpq uses itself);
// it stays in memory, never in the settings or a message. Left empty, libpq looks in ~/.pgpass.
ops::ServerSignIn serverSignIn(const ConsoleSettings& settings, bool mayAsk)
{
    ops::ServerSignIn signIn;
    // A URI naming a user is an administrator's own account, as on the command line.
    if (!ops::isServerSpec(settings.opsPath.toStdString()) || settings.operatorId.isEmpty()
        || !ops::serverSpecUser(settings.opsPath.toStdString()).empty())
        return signIn;
    signIn.user = settings.operatorId.toStdString();
    if (qEnvironmentVariableIsSet("RECONSOLE_PASSWORD")) {
        signIn.password = qgetenv("RECONSOLE_PASSWORD").toStdString();
    } else if (mayAsk && !qEnvironmentVariableIsSet("PGPASSWORD")) {
        bool ok = false;
        const QString password = QInputDialog::getText(
            nullptr, MainWindow::tr("운영 서버 로그인"),
            MainWindow::tr("운영 서버에 로그인합니다 (로그인 역할 %1). 암호를 넣으세요.\n(비워 두면 ~/.pgpass를 씁니다.)")
                .arg(settings.operatorId),
            QLineEdit::Password, QString(), &ok);
        if (ok)
            signIn.password = password.toStdString();
    }
    return signIn;
}

// The embedded store: --as OP with RECONSOLE_PASSWORD signs in without the dialog (scripts,
// screenshots); otherwise the sign-in dialog asks. Never an argument.
QString startPassword(const ConsoleSettings& settings)
{
    if (settings.operatorId.isEmpty() || ops::isServerSpec(settings.opsPath.toStdString()))
        return {};
    return qEnvironmentVariable("RECONSOLE_PASSWORD");
}

// The store named on the command line (remembered) or in the settings.
// An address carrying a password is never used nor kept: it would sit in the settings file.
bool chooseOpsStore(ConsoleSettings& settings, const ConsoleOptions& options)
{
    if (ops::pg::conninfoHasPassword(settings.opsPath.toStdString())) {
        settings.opsPath.clear();   // an older run kept one: forget it
        settings.save();
    }
    const QString fromEnv = qEnvironmentVariable("RECONSOLE_OPS_URL");   // as for reconsole-cli
    if (options.opsPath == QLatin1String("default"))
        settings.opsPath.clear();
    else if (options.opsPath.isEmpty() && !fromEnv.isEmpty())
        settings.opsPath = fromEnv;
    else if (!options.opsPath.isEmpty())   // a file (made absolute) or a shared server's URI, as given
        settings.opsPath = ops::isServerSpec(options.opsPath.toStdString()) ? options.opsPath
                                                                            : QFileInfo(options.opsPath).absoluteFilePath();
    if (ops::pg::conninfoHasPassword(settings.opsPath.toStdString())) {
        std::fprintf(stderr, "reconsole: the operations server's address carries a password: remove it, and give the "
                             "password in RECONSOLE_PASSWORD, ~/.pgpass or at the prompt\n");
        return false;
    }
    return true;
}

int runScreenshots(QApplication& app, ConsoleSettings& settings, const ConsoleOptions& options)
{
    MainWindow window(settings);
    window.setSignIn(serverSignIn(settings, false));   // nobody answers a prompt in a screenshot run
    window.setPassword(startPassword(settings));
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
    // The operator chosen at start is the one the sign-in dialog offers, and remembered.
    if (!options.operatorId.isEmpty())
        settings.operatorId = options.operatorId.trimmed();
    if (!chooseOpsStore(settings, options))
        return 2;
    // A server that does not answer a connection is reported after 5 s, not after the system's
    // TCP timeout (minutes), unless the person chose otherwise. Set before any thread starts.
    if (!qEnvironmentVariableIsSet("PGCONNECT_TIMEOUT"))
        qputenv("PGCONNECT_TIMEOUT", "5");
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
    window.setSignIn(serverSignIn(settings, true));   // before any session opens
    window.setPassword(startPassword(settings));
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
