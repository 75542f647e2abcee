#pragma once
// The console from start to finish, for app/gui/main.cpp: language, font, settings, the
// window, which mirror to open (or the first-run question), and the screenshot mode.
#include <QString>

class QApplication;

namespace reconsole::ui {

struct ConsoleOptions {
    QString mirrorPath;       // --db: open this one and ask nothing
    QString language;         // --lang: overrides the setting for this run
    QString screenshotsDir;   // --screenshots: render every screen to PNGs and exit
    QString operatorId;       // --as: the operator actions are taken as (remembered)
    QString opsPath;          // --ops: the operations store, when not beside the mirror (remembered;
                              //        "default" goes back to the one beside the mirror)
    bool demo = false;        // --demo: with no operator chosen, act as the demo operator if the store has it
};

int runConsole(QApplication& app, const ConsoleOptions& options);

}  // namespace reconsole::ui
