// What the console says to the people using it (issue 11): quarantine reasons in the console's
// language, counts with their plural, no Korean "와(과)" guesses, no program name twice in the
// title, no developer wording or query timings, a screen's message left with its screen, and
// two copies in the queue's pane: the explanation for a colleague, the Korean reply for the
// customer that promises no refund nobody has requested. The real main window, offscreen.
#include "items/orphan_queue_model.h"
#include "items/refund_mark_proxy.h"
#include "ops/operator_service.h"
#include "ops/ops_store.h"
#include "ops/refund_service.h"
#include "store/database.h"
#include "recon/explanation.h"
#include "recon/explanation_text.h"
#include "test_mirror.h"
#include "test_operators.h"
#include "ui/customer/customer_screen.h"
#include "ui/main_window.h"
#include "ui/orphans/orphan_detail_pane.h"
#include "ui/orphans/orphan_queue_screen.h"
#include "ui/shell/console_settings.h"
#include "ui/shell/mirror_screens.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTranslator>

#include <memory>

using namespace reconsole;
using items::OrphanQueueModel;
using items::QueueColumn;
using ui::MainWindow;
using ui::ScreenId;

class TestConsoleWording : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void quarantineReasonsAreTranslated();
    void noParticleGuessesInSearchSummary();
    void searchAndTimelineShowNoTimings();
    void titleDoesNotRepeatTheProgramName();
    void noDeveloperWordingOnAnyScreen();
    void screenMessageStaysWithItsScreen();
    void explanationAndReplyAreTwoCopies();
    void replyIsKoreanInEnglishToo();
    void replyPromisesARefundOnlyOnceRequested();
    void englishCountsHaveTheirPlural();

private:
    ui::OrphanQueueScreen* queue() const { return window_->screens()->orphans(); }
    void openMirror(const std::string& path);
    void selectQueueRow(const QString& ledgerId);
    void useEnglish();

    test::TestMirror example_;
    ui::ConsoleSettings settings_;
    std::unique_ptr<MainWindow> window_;
    std::unique_ptr<QTranslator> english_;
};

void TestConsoleWording::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::Korean, QLocale::SouthKorea));
    example_.import({test::sharedPath("examples/incident-small.jsonl")});
}

void TestConsoleWording::init()
{
    window_ = std::make_unique<MainWindow>(settings_);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    openMirror(example_.path());
}

void TestConsoleWording::cleanup()
{
    window_.reset();
    if (english_) {
        QApplication::removeTranslator(english_.get());
        english_.reset();
        QLocale::setDefault(QLocale(QLocale::Korean, QLocale::SouthKorea));
    }
}

void TestConsoleWording::openMirror(const std::string& path)
{
    QSignalSpy opened(window_.get(), &MainWindow::mirrorOpened);
    window_->openMirror(QString::fromStdString(path));
    QVERIFY(opened.wait(10000));
}

// The English translation as `reconsole --lang en` installs it, then a window made afresh.
void TestConsoleWording::useEnglish()
{
    english_ = std::make_unique<QTranslator>();
    QVERIFY(english_->load(QStringLiteral(RECONSOLE_EN_QM)));
    QApplication::installTranslator(english_.get());
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    init();
}

void TestConsoleWording::selectQueueRow(const QString& ledgerId)
{
    window_->showScreen(ScreenId::Orphans);
    QTRY_VERIFY_WITH_TIMEOUT(queue()->isLoaded(), 10000);
    QAbstractItemModel* model = queue()->view()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(OrphanQueueModel::LedgerIdRole).toString() != ledgerId)
            continue;
        queue()->selectRow(row);
        QTRY_VERIFY_WITH_TIMEOUT(queue()->detail()->isLoaded() && queue()->detail()->ledgerId() == ledgerId, 10000);
        return;
    }
    QFAIL(qPrintable(ledgerId + QStringLiteral(" is not in the queue")));
}

void TestConsoleWording::quarantineReasonsAreTranslated()
{
    test::TestMirror mirror;
    mirror.import({test::sharedPath("examples/incident-small.jsonl")});
    openMirror(mirror.path());
    const std::string feed = mirror.writeFeed(
        {"this is not json", R"({"seq":41,"type":"ledger","id":"L-0099","account_id":"A-NAM-MONEY","customer_id":"C-NAM",)"
                             R"("direction":"debit","purpose":"payment","at":"2026-03-11T11:00:00+09:00"})"});
    QSignalSpy finished(window_.get(), &MainWindow::taskFinished);
    window_->importFeeds({QString::fromStdString(feed)});
    QVERIFY(finished.wait(20000));
    const QString detail = finished.first().first().value<ui::TaskOutcome>().detail;
    QVERIFY2(detail.contains(QStringLiteral("JSON 형식이 아닙니다")), qPrintable(detail));
    QVERIFY2(detail.contains(QStringLiteral("필수 항목이 없습니다: amount")), qPrintable(detail));
    QVERIFY2(!detail.contains(QStringLiteral("not valid JSON")), qPrintable(detail));
    // What is stored stays as the importer wrote it.
    QCOMPARE(mirror.count("SELECT count(*) FROM quarantine WHERE reason = 'not valid JSON'"), std::int64_t(2));
}

void TestConsoleWording::noParticleGuessesInSearchSummary()
{
    window_->showScreen(ScreenId::Customers);
    auto* box = window_->findChild<QLineEdit*>(QStringLiteral("customerSearchBox"));
    auto* summary = window_->findChild<QLabel*>(QStringLiteral("customerSearchSummary"));
    QTest::keyClicks(box, QStringLiteral("ZZZ"));
    QTRY_VERIFY_WITH_TIMEOUT(summary->text().contains(QStringLiteral("ZZZ")), 10000);
    QVERIFY2(!summary->text().contains(QStringLiteral("(과)")), qPrintable(summary->text()));
}

void TestConsoleWording::searchAndTimelineShowNoTimings()
{
    window_->showScreen(ScreenId::Customers);
    auto* box = window_->findChild<QLineEdit*>(QStringLiteral("customerSearchBox"));
    auto* summary = window_->findChild<QLabel*>(QStringLiteral("customerSearchSummary"));
    QSignalSpy messages(window_->statusBar(), &QStatusBar::messageChanged);
    QTest::keyClicks(box, QStringLiteral("C-NAM"));
    QTRY_VERIFY_WITH_TIMEOUT(summary->text().contains(QStringLiteral("1")), 10000);
    QVERIFY2(!summary->text().contains(QStringLiteral("ms")), qPrintable(summary->text()));
    QTest::keyClick(box, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(window_->statusBar()->currentMessage().contains(QStringLiteral("C-NAM")), 10000);
    for (const auto& m : messages)
        QVERIFY2(!m.first().toString().contains(QStringLiteral(" ms")), qPrintable(m.first().toString()));
}

void TestConsoleWording::titleDoesNotRepeatTheProgramName()
{
    // The platform puts the application's name after the title ("example.db — Reconsole").
    QVERIFY(!window_->windowTitle().isEmpty());
    QVERIFY2(!window_->windowTitle().contains(QStringLiteral("Reconsole")), qPrintable(window_->windowTitle()));
}

void TestConsoleWording::noDeveloperWordingOnAnyScreen()
{
    const QStringList developerWords{QStringLiteral("SQLite"), QStringLiteral("outbox-v1"), QStringLiteral("feed-v1"),
                                     QStringLiteral("models/"),  QStringLiteral("ui/"),       QStringLiteral(".md"),
                                     QStringLiteral(" ms)")};
    for (int s = 0; s < ui::kScreenCount; ++s) {
        window_->showScreen(ScreenId(s));
        QTest::qWait(300);
        for (const QWidget* w : window_->findChildren<QWidget*>()) {
            QStringList said{w->toolTip()};
            if (const auto* label = qobject_cast<const QLabel*>(w))
                said << label->text();
            if (const auto* button = qobject_cast<const QAbstractButton*>(w))
                said << button->text();
            for (const QString& text : said)
                for (const QString& word : developerWords)
                    QVERIFY2(!text.contains(word), qPrintable(QStringLiteral("%1: %2").arg(w->objectName(), text)));
        }
    }
}

void TestConsoleWording::screenMessageStaysWithItsScreen()
{
    window_->screens()->showCustomer(QStringLiteral("C-NAM"));
    QTRY_VERIFY_WITH_TIMEOUT(window_->statusBar()->currentMessage().contains(QStringLiteral("C-NAM")), 10000);
    window_->showScreen(ScreenId::Dashboard);
    QCOMPARE(window_->statusBar()->currentMessage(), QString());
}

void TestConsoleWording::explanationAndReplyAreTwoCopies()
{
    selectQueueRow(QStringLiteral("L-0003"));
    auto* copyExplanation = window_->findChild<QAbstractButton*>(QStringLiteral("copyExplanation"));
    auto* copyReply = window_->findChild<QAbstractButton*>(QStringLiteral("copyReply"));
    QVERIFY(copyExplanation && copyReply);
    QTest::mouseClick(copyExplanation, Qt::LeftButton);
    const QString explanation = QApplication::clipboard()->text();
    QVERIFY2(explanation.contains(QStringLiteral("추정 원인")) && explanation.contains(QStringLiteral("PAY-1001")),
             qPrintable(explanation));
    QTest::mouseClick(copyReply, Qt::LeftButton);
    const QString reply = QApplication::clipboard()->text();
    QVERIFY2(reply.startsWith(QStringLiteral("고객님")) && reply.contains(QStringLiteral("₩50,000")), qPrintable(reply));
    // Customer words, not the internal label; and no refund promised: none has been requested.
    QVERIFY2(!reply.contains(recon::causeLabel(recon::LikelyCause::CashReceiptOnIneligibleProduct)), qPrintable(reply));
    QVERIFY2(!reply.contains(QStringLiteral("환불 처리해 드리겠습니다")) && !reply.contains(QStringLiteral("환불해 드리겠습니다")),
             qPrintable(reply));
}

void TestConsoleWording::replyIsKoreanInEnglishToo()
{
    useEnglish();
    selectQueueRow(QStringLiteral("L-0003"));
    QVERIFY2(!queue()->detail()->explanation().contains(QStringLiteral("고객")), qPrintable(queue()->detail()->explanation()));
    auto* copyReply = window_->findChild<QAbstractButton*>(QStringLiteral("copyReply"));
    QVERIFY(copyReply);
    QTest::mouseClick(copyReply, Qt::LeftButton);
    const QString reply = QApplication::clipboard()->text();
    QVERIFY2(reply.startsWith(QStringLiteral("고객님")), qPrintable(reply));
}

void TestConsoleWording::replyPromisesARefundOnlyOnceRequested()
{
    // An agent requests a refund of L-0003: its reply says so; L-0011's, with no request, does not.
    test::TestMirror mirror;
    mirror.import({test::sharedPath("examples/incident-small.jsonl")});
    {
        auto store = ops::openOpsStore(ops::defaultOpsPath(mirror.path()));
        Database mirrorDb(mirror.path(), Database::Mode::ReadOnly);
        const ops::OpsContext fixtureCtx{*store, mirrorDb};
        ops::Operator admin{}, agent{};
        admin.id = "admin";
        admin.name = "관리자";
        admin.roles = ops::Roles{ops::Role::Admin};
        agent.id = "kim.agent";
        agent.name = "김상담";
        agent.roles = ops::Roles{ops::Role::Agent};
        QVERIFY(test::addOperatorWithPassword(fixtureCtx, "", admin).ok());
        QVERIFY(test::addOperatorWithPassword(fixtureCtx, "admin", agent).ok());
        ops::RefundDraft draft;
        draft.ledgerId = "L-0003";
        draft.reason = "ORPHAN_DEBIT";
        QVERIFY(ops::RefundService(ops::OpsContext{*store, mirrorDb}).request("kim.agent", draft).ok());
    }
    settings_.operatorId = QStringLiteral("kim.agent");   // read when the mirror's screens are made
    window_->setPassword(test::passwordOf(settings_.operatorId));
    openMirror(mirror.path());
    settings_.operatorId.clear();
    QTRY_VERIFY_WITH_TIMEOUT(window_->screens()->ops()->canAct(), 10000);   // signed in
    window_->showScreen(ScreenId::Orphans);
    QTRY_VERIFY_WITH_TIMEOUT(queue()->isLoaded() && queue()->refundMarks()->marksLoaded(), 10000);
    selectQueueRow(QStringLiteral("L-0003"));
    // The marks read again once kim is signed in (a read before it met the closed gate).
    QTRY_VERIFY2_WITH_TIMEOUT(queue()->detail()->customerReply().contains(QStringLiteral("₩50,000 환불을 접수했으며")),
                              qPrintable(queue()->detail()->customerReply()), 10000);
    selectQueueRow(QStringLiteral("L-0011"));
    QVERIFY2(!queue()->detail()->customerReply().contains(QStringLiteral("환불")), qPrintable(queue()->detail()->customerReply()));
    // The customer's timeline says the same.
    auto* customers = static_cast<ui::CustomerScreen*>(window_->screens()->customers());
    QSignalSpy loaded(customers, &ui::CustomerScreen::timelineLoaded);
    window_->screens()->showCustomer(QStringLiteral("C-NAM"));   // at its first orphan, L-0003
    QVERIFY(loaded.wait(10000));
    auto* copyReply = window_->findChild<QAbstractButton*>(QStringLiteral("copyReplyButton"));
    QVERIFY(copyReply);
    QTRY_VERIFY_WITH_TIMEOUT(window_->findChild<QTableView*>(QStringLiteral("customerRefundsView"))->model()->rowCount() == 1,
                             10000);
    QApplication::clipboard()->clear();
    QTest::mouseClick(copyReply, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(QApplication::clipboard()->text().contains(QStringLiteral("₩50,000 환불을 접수했으며")), 5000);
}

void TestConsoleWording::englishCountsHaveTheirPlural()
{
    useEnglish();
    window_->showScreen(ScreenId::Orphans);
    QTRY_VERIFY_WITH_TIMEOUT(queue()->isLoaded(), 10000);
    auto* count = window_->findChild<QLabel*>(QStringLiteral("queueCount"));
    QCOMPARE(count->text(), QStringLiteral("4 orphans"));
    QSignalSpy loaded(queue(), &ui::OrphanQueueScreen::loaded);
    queue()->showClass(OrphanClass::OverCapture);   // L-0006 alone
    QVERIFY(loaded.wait(10000));
    QCOMPARE(queue()->model()->matchingRows(), std::int64_t(1));
    QCOMPARE(count->text(), QStringLiteral("1 orphan"));
}

QTEST_MAIN(TestConsoleWording)
#include "tst_console_wording.moc"
