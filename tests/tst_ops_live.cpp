// The console live and under faults on a shared PostgreSQL operations server (a throwaway cluster
// started here), offscreen. Two consoles, each with its own copy of the example mirror:
// - a request filed on one shows up in the other's approvals inbox, badge count, Refunds screen
//   and queue mark within a generous wait, with the periodic refresh set to an hour: LISTEN/NOTIFY;
// - without the listener, the periodic fallback brings it (and without either nothing does);
// - the server stopped: the console says it is unreachable, refuses every action with a message
//   and queues nothing (the store has no extra request after the restart), the mirror screens
//   keep loading, the GUI thread never stalls, and it reconnects by itself when the server is back;
// - the server down when the console opens; a sign-in refused, its password never shown.
#include "items/ops_session.h"
#include "items/orphan_queue_model.h"
#include "items/refund_list_model.h"
#include "items/refund_mark_proxy.h"
#include "ops/operator_service.h"
#include "ops/sign_in_service.h"
#include "ops/ops_store.h"
#include "ops/pg/pg_ops_store.h"
#include "ops/refund_service.h"
#include "pg_cluster.h"
#include "store/database.h"
#include "test_mirror.h"
#include "ui/dashboard/dashboard_screen.h"
#include "ui/main_window.h"
#include "ui/widgets/eliding_label.h"
#include "ui/orphans/orphan_queue_screen.h"
#include "ui/refunds/refund_dialog.h"
#include "ui/refunds/refunds_screen.h"
#include "ui/shell/console_settings.h"
#include "ui/shell/mirror_screens.h"
#include "ui/shell/ops_link_banner.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace reconsole;
using ui::MainWindow;
using ui::ScreenId;

namespace {

constexpr int kHour = 3600 * 1000;

// One console's own mirror: a copy of the example incident, imported here.
std::unique_ptr<test::TestMirror> exampleMirror()
{
    auto m = std::make_unique<test::TestMirror>();
    m->import({test::sharedPath("examples/incident-small.jsonl")});
    return m;
}

// Measures the longest time the GUI thread did not return to its event loop.
class StallWatch : public QObject {
public:
    StallWatch()
    {
        timer_.setInterval(10);
        connect(&timer_, &QTimer::timeout, this, [this] {
            longest_ = std::max(longest_, clock_.restart());
        });
        clock_.start();
        timer_.start();
    }
    qint64 longestMs() const { return longest_; }

private:
    QTimer timer_;
    QElapsedTimer clock_;
    qint64 longest_ = 0;
};

}  // namespace

class TestOpsLive : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void aRequestOnOneConsoleReachesTheOtherAtOnce();
    void withoutTheListenerThePeriodicReadBringsIt();
    void aServerThatGoesAwayRefusesActionsAndComesBack();
    void aServerDownAtStartIsReportedAndJoinedLater();
    void aRefusedSignInIsShownWithoutThePassword();

private:
    std::string fileRequest(const std::string& actor, const std::string& ledgerId);
    int fileRequests(const std::string& actor, const std::vector<std::string>& ledgerIds);
    std::size_t requestCount();
    ui::MirrorScreens* console(test::TestMirror& mirror, items::OpsSessionOptions o);
    MainWindow* window(test::TestMirror& mirror, const QString& operatorId);

    test::PgCluster* cluster_ = nullptr;
    std::string uri_;
    std::unique_ptr<test::TestMirror> a_, b_;
    std::vector<std::unique_ptr<ui::MirrorScreens>> consoles_;
    std::vector<std::unique_ptr<ui::ConsoleSettings>> settings_;
    std::vector<std::unique_ptr<MainWindow>> windows_;
};

void TestOpsLive::init()
{
    cluster_ = &test::PgCluster::shared();
    if (!cluster_->running())
        cluster_->start();   // a test that failed half-way may have left it stopped
    QVERIFY2(cluster_->running(), cluster_->error().c_str());
    uri_ = cluster_->createDatabase();
    QVERIFY(!uri_.empty());
    ops::pg::PgOpsStore::migrate(uri_);
    a_ = exampleMirror();
    b_ = exampleMirror();
    auto store = ops::openOpsStore(uri_);
    ops::OperatorService operators(ops::OpsContext{*store, a_->db()});
    const auto add = [&](const std::string& actor, const std::string& id, ops::Role role) {
        ops::Operator op;
        op.id = id;
        op.name = id;
        op.roles = ops::Roles{role};
        const auto made = operators.add(actor, op);
        QVERIFY2(made.ok(), made.ok() ? "" : made.refusal().message.c_str());
    };
    add("", "admin", ops::Role::Admin);
    add("admin", "kim.agent", ops::Role::Agent);
    add("admin", "lee.ops", ops::Role::Ops);
    add("admin", "park.ops", ops::Role::Ops);
}

void TestOpsLive::cleanup()
{
    windows_.clear();
    settings_.clear();
    consoles_.clear();
    a_.reset();
    b_.reset();
    if (cluster_ && !cluster_->running())
        cluster_->start();
}

// Filed on a connection of its own, as another console would (one transaction each).
int TestOpsLive::fileRequests(const std::string& actor, const std::vector<std::string>& ledgerIds)
{
    auto store = ops::openOpsStore(uri_);
    ops::RefundService refunds(ops::OpsContext{*store, a_->db()});
    int made = 0;
    for (const std::string& ledgerId : ledgerIds) {
        ops::RefundDraft draft;
        draft.ledgerId = ledgerId;
        draft.reason = "ORPHAN_DEBIT";
        const auto r = refunds.request(actor, draft);
        if (r.ok())
            ++made;
        else
            qWarning("request refused: %s", r.refusal().message.c_str());
    }
    return made;
}

std::string TestOpsLive::fileRequest(const std::string& actor, const std::string& ledgerId)
{
    const std::size_t before = requestCount();
    if (fileRequests(actor, {ledgerId}) != 1 || requestCount() != before + 1)
        return {};
    auto store = ops::openOpsStore(uri_);
    std::string id;
    store->read([&](ops::OpsReader& r) { id = r.refundsForLedger(ledgerId).front().id; });
    return id;
}

std::size_t TestOpsLive::requestCount()
{
    auto store = ops::openOpsStore(uri_);
    std::size_t n = 0;
    store->read([&](ops::OpsReader& r) { n = r.refunds(ops::RefundFilter{}).size(); });
    return n;
}

// The screens of one console with a session made to measure (no main window).
ui::MirrorScreens* TestOpsLive::console(test::TestMirror& mirror, items::OpsSessionOptions o)
{
    o.opsSpec = QString::fromStdString(uri_);
    consoles_.push_back(std::make_unique<ui::MirrorScreens>(QString::fromStdString(mirror.path()), o));
    ui::MirrorScreens* c = consoles_.back().get();
    c->resize(1440, 860);
    c->show();
    items::OpsSession* s = c->ops();
    if (!QTest::qWaitFor([s] { return s->isResolved() && s->canAct() && s->hasSummary(); }, 15000))
        return nullptr;
    return c;
}

// The real main window, as `reconsole --ops URI --as OPERATOR` opens it.
MainWindow* TestOpsLive::window(test::TestMirror& mirror, const QString& operatorId)
{
    settings_.push_back(std::make_unique<ui::ConsoleSettings>());
    settings_.back()->operatorId = operatorId;
    settings_.back()->opsPath = QString::fromStdString(uri_);
    windows_.push_back(std::make_unique<MainWindow>(*settings_.back()));
    MainWindow* w = windows_.back().get();
    w->show();
    QSignalSpy opened(w, &MainWindow::mirrorOpened);
    w->openMirror(QString::fromStdString(mirror.path()));
    if (!opened.wait(15000) || !w->screens())
        return nullptr;
    items::OpsSession* ops = w->screens()->ops();
    // Resolved, and the operator's sign-in settled (the connection as its login role is it), or
    // the server out of reach.
    if (!QTest::qWaitFor([ops] {
            return ops->isResolved() && (ops->signInState() != items::SignIn::Checking || ops->isUnreachable());
        }, 15000))
        return nullptr;
    return w;
}

void TestOpsLive::aRequestOnOneConsoleReachesTheOtherAtOnce()
{
    items::OpsSessionOptions slow;   // the periodic read cannot be what brings it
    slow.summaryIntervalMs = slow.serverSummaryIntervalMs = kHour;
    slow.operatorId = QStringLiteral("kim.agent");
    ui::MirrorScreens* agent = console(*a_, slow);
    QVERIFY(agent);
    slow.operatorId = QStringLiteral("lee.ops");
    ui::MirrorScreens* ops = console(*b_, slow);
    QVERIFY(ops);
    items::OpsSession* session = ops->ops();
    QTRY_VERIFY_WITH_TIMEOUT(session->isLive(), 15000);
    ui::RefundsScreen* inbox = ops->refunds();
    inbox->showApprovalsInbox();
    QTRY_VERIFY_WITH_TIMEOUT(inbox->isLoaded(), 10000);
    QCOMPARE(inbox->model()->rowCount(), 0);
    QCOMPARE(session->approvalsWaiting(), 0);
    ui::OrphanQueueScreen* queue = ops->orphans();
    QTRY_VERIFY_WITH_TIMEOUT(queue->isLoaded() && queue->refundMarks()->marksLoaded(), 10000);
    QVERIFY(queue->refundMarks()->markText(QStringLiteral("L-0003")).isEmpty());

    // The agent files the request through the refund dialog of their own console.
    ui::RefundDialog* dialog = agent->orphans()->openRefundDialog(QStringLiteral("L-0003"));
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isQuoteLoaded(), 10000);
    QSignalSpy answered(dialog, &ui::RefundDialog::submitted);
    QElapsedTimer clock;
    clock.start();
    dialog->submit();
    QTRY_COMPARE_WITH_TIMEOUT(answered.count(), 1, 10000);
    QVERIFY2(answered.at(0).at(0).toBool(), qPrintable(dialog->statusText()));
    const QString id = dialog->madeRequestId();

    // The other console hears of it: badge count, inbox, queue mark.
    QTRY_COMPARE_WITH_TIMEOUT(session->approvalsWaiting(), 1, 5000);
    qInfo("approvals count on the other console after %lld ms", static_cast<long long>(clock.elapsed()));
    QTRY_COMPARE_WITH_TIMEOUT(inbox->model()->rowCount(), 1, 5000);
    QCOMPARE(inbox->model()->rowAt(0)->request.id, id.toStdString());
    QTRY_VERIFY_WITH_TIMEOUT(
        queue->refundMarks()->markText(QStringLiteral("L-0003")).startsWith(QStringLiteral("환불 진행 중 ₩50,000")), 5000);
    qInfo("inbox and queue mark after %lld ms", static_cast<long long>(clock.elapsed()));

    // A burst from elsewhere (three requests at once) is read as one or two refreshes, not one each.
    QSignalSpy refreshes(session, &items::OpsSession::refundsChanged);
    QCOMPARE(fileRequests("kim.agent", {"L-0006", "L-0010", "L-0011"}), 3);
    QTRY_COMPARE_WITH_TIMEOUT(session->approvalsWaiting(), 4, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(inbox->model()->rowCount(), 4, 5000);
    QTest::qWait(500);
    QVERIFY2(refreshes.count() >= 1 && refreshes.count() < 3, qPrintable(QString::number(refreshes.count())));
}

void TestOpsLive::withoutTheListenerThePeriodicReadBringsIt()
{
    items::OpsSessionOptions deaf;
    deaf.live = false;
    deaf.operatorId = QStringLiteral("lee.ops");
    deaf.summaryIntervalMs = deaf.serverSummaryIntervalMs = kHour;
    ui::MirrorScreens* neither = console(*a_, deaf);   // no listener, no periodic read to speak of
    QVERIFY(neither);
    deaf.serverSummaryIntervalMs = 500;
    ui::MirrorScreens* fallback = console(*b_, deaf);
    QVERIFY(fallback);
    QVERIFY(!fallback->ops()->isLive());
    ui::RefundsScreen* inbox = fallback->refunds();
    inbox->showApprovalsInbox();
    QTRY_VERIFY_WITH_TIMEOUT(inbox->isLoaded(), 10000);
    QCOMPARE(inbox->model()->rowCount(), 0);

    QVERIFY(!fileRequest("kim.agent", "L-0003").empty());
    QTRY_COMPARE_WITH_TIMEOUT(fallback->ops()->approvalsWaiting(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(inbox->model()->rowCount(), 1, 5000);   // the lists read again too
    QTRY_VERIFY_WITH_TIMEOUT(
        fallback->orphans()->refundMarks()->markText(QStringLiteral("L-0003")).startsWith(QStringLiteral("환불 진행 중")),
        5000);
    // With neither the listener nor a periodic read, nothing would have come: the two above are
    // what brings the change.
    QTest::qWait(1000);
    QCOMPARE(neither->ops()->approvalsWaiting(), 0);
}

void TestOpsLive::aServerThatGoesAwayRefusesActionsAndComesBack()
{
    const std::string waiting = fileRequest("kim.agent", "L-0006");   // something to approve
    QVERIFY(!waiting.empty());
    MainWindow* w = window(*b_, QStringLiteral("lee.ops"));
    QVERIFY(w);
    items::OpsSession* session = w->screens()->ops();
    QVERIFY(session->canAct());
    QTRY_VERIFY_WITH_TIMEOUT(session->isLive(), 15000);
    ui::OpsLinkBanner* banner = w->opsLinkBanner();
    QVERIFY(banner->isHidden());
    ui::RefundsScreen* refunds = w->screens()->refunds();
    w->showScreen(ScreenId::Refunds);
    QTRY_VERIFY_WITH_TIMEOUT(refunds->isLoaded() && refunds->model()->rowCount() == 1, 10000);
    refunds->selectRequest(QString::fromStdString(waiting));
    QVERIFY(refunds->actionButton(ui::RefundsScreen::Action::Approve)->isEnabled());
    ui::OrphanQueueScreen* queue = w->screens()->orphans();
    ui::RefundDialog* dialog = queue->openRefundDialog(QStringLiteral("L-0003"));
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isQuoteLoaded(), 10000);
    const std::size_t before = requestCount();

    // The server goes away: the console says so by itself.
    QVERIFY2(cluster_->stop(), cluster_->error().c_str());
    StallWatch stalls;
    QTRY_VERIFY_WITH_TIMEOUT(session->isUnreachable(), 10000);
    QVERIFY(!session->canAct());
    QTRY_VERIFY(!banner->isHidden());
    QVERIFY2(banner->text().contains(QStringLiteral("운영 서버에 연결할 수 없습니다 · 다시 연결하는 중")),
             qPrintable(banner->text()));
    QVERIFY2(w->operatorLabel()->text().contains(QStringLiteral("운영 서버에 연결할 수 없음")),
             qPrintable(w->operatorLabel()->text()));

    // Every action is refused with a message, at once; none is kept for later.
    QSignalSpy submitted(dialog, &ui::RefundDialog::submitted);
    dialog->submit();
    QCOMPARE(submitted.count(), 1);
    QCOMPARE(submitted.at(0).at(0).toBool(), false);
    QVERIFY2(dialog->statusText().contains(QStringLiteral("연결할 수 없어")), qPrintable(dialog->statusText()));
    QVERIFY(!dialog->confirmButton()->isEnabled());
    QVERIFY(!refunds->actionButton(ui::RefundsScreen::Action::Approve)->isEnabled());
    QSignalSpy acted(refunds, &ui::RefundsScreen::actionFinished);
    refunds->act(ui::RefundsScreen::Action::Approve);
    QCOMPARE(acted.count(), 1);
    QCOMPARE(acted.at(0).at(0).toBool(), false);
    QVERIFY2(refunds->noticeText().contains(QStringLiteral("연결할 수 없어")), qPrintable(refunds->noticeText()));
    ui::RefundDialog* late = queue->openRefundDialog(QStringLiteral("L-0010"));
    QVERIFY(late);
    QVERIFY2(late->statusText().contains(QStringLiteral("연결할 수 없어")), qPrintable(late->statusText()));
    QVERIFY(!late->confirmButton()->isEnabled());
    late->close();

    // The mirror screens keep working.
    QSignalSpy queueLoaded(queue, &ui::OrphanQueueScreen::loaded);
    queue->reload();
    QVERIFY(queueLoaded.wait(10000));
    QCOMPARE(queue->model()->rowCount(), 4);
    QSignalSpy dashLoaded(w->screens()->dashboard(), &ui::DashboardScreen::loaded);
    w->screens()->dashboard()->reload();
    QVERIFY(dashLoaded.wait(10000));
    QTest::qWait(4000);   // a retry or two against the stopped server
    QVERIFY(session->isUnreachable());
    QVERIFY2(stalls.longestMs() < 1000, qPrintable(QString::number(stalls.longestMs())));

    // The server comes back: the console joins it by itself and reads everything again.
    QSignalSpy reread(session, &items::OpsSession::refundsChanged);
    QVERIFY2(cluster_->start(), cluster_->error().c_str());
    QTRY_VERIFY_WITH_TIMEOUT(!session->isUnreachable() && session->canAct(), 20000);
    QTRY_VERIFY(banner->isHidden());
    QVERIFY(reread.count() >= 1);
    QVERIFY(w->statusBar()->currentMessage().contains(QStringLiteral("다시 연결했습니다")));
    QTRY_VERIFY_WITH_TIMEOUT(session->isLive(), 15000);
    QTest::qWait(1500);
    QCOMPARE(requestCount(), before);   // nothing was replayed
    QTRY_VERIFY_WITH_TIMEOUT(refunds->isLoaded() && refunds->model()->rowCount() == 1, 10000);
    refunds->selectRequest(QString::fromStdString(waiting));
    QTRY_VERIFY(refunds->actionButton(ui::RefundsScreen::Action::Approve)->isEnabled());
    refunds->act(ui::RefundsScreen::Action::Approve);   // and acting works again
    QTRY_COMPARE_WITH_TIMEOUT(acted.count(), 2, 10000);
    QVERIFY2(acted.at(1).at(0).toBool(), qPrintable(refunds->noticeText()));
}

void TestOpsLive::aServerDownAtStartIsReportedAndJoinedLater()
{
    QVERIFY2(cluster_->stop(), cluster_->error().c_str());
    MainWindow* w = window(*a_, QStringLiteral("lee.ops"));
    QVERIFY(w);
    items::OpsSession* session = w->screens()->ops();
    QVERIFY(session->isUnreachable());
    QVERIFY(!session->canAct());
    QVERIFY(!w->opsLinkBanner()->isHidden());
    QVERIFY2(session->cannotActReason().contains(QStringLiteral("연결할 수 없어")), qPrintable(session->cannotActReason()));
    ui::OrphanQueueScreen* queue = w->screens()->orphans();
    QTRY_VERIFY_WITH_TIMEOUT(queue->isLoaded() && queue->model()->rowCount() == 4, 10000);

    QVERIFY2(cluster_->start(), cluster_->error().c_str());
    QTRY_VERIFY_WITH_TIMEOUT(session->canAct(), 20000);
    QVERIFY(session->actingOperator() && session->actingOperator()->id == "lee.ops");
    QTRY_VERIFY(w->opsLinkBanner()->isHidden());
    QVERIFY(w->operatorLabel()->text().contains(QStringLiteral("lee.ops")));
    QTRY_VERIFY_WITH_TIMEOUT(session->hasSummary(), 10000);
}

void TestOpsLive::aRefusedSignInIsShownWithoutThePassword()
{
    // An operator with a login role of their own, as `reconsole-cli operator add` makes one.
    const std::string right = "right password 1234";
    {
        auto store = ops::openOpsStore(uri_);
        ops::Operator op;
        op.id = "sun.ops";
        op.name = "sun";
        op.roles = ops::Roles{ops::Role::Ops};
        const std::string initial = "set by the admin 1234";
        const auto made = ops::OperatorService(ops::OpsContext{*store, a_->db()}).add("admin", op, initial);
        QVERIFY2(made.ok(), made.ok() ? "" : made.refusal().message.c_str());
        // Set by the admin: sun sets their own before acting (operator passwd).
        auto own = ops::openOpsStore(uri_.substr(0, uri_.find("&user=")), ops::ServerSignIn{"sun.ops", initial});
        QVERIFY(ops::SignInService(ops::OpsContext{*own, a_->db()}).changeOwnPassword("sun.ops", initial, right));
    }
    const QString wrong = QStringLiteral("wrong password 5678");
    items::OpsSessionOptions o;
    o.operatorId = QStringLiteral("sun.ops");   // `reconsole --as sun.ops` signs in as sun.ops
    o.signIn = ops::ServerSignIn{"sun.ops", wrong.toStdString()};
    o.mirrorPath = QString::fromStdString(b_->path());
    o.opsSpec = QString::fromStdString(uri_.substr(0, uri_.find("&user=")));   // the URI names nobody
    items::OpsSession refused(o);
    refused.resolve();
    QTRY_COMPARE_WITH_TIMEOUT(refused.link(), items::ServerLink::SignInRefused, 15000);
    QVERIFY(!refused.canAct());
    QVERIFY2(refused.linkText().contains(QStringLiteral("로그인을 거부")), qPrintable(refused.linkText()));
    for (const QString& shown : {refused.linkText(), refused.linkDetail(), refused.cannotActReason(), refused.statusText()})
        QVERIFY2(!shown.contains(wrong), qPrintable(shown));
    QTest::qWait(1500);   // a refused sign-in is not tried again and again
    QCOMPARE(refused.link(), items::ServerLink::SignInRefused);

    o.signIn.password = right;
    items::OpsSession signedIn(o);
    signedIn.resolve();
    QTRY_VERIFY_WITH_TIMEOUT(signedIn.canAct(), 15000);
    QCOMPARE(signedIn.link(), items::ServerLink::Up);
    QCOMPARE(signedIn.actingOperator()->id, std::string("sun.ops"));
    QTRY_VERIFY_WITH_TIMEOUT(signedIn.isLive(), 15000);   // the listener signs in the same way
}

QTEST_MAIN(TestOpsLive)
#include "tst_ops_live.moc"
