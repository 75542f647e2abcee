#pragma once
// The menu bar: File (open, demo, import, recent mirrors, quit), View (the screens),
// Settings (language) and Help. It only reports what was chosen.
#include "ui/shell/navigation_panel.h"

#include <QObject>
#include <QStringList>

class QAction;
class QMenu;
class QMenuBar;

namespace reconsole::ui {

class MainMenu : public QObject {
    Q_OBJECT
public:
    MainMenu(QMenuBar* bar, const QString& language, QObject* parent = nullptr);

    void setRecentMirrors(const QStringList& paths);
    // Opening and importing wait while a mirror task runs; importing needs an open mirror.
    void setBusy(bool busy, bool mirrorOpen);

signals:
    void openMirrorRequested();
    void createDemoRequested();
    void importRequested();
    void recentChosen(const QString& path);
    void screenRequested(reconsole::ui::ScreenId id);
    void languageChosen(const QString& language);
    void aboutRequested();
    void quitRequested();

private:
    QAction* open_;
    QAction* demo_;
    QAction* import_;
    QMenu* recent_;
};

}  // namespace reconsole::ui
