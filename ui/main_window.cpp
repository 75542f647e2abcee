#include "ui/main_window.h"

#include "items/catalog_ops.h"
#include "items/mirror_freshness.h"
#include "items/ops_session.h"
#include "ui/catalog/catalog_screen.h"
#include "ui/dashboard/dashboard_screen.h"
#include "ui/orphans/orphan_queue_screen.h"
#include "ui/refunds/refunds_screen.h"
#include "ui/cases/cases_screen.h"
#include "ui/shell/appearance.h"
#include "ui/shell/console_settings.h"
#include "ui/shell/console_status_bar.h"
#include "ui/shell/paint_pacer.h"
#include "ui/widgets/eliding_label.h"
#include "ui/shell/first_run_dialog.h"
#include "ui/shell/freshness_indicator.h"
#include "ui/shell/main_menu.h"
#include "ui/shell/mirror_screens.h"
#include "ui/shell/mirror_tasks.h"
#include "ui/shell/session_guard.h"
#include "ui/shell/ops_link_banner.h"
#include "ui/shell/sort_arrow_style.h"
#include "ui/shell/store_fault_alerts.h"
#include "ui/shell/task_progress_widget.h"
#include "ui/shell/welcome_page.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace reconsole::ui {

MainWindow::MainWindow(ConsoleSettings& settings, QWidget* parent)
    : QMainWindow(parent),
      settings_(settings),
      navigation_(new NavigationPanel),
      pages_(new QStackedWidget),
      welcome_(new WelcomePage),
      menu_(new MainMenu(menuBar(), settings.language, this)),
      freshness_(new FreshnessIndicator),
      progress_(new TaskProgressWidget),
      operator_(new ElidingLabel),
      banner_(new OpsLinkBanner)
{
    setObjectName(QStringLiteral("mainWindow"));
    // No program name in the title: the platform adds the application's display name after it.
    setWindowIcon(appIcon());
    useSortArrowStyle();   // every table's sort arrow reads the same way, on every screen
    new PaintPacer(this);   // the window is painted in a turn of the loop after the one that changed it
    pages_->addWidget(welcome_);
    auto* central = new QWidget;
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(navigation_);
    auto* right = new QVBoxLayout;   // the operations server's banner over whichever screen
    right->setContentsMargins(0, 0, 0, 0);
    right->setSpacing(0);
    right->addWidget(banner_);
    right->addWidget(pages_, 1);
    layout->addLayout(right, 1);
    setCentralWidget(central);
    operator_->setObjectName(QStringLiteral("operatorLabel"));
    setStatusBar(new ConsoleStatusBar);   // its message elided before the widgets on the right
    statusBar()->addPermanentWidget(operator_);
    statusBar()->addPermanentWidget(progress_);
    statusBar()->addPermanentWidget(freshness_);
    navigation_->setEnabled(false);
    menu_->setRecentMirrors(settings_.recentMirrors);
    wireMenu();
    new StoreFaultAlerts(this);   // a damaged or unwritable store found by any screen's read
    connect(welcome_, &WelcomePage::openMirrorRequested, this, &MainWindow::chooseMirror);
    connect(welcome_, &WelcomePage::createDemoRequested, this, &MainWindow::chooseDemoPath);
    connect(navigation_, &NavigationPanel::screenChosen, this, &MainWindow::showScreen);
    connect(banner_, &OpsLinkBanner::statusMessage, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    resize(1440, 900);
}

MainWindow::~MainWindow()
{
    delete task_;   // cancels and waits for a running task before the window goes
}

void MainWindow::wireMenu()
{
    connect(menu_, &MainMenu::openMirrorRequested, this, &MainWindow::chooseMirror);
    connect(menu_, &MainMenu::createDemoRequested, this, &MainWindow::chooseDemoPath);
    connect(menu_, &MainMenu::importRequested, this, &MainWindow::chooseFeeds);
    connect(menu_, &MainMenu::lockRequested, this, [this] {
        if (guard_)
            guard_->lockNow();
    });
    connect(menu_, &MainMenu::signOutRequested, this, [this] {
        if (guard_)
            guard_->signOut();
    });
    connect(menu_, &MainMenu::recentChosen, this, &MainWindow::openMirror);
    connect(menu_, &MainMenu::screenRequested, this, &MainWindow::showScreen);
    connect(menu_, &MainMenu::quitRequested, this, &QWidget::close);
    connect(menu_, &MainMenu::languageChosen, this, [this](const QString& language) {
        settings_.language = language;
        settings_.save();
        statusBar()->showMessage(tr("언어 설정을 저장했습니다. 다시 시작하면 적용됩니다."), 8000);
    });
    connect(menu_, &MainMenu::findCustomerRequested, this, [this] { showScreen(ScreenId::Customers); });
    connect(menu_, &MainMenu::exportRequested, this, [this] {
        if (screens_ && !screens_->exportCurrentScreen())
            statusBar()->showMessage(tr("이 화면에는 CSV로 내보낼 목록이 없습니다. 미해결 출금이나 고객 화면에서 쓰세요."), 5000);
    });
    connect(menu_, &MainMenu::reloadRequested, this, [this] {
        if (screens_)
            screens_->reloadAll();
    });
    connect(menu_, &MainMenu::shortcutsRequested, this,
            [this] { QMessageBox::information(this, tr("단축키 목록"), menu_->shortcutList()); });
    connect(menu_, &MainMenu::aboutRequested, this, [this] {
        QMessageBox::about(this, tr("Reconsole 정보"),
                           tr("Reconsole %1\n결제 실패로 생긴 미해결 출금을 찾고 설명하는 상담·운영 콘솔.")
                               .arg(QApplication::applicationVersion()));
    });
}

QString MainWindow::mirrorPath() const { return screens_ ? screens_->mirrorPath() : QString(); }

void MainWindow::showScreen(ScreenId id)
{
    if (!screens_ || (partnerView_.active() && !NavigationPanel::inPartnerView(id)))
        return;
    clearScreenMessage();
    screens_->showScreen(id);
    navigation_->setCurrentScreen(id);
    if (id == ScreenId::Customers)
        screens_->focusCustomerSearch();
}

void MainWindow::openMirror(const QString& path)
{
    if (isBusy())
        return;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    welcome_->setMessage(tr("미러를 여는 중…\n%1").arg(QDir::toNativeSeparators(absolute)), false);
    pages_->setCurrentWidget(welcome_);
    auto view = std::make_shared<PartnerView>();
    const ConsoleIdentity who{settings_.opsPath, settings_.operatorId, signIn_};
    BackgroundTask* task = startTask(tr("미러 여는 중"), openMirrorJob(absolute, who, view));
    connect(task, &BackgroundTask::finished, this, [this, absolute, view](const TaskOutcome& outcome) {
        if (outcome.status != TaskOutcome::Status::Done) {
            settings_.forgetMirror(absolute);
            menu_->setRecentMirrors(settings_.recentMirrors);
            if (screens_) {   // keep working on the mirror that is open
                pages_->setCurrentWidget(screens_);
                statusBar()->showMessage(tr("미러를 열지 못했습니다: %1").arg(outcome.message), 15000);
            } else {
                welcome_->setMessage(tr("미러를 열지 못했습니다.\n%1").arg(outcome.message), true, outcome.detail);
            }
            emit mirrorFailed(outcome.message);
            return;
        }
        partnerView_ = *view;
        installScreens(absolute);
        if (!outcome.message.isEmpty())
            statusBar()->showMessage(outcome.message, 8000);
        emit mirrorOpened(absolute);
    });
}

void MainWindow::installScreens(const QString& path)
{
    if (screens_) {
        screens_->saveLayouts(settings_);
        delete screens_;
    }
    items::OpsSessionOptions ops;
    ops.opsSpec = settings_.opsPath;
    ops.operatorId = settings_.operatorId;
    ops.demo = demoRun_ || settings_.isDemoMirror(path);
    ops.signIn = signIn_;
    ops.password = password_;
    screens_ = new MirrorScreens(path, ops);
    pages_->addWidget(screens_);
    pages_->setCurrentWidget(screens_);
    screens_->restoreLayouts(settings_);
    wireScreens();
    if (partnerView_.active())
        hideRefundActions();
    settings_.rememberMirror(path);
    settings_.save();
    menu_->setRecentMirrors(settings_.recentMirrors);
    navigation_->setEnabled(true);
    // A partner view has no money, audit or operator screens (and the services refuse them).
    navigation_->setPartnerView(partnerView_.active());
    setWindowTitle(partnerView_.active()
                       ? tr("%1 파트너 보기 — %2").arg(partnerView_.merchantName, QFileInfo(path).fileName())
                       : QFileInfo(path).fileName());
    showScreen(ScreenId::Dashboard);
    updateBusy();
}

// A partner view has no refund actions: the buttons and the customer's refund list are gone
// (the services refuse them anyway).
void MainWindow::hideRefundActions()
{
    for (const char* name : {"requestRefund", "timelineRequestRefund", "customerRefunds"})
        for (QWidget* w : screens_->findChildren<QWidget*>(QLatin1String(name)))
            w->hide();
    // The customer's refund requests are a tab of the timeline: the tab goes too.
    for (auto* tabs : screens_->findChildren<QTabWidget*>(QStringLiteral("timelineTabs")))
        tabs->setTabVisible(1, false);
}

void MainWindow::wireScreens()
{
    DashboardScreen* dashboard = screens_->dashboard();
    OrphanQueueScreen* orphans = screens_->orphans();
    const auto toQueue = [this] { showScreen(ScreenId::Orphans); };
    connect(dashboard, &DashboardScreen::dayClassChosen, orphans, &OrphanQueueScreen::showDayAndClass);
    connect(dashboard, &DashboardScreen::merchantChosen, orphans,
            [orphans](const QString& id, const QString&) { orphans->showMerchant(id); });
    connect(dashboard, &DashboardScreen::classChosen, orphans, &OrphanQueueScreen::showClass);
    connect(dashboard, &DashboardScreen::dayClassChosen, this, toQueue);
    connect(dashboard, &DashboardScreen::merchantChosen, this, toQueue);
    connect(dashboard, &DashboardScreen::classChosen, this, toQueue);
    connect(orphans, &OrphanQueueScreen::openCustomer, this, &MainWindow::openCustomer);
    connect(screens_, &MirrorScreens::statusMessage, this, [this](const QString& text) {
        screenMessage_ = text;
        statusBar()->showMessage(text, 8000);
    });
    connect(screens_->freshness(), &items::MirrorFreshness::changed, freshness_, &FreshnessIndicator::setFacts);
    wireOps();
}

SessionGuard* MainWindow::sessionGuard() const { return guard_.data(); }

void MainWindow::wireOps()
{
    items::OpsSession* ops = screens_->ops();
    guard_ = new SessionGuard(this, ops, settings_.idleLockMinutes * 60000, screens_);
    RefundsScreen* refunds = screens_->refunds();
    operator_->setText(ops->statusText());
    navigation_->setBadge(ScreenId::Refunds, 0);
    const auto showOperator = [this, ops] {
        operator_->setText(ops->statusText());
        operator_->setStyleSheet(ops->canAct() ? QString() : QStringLiteral("color: #b01c1c;"));
        operator_->setNote(ops->canAct() ? tr("조치는 이 운영자의 이름으로 기록됩니다.") : ops->cannotActReason());
    };
    connect(ops, &items::OpsSession::operatorResolved, this, showOperator);
    connect(ops, &items::OpsSession::linkChanged, this, showOperator);
    banner_->setSession(ops);
    connect(ops, &items::OpsSession::summaryChanged, this,
            [this, ops] { navigation_->setBadge(ScreenId::Refunds, ops->approvalsWaiting()); });
    refunds->setOutboxFolder(settings_.outboxDir);
    connect(refunds, &RefundsScreen::openCustomer, this, &MainWindow::openCustomer);
    connect(screens_->catalog(), &CatalogScreen::catalogRulesChanged, this, &MainWindow::recheckCatalog);
    CasesScreen* cases = screens_->cases();
    navigation_->setCaseCounts(0, 0);
    connect(cases, &CasesScreen::countsChanged, navigation_, &NavigationPanel::setCaseCounts);
    connect(cases, &CasesScreen::countsChanged, screens_->dashboard(), &DashboardScreen::setCaseCounts);
    connect(cases, &CasesScreen::openCustomer, this,
            [this](const QString& customerId) { openCustomer(customerId, QString()); });
    connect(screens_, &MirrorScreens::openCaseRequested, this, [this, cases](const QString& customerId, const QString& ledgerId) {
        showScreen(ScreenId::Cases);
        cases->openCaseDialog(customerId, ledgerId);
    });
    connect(screens_, &MirrorScreens::caseChosen, this, [this, cases](const QString& caseId) {
        showScreen(ScreenId::Cases);
        cases->selectCase(caseId);
    });
    connect(refunds, &RefundsScreen::outboxFolderChosen, this, [this](const QString& dir) {
        settings_.outboxDir = dir;
        settings_.save();
    });
}

// A screen's message ("고객 C-NAM의 타임라인…") is about that screen: it goes with it.
void MainWindow::clearScreenMessage()
{
    if (!screenMessage_.isEmpty() && statusBar()->currentMessage() == screenMessage_)
        statusBar()->clearMessage();
}

void MainWindow::openCustomer(const QString& customerId, const QString& ledgerId)
{
    clearScreenMessage();
    navigation_->setCurrentScreen(ScreenId::Customers);
    screens_->showCustomer(customerId, ledgerId);
}

void MainWindow::importFeeds(const QStringList& files)
{
    if (isBusy() || !screens_ || files.isEmpty())
        return;
    // The catalog rules in force come from the operations store (possibly a server): read on the
    // session's worker first, then handed to the import as values. Busy from now on.
    preparingTask_ = true;
    updateBusy();
    items::readCatalogRules(screens_->ops(), screens_, [this, files](const ops::CatalogRulesInForce& rules, const QString& error) {
        preparingTask_ = false;
        if (!error.isEmpty())
            statusBar()->showMessage(tr("카탈로그 규칙 설정을 읽지 못해 기본값으로 점검합니다: %1").arg(error), 15000);
        startImport(files, rules);
    });
}

void MainWindow::startImport(const QStringList& files, const ops::CatalogRulesInForce& rules)
{
    if (task_ || !screens_) {
        updateBusy();
        return;
    }
    BackgroundTask* task = startTask(tr("피드 가져오는 중"), importFeedJob(screens_->mirrorPath(), files, rules));
    progress_->watch(task);
    connect(task, &BackgroundTask::finished, this, [this](const TaskOutcome& outcome) {
        if (screens_)
            screens_->reloadAll();   // the queue, the dashboard and the freshness read again
        statusBar()->showMessage(outcome.message, 15000);
        if (outcome.status == TaskOutcome::Status::Failed || !outcome.detail.isEmpty()) {
            auto* box = new QMessageBox(outcome.status == TaskOutcome::Status::Failed ? QMessageBox::Warning
                                                                                      : QMessageBox::Information,
                                        tr("피드 가져오기"), outcome.message, QMessageBox::Ok, this);
            box->setDetailedText(outcome.detail);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
    });
}

void MainWindow::recheckCatalog()
{
    if (!screens_)
        return;
    items::readCatalogRules(screens_->ops(), screens_, [this](const ops::CatalogRulesInForce& rules, const QString& error) {
        if (!error.isEmpty() || !screens_) {
            statusBar()->showMessage(tr("카탈로그 규칙 설정을 읽지 못해 다시 점검하지 않았습니다: %1").arg(error), 15000);
            return;
        }
        if (task_) {   // one writer at a time: the next import checks with the new rules anyway
            statusBar()->showMessage(tr("다른 작업이 끝난 뒤 카탈로그를 다시 점검합니다."), 8000);
            connect(task_, &BackgroundTask::finished, this, &MainWindow::recheckCatalog, Qt::SingleShotConnection);
            return;
        }
        BackgroundTask* task = startTask(tr("카탈로그 다시 점검"), recheckCatalogJob(screens_->mirrorPath(), rules));
        progress_->watch(task);
        connect(task, &BackgroundTask::finished, this, [this](const TaskOutcome& outcome) {
            if (screens_)
                screens_->reloadAll();
            statusBar()->showMessage(outcome.message, 15000);
            emit catalogRechecked();
        });
    });
}

void MainWindow::createDemoMirror(const QString& path)
{
    if (isBusy())
        return;
    BackgroundTask* task = startTask(tr("데모 미러 만드는 중"), createDemoJob(path, 20000, 2000));
    auto* dialog = new QProgressDialog(tr("데모 미러를 만드는 중…"), tr("취소"), 0, 1000, this);
    dialog->setWindowTitle(tr("데모 미러"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setMinimumDuration(0);
    dialog->setAutoClose(false);
    dialog->setAutoReset(false);
    connect(dialog, &QProgressDialog::canceled, task, &BackgroundTask::cancel);
    connect(task, &BackgroundTask::progress, dialog, [dialog](int permille, const QString& text) {
        dialog->setValue(permille);
        dialog->setLabelText(text);
    });
    connect(task, &BackgroundTask::finished, dialog, &QWidget::close);
    connect(task, &BackgroundTask::finished, this, [this, path](const TaskOutcome& outcome) {
        if (outcome.status == TaskOutcome::Status::Done) {
            settings_.rememberDemoMirror(path);
            openMirror(path);
        }
        else
            statusBar()->showMessage(outcome.message, 15000);
    });
    dialog->open();
}

BackgroundTask* MainWindow::startTask(const QString& title, BackgroundTask::Job job)
{
    task_ = new BackgroundTask(title, std::move(job), this);
    // Connected first, so the task is over before anyone hears of its outcome.
    connect(task_, &BackgroundTask::finished, this, &MainWindow::taskDone);
    task_->start();
    updateBusy();
    return task_;
}

void MainWindow::taskDone(const TaskOutcome& outcome)
{
    task_->deleteLater();
    task_ = nullptr;
    updateBusy();
    emit taskFinished(outcome);
}

void MainWindow::updateBusy() { menu_->setBusy(isBusy(), screens_ != nullptr); }

void MainWindow::offerFirstRun(const QString& notice)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QString demoPath = dir + QStringLiteral("/demo.db");
    for (int n = 2; QFileInfo::exists(demoPath); ++n)
        demoPath = dir + QStringLiteral("/demo-%1.db").arg(n);
    auto* dialog = new FirstRunDialog(demoPath, notice, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, dialog, dir, demoPath] {
        if (dialog->choice() == FirstRunDialog::CreateDemo) {
            QDir().mkpath(dir);
            createDemoMirror(demoPath);
        } else if (dialog->choice() == FirstRunDialog::OpenExisting) {
            chooseMirror();
        }
    });
    dialog->open();
}

void MainWindow::chooseMirror()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("미러 열기"), QFileInfo(settings_.lastMirror).path(),
                                                      tr("Reconsole 미러 (*.db *.sqlite *.sqlite3);;모든 파일 (*)"));
    if (!path.isEmpty())
        openMirror(path);
}

void MainWindow::chooseFeeds()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("피드 가져오기"), QString(),
                                                            tr("피드 파일 (*.jsonl *.json);;모든 파일 (*)"));
    importFeeds(files);
}

void MainWindow::chooseDemoPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dir);
    const QString path = QFileDialog::getSaveFileName(this, tr("데모 미러 만들기"), dir + QStringLiteral("/demo.db"),
                                                      tr("Reconsole 미러 (*.db)"));
    if (path.isEmpty())
        return;
    if (QFileInfo::exists(path)) {
        statusBar()->showMessage(tr("이미 있는 파일에는 데모를 만들 수 없습니다: %1").arg(path), 10000);
        return;
    }
    createDemoMirror(path);
}

void MainWindow::restoreWindowState()
{
    if (!settings_.windowGeometry.isEmpty())
        restoreGeometry(settings_.windowGeometry);
    if (!settings_.windowState.isEmpty())
        restoreState(settings_.windowState);
}

void MainWindow::saveState()
{
    settings_.windowGeometry = saveGeometry();
    settings_.windowState = QMainWindow::saveState();
    if (screens_)
        screens_->saveLayouts(settings_);
    settings_.save();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveState();
    if (task_)
        task_->cancel();
    event->accept();
}

}  // namespace reconsole::ui
