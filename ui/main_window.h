#pragma once
// The console's main window. It wires things together and does nothing else: navigation to
// screens, the screens of the open mirror to one another, menus to tasks, tasks and
// freshness to the status bar, settings to geometry and layouts.
#include "ops/catalog_rules_in_force.h"
#include "ops/ops_store.h"
#include "ui/shell/background_task.h"
#include "ui/shell/navigation_panel.h"
#include "ui/shell/partner_view.h"

#include <QMainWindow>
#include <QPointer>

class QLabel;
class QStackedWidget;

namespace reconsole::ui {

class ElidingLabel;
class FreshnessIndicator;
class MainMenu;
class MirrorScreens;
class OpsLinkBanner;
class SessionGuard;
class TaskProgressWidget;
class WelcomePage;
struct ConsoleSettings;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(ConsoleSettings& settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens the mirror on a background task (schema upgrade, orphan state check), then
    // builds its screens; mirrorOpened or mirrorFailed tells how it went.
    void openMirror(const QString& path);
    // Reads the catalog rules in force (the session's worker), then imports on a background task.
    void importFeeds(const QStringList& files);
    // Checks the catalog findings again with the rules in force (after an admin changed them).
    void recheckCatalog();
    void createDemoMirror(const QString& path);
    // The first-run question: build a demo mirror, or open one.
    void offerFirstRun(const QString& notice = {});

    void showScreen(ScreenId id);
    MirrorScreens* screens() const { return screens_; }
    QString mirrorPath() const;
    // A task runs, or an import is about to start (its catalog rules being read).
    bool isBusy() const { return task_ != nullptr || preparingTask_; }
    FreshnessIndicator* freshness() const { return freshness_; }
    void restoreWindowState();
    // A demo run (screenshots): with no operator chosen, act as the demo operator when the
    // mirror's operations store has it. Mirrors built by "데모 미러 만들기" are demos too.
    void setDemoRun(bool demo) { demoRun_ = demo; }
    // A shared server: the login role and password every mirror's session signs in with (kept
    // in memory only).
    void setSignIn(const ops::ServerSignIn& signIn) { signIn_ = signIn; }
    // The embedded store: the password that signs the settings' operator in without the dialog
    // (RECONSOLE_PASSWORD with --as, a screenshot run). In memory only.
    void setPassword(const QString& password) { password_ = password; }
    // The sign-in dialog, the lock overlay and the idle lock of the open mirror's session.
    SessionGuard* sessionGuard() const;
    ElidingLabel* operatorLabel() const { return operator_; }
    OpsLinkBanner* opsLinkBanner() const { return banner_; }
    const PartnerView& partnerView() const { return partnerView_; }

signals:
    void mirrorOpened(const QString& path);
    void mirrorFailed(const QString& error);
    void taskFinished(const reconsole::ui::TaskOutcome& outcome);
    void catalogRechecked();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void wireMenu();
    void installScreens(const QString& path);
    void wireScreens();
    void hideRefundActions();
    void wireOps();
    void openCustomer(const QString& customerId, const QString& ledgerId);
    void clearScreenMessage();
    void startImport(const QStringList& files, const ops::CatalogRulesInForce& rules);
    BackgroundTask* startTask(const QString& title, BackgroundTask::Job job);
    void taskDone(const TaskOutcome& outcome);
    void chooseMirror();
    void chooseFeeds();
    void chooseDemoPath();
    void saveState();
    void updateBusy();

    ConsoleSettings& settings_;
    NavigationPanel* navigation_;
    QStackedWidget* pages_;
    WelcomePage* welcome_;
    MirrorScreens* screens_ = nullptr;
    MainMenu* menu_;
    FreshnessIndicator* freshness_;
    TaskProgressWidget* progress_;
    BackgroundTask* task_ = nullptr;
    ElidingLabel* operator_;
    OpsLinkBanner* banner_;
    QString screenMessage_;   // the last status message a screen showed
    bool demoRun_ = false;
    bool preparingTask_ = false;
    ops::ServerSignIn signIn_;
    PartnerView partnerView_;   // of the open mirror: a merchant partner's view, or the whole mirror
    QString password_;
    QPointer<SessionGuard> guard_;   // belongs to the screens: replaced with them
};

}  // namespace reconsole::ui
