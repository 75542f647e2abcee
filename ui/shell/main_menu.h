#pragma once
// The menu bar: File (open, demo, import, recent mirrors, lock, sign out, quit), View (the screens, find a
// customer, reload), Settings (language) and Help (the shortcut list, about). It only reports
// what was chosen.
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
    // Every menu entry with a shortcut: "Ctrl+F<tab>고객 찾기", one a line.
    QString shortcutList() const;

signals:
    void openMirrorRequested();
    void createDemoRequested();
    void importRequested();
    void exportRequested();   // the current screen's list as CSV
    void recentChosen(const QString& path);
    void screenRequested(reconsole::ui::ScreenId id);
    void languageChosen(const QString& language);
    void aboutRequested();
    void findCustomerRequested();
    void reloadRequested();
    void shortcutsRequested();
    void quitRequested();
    void lockRequested();
    void signOutRequested();

private:
    QAction* open_;
    QAction* demo_;
    QAction* import_;
    QAction* findCustomer_;
    QAction* reload_;
    QMenu* recent_;
    QMenuBar* bar_;
};

}  // namespace reconsole::ui
