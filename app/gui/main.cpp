// reconsole: the console window. Arguments only; the console itself is in ui/.
#include "ui/shell/console_app.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Reconsole"));
    QApplication::setApplicationName(QStringLiteral("reconsole"));
    QApplication::setApplicationDisplayName(QStringLiteral("Reconsole"));
    QApplication::setApplicationVersion(QStringLiteral(RECONSOLE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Payment-failure reconciliation console. With no arguments it opens the last mirror, or on first run "
        "offers to build a demo mirror or open one."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption db(QStringList{QStringLiteral("db")}, QStringLiteral("Open this mirror and ask nothing."),
                                QStringLiteral("PATH"));
    const QCommandLineOption lang(QStringList{QStringLiteral("lang")},
                                  QStringLiteral("Interface language for this run: ko (default) or en."),
                                  QStringLiteral("LANG"));
    const QCommandLineOption shots(QStringList{QStringLiteral("screenshots")},
                                   QStringLiteral("Render every screen of --db to PNG files in DIR, then exit."),
                                   QStringLiteral("DIR"));
    const QCommandLineOption as(QStringList{QStringLiteral("as")},
                                QStringLiteral("Act as this operator (until sign-in exists; remembered)."),
                                QStringLiteral("OPERATOR"));
    const QCommandLineOption ops(QStringList{QStringLiteral("ops")},
                                 QStringLiteral("The operations store to use instead of the one beside the mirror: a file, "
                                                "or a postgresql:// URI (remembered; 'default' goes back to it)."),
                                 QStringLiteral("PATH|URI"));
    const QCommandLineOption demo(QStringList{QStringLiteral("demo")},
                                  QStringLiteral("A demo run: with no operator chosen, act as the demo operator (lee.ops) "
                                                 "when the mirror's operations store has it."));
    parser.addOptions({db, lang, shots, as, ops, demo});
    parser.process(app);

    const QString language = parser.value(lang);
    if (!language.isEmpty() && language != QLatin1String("ko") && language != QLatin1String("en")) {
        std::fprintf(stderr, "reconsole: --lang is ko or en\n");
        return 2;
    }
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "reconsole: unexpected argument '%s' (did you mean --db PATH?)\n",
                     qPrintable(parser.positionalArguments().first()));
        return 2;
    }
    return reconsole::ui::runConsole(app, {parser.value(db), language, parser.value(shots), parser.value(as),
                                           parser.value(ops), parser.isSet(demo)});
}
