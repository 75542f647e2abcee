// The operations side of the real main window under the offscreen platform, on the example
// mirror with operators made through OperatorService: the refund dialog on orphan L-0003
// submitted twice makes one request; a second operator approves it on the Refunds screen;
// the approvals badge counts it; the queue marks the orphan as under way; Verify reports the
// audit chain intact; a refused action shows the refusal; with no operator the console opens
// and says why nothing can be done. Every new item model runs under QAbstractItemModelTester.
#include "items/audit_log_model.h"
#include "items/ops_session.h"
#include "items/orphan_queue_model.h"
#include "items/refund_list_model.h"
#include "items/refund_mark_proxy.h"
#include "items/refund_preview.h"
#include "ops/operator_service.h"
#include "ops/ops_store.h"
#include "ops/refund_service.h"
#include "store/database.h"
#include "test_mirror.h"
#include "test_operators.h"
#include "ui/audit/audit_screen.h"
#include "ui/main_window.h"
#include "ui/widgets/eliding_label.h"
#include "ui/orphans/orphan_queue_screen.h"
#include "ui/refunds/refund_dialog.h"
#include "ui/refunds/refunds_screen.h"
#include "ui/shell/console_settings.h"
#include "ui/shell/mirror_screens.h"
#include "ui/shell/session_guard.h"
#include "ui/shell/sign_in_dialog.h"
#include "ui/shell/navigation_panel.h"

#include <QAbstractItemModelTester>
#include <sqlite3.h>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace reconsole;
using items::RefundListModel;
using ui::MainWindow;
using ui::ScreenId;

class TestRefundScreens : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void parsesTypedWon_data();
    void parsesTypedWon();
    void doubleSubmitMakesOneRequestAndASecondOperatorApproves();
    void refusedActionShowsTheRefusal();
    void auditVerifyReportsIntact();
    void auditVerifyNamesTheFirstBrokenEntry();
    void badgeFollowsOtherConsolesPeriodically();
    void refundRowsOverdueFirstThenNewest();
    void withoutOperatorTheConsoleOpensAndSaysWhy();

private:
    MainWindow* openAs(const QString& operatorId, const QString& opsPath = {});
    ui::MirrorScreens* screens(MainWindow* w) const { return w->screens(); }
    std::vector<ops::RefundRequest> requestsOf(const std::string& ledgerId);
    void attachTesters(MainWindow* w);

    std::unique_ptr<test::TestMirror> mirror_;
    std::string opsPath_;
    std::vector<std::unique_ptr<ui::ConsoleSettings>> settings_;
    std::vector<std::unique_ptr<MainWindow>> windows_;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers_;
};

void TestRefundScreens::init()
{
    mirror_ = std::make_unique<test::TestMirror>();
    mirror_->import({test::sharedPath("examples/incident-small.jsonl")});
    opsPath_ = ops::defaultOpsPath(mirror_->path());
    auto store = ops::openOpsStore(opsPath_);
    Database mirrorDb(mirror_->path(), Database::Mode::ReadOnly);
    ops::OpsContext fixtureCtx{*store, mirrorDb};
    const auto add = [&](const std::string& actor, const std::string& id, ops::Role role, const std::string& name) {
        ops::Operator op;
        op.id = id;
        op.name = name;
        op.roles = ops::Roles{role};
        const auto made = test::addOperatorWithPassword(fixtureCtx, actor, op);
        QVERIFY2(made.ok(), made.ok() ? "" : made.refusal().message.c_str());
    };
    add("", "admin", ops::Role::Admin, "관리자");
    add("admin", "kim.agent", ops::Role::Agent, "김상담");
    add("admin", "lee.ops", ops::Role::Ops, "이운영");
    add("admin", "off.agent", ops::Role::Agent, "");
}

void TestRefundScreens::cleanup()
{
    testers_.clear();
    windows_.clear();
    settings_.clear();
    mirror_.reset();
}

MainWindow* TestRefundScreens::openAs(const QString& operatorId, const QString& opsPath)
{
    settings_.push_back(std::make_unique<ui::ConsoleSettings>());
    settings_.back()->operatorId = operatorId;
    settings_.back()->opsPath = opsPath;
    windows_.push_back(std::make_unique<MainWindow>(*settings_.back()));
    MainWindow* w = windows_.back().get();
    w->setPassword(test::passwordOf(operatorId));   // as RECONSOLE_PASSWORD with --as
    w->show();
    QSignalSpy opened(w, &MainWindow::mirrorOpened);
    w->openMirror(QString::fromStdString(mirror_->path()));
    if (!opened.wait(10000) || !w->screens())
        return nullptr;
    items::OpsSession* ops = w->screens()->ops();
    if (!QTest::qWaitFor([ops] { return ops->isResolved() && ops->signInState() != items::SignIn::Checking; }, 10000))
        return nullptr;
    attachTesters(w);
    return w;
}

void TestRefundScreens::attachTesters(MainWindow* w)
{
    using Mode = QAbstractItemModelTester::FailureReportingMode;
    for (QAbstractItemModel* m : std::initializer_list<QAbstractItemModel*>{
             w->screens()->refunds()->model(), w->screens()->audit()->model(), w->screens()->orphans()->refundMarks()})
        testers_.push_back(std::make_unique<QAbstractItemModelTester>(m, Mode::QtTest));
}

std::vector<ops::RefundRequest> TestRefundScreens::requestsOf(const std::string& ledgerId)
{
    auto store = ops::openOpsStore(opsPath_);
    std::vector<ops::RefundRequest> out;
    store->read([&](ops::OpsReader& r) { out = r.refundsForLedger(ledgerId); });
    return out;
}

void TestRefundScreens::parsesTypedWon_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("won");   // -1: refused
    QTest::newRow("plain") << "50000" << qint64(50000);
    QTest::newRow("grouped") << "50,000" << qint64(50000);
    QTest::newRow("with won sign") << "₩1,234 " << qint64(1234);
    QTest::newRow("64-bit max") << "9,223,372,036,854,775,807" << qint64(9223372036854775807LL);
    QTest::newRow("past 64 bits") << "9223372036854775808" << qint64(-1);
    QTest::newRow("empty") << "" << qint64(-1);
    QTest::newRow("decimal") << "10.5" << qint64(-1);
    QTest::newRow("negative") << "-5" << qint64(-1);
}

void TestRefundScreens::parsesTypedWon()
{
    QFETCH(QString, text);
    QFETCH(qint64, won);
    const auto parsed = items::parseWonInput(text);
    QCOMPARE(parsed ? qint64(parsed->won()) : qint64(-1), won);
}

void TestRefundScreens::doubleSubmitMakesOneRequestAndASecondOperatorApproves()
{
    // An agent asks for the refund: the dialog is prefilled with the orphan amount.
    MainWindow* agent = openAs(QStringLiteral("kim.agent"));
    QVERIFY(agent);
    QVERIFY(agent->operatorLabel()->text().contains(QStringLiteral("kim.agent")));
    agent->showScreen(ScreenId::Orphans);
    ui::OrphanQueueScreen* queue = screens(agent)->orphans();
    QTRY_VERIFY_WITH_TIMEOUT(queue->isLoaded(), 10000);
    ui::RefundDialog* dialog = queue->openRefundDialog(QStringLiteral("L-0003"));
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isQuoteLoaded(), 10000);
    QCOMPARE(dialog->amountEdit()->text(), QStringLiteral("50,000"));
    QVERIFY2(dialog->summaryText().startsWith(QStringLiteral("₩50,000을 고객 ")), qPrintable(dialog->summaryText()));
    QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("refundApproval"))->text().contains(QStringLiteral("승인이 필요")));
    QVERIFY(dialog->confirmButton()->isEnabled());

    // A double click, and a retry of the same dialog: one request.
    QSignalSpy answered(dialog, &ui::RefundDialog::submitted);
    QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
    QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
    dialog->submit();
    QTRY_COMPARE_WITH_TIMEOUT(answered.count(), 2, 10000);
    QVERIFY(answered.at(0).at(0).toBool() && answered.at(1).at(0).toBool());
    const auto made = requestsOf("L-0003");
    QCOMPARE(made.size(), std::size_t(1));
    QCOMPARE(made.front().amount, Money(50'000));
    QCOMPARE(made.front().state, ops::RefundState::Requested);
    QCOMPARE(made.front().opId, dialog->operationId().toStdString());
    QCOMPARE(dialog->madeRequestId(), QString::fromStdString(made.front().id));

    // The queue marks the orphan and counts it apart from those that need action.
    const int row = [&] {
        for (int r = 0; r < queue->model()->rowCount(); ++r)
            if (queue->model()->rowAt(r) && queue->model()->rowAt(r)->ledgerId == "L-0003")
                return r;
        return -1;
    }();
    QVERIFY(row >= 0);
    items::RefundMarkProxy* marks = queue->refundMarks();
    QTRY_VERIFY_WITH_TIMEOUT(marks->index(row, marks->markColumn()).data().toString().startsWith(
                                 QStringLiteral("환불 진행 중 ₩50,000 · ")),
                             10000);
    QCOMPARE(marks->index(row, marks->markColumn()).data(items::RefundMarkProxy::RefundUnderWayRole).toLongLong(), 50000);
    QTRY_COMPARE_WITH_TIMEOUT(queue->refundSummaryText(), QStringLiteral("조치 필요 3건 · 환불 진행 중 1건"), 10000);
    // At the smallest size, with a filter's remark in the note: the window stays 1024 px, the
    // total and the refund count stay whole, and the note beside them is what gets cut.
    items::OrphanFilter filtered;
    filtered.text = "L-000";
    queue->model()->setFilter(filtered);
    agent->resize(1024, 700);
    auto* note = queue->findChild<ui::ElidingLabel*>(QStringLiteral("queueNote"));
    QVERIFY(note);
    QTRY_VERIFY_WITH_TIMEOUT(note->text().contains(QStringLiteral("필터 적용 중")), 10000);
    // The longest note the screen writes: while the orphan state is recomputed after a bulk load.
    note->setText(note->text().replace(QStringLiteral(" · 필터 적용 중"),
                                       QStringLiteral(" · 대량 가져오기 후 다시 계산 중이라 목록이 늦을 수 있습니다 · 필터 적용 중")));
    QTRY_COMPARE_WITH_TIMEOUT(agent->width(), 1024, 2000);
    QTest::qWait(50);   // a layout that would widen the window has run by now
    QCOMPARE(agent->width(), 1024);
    for (const char* name : {"queueTotal", "queueRefunds"}) {
        auto* label = queue->findChild<QLabel*>(QLatin1String(name));
        QTRY_VERIFY2_WITH_TIMEOUT(label->width() >= label->sizeHint().width(),
                                  qPrintable(QStringLiteral("%1: %2 px for \"%3\", which needs %4")
                                                 .arg(QLatin1String(name)).arg(label->width())
                                                 .arg(label->text()).arg(label->sizeHint().width())),
                                  2000);
    }
    QVERIFY2(note->isElided(), qPrintable(note->shownText()));
    queue->model()->setFilter(items::OrphanFilter{});
    agent->resize(1440, 900);

    // Another operator (ops) sees it in the approvals inbox, with the count in the navigation.
    MainWindow* ops = openAs(QStringLiteral("lee.ops"));
    QVERIFY(ops);
    auto* nav = ops->findChild<ui::NavigationPanel*>(QStringLiteral("navigation"));
    QTRY_COMPARE_WITH_TIMEOUT(nav->badge(ScreenId::Refunds), 1, 10000);
    QCOMPARE(nav->item(int(ScreenId::Refunds))->text(), QStringLiteral("환불 (1)"));
    ops->showScreen(ScreenId::Refunds);
    ui::RefundsScreen* refunds = screens(ops)->refunds();
    refunds->showApprovalsInbox();
    QTRY_VERIFY_WITH_TIMEOUT(refunds->isLoaded() && refunds->model()->rowCount() == 1, 10000);
    refunds->selectRequest(QString::fromStdString(made.front().id));
    QPushButton* approve = refunds->actionButton(ui::RefundsScreen::Action::Approve);
    QVERIFY(approve->isEnabled());
    QVERIFY(!refunds->actionButton(ui::RefundsScreen::Action::RecordFailure)->isEnabled());
    QSignalSpy acted(refunds, &ui::RefundsScreen::actionFinished);
    QTest::mouseClick(approve, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(acted.count(), 1, 10000);
    QVERIFY2(acted.at(0).at(0).toBool(), qPrintable(refunds->noticeText()));
    QCOMPARE(requestsOf("L-0003").front().state, ops::RefundState::Approved);
    QCOMPARE(*requestsOf("L-0003").front().approvedBy, std::string("lee.ops"));
    QTRY_COMPARE_WITH_TIMEOUT(nav->badge(ScreenId::Refunds), 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(refunds->isLoaded() && refunds->model()->rowCount() == 0, 10000);   // inbox empty

    // The hand-over: "지금 내보내기" writes one outbox file into the folder from the settings.
    QTemporaryDir outbox;
    refunds->setOutboxFolder(outbox.path());
    QSignalSpy exported(refunds, &ui::RefundsScreen::exportFinished);
    refunds->findChild<QPushButton*>(QStringLiteral("outboxExport"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, 10000);
    QVERIFY2(exported.at(0).at(0).toBool(), qPrintable(refunds->noticeText()));
    const QStringList files = QDir(outbox.path()).entryList(QDir::Files);
    QCOMPARE(files.size(), 1);
    QVERIFY2(refunds->noticeText().startsWith(QStringLiteral("요청 1건을 플랫폼에 넘겼습니다: ")), qPrintable(refunds->noticeText()));
    QVERIFY(refunds->noticeText().contains(files.first()));
    QCOMPARE(requestsOf("L-0003").front().state, ops::RefundState::Sent);

    // Nothing left to refund: a new dialog says so and cannot submit.
    ui::RefundDialog* again = screens(ops)->orphans()->openRefundDialog(QStringLiteral("L-0003"));
    QTRY_VERIFY_WITH_TIMEOUT(again->isQuoteLoaded(), 10000);
    QVERIFY(!again->confirmButton()->isEnabled());
    QVERIFY(again->statusText().contains(QStringLiteral("남아 있지 않습니다")));
}

void TestRefundScreens::refusedActionShowsTheRefusal()
{
    MainWindow* agent = openAs(QStringLiteral("kim.agent"));
    QVERIFY(agent);
    ui::RefundDialog* dialog = screens(agent)->orphans()->openRefundDialog(QStringLiteral("L-0003"));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isQuoteLoaded(), 10000);
    QSignalSpy answered(dialog, &ui::RefundDialog::submitted);
    dialog->submit();
    QTRY_COMPARE_WITH_TIMEOUT(answered.count(), 1, 10000);

    // The agent's own request: the screen offers no approval, and the service refuses one anyway.
    agent->showScreen(ScreenId::Refunds);
    ui::RefundsScreen* refunds = screens(agent)->refunds();
    QTRY_VERIFY_WITH_TIMEOUT(refunds->isLoaded() && refunds->model()->rowCount() == 1, 10000);
    refunds->selectRequest(dialog->madeRequestId());
    QVERIFY(!refunds->actionButton(ui::RefundsScreen::Action::Approve)->isEnabled());
    QVERIFY(refunds->actionButton(ui::RefundsScreen::Action::Cancel)->isEnabled());
    QSignalSpy acted(refunds, &ui::RefundsScreen::actionFinished);
    refunds->act(ui::RefundsScreen::Action::Approve);
    QTRY_COMPARE_WITH_TIMEOUT(acted.count(), 1, 10000);
    QVERIFY(!acted.at(0).at(0).toBool());
    const QString notice = refunds->noticeText();
    QVERIFY2(notice.startsWith(QStringLiteral("이 운영자의 역할로는 할 수 없는 일입니다."))
                 || notice.startsWith(QStringLiteral("자신의 요청은 승인할 수 없습니다.")),
             qPrintable(notice));
    QCOMPARE(requestsOf("L-0003").front().state, ops::RefundState::Requested);

    // A double-click on a request opens its customer's timeline.
    const QRect cell = refunds->view()->visualRect(refunds->model()->index(0, RefundListModel::Ledger));
    QVERIFY(cell.isValid());
    QTest::mouseClick(refunds->view()->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(refunds->view()->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(screens(agent)->currentScreen(), ScreenId::Customers);

    // A refused amount in the dialog: more than is left.
    ui::RefundDialog* second = screens(agent)->orphans()->openRefundDialog(QStringLiteral("L-0003"));
    QTRY_VERIFY_WITH_TIMEOUT(second->isQuoteLoaded(), 10000);
    QVERIFY(second->statusText().contains(QStringLiteral("남아 있지 않습니다")));
}

void TestRefundScreens::auditVerifyReportsIntact()
{
    MainWindow* ops = openAs(QStringLiteral("lee.ops"));
    QVERIFY(ops);
    ops->showScreen(ScreenId::AuditLog);
    ui::AuditScreen* audit = screens(ops)->audit();
    QTRY_VERIFY_WITH_TIMEOUT(audit->isLoaded() && audit->model()->rowCount() >= 4, 10000);   // four operators added
    // Newest first: lee.ops's own sign-in (and what the screens did since) above the operators'
    // own passwords; the last operator added with its values after.
    int signIn = -1;
    for (int row = audit->model()->rowCount() - 1; row >= 0; --row)
        if (audit->model()->index(row, items::AuditLogModel::Action).data().toString() == QStringLiteral("operator.sign_in"))
            signIn = row;
    QVERIFY(signIn >= 0);
    QCOMPARE(audit->model()->index(signIn, items::AuditLogModel::Target).data().toString(), QStringLiteral("lee.ops"));
    int added = -1;
    for (int row = audit->model()->rowCount() - 1; row >= 0; --row)
        if (audit->model()->index(row, items::AuditLogModel::Action).data().toString() == QStringLiteral("operator.add"))
            added = row;   // the newest add
    QVERIFY(added >= 0);
    QCOMPARE(audit->model()->index(added, items::AuditLogModel::Target).data().toString(), QStringLiteral("off.agent"));
    audit->view()->selectRow(added);
    QTRY_VERIFY(audit->afterText().contains(QStringLiteral("off.agent")));
    QSignalSpy verified(audit, &ui::AuditScreen::verified);
    audit->findChild<QPushButton*>(QStringLiteral("auditVerify"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(verified.count(), 1, 10000);
    QVERIFY(verified.at(0).at(0).toBool());
    QVERIFY2(audit->verdictText().startsWith(QStringLiteral("✔ 온전합니다: 항목 ")), qPrintable(audit->verdictText()));
}

void TestRefundScreens::auditVerifyNamesTheFirstBrokenEntry()
{
    // Someone edits entry 2 behind the console's back (the store's triggers dropped first).
    sqlite3* raw = nullptr;
    QCOMPARE(sqlite3_open(opsPath_.c_str(), &raw), SQLITE_OK);
    QCOMPARE(sqlite3_exec(raw,
                          "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'mallory' WHERE seq = 2;",
                          nullptr, nullptr, nullptr),
             SQLITE_OK);
    sqlite3_close(raw);

    MainWindow* ops = openAs(QStringLiteral("lee.ops"));
    QVERIFY(ops);
    ui::AuditScreen* audit = screens(ops)->audit();
    QSignalSpy verified(audit, &ui::AuditScreen::verified);
    audit->verify();
    QTRY_COMPARE_WITH_TIMEOUT(verified.count(), 1, 10000);
    QVERIFY(!verified.at(0).at(0).toBool());
    QVERIFY2(audit->verdictText().startsWith(QStringLiteral("✘ 깨졌습니다: 2번 항목부터 맞지 않습니다")),
             qPrintable(audit->verdictText()));
    QVERIFY(audit->findChild<QLabel*>(QStringLiteral("auditVerdict"))->styleSheet().contains(QStringLiteral("#b01c1c")));
}

// Another console (here: the service, straight) makes a request; the badge of an ops console
// follows on its own, without any action in it.
void TestRefundScreens::badgeFollowsOtherConsolesPeriodically()
{
    items::OpsSessionOptions o;
    o.mirrorPath = QString::fromStdString(mirror_->path());
    o.opsSpec = QString::fromStdString(opsPath_);
    o.operatorId = QStringLiteral("lee.ops");
    o.password = test::passwordOf(o.operatorId);
    o.summaryIntervalMs = 100;
    items::OpsSession session(o);
    session.resolve();
    QTRY_VERIFY_WITH_TIMEOUT(session.hasSummary(), 10000);
    QCOMPARE(session.approvalsWaiting(), 0);
    {
        auto store = ops::openOpsStore(opsPath_);
        Database mirrorDb(mirror_->path(), Database::Mode::ReadOnly);
        ops::RefundDraft draft;
        draft.ledgerId = "L-0003";
        draft.reason = "ORPHAN_DEBIT";
        const auto made = ops::RefundService(ops::OpsContext{*store, mirrorDb}).request("kim.agent", draft);
        QVERIFY(made.ok());
    }
    QTRY_COMPARE_WITH_TIMEOUT(session.approvalsWaiting(), 1, 10000);
}

void TestRefundScreens::refundRowsOverdueFirstThenNewest()
{
    const auto row = [](const char* id, ops::RefundState state, Instant at, bool overdue, bool canApprove) {
        ops::RefundRow r;
        r.request.id = id;
        r.request.ledgerId = std::string("L-") + id;
        r.request.customerId = "C-NAM";
        r.request.requestedBy = "kim.agent";
        r.request.state = state;
        r.request.requestedAt = at;
        r.overdue = overdue;
        r.canApprove = canApprove;
        return r;
    };
    using S = ops::RefundState;
    const std::vector<ops::RefundRow> rows = {row("a", S::Requested, 1000, false, true), row("b", S::Sent, 500, true, false),
                                              row("c", S::Requested, 3000, false, false), row("d", S::Sent, 2000, false, false),
                                              row("e", S::Sent, 100, true, false)};
    const auto ids = [](const std::vector<ops::RefundRow>& shaped) {
        QStringList out;
        for (const auto& r : shaped)
            out << QString::fromStdString(r.request.id);
        return out.join(QLatin1Char(','));
    };
    QCOMPARE(ids(items::shapeRefundRows(rows, {})), QStringLiteral("b,e,c,d,a"));
    items::RefundQuery inbox;
    inbox.awaitingMe = true;
    QCOMPARE(ids(items::shapeRefundRows(rows, inbox)), QStringLiteral("a"));
    items::RefundQuery overdue;
    overdue.overdueOnly = true;
    QCOMPARE(ids(items::shapeRefundRows(rows, overdue)), QStringLiteral("b,e"));
    items::RefundQuery sent;
    sent.state = S::Sent;
    QCOMPARE(ids(items::shapeRefundRows(rows, sent)), QStringLiteral("b,e,d"));
    items::RefundQuery text;
    text.text = "l-C";
    QCOMPARE(ids(items::shapeRefundRows(rows, text)), QStringLiteral("c"));
}

void TestRefundScreens::withoutOperatorTheConsoleOpensAndSaysWhy()
{
    // Nobody signed in (no --as, no password): the dialog asks, the read-only screens work, and
    // every refund action says why it cannot be taken.
    const QString notSignedIn = QStringLiteral("로그인하지 않았습니다: 조치를 하려면 로그인하세요.");
    MainWindow* nobody = openAs(QString());
    QVERIFY(nobody);
    QCOMPARE(nobody->operatorLabel()->text(), notSignedIn);
    QTRY_VERIFY(nobody->sessionGuard()->dialog() && nobody->sessionGuard()->dialog()->isVisible());
    nobody->showScreen(ScreenId::Orphans);
    QTRY_VERIFY_WITH_TIMEOUT(screens(nobody)->orphans()->isLoaded(), 10000);   // read-only screens work
    ui::RefundDialog* dialog = screens(nobody)->orphans()->openRefundDialog(QStringLiteral("L-0003"));
    QVERIFY(dialog);
    QCOMPARE(dialog->statusText(), notSignedIn);
    QVERIFY(!dialog->confirmButton()->isEnabled());
    QTRY_VERIFY(screens(nobody)->refunds()->isLoaded());
    QCOMPARE(screens(nobody)->refunds()->model()->notice(), notSignedIn);

    // An unknown operator is answered as a wrong password would be, in the dialog.
    MainWindow* unknown = openAs(QStringLiteral("ghost"));
    QVERIFY(unknown);
    QVERIFY(!screens(unknown)->ops()->canAct());
    QTRY_VERIFY(unknown->sessionGuard()->dialog() && unknown->sessionGuard()->dialog()->isVisible());
    QTRY_VERIFY(unknown->sessionGuard()->dialog()->refusalLabel()->text().contains(QStringLiteral("없는 운영자이거나 암호가 틀립니다")));

    // An operations store that cannot be opened (here: the mirror itself): said, nothing done.
    MainWindow* broken = openAs(QStringLiteral("lee.ops"), QString::fromStdString(mirror_->path()));
    QVERIFY(broken);
    QCOMPARE(broken->operatorLabel()->text(), QStringLiteral("⚠ 운영 저장소를 열 수 없습니다"));
    QVERIFY(broken->operatorLabel()->note().startsWith(QStringLiteral("운영 저장소를 열 수 없어 환불 조치를 할 수 없습니다: ")));
    QTRY_VERIFY(screens(broken)->orphans()->isLoaded());   // the mirror's screens still work
}

QTEST_MAIN(TestRefundScreens)
#include "tst_refund_screens.moc"
