// Complaint cases in the real main window under the offscreen platform, on the example mirror
// (customer C-NAM's ₩50,000 orphan L-0003) with operators made through OperatorService: the
// Cases screen lists the self-found cases with their deadlines; an agent opens a complaint,
// links L-0003 from the proposed debits (its automatic case closes itself), answers with the
// settled refund as evidence, and the notice preview holds the cause and the amount; the PDF is
// saved and recorded; at a fixed as-of the due-soon and overdue cases stand out (and the
// navigation and dashboard count them); a reader who may not work cases sees every action off.
#include "core/money.h"
#include "items/case_list_model.h"
#include "items/ops_session.h"
#include "ops/case_notice.h"
#include "ops/case_service.h"
#include "ops/operator_service.h"
#include "ops/ops_store.h"
#include "ops/outbox.h"
#include "ops/platform_simulator.h"
#include "ops/refund_rules.h"
#include "ops/refund_service.h"
#include "store/database.h"
#include "test_mirror.h"
#include "test_operators.h"
#include "ui/cases/case_assign_dialog.h"
#include "ui/cases/case_detail_pane.h"
#include "ui/cases/case_policy_dialog.h"
#include "ui/cases/cases_screen.h"
#include "ui/cases/open_case_dialog.h"
#include "ui/dashboard/dashboard_screen.h"
#include "ui/export/csv_export_runner.h"
#include "ui/customer/customer_cases_box.h"
#include "ui/main_window.h"
#include "ui/orphans/orphan_queue_screen.h"
#include "ui/shell/console_settings.h"
#include "ui/shell/mirror_screens.h"
#include "ui/shell/navigation_panel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBrush>
#include <QCheckBox>
#include <QComboBox>
#include <QSpinBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace reconsole;
using items::CaseListModel;
using ui::CasesScreen;
using ui::MainWindow;
using ui::ScreenId;

namespace {

Instant kst(const char* text)
{
    const auto p = parseRfc3339(text);
    return p ? p->ms : 0;
}

// The debit `ledgerId` among the debits the dialog proposes for its case, or nullptr.
QListWidgetItem* proposalOf(ui::OpenCaseDialog* dialog, const QString& ledgerId)
{
    for (int i = 0; i < dialog->matchList()->count(); ++i)
        if (dialog->matchList()->item(i)->text().startsWith(ledgerId + QLatin1Char(' ')))
            return dialog->matchList()->item(i);
    return nullptr;
}

// Saves what the deadline-rule dialog holds and waits for its one answer: "saved", "refused",
// or "no answer" (none within 10 s, or more than one).
QString saveRule(ui::CasePolicyDialog* dialog)
{
    QSignalSpy saved(dialog, &ui::CasePolicyDialog::saved);
    dialog->save();
    if (!QTest::qWaitFor([&saved] { return saved.count() == 1; }, 10000))
        return QStringLiteral("no answer");
    return saved.at(0).at(0).toBool() ? QStringLiteral("saved") : QStringLiteral("refused");
}

}  // namespace

class TestCaseScreens : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void listShowsSelfFoundCasesWithDeadlines();
    void complaintLinksL0003AnswersAndNoticeHoldsCauseAndAmount();
    void dueSoonAndOverdueStandOutAtAFixedAsOf();
    void readerWithoutPermissionSeesActionsOff();
    void refusalIsShownInKorean();
    void openCaseFromTheQueueAndTheTimeline();
    void assignHandsTheCaseToAColleague();
    void merchantFilterNarrowsTheList();
    void adminChangesTheDeadlineRule();
    void othersReadTheDeadlineRuleOnly();
    void aPartnerNotesItsOwnOrderInItsCase();
    void aCsvExportIsOnRecord();

private:
    MainWindow* openAs(const QString& operatorId);
    CasesScreen* casesOf(MainWindow* w);
    // The Cases screen of a new window signed in as `operatorId`, loaded; nullptr otherwise.
    CasesScreen* casesAs(const QString& operatorId);
    // The deadline-rule dialog over that screen, once it has read the rule; nullptr otherwise.
    ui::CasePolicyDialog* policyDialogAs(const QString& operatorId);
    int rowHolding(CaseListModel* model, const std::string& ledgerId) const;
    int rowOf(CaseListModel* model, const std::string& caseId) const { return model->rowOf(QString::fromStdString(caseId)); }
    std::string settleRefundOfL0003();
    ops::ComplaintCase openComplaintDirectly(const char* receivedAt);

    std::unique_ptr<test::TestMirror> mirror_;
    std::string opsPath_;
    std::vector<std::unique_ptr<ui::ConsoleSettings>> settings_;
    std::vector<std::unique_ptr<MainWindow>> windows_;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers_;
};

void TestCaseScreens::init()
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
    ops::Operator partner{"lotte.partner", "롯데 파트너", {ops::Role::Merchant}, std::string("M-LOTTE"), true, 0, {}};
    QVERIFY(test::addOperatorWithPassword(fixtureCtx, "admin", partner).ok());
}

void TestCaseScreens::cleanup()
{
    testers_.clear();
    windows_.clear();
    settings_.clear();
    mirror_.reset();
}

MainWindow* TestCaseScreens::openAs(const QString& operatorId)
{
    settings_.push_back(std::make_unique<ui::ConsoleSettings>());
    settings_.back()->operatorId = operatorId;
    windows_.push_back(std::make_unique<MainWindow>(*settings_.back()));
    MainWindow* w = windows_.back().get();
    w->setPassword(test::passwordOf(operatorId));   // as RECONSOLE_PASSWORD with --as
    w->resize(1440, 900);
    w->show();
    QSignalSpy opened(w, &MainWindow::mirrorOpened);
    w->openMirror(QString::fromStdString(mirror_->path()));
    if (!opened.wait(10000) || !w->screens())
        return nullptr;
    items::OpsSession* ops = w->screens()->ops();
    if (!QTest::qWaitFor([ops] { return ops->isResolved() && ops->signInState() != items::SignIn::Checking; }, 10000))
        return nullptr;
    testers_.push_back(std::make_unique<QAbstractItemModelTester>(w->screens()->cases()->model(),
                                                                  QAbstractItemModelTester::FailureReportingMode::QtTest));
    return w;
}

CasesScreen* TestCaseScreens::casesOf(MainWindow* w)
{
    w->showScreen(ScreenId::Cases);
    CasesScreen* cases = w->screens()->cases();
    return QTest::qWaitFor([cases] { return cases->isLoaded(); }, 10000) ? cases : nullptr;
}

CasesScreen* TestCaseScreens::casesAs(const QString& operatorId)
{
    MainWindow* w = openAs(operatorId);
    return w ? casesOf(w) : nullptr;
}

ui::CasePolicyDialog* TestCaseScreens::policyDialogAs(const QString& operatorId)
{
    CasesScreen* cases = casesAs(operatorId);
    ui::CasePolicyDialog* dialog = cases ? cases->showPolicy() : nullptr;
    return dialog && QTest::qWaitFor([dialog] { return dialog->isLoaded(); }, 10000) ? dialog : nullptr;
}

int TestCaseScreens::rowHolding(CaseListModel* model, const std::string& ledgerId) const
{
    for (int r = 0; r < model->rowCount(); ++r)
        for (const std::string& id : model->rowAt(r)->ledgerIds)
            if (id == ledgerId)
                return r;
    return -1;
}

// Request (kim), approve (lee), export, the platform's credit imported: the refund settles.
std::string TestCaseScreens::settleRefundOfL0003()
{
    auto store = ops::openOpsStore(opsPath_);
    ops::OpsContext ctx{*store, mirror_->db()};
    ops::RefundService refunds(ctx);
    const auto req = refunds.request("kim.agent", {"L-0003", Money(50'000), "ORPHAN_DEBIT", "", {}});
    if (!req.ok())
        return "request: " + req.refusal().message;
    if (const auto a = refunds.approve("lee.ops", req->id, ops::approvalHash(req.value())); !a.ok())
        return "approve: " + a.refusal().message;
    const QString outbox = mirror_->dir() + QStringLiteral("/outbox");
    QDir().mkpath(outbox);
    if (const auto e = ops::OutboxService(ctx).exportTo("lee.ops", outbox.toStdString()); !e.ok())
        return "export: " + e.refusal().message;
    const std::string feed = mirror_->dir().toStdString() + "/platform.jsonl";
    ops::simulatePlatform({outbox.toStdString(), feed, feed + ".state", 1000, ops::wallClockNow()});
    mirror_->import({feed});
    return req->id;
}

ops::ComplaintCase TestCaseScreens::openComplaintDirectly(const char* receivedAt)
{
    auto store = ops::openOpsStore(opsPath_);
    ops::OpsContext ctx{*store, mirror_->db()};
    ops::ComplaintDraft d;
    d.customerId = "C-NAM";
    d.receivedAt = kst(receivedAt);
    d.channel = "phone";
    d.text = "돈은 나갔는데 선물이 안 갔어요";
    const auto c = ops::CaseService(ctx).open("kim.agent", d);
    return c.ok() ? c.value() : ops::ComplaintCase{};
}

void TestCaseScreens::listShowsSelfFoundCasesWithDeadlines()
{
    CasesScreen* cases = casesAs(QStringLiteral("kim.agent"));
    QVERIFY(cases);
    CaseListModel* model = cases->model();
    const int row = rowHolding(model, "L-0003");
    QVERIFY2(row >= 0, "the orphan L-0003 has a self-found case");
    const ops::CaseRow* r = model->rowAt(row);
    QCOMPARE(r->c.origin, std::string("self_found"));
    QCOMPARE(r->c.customerId, std::string("C-NAM"));
    // Detected by the import that just ran: the last day is two weeks (and any holidays) ahead.
    const QDate today = QDateTime::currentDateTimeUtc().addSecs(9 * 3600).date();
    const QDate last = QDate::fromString(model->index(row, CaseListModel::Deadline).data().toString(), Qt::ISODate);
    QVERIFY2(last >= today.addDays(14) && last <= today.addDays(24), qPrintable(last.toString(Qt::ISODate)));
    const QString left = model->index(row, CaseListModel::DaysLeft).data().toString();
    QCOMPARE(left, QStringLiteral("%1일 남음").arg(today.daysTo(last)));
    QVERIFY(!model->index(row, CaseListModel::Deadline).data(Qt::BackgroundRole).isValid());
    // Every self-found case is listed once per orphan, each with a Seoul date for its last day.
    for (int i = 0; i < model->rowCount(); ++i)
        QVERIFY(QDate::fromString(model->index(i, CaseListModel::Deadline).data().toString(), Qt::ISODate).isValid());
    // The detail of the selected case shows its clock.
    cases->selectCase(QString::fromStdString(r->c.id));
    QTRY_VERIFY_WITH_TIMEOUT(cases->detail()->isLoaded() && cases->detail()->caseId() == QString::fromStdString(r->c.id), 10000);
    QVERIFY2(cases->detail()->clockText().contains(last.toString(Qt::ISODate)), qPrintable(cases->detail()->clockText()));
    QVERIFY2(cases->detail()->linksText().contains(QStringLiteral("L-0003 · ₩50,000")), qPrintable(cases->detail()->linksText()));
}

void TestCaseScreens::complaintLinksL0003AnswersAndNoticeHoldsCauseAndAmount()
{
    CasesScreen* cases = casesAs(QStringLiteral("kim.agent"));
    QVERIFY(cases);
    const int selfRow = rowHolding(cases->model(), "L-0003");
    QVERIFY(selfRow >= 0);
    const std::string selfFound = cases->model()->rowAt(selfRow)->c.id;
    // The refund was paid back meanwhile (the platform's credit is in the mirror).
    const std::string requestId = settleRefundOfL0003();
    QVERIFY2(requestId.find(": ") == std::string::npos, requestId.c_str());

    // The customer calls: a complaint, the amount and date they name.
    ui::OpenCaseDialog* dialog = cases->openCaseDialog(QStringLiteral("C-NAM"));
    QVERIFY(dialog);
    QVERIFY(!dialog->receivedEdit()->text().isEmpty());   // now, unless typed
    dialog->amountEdit()->setText(QStringLiteral("50,000"));
    dialog->dateEdit()->setText(QStringLiteral("2026-03-11"));
    dialog->textEdit()->setPlainText(QStringLiteral("5만원이 빠져나갔는데 선물이 안 왔어요"));
    QSignalSpy opened(dialog, &ui::OpenCaseDialog::caseOpened);
    QTest::mouseClick(dialog->openButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 10000);
    const QString caseId = dialog->openedCaseId();
    QVERIFY(caseId.startsWith(QStringLiteral("CS-")));
    // L-0003 is proposed, checked: its amount and date match what the customer said.
    QTRY_VERIFY_WITH_TIMEOUT(dialog->matchesLoaded(), 10000);
    QListWidgetItem* l0003 = proposalOf(dialog, QStringLiteral("L-0003"));
    QVERIFY(l0003);
    QVERIFY2(l0003->text().contains(QStringLiteral("₩50,000")), qPrintable(l0003->text()));
    QCOMPARE(l0003->checkState(), Qt::Checked);
    for (int i = 0; i < dialog->matchList()->count(); ++i)
        if (dialog->matchList()->item(i) != l0003)
            dialog->matchList()->item(i)->setCheckState(Qt::Unchecked);
    QSignalSpy linked(dialog, &ui::OpenCaseDialog::linked);
    QTest::mouseClick(dialog->linkButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(linked.count(), 1, 10000);
    QVERIFY(linked.at(0).at(0).toBool());   // linked, so the dialog closed (and is gone)

    // The list reads again: L-0003 is in the complaint, and its automatic case closed itself.
    CaseListModel* model = cases->model();
    QTRY_VERIFY_WITH_TIMEOUT(cases->isLoaded() && rowOf(model, caseId.toStdString()) >= 0
                                 && rowHolding(model, "L-0003") == rowOf(model, caseId.toStdString()),
                             10000);
    const int autoRow = rowOf(model, selfFound);
    QVERIFY(autoRow >= 0);
    QCOMPARE(model->rowAt(autoRow)->c.state, ops::CaseState::Closed);

    // The evidence: the settled refund request, linked; then the answer.
    cases->selectCase(caseId);
    QSignalSpy acted(cases, &CasesScreen::actionFinished);
    cases->link(QStringLiteral("request"), QString::fromStdString(requestId));
    QTRY_COMPARE_WITH_TIMEOUT(acted.count(), 1, 10000);
    QVERIFY2(acted.at(0).at(0).toBool(), qPrintable(cases->noticeText()));
    QTRY_VERIFY_WITH_TIMEOUT(cases->isLoaded() && cases->actionButton(CasesScreen::Action::Answer)->isEnabled(), 10000);
    cases->answer(ops::CaseOutcome::Refunded, QStringLiteral("환불 요청이 정산됨을 확인"));
    QTRY_COMPARE_WITH_TIMEOUT(acted.count(), 2, 10000);
    QVERIFY2(acted.at(1).at(0).toBool(), qPrintable(cases->noticeText()));

    // The detail: the outcome, the timeline and the notice with the cause and the amount.
    ui::CaseDetailPane* detail = cases->detail();
    QTRY_VERIFY_WITH_TIMEOUT(detail->isLoaded() && detail->caseId() == caseId && !detail->outcomeText().contains(QStringLiteral("아직")),
                             10000);
    QVERIFY2(detail->outcomeText().startsWith(QStringLiteral("환불함")), qPrintable(detail->outcomeText()));
    QVERIFY2(detail->timelineText().contains(QStringLiteral("연결: 출금 L-0003")), qPrintable(detail->timelineText()));
    QVERIFY2(detail->timelineText().contains(QStringLiteral("답변: 환불함")), qPrintable(detail->timelineText()));
    std::string cls;
    {
        auto store = ops::openOpsStore(opsPath_);
        store->read([&](ops::OpsReader& r) {
            for (const auto& k : r.orphanClocks("C-NAM"))
                if (k.ledgerId == "L-0003")
                    cls = k.cls;
        });
    }
    QVERIFY(!cls.empty());
    const QString preview = detail->noticePreview();
    QVERIFY2(preview.contains(QString::fromStdString(ops::causeInCustomerWords(cls))), qPrintable(preview));
    QVERIFY2(preview.contains(QStringLiteral("50,000원")), qPrintable(preview));
    QVERIFY(detail->savePdfButton()->isEnabled());

    // Saved as a PDF: the file is a PDF and the notice is recorded as given in writing.
    const QString pdf = mirror_->dir() + QStringLiteral("/notice.pdf");
    QSignalSpy paneActed(detail, &ui::CaseDetailPane::actionFinished);
    detail->saveNoticePdf(pdf);
    QTRY_COMPARE_WITH_TIMEOUT(paneActed.count(), 1, 20000);
    QVERIFY2(paneActed.at(0).at(0).toBool(), qPrintable(detail->messageText()));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");
    QTRY_VERIFY_WITH_TIMEOUT(detail->isLoaded() && detail->timelineText().contains(QStringLiteral("통지: 서면")), 10000);
}

void TestCaseScreens::dueSoonAndOverdueStandOutAtAFixedAsOf()
{
    // Received 2026-03-11 15:00 KST: due by the end of 2026-03-25.
    const ops::ComplaintCase c = openComplaintDirectly("2026-03-11T15:00:00+09:00");
    QVERIFY(!c.id.empty());
    MainWindow* w = openAs(QStringLiteral("kim.agent"));
    QVERIFY(w);
    CasesScreen* cases = casesOf(w);
    QVERIFY(cases);
    CaseListModel* model = cases->model();
    auto* nav = w->findChild<ui::NavigationPanel*>();
    QVERIFY(nav);

    QSignalSpy loaded(cases, &CasesScreen::loaded);
    cases->setAsOf(kst("2026-03-23T12:00:00+09:00"));
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1 && cases->isLoaded(), 10000);
    int row = rowOf(model, c.id);
    QVERIFY(row >= 0);
    QCOMPARE(model->index(row, CaseListModel::Deadline).data().toString(), QStringLiteral("2026-03-25"));
    QCOMPARE(model->index(row, CaseListModel::DaysLeft).data().toString(), QStringLiteral("2일 남음"));
    QVERIFY(model->index(row, 0).data(CaseListModel::DueSoonRole).toBool());
    QVERIFY(!model->index(row, 0).data(CaseListModel::OverdueRole).toBool());
    const QColor amber = model->index(row, CaseListModel::State).data(Qt::BackgroundRole).value<QBrush>().color();
    QCOMPARE(amber, QColor(0xfd, 0xef, 0xc8));
    QCOMPARE(row, 0);   // the least time left comes first
    QCOMPARE(nav->badge(ScreenId::Cases), 1);
    QVERIFY2(cases->countsText().contains(QStringLiteral("3일 안에 기한 1건")), qPrintable(cases->countsText()));

    loaded.clear();
    cases->setAsOf(kst("2026-03-26T09:00:00+09:00"));
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1 && cases->isLoaded(), 10000);
    row = rowOf(model, c.id);
    QVERIFY(row >= 0);
    QVERIFY(model->index(row, 0).data(CaseListModel::OverdueRole).toBool());
    QCOMPARE(model->index(row, CaseListModel::DaysLeft).data().toString(), QStringLiteral("⚠ 1일 지남"));
    const QColor red = model->index(row, CaseListModel::Customer).data(Qt::BackgroundRole).value<QBrush>().color();
    QCOMPARE(red, QColor(0xfb, 0xdc, 0xdc));
    QVERIFY(nav->item(int(ScreenId::Cases))->toolTip().contains(QStringLiteral("기한 지난 사건 1건")));
    QCOMPARE(w->screens()->dashboard()->casesLine()->text(), QStringLiteral("민원 사건 기한 (2주): 기한 지남 1건 · 3일 안에 기한 0건"));
    // "기한 지난 것만" keeps only it.
    cases->overdueFilter()->setChecked(true);
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->rowAt(0)->c.id, c.id);
}

void TestCaseScreens::readerWithoutPermissionSeesActionsOff()
{
    openComplaintDirectly("2026-03-11T15:00:00+09:00");
    // An admin may see cases but not work them.
    CasesScreen* cases = casesAs(QStringLiteral("admin"));
    QVERIFY(cases);
    QVERIFY(cases->model()->rowCount() > 0);
    cases->selectCase(cases->model()->index(0, 0).data(CaseListModel::CaseIdRole).toString());
    QTRY_VERIFY_WITH_TIMEOUT(cases->detail()->isLoaded() && !cases->detail()->caseId().isEmpty(), 10000);
    for (auto a : {CasesScreen::Action::Open, CasesScreen::Action::Link, CasesScreen::Action::Investigate,
                   CasesScreen::Action::Answer, CasesScreen::Action::Close, CasesScreen::Action::Reopen})
        QVERIFY2(!cases->actionButton(a)->isEnabled(), qPrintable(cases->actionButton(a)->objectName()));
    QVERIFY(!cases->detail()->addNoteButton()->isEnabled());
    QVERIFY(!cases->detail()->noteEdit()->isEnabled());

    // The same case for an agent: the actions its state allows are on.
    CasesScreen* theirs = casesAs(QStringLiteral("kim.agent"));
    QVERIFY(theirs);
    theirs->selectCase(theirs->model()->index(0, 0).data(CaseListModel::CaseIdRole).toString());
    QTRY_VERIFY_WITH_TIMEOUT(theirs->actionButton(CasesScreen::Action::Answer)->isEnabled(), 10000);
    QVERIFY(theirs->actionButton(CasesScreen::Action::Open)->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(theirs->detail()->isLoaded() && theirs->detail()->addNoteButton()->isEnabled(), 10000);
}

void TestCaseScreens::refusalIsShownInKorean()
{
    const ops::ComplaintCase c = openComplaintDirectly("2026-03-11T15:00:00+09:00");
    CasesScreen* cases = casesAs(QStringLiteral("kim.agent"));
    QVERIFY(cases);
    cases->selectCase(QString::fromStdString(c.id));
    // Closing an open case is refused by the service (the button is off; the service decides).
    QVERIFY(!cases->actionButton(CasesScreen::Action::Close)->isEnabled());
    QSignalSpy acted(cases, &CasesScreen::actionFinished);
    cases->closeCase();
    QTRY_COMPARE_WITH_TIMEOUT(acted.count(), 1, 10000);
    QVERIFY(!acted.at(0).at(0).toBool());
    QVERIFY2(cases->noticeText().startsWith(QStringLiteral("사건의 지금 상태에서는 할 수 없는 일입니다.")),
             qPrintable(cases->noticeText()));
    // An answer of "no error" without what was checked is refused too, in words.
    acted.clear();
    cases->answer(ops::CaseOutcome::NoError, QString());
    QTRY_COMPARE_WITH_TIMEOUT(acted.count(), 1, 10000);
    QVERIFY(!acted.at(0).at(0).toBool());
    QVERIFY2(cases->noticeText().startsWith(QStringLiteral("입력한 내용으로는")), qPrintable(cases->noticeText()));
}

void TestCaseScreens::openCaseFromTheQueueAndTheTimeline()
{
    MainWindow* w = openAs(QStringLiteral("kim.agent"));
    QVERIFY(w);
    QVERIFY(casesOf(w));
    // The customer's timeline lists their cases: the self-found one of L-0003.
    w->screens()->showCustomer(QStringLiteral("C-NAM"));
    auto* box = w->screens()->customers()->findChild<ui::CustomerCasesBox*>();
    QVERIFY(box);
    QTRY_VERIFY_WITH_TIMEOUT(box->countText().startsWith(QStringLiteral("사건 ")), 10000);
    QVERIFY2(box->model()->rowCount() >= 1, qPrintable(box->countText()));
    for (int r = 0; r < box->model()->rowCount(); ++r)
        QCOMPARE(box->model()->rowAt(r)->c.customerId, std::string("C-NAM"));
    QVERIFY(box->openCaseButton()->isEnabled());

    // "민원 사건 열기…" on L-0003 in the queue: the Cases screen with the complaint dialog,
    // the debit checked among the proposals once the case is open.
    emit w->screens()->orphans()->openCaseRequested(QStringLiteral("C-NAM"), QStringLiteral("L-0003"));
    QCOMPARE(w->screens()->currentScreen(), ScreenId::Cases);
    auto* dialog = w->screens()->cases()->findChild<ui::OpenCaseDialog*>();
    QVERIFY(dialog);
    QCOMPARE(dialog->customerEdit()->text(), QStringLiteral("C-NAM"));
    QSignalSpy opened(dialog, &ui::OpenCaseDialog::caseOpened);
    dialog->submit();
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->matchesLoaded(), 10000);
    QListWidgetItem* l0003 = proposalOf(dialog, QStringLiteral("L-0003"));
    QVERIFY(l0003);
    QCOMPARE(l0003->checkState(), Qt::Checked);
}

void TestCaseScreens::assignHandsTheCaseToAColleague()
{
    const ops::ComplaintCase c = openComplaintDirectly("2026-03-11T15:00:00+09:00");
    CasesScreen* cases = casesAs(QStringLiteral("kim.agent"));
    QVERIFY(cases);
    cases->selectCase(QString::fromStdString(c.id));
    QTRY_VERIFY_WITH_TIMEOUT(cases->actionButton(CasesScreen::Action::Assign)->isEnabled(), 10000);
    ui::CaseAssignDialog* dialog = cases->askAssign();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), 10000);
    // Only those who work cases, and not the one who has it now.
    QStringList ids;
    for (int i = 0; i < dialog->choices()->count(); ++i)
        ids << dialog->choices()->itemData(i).toString();
    QCOMPARE(ids, QStringList{QStringLiteral("lee.ops")});   // not the admin, not kim.agent (the owner)
    QSignalSpy acted(cases, &CasesScreen::actionFinished);
    dialog->accept();
    QTRY_COMPARE_WITH_TIMEOUT(acted.count(), 1, 10000);
    QVERIFY2(acted.at(0).at(0).toBool(), qPrintable(cases->noticeText()));
    QTRY_VERIFY_WITH_TIMEOUT(cases->isLoaded() && cases->model()->rowOf(QString::fromStdString(c.id)) >= 0
                                 && cases->model()->rowAt(cases->model()->rowOf(QString::fromStdString(c.id)))->c.owner
                                        == std::optional<std::string>("lee.ops"),
                             10000);
    QTRY_VERIFY_WITH_TIMEOUT(cases->detail()->factsText().contains(QStringLiteral("담당: lee.ops")), 10000);
}

void TestCaseScreens::merchantFilterNarrowsTheList()
{
    CasesScreen* cases = casesAs(QStringLiteral("kim.agent"));
    QVERIFY(cases);
    QComboBox* merchant = cases->merchantFilter();
    QVERIFY(merchant->isVisible());
    const int lotte = merchant->findData(QStringLiteral("M-LOTTE"));
    QVERIFY2(lotte > 0, "the merchants the cases hold are the choices");
    const int all = cases->model()->rowCount();
    merchant->setCurrentIndex(lotte);
    QTRY_VERIFY_WITH_TIMEOUT(cases->model()->rowCount() < all, 10000);
    QVERIFY(cases->model()->rowCount() > 0);
    QVERIFY(rowHolding(cases->model(), "L-0003") >= 0);   // Lotte's ₩50,000 orphan
    for (int r = 0; r < cases->model()->rowCount(); ++r) {
        const auto& ids = cases->model()->rowAt(r)->merchantIds;
        QVERIFY(std::find(ids.begin(), ids.end(), "M-LOTTE") != ids.end());
    }
    merchant->setCurrentIndex(0);
    QTRY_COMPARE_WITH_TIMEOUT(cases->model()->rowCount(), all, 10000);
}

void TestCaseScreens::adminChangesTheDeadlineRule()
{
    ui::CasePolicyDialog* dialog = policyDialogAs(QStringLiteral("admin"));
    QVERIFY(dialog);
    QCOMPARE(dialog->days()->value(), 14);
    QVERIFY(dialog->extend()->isChecked());
    QVERIFY(dialog->holidays()->toPlainText().contains(QStringLiteral("2026-09-25")));   // 추석, shipped
    QVERIFY(dialog->days()->isEnabled() && !dialog->days()->isReadOnly() && !dialog->holidays()->isReadOnly());
    // A malformed holiday line is refused, in words, and the dialog stays.
    dialog->holidays()->appendPlainText(QStringLiteral("2026-13-01 없는 날"));
    QCOMPARE(saveRule(dialog), QStringLiteral("refused"));
    QVERIFY2(!dialog->messageText().isEmpty(), "the refusal is shown");
    // Thirty days and an admin's own holiday list: saved, and every clock is read again.
    dialog->holidays()->setPlainText(QStringLiteral("2026-03-20 회사 지정 휴일"));
    dialog->days()->setValue(30);
    QPointer<ui::CasePolicyDialog> open(dialog);
    const QString answer = saveRule(dialog);
    QVERIFY2(answer == QStringLiteral("saved"), qPrintable(answer + QLatin1Char(' ') + (open ? dialog->messageText() : QString())));
    QTRY_VERIFY_WITH_TIMEOUT(open.isNull(), 10000);   // saved: the dialog closes itself
    auto store = ops::openOpsStore(opsPath_);
    ops::CasePolicy p;
    store->read([&](ops::OpsReader& r) { p = r.casePolicy(); });
    QCOMPARE(p.days, 30);
    QCOMPARE(p.holidays.value_or(""), std::string("2026-03-20 회사 지정 휴일"));
    QCOMPARE(p.changedBy.value_or(""), std::string("admin"));
}

void TestCaseScreens::othersReadTheDeadlineRuleOnly()
{
    ui::CasePolicyDialog* dialog = policyDialogAs(QStringLiteral("kim.agent"));
    QVERIFY(dialog);
    QCOMPARE(dialog->days()->value(), 14);
    QVERIFY(dialog->days()->isReadOnly());
    QVERIFY(dialog->holidays()->isReadOnly());
    QVERIFY(!dialog->extend()->isEnabled());
    QCOMPARE(dialog->messageText(), QStringLiteral("기한 규칙은 관리자만 바꿀 수 있습니다."));
    // Even past the disabled form, the service refuses and says so.
    dialog->days()->setValue(30);
    QCOMPARE(saveRule(dialog), QStringLiteral("refused"));
}

void TestCaseScreens::aPartnerNotesItsOwnOrderInItsCase()
{
    const ops::ComplaintCase complaint = openComplaintDirectly("2026-03-11T15:00:00+09:00");
    CasesScreen* cases = casesAs(QStringLiteral("lotte.partner"));
    QVERIFY(cases);
    QVERIFY(!cases->merchantFilter()->isVisible());   // its cases are all its own
    // Only the case holding its ₩50,000 orphan; the complaint (no link yet) is not its part.
    QCOMPARE(cases->model()->rowCount(), 1);
    QVERIFY(rowHolding(cases->model(), "L-0003") == 0);
    QCOMPARE(cases->model()->rowOf(QString::fromStdString(complaint.id)), -1);
    cases->selectCase(cases->model()->index(0, 0).data(CaseListModel::CaseIdRole).toString());
    ui::CaseDetailPane* detail = cases->detail();
    QTRY_VERIFY_WITH_TIMEOUT(detail->isLoaded() && !detail->caseId().isEmpty(), 10000);
    for (auto a : {CasesScreen::Action::Open, CasesScreen::Action::Link, CasesScreen::Action::Assign,
                   CasesScreen::Action::Answer})
        QVERIFY(!cases->actionButton(a)->isEnabled());
    // Its note is about one of its orders in the case: O-1001, paid by L-0003.
    QVERIFY(detail->noteOrderChoice()->isVisible());
    QCOMPARE(detail->noteOrderChoice()->count(), 1);
    QCOMPARE(detail->noteOrderChoice()->itemData(0).toString(), QStringLiteral("O-1001"));
    QVERIFY(detail->addNoteButton()->isEnabled());
    detail->noteEdit()->setText(QStringLiteral("상품권 재발송 준비 중"));
    QSignalSpy acted(detail, &ui::CaseDetailPane::actionFinished);
    detail->addNote();
    QTRY_COMPARE_WITH_TIMEOUT(acted.count(), 1, 10000);
    QVERIFY(acted.at(0).at(0).toBool());
    QTRY_VERIFY_WITH_TIMEOUT(detail->notesText().contains(QStringLiteral("(주문 O-1001): 상품권 재발송 준비 중")), 10000);
    // Staff see the partner's note too; the partner never sees staff notes.
    auto store = ops::openOpsStore(opsPath_);
    const auto staffView = ops::CaseService(ops::OpsContext{*store, mirror_->db()})
                               .show("kim.agent", detail->caseId().toStdString(), ops::wallClockNow());
    QVERIFY(staffView.ok());
    QCOMPARE(staffView->notes.size(), std::size_t(1));
    QCOMPARE(staffView->notes.front().merchantId.value_or(""), std::string("M-LOTTE"));
}

// Exports are audited like actions (docs/access.md): the queue's CSV, by the signed-in agent.
void TestCaseScreens::aCsvExportIsOnRecord()
{
    MainWindow* w = openAs(QStringLiteral("kim.agent"));
    QVERIFY(w);
    w->showScreen(ScreenId::Orphans);
    ui::OrphanQueueScreen* queue = w->screens()->orphans();
    QTRY_VERIFY_WITH_TIMEOUT(queue->isLoaded(), 10000);
    const QString path = mirror_->dir() + QStringLiteral("/queue.csv");
    QSignalSpy exported(queue->exporter(), &ui::CsvExportRunner::exported);
    queue->exportCsvTo(path);
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, 10000);
    auto store = ops::openOpsStore(opsPath_);
    const auto recorded = [&] {
        std::vector<ops::AuditEntry> all;
        store->read([&](ops::OpsReader& r) { all = r.audit({}); });
        return std::count_if(all.begin(), all.end(), [&](const ops::AuditEntry& e) {
            return e.actor == "kim.agent" && e.action == "export.csv" && e.target == "OrphanQueueScreen"
                && e.after.find(path.toStdString()) != std::string::npos && e.after.find("\"rows\":4") != std::string::npos;
        });
    };
    QTRY_COMPARE_WITH_TIMEOUT(recorded(), 1L, 10000);
}

QTEST_MAIN(TestCaseScreens)
#include "tst_case_screens.moc"
