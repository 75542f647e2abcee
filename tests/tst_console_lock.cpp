// Sign-in in the window (docs/sign-in.md), offscreen: the dialog when the store has operators,
// its refusals, the must-change step, the idle lock that hides the data and lets nothing reach
// the store until the same operator's password unlocks it (same screen, same selection), and
// signing out. The store is checked directly afterwards: the gate is the session's, not a
// hidden button.
#include "items/ops_session.h"
#include "items/ops_worker.h"
#include "items/orphan_queue_model.h"
#include "ops/ops_store.h"
#include "ops/refund_service.h"
#include "store/database.h"
#include "test_mirror.h"
#include "test_operators.h"
#include "ui/main_window.h"
#include "ui/orphans/orphan_detail_pane.h"
#include "ui/orphans/orphan_queue_screen.h"
#include "ui/shell/console_settings.h"
#include "ui/shell/lock_overlay.h"
#include "ui/shell/mirror_screens.h"
#include "ui/shell/session_guard.h"
#include "ui/shell/sign_in_dialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <algorithm>

using namespace reconsole;
using reconsole::ui::MainWindow;
using reconsole::ui::ScreenId;

class TestConsoleLock : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void theDialogSignsInAndShowsRefusals();
    void aPasswordSetByAnAdminIsReplacedFirst();
    void aLockedConsoleDoesNothingUntilUnlocked();
    void signingOutReturnsToTheDialog();

private:
    MainWindow* open(const QString& operatorId, const QString& password);
    items::OpsSession* session() const { return window_->screens()->ops(); }
    ui::SignInDialog* dialog() const { return window_->sessionGuard()->dialog(); }
    // Posts a refund request for L-0003 through the session's worker, as the refund dialog does.
    QString requestThroughTheSession();
    int refundsInStore();
    std::vector<ops::AuditEntry> auditOf(const std::string& target);
    static void press(ui::SignInDialog* d)
    {
        d->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
    }

    std::unique_ptr<test::TestMirror> mirror_;
    std::string opsPath_;
    ui::ConsoleSettings settings_;
    std::unique_ptr<MainWindow> window_;
};

void TestConsoleLock::init()
{
    mirror_ = std::make_unique<test::TestMirror>();
    mirror_->import({test::sharedPath("examples/incident-small.jsonl")});
    opsPath_ = ops::defaultOpsPath(mirror_->path());
    auto store = ops::openOpsStore(opsPath_);
    Database mirrorDb(mirror_->path(), Database::Mode::ReadOnly);
    const ops::OpsContext ctx{*store, mirrorDb};
    ops::Operator admin, lee, kim;
    admin.id = "admin";
    admin.roles = ops::Roles{ops::Role::Admin};
    lee.id = "lee.ops";
    lee.name = "이운영";
    lee.roles = ops::Roles{ops::Role::Ops};
    kim.id = "kim.agent";
    kim.roles = ops::Roles{ops::Role::Agent};
    QVERIFY(test::addOperatorWithPassword(ctx, "", admin));
    QVERIFY(test::addOperatorWithPassword(ctx, "admin", lee));
    QVERIFY(ops::OperatorService(ctx).add("admin", kim, "kim-initial-password"));   // still the admin's
}

void TestConsoleLock::cleanup()
{
    window_.reset();
    mirror_.reset();
}

MainWindow* TestConsoleLock::open(const QString& operatorId, const QString& password)
{
    settings_ = ui::ConsoleSettings{};
    settings_.operatorId = operatorId;
    window_ = std::make_unique<MainWindow>(settings_);
    window_->setPassword(password);
    window_->resize(1200, 800);
    window_->show();
    QSignalSpy opened(window_.get(), &MainWindow::mirrorOpened);
    window_->openMirror(QString::fromStdString(mirror_->path()));
    if (!opened.wait(10000) || !window_->screens())
        return nullptr;
    items::OpsSession* ops = session();
    if (!QTest::qWaitFor([ops] { return ops->isResolved() && ops->signInState() != items::SignIn::Checking; }, 10000))
        return nullptr;
    return window_.get();
}

QString TestConsoleLock::requestThroughTheSession()
{
    QString error = QStringLiteral("(no answer)");
    bool answered = false;
    const std::string actor = "lee.ops";
    session()->worker()->run(
        this,
        [actor](ops::OpsContext& ctx) {
            return ops::RefundService(ctx).request(actor, ops::RefundDraft{"L-0003", Money(1000), "ORPHAN_DEBIT", "", {}}).ok();
        },
        [&](std::optional<bool> ok, const QString& why) {
            answered = true;
            error = ok && *ok ? QString() : why;
        });
    if (!QTest::qWaitFor([&] { return answered; }, 10000))
        return QStringLiteral("(no answer)");
    return error;
}

int TestConsoleLock::refundsInStore()
{
    auto store = ops::openOpsStore(opsPath_);
    int n = 0;
    store->read([&](ops::OpsReader& r) { n = int(r.refunds({}).size()); });
    return n;
}

std::vector<ops::AuditEntry> TestConsoleLock::auditOf(const std::string& target)
{
    auto store = ops::openOpsStore(opsPath_);
    std::vector<ops::AuditEntry> out;
    store->read([&](ops::OpsReader& r) { out = r.audit(ops::AuditFilter{{}, {}, target, {}, {}, false, 100}); });
    return out;
}

void TestConsoleLock::theDialogSignsInAndShowsRefusals()
{
    QVERIFY(open(QStringLiteral("lee.ops"), QString()));   // no password given: the dialog asks
    QCOMPARE(session()->signInState(), items::SignIn::Needed);
    QVERIFY(!session()->canAct());
    QTRY_VERIFY(dialog() && dialog()->isVisible());
    QCOMPARE(dialog()->operatorEdit()->text(), QStringLiteral("lee.ops"));
    QCOMPARE(dialog()->passwordEdit()->echoMode(), QLineEdit::Password);
    QVERIFY(!requestThroughTheSession().isEmpty());   // nothing reaches the store before a sign-in
    QCOMPARE(refundsInStore(), 0);
    // A wrong password: the refusal in the dialog, for an unknown operator the same words.
    dialog()->passwordEdit()->setText(QStringLiteral("not lee's password"));
    press(dialog());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog()->refusalLabel()->text().isEmpty(), 10000);
    const QString wrong = dialog()->refusalLabel()->text();
    QVERIFY2(wrong.contains(QStringLiteral("없는 운영자이거나 암호가 틀립니다")), qPrintable(wrong));
    dialog()->operatorEdit()->setText(QStringLiteral("nobody"));
    dialog()->passwordEdit()->setText(QStringLiteral("not lee's password"));
    dialog()->refusalLabel()->clear();
    press(dialog());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog()->refusalLabel()->text().isEmpty(), 10000);
    QCOMPARE(dialog()->refusalLabel()->text(), wrong);
    QVERIFY(!session()->canAct());
    // The right one: signed in, the dialog gone, actions reach the store.
    dialog()->operatorEdit()->setText(QStringLiteral("lee.ops"));
    dialog()->passwordEdit()->setText(test::passwordOf(QStringLiteral("lee.ops")));
    press(dialog());
    QTRY_VERIFY_WITH_TIMEOUT(session()->canAct(), 10000);
    QTRY_VERIFY(!dialog() || !dialog()->isVisible());
    QCOMPARE(requestThroughTheSession(), QString());
    QCOMPARE(refundsInStore(), 1);
}

void TestConsoleLock::aPasswordSetByAnAdminIsReplacedFirst()
{
    QVERIFY(open(QStringLiteral("kim.agent"), QStringLiteral("kim-initial-password")));
    QTRY_COMPARE_WITH_TIMEOUT(session()->signInState(), items::SignIn::MustChangePassword, 10000);
    QVERIFY(!session()->canAct());
    QTRY_VERIFY(dialog() && dialog()->isVisible() && dialog()->asksNewPassword());
    QCOMPARE(dialog()->newPasswordEdit()->echoMode(), QLineEdit::Password);
    dialog()->newPasswordEdit()->setText(QStringLiteral("kim-own-password-1"));
    dialog()->repeatEdit()->setText(QStringLiteral("kim-own-password-2"));
    press(dialog());
    QVERIFY(dialog()->refusalLabel()->text().contains(QStringLiteral("다릅니다")));
    QVERIFY(!session()->canAct());
    dialog()->repeatEdit()->setText(QStringLiteral("kim-own-password-1"));
    press(dialog());
    QTRY_VERIFY_WITH_TIMEOUT(session()->canAct(), 10000);
    // The store agrees: kim's own password now, no change asked any more.
    auto store = ops::openOpsStore(opsPath_);
    Database mirrorDb(mirror_->path(), Database::Mode::ReadOnly);
    ops::OpsContext ctx{*store, mirrorDb};
    QVERIFY(ops::SignInService(ctx).signIn("kim.agent", "kim-own-password-1"));
    store->read([](ops::OpsReader& r) { QVERIFY(!r.credential("kim.agent")->mustChange); });
}

void TestConsoleLock::aLockedConsoleDoesNothingUntilUnlocked()
{
    QVERIFY(open(QStringLiteral("lee.ops"), test::passwordOf(QStringLiteral("lee.ops"))));
    QTRY_VERIFY_WITH_TIMEOUT(session()->canAct(), 10000);
    // The screen and selection the operator was on.
    window_->showScreen(ScreenId::Orphans);
    ui::OrphanQueueScreen* queue = window_->screens()->orphans();
    QTRY_VERIFY_WITH_TIMEOUT(queue->isLoaded(), 10000);
    QAbstractItemModel* model = queue->view()->model();
    int row = -1;
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, 0).data(items::OrphanQueueModel::LedgerIdRole).toString() == QStringLiteral("L-0006"))
            row = r;
    QVERIFY(row >= 0);
    queue->selectRow(row);
    QTRY_VERIFY_WITH_TIMEOUT(queue->detail()->isLoaded() && queue->detail()->ledgerId() == QStringLiteral("L-0006"), 10000);
    const int selected = queue->view()->currentIndex().row();
    // No input for the idle time: locked.
    ui::SessionGuard* guard = window_->sessionGuard();
    guard->setIdleLockMs(300);
    QTRY_VERIFY_WITH_TIMEOUT(session()->isLocked(), 5000);
    ui::LockOverlay* overlay = guard->overlay();
    QVERIFY(overlay->isVisible());
    QCOMPARE(overlay->geometry(), window_->rect());   // covers the whole window: no data shows
    QVERIFY(!session()->canAct());
    // Locked: an action posted to the session never reaches the store; neither does a read.
    QVERIFY(!requestThroughTheSession().isEmpty());
    QCOMPARE(refundsInStore(), 0);
    // Another operator's password does not unlock it, nor a wrong one; each refusal is shown.
    overlay->passwordEdit()->setText(test::passwordOf(QStringLiteral("admin")));
    overlay->findChild<QPushButton*>(QStringLiteral("unlockButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(!overlay->refusalLabel()->text().isEmpty(), 10000);
    QVERIFY(session()->isLocked());
    QVERIFY(!requestThroughTheSession().isEmpty());
    // The same operator's password: back on the same screen, the same row selected.
    overlay->passwordEdit()->setText(test::passwordOf(QStringLiteral("lee.ops")));
    emit overlay->unlockRequested(overlay->passwordEdit()->text());
    QTRY_VERIFY_WITH_TIMEOUT(!session()->isLocked(), 10000);
    QVERIFY(!overlay->isVisible());
    QVERIFY(session()->canAct());
    QCOMPARE(window_->screens()->currentScreen(), ScreenId::Orphans);
    QCOMPARE(queue->view()->currentIndex().row(), selected);
    QCOMPARE(queue->detail()->ledgerId(), QStringLiteral("L-0006"));
    guard->setIdleLockMs(0);
    QCOMPARE(requestThroughTheSession(), QString());
    QCOMPARE(refundsInStore(), 1);
    // Audited: the refused unlock and the one that worked.
    const auto audit = auditOf("lee.ops");
    QVERIFY(std::any_of(audit.begin(), audit.end(), [](const ops::AuditEntry& e) {
        return e.action == "operator.unlock" && e.outcome.rfind("refused: sign_in_refused", 0) == 0;
    }));
    QVERIFY(std::any_of(audit.begin(), audit.end(),
                        [](const ops::AuditEntry& e) { return e.action == "operator.unlock" && e.outcome == "ok"; }));
}

void TestConsoleLock::signingOutReturnsToTheDialog()
{
    QVERIFY(open(QStringLiteral("lee.ops"), test::passwordOf(QStringLiteral("lee.ops"))));
    QTRY_VERIFY_WITH_TIMEOUT(session()->canAct(), 10000);
    window_->sessionGuard()->signOut();
    QCOMPARE(session()->signInState(), items::SignIn::Needed);
    QVERIFY(!session()->canAct());
    QTRY_VERIFY(dialog() && dialog()->isVisible());
    QVERIFY(!requestThroughTheSession().isEmpty());
    QCOMPARE(refundsInStore(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!auditOf("lee.ops").empty() && auditOf("lee.ops").front().action == "operator.sign_out", 10000);
}

QTEST_MAIN(TestConsoleLock)
#include "tst_console_lock.moc"
