// What operators do about catalog errors in the real main window under the offscreen platform,
// on the example mirror plus a hand-made set priced with an extra zero: a fix proposed, approved
// by another operator, exported, answered by the platform, imported by the console and settled
// (the "fix pending" mark gone, no sudden change left); a fix refused when the product changed
// after the dialog opened; a finding acknowledged; the impact figures; a repair drafted twice
// making one set of refunds, approved row by row and as a batch; the undercharges CSV; the
// admin's rules changed and the findings checked again; and a reader without permission who
// sees the actions disabled. Operators are made through OperatorService.
#include "catalog/catalog_check.h"
#include "items/catalog_ops_loader.h"
#include "items/catalog_product_model.h"
#include "items/ops_session.h"
#include "ops/catalog_fix_service.h"
#include "ops/operator_service.h"
#include "ops/ops_store.h"
#include "ops/outbox.h"
#include "ops/platform_simulator.h"
#include "store/database.h"
#include "test_mirror.h"
#include "test_operators.h"
#include "ui/catalog/acknowledge_dialog.h"
#include "ui/catalog/catalog_fix_panel.h"
#include "ui/catalog/catalog_rules_dialog.h"
#include "ui/catalog/catalog_screen.h"
#include "ui/catalog/impact_dialog.h"
#include "ui/catalog/propose_fix_dialog.h"
#include "ui/catalog/repair_batch_dialog.h"
#include "ui/catalog/repair_dialog.h"
#include "ui/catalog/undercharge_export_dialog.h"
#include "ui/main_window.h"
#include "ui/shell/console_settings.h"
#include "ui/shell/mirror_screens.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include "ui/dashboard/dashboard_screen.h"
#include "ui/dashboard/stat_card.h"
#include <QTest>

#include <memory>

using namespace reconsole;
using ui::MainWindow;
using ui::ScreenId;

namespace {

const QString kCake = QStringLiteral("P-SBUX-CAKE");
const QString kSet = QStringLiteral("P-SBUX-SET");

// A set sold at ₩200,000 against a list price of ₩20,000 (an extra zero), bought twice.
std::vector<std::string> overchargedSetLines()
{
    return {
        R"({"seq":40,"type":"product","id":"P-SBUX-SET","merchant_id":"M-SBUX","name":"스타벅스 텀블러 세트","kind":"goods","list_price":20000,"price":200000,"discount_bp":0,"cash_receipt_eligible":true,"updated_at":"2026-03-10T09:00:00+09:00"})",
        R"({"seq":41,"type":"order","id":"O-2001","customer_id":"C-KIM","product_id":"P-SBUX-SET","quantity":1,"unit_price":200000,"total":200000,"status":"paid","created_at":"2026-03-11T09:00:00+09:00","updated_at":"2026-03-11T09:00:04+09:00"})",
        R"({"seq":42,"type":"payment","id":"PAY-2001","order_id":"O-2001","amount":200000,"status":"approved","at":"2026-03-11T09:00:03+09:00"})",
        R"({"seq":43,"type":"ledger","id":"L-2001","account_id":"A-KIM-CARD","customer_id":"C-KIM","direction":"debit","amount":200000,"purpose":"payment","payment_id":"PAY-2001","order_id":"O-2001","at":"2026-03-11T09:00:02+09:00"})",
        R"({"seq":44,"type":"order","id":"O-2002","customer_id":"C-NAM","product_id":"P-SBUX-SET","quantity":1,"unit_price":200000,"total":200000,"status":"paid","created_at":"2026-03-11T09:30:00+09:00","updated_at":"2026-03-11T09:30:04+09:00"})",
        R"({"seq":45,"type":"payment","id":"PAY-2002","order_id":"O-2002","amount":200000,"status":"approved","at":"2026-03-11T09:30:03+09:00"})",
        R"({"seq":46,"type":"ledger","id":"L-2002","account_id":"A-NAM-MONEY","customer_id":"C-NAM","direction":"debit","amount":200000,"purpose":"payment","payment_id":"PAY-2002","order_id":"O-2002","at":"2026-03-11T09:30:02+09:00"})",
    };
}

}  // namespace

class TestCatalogActions : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void fixProposedApprovedExportedSettledAndMarkGone();
    void fixRefusedWhenTheProductChangedAfterTheDialogOpened();
    void platformRefusalRecordedEndsThePendingFix();
    void acknowledgeFromTheScreen();
    void impactShowsTheFigures();
    void repairDraftedTwiceMakesOneSetApprovedByAnother();
    void underchargesExportedAsCsv();
    void adminChangesRulesAndFindingsAreCheckedAgain();
    void readerWithoutPermissionSeesActionsDisabled();

private:
    MainWindow* openAs(const QString& operatorId);
    ui::CatalogScreen* catalogOf(MainWindow* w) const { return w->screens()->catalog(); }
    bool select(MainWindow* w, const QString& productId);
    QString anomalyCell(MainWindow* w, const QString& productId) const;
    std::vector<ops::CatalogFix> fixesOf(const std::string& productId);
    std::unique_ptr<ops::OpsStore> store() { return ops::openOpsStore(opsPath_); }

    std::unique_ptr<test::TestMirror> mirror_;
    std::string opsPath_;
    std::vector<std::unique_ptr<ui::ConsoleSettings>> settings_;
    std::vector<std::unique_ptr<MainWindow>> windows_;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> testers_;
};

void TestCatalogActions::init()
{
    mirror_ = std::make_unique<test::TestMirror>();
    mirror_->import({test::sharedPath("examples/incident-small.jsonl")});
    mirror_->importLines(overchargedSetLines());
    // The fixture's import does not keep the catalog findings: check them as the CLI would.
    catalog::CatalogState().rebuildIfStale(mirror_->db());
    opsPath_ = ops::defaultOpsPath(mirror_->path());
    auto ops = store();
    ops::OpsContext fixtureCtx{*ops, mirror_->db()};
    const auto add = [&](const std::string& actor, const std::string& id, ops::Role role) {
        ops::Operator op;
        op.id = id;
        op.roles = ops::Roles{role};
        const auto made = test::addOperatorWithPassword(fixtureCtx, actor, op);
        QVERIFY2(made.ok(), made.ok() ? "" : made.refusal().message.c_str());
    };
    add("", "admin", ops::Role::Admin);
    add("admin", "lee.ops", ops::Role::Ops);
    add("admin", "park.ops", ops::Role::Ops);
    add("admin", "kim.agent", ops::Role::Agent);
}

void TestCatalogActions::cleanup()
{
    testers_.clear();
    windows_.clear();
    settings_.clear();
    mirror_.reset();
}

MainWindow* TestCatalogActions::openAs(const QString& operatorId)
{
    settings_.push_back(std::make_unique<ui::ConsoleSettings>());
    settings_.back()->operatorId = operatorId;
    windows_.push_back(std::make_unique<MainWindow>(*settings_.back()));
    MainWindow* w = windows_.back().get();
    w->setPassword(test::passwordOf(operatorId));   // as RECONSOLE_PASSWORD with --as
    w->show();
    QSignalSpy opened(w, &MainWindow::mirrorOpened);
    w->openMirror(QString::fromStdString(mirror_->path()));
    if (!opened.wait(10000) || !w->screens())
        return nullptr;
    if (!QTest::qWaitFor([w] { return w->screens()->ops()->isResolved() && w->screens()->ops()->signInState() != items::SignIn::Checking; }, 10000))
        return nullptr;
    w->showScreen(ScreenId::Catalog);
    if (!QTest::qWaitFor([this, w] { return catalogOf(w)->isLoaded(); }, 10000))
        return nullptr;
    // The product list changes under the marks (fix pending, acknowledged): watched throughout.
    testers_.push_back(std::make_unique<QAbstractItemModelTester>(catalogOf(w)->model(),
                                                                  QAbstractItemModelTester::FailureReportingMode::QtTest));
    return w;
}

bool TestCatalogActions::select(MainWindow* w, const QString& productId)
{
    ui::CatalogScreen* screen = catalogOf(w);
    screen->selectProduct(productId);
    return QTest::qWaitFor(
        [screen, productId] {
            return screen->selectedProductId() == productId && screen->isDetailLoaded() && screen->opsLoader()->isLoaded()
                && screen->opsLoader()->productId() == productId;
        },
        10000);
}

QString TestCatalogActions::anomalyCell(MainWindow* w, const QString& productId) const
{
    auto* m = catalogOf(w)->model();
    const int row = m->rowOf(productId);
    return row < 0 ? QString() : m->index(row, items::CatalogProductModel::AnomalyColumn).data().toString();
}

std::vector<ops::CatalogFix> TestCatalogActions::fixesOf(const std::string& productId)
{
    std::vector<ops::CatalogFix> out;
    store()->read([&](ops::OpsReader& r) { out = r.catalogFixes(ops::CatalogFixFilter{productId, {}, 1000}); });
    return out;
}

void TestCatalogActions::fixProposedApprovedExportedSettledAndMarkGone()
{
    MainWindow* lee = openAs(QStringLiteral("lee.ops"));
    QVERIFY(lee);
    QVERIFY(select(lee, kCake));
    ui::CatalogScreen* screen = catalogOf(lee);
    QVERIFY(screen->fixMarkText().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(screen->proposeButton()->isEnabled(), 10000);

    // The dialog shows the version seen and previews the corrected unit price.
    ui::ProposeFixDialog* dialog = screen->openProposeFix();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isQuoteLoaded(), 10000);
    QCOMPARE(dialog->seenSeq(), qint64(5));
    QCOMPARE(dialog->priceEdit()->text(), QStringLiteral("3,300"));
    QVERIFY(!dialog->confirmButton()->isEnabled());   // nothing changed yet
    dialog->priceEdit()->setText(QStringLiteral("33,000"));
    dialog->discountBox()->setValue(5.0);
    QCOMPARE(dialog->changedValues().discountBp, std::optional<std::int64_t>(500));
    QVERIFY2(dialog->previewText().contains(QStringLiteral("₩31,350")), qPrintable(dialog->previewText()));
    dialog->discountBox()->setValue(0.0);
    QVERIFY2(dialog->previewText().contains(QStringLiteral("고친 뒤 단가 ₩33,000 (지금 ₩3,300)")), qPrintable(dialog->previewText()));
    QVERIFY(dialog->confirmButton()->isEnabled());

    // A double click and a retry: one fix, carrying the dialog's operation id.
    QSignalSpy answered(dialog, &ui::ProposeFixDialog::submitted);
    QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
    QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
    dialog->submit();
    QTRY_COMPARE_WITH_TIMEOUT(answered.count(), 2, 10000);
    QVERIFY(answered.at(0).at(0).toBool() && answered.at(1).at(0).toBool());
    auto fixes = fixesOf("P-SBUX-CAKE");
    QCOMPARE(fixes.size(), std::size_t(1));
    QCOMPARE(fixes.front().opId, dialog->operationId().toStdString());
    QCOMPARE(fixes.front().productSeq, std::int64_t(5));
    QCOMPARE(fixes.front().set.price, std::optional<std::int64_t>(33000));
    QVERIFY(!fixes.front().set.discountBp);   // unchanged values are not sent
    dialog->close();

    // "Fix pending" in the detail and in the list; the proposer may not approve their own.
    QTRY_VERIFY_WITH_TIMEOUT(screen->fixMarkText().contains(QStringLiteral("수정 대기 (승인 대기)")), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(anomalyCell(lee, kCake).startsWith(QStringLiteral("수정 대기 · ")), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(screen->fixPanel()->table()->rowCount(), 1, 10000);
    screen->fixPanel()->table()->selectRow(0);
    QVERIFY(!screen->fixPanel()->approveButton()->isEnabled());
    QVERIFY(screen->fixPanel()->cancelButton()->isEnabled());
    QVERIFY(!screen->proposeButton()->isEnabled());   // one fix at a time

    // Another ops operator approves it on their console.
    MainWindow* park = openAs(QStringLiteral("park.ops"));
    QVERIFY(park);
    QVERIFY(select(park, kCake));
    ui::CatalogFixPanel* panel = catalogOf(park)->fixPanel();
    QTRY_COMPARE_WITH_TIMEOUT(panel->table()->rowCount(), 1, 10000);
    panel->table()->selectRow(0);
    QVERIFY(panel->approveButton()->isEnabled());
    QVERIFY(!panel->rejectButton()->isEnabled());   // a rejection needs a note
    QSignalSpy acted(panel, &ui::CatalogFixPanel::acted);
    QTest::mouseClick(panel->approveButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(acted.count(), 1, 10000);
    QVERIFY2(acted.first().first().toBool(), qPrintable(panel->statusText()));
    QCOMPARE(fixesOf("P-SBUX-CAKE").front().state, ops::RefundState::Approved);
    QTRY_VERIFY_WITH_TIMEOUT(catalogOf(park)->fixMarkText().contains(QStringLiteral("승인됨")), 10000);

    // Exported, answered by the platform with a new version, imported by the console.
    QTemporaryDir outbox;
    {
        auto ops = store();
        Database mirror(mirror_->path(), Database::Mode::ReadOnly);
        const auto exported = ops::OutboxService(ops::OpsContext{*ops, mirror}).exportTo("park.ops", outbox.path().toStdString());
        QVERIFY(exported.ok());
        QCOMPARE(exported.value().fixes, 1);
        ops::SimulationInput in;
        in.outboxDir = outbox.path().toStdString();
        in.feedOut = outbox.filePath(QStringLiteral("platform.jsonl")).toStdString();
        in.statePath = outbox.filePath(QStringLiteral("platform-state")).toStdString();
        in.seqFrom = 1000;
        in.at = QDateTime::currentMSecsSinceEpoch();
        in.catalog = &mirror;
        const auto sim = ops::simulatePlatform(in);
        QCOMPARE(sim.fixesApplied, 1);
    }
    catalogOf(park)->opsLoader()->reload();   // the export was made outside this console
    QTRY_VERIFY_WITH_TIMEOUT(catalogOf(park)->fixMarkText().contains(QStringLiteral("플랫폼에 전달됨")), 10000);
    QSignalSpy finished(park, &MainWindow::taskFinished);
    park->importFeeds({outbox.filePath(QStringLiteral("platform.jsonl"))});
    QVERIFY(park->isBusy());
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.first().first().value<ui::TaskOutcome>().status, ui::TaskOutcome::Status::Done);

    // Settled; the mark is gone; the corrected version is expected, never a sudden change, so
    // the cake has no open finding left (an import without the rules in force leaves one).
    QTRY_COMPARE_WITH_TIMEOUT(fixesOf("P-SBUX-CAKE").front().state, ops::RefundState::Settled, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(catalogOf(park)->fixMarkText().isEmpty(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!anomalyCell(park, kCake).contains(QStringLiteral("수정 대기")), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(anomalyCell(park, kCake), QStringLiteral("없음"), 10000);
    auto* m = catalogOf(park)->model();
    QCOMPARE(m->rowAt(m->rowOf(kCake))->price, std::int64_t(33000));
    QCOMPARE(m->rowAt(m->rowOf(kCake))->openCount, 0);
}

void TestCatalogActions::fixRefusedWhenTheProductChangedAfterTheDialogOpened()
{
    MainWindow* lee = openAs(QStringLiteral("lee.ops"));
    QVERIFY(lee);
    QVERIFY(select(lee, kCake));
    ui::ProposeFixDialog* dialog = catalogOf(lee)->openProposeFix();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isQuoteLoaded(), 10000);
    QCOMPARE(dialog->seenSeq(), qint64(5));
    // The platform changes the cake while the operator types.
    mirror_->importLines({R"({"seq":60,"type":"product","id":"P-SBUX-CAKE","merchant_id":"M-SBUX","name":"스타벅스 케이크 세트","kind":"goods","list_price":33000,"price":3500,"discount_bp":0,"cash_receipt_eligible":true,"updated_at":"2026-03-11T12:30:00+09:00"})"});
    dialog->priceEdit()->setText(QStringLiteral("33,000"));
    QVERIFY(dialog->confirmButton()->isEnabled());
    QSignalSpy answered(dialog, &ui::ProposeFixDialog::submitted);
    QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(answered.count(), 1, 10000);
    QVERIFY(!answered.first().first().toBool());
    QVERIFY2(dialog->statusText().startsWith(QStringLiteral("이 창을 연 뒤에 상품이 바뀌었습니다 (보고 있던 버전 5)")),
             qPrintable(dialog->statusText()));
    QVERIFY(!dialog->confirmButton()->isEnabled());
    QVERIFY(dialog->madeFixId().isEmpty());
    QVERIFY(fixesOf("P-SBUX-CAKE").empty());
}

void TestCatalogActions::platformRefusalRecordedEndsThePendingFix()
{
    // A fix asked and approved, handed over; the platform changed the cake meanwhile and refuses it.
    QTemporaryDir outbox;
    {
        auto ops = store();
        ops::OpsContext ctx{*ops, mirror_->db()};
        ops::FixDraft draft;
        draft.productId = "P-SBUX-CAKE";
        draft.set.price = 33000;
        draft.reason = "PRICE_ERROR";
        const auto made = ops::CatalogFixService(ctx).propose("lee.ops", draft);
        QVERIFY(made.ok());
        QVERIFY(ops::CatalogFixService(ctx).approve("park.ops", made.value().id).ok());
        QVERIFY(ops::OutboxService(ctx).exportTo("park.ops", outbox.path().toStdString()).ok());
    }
    mirror_->importLines({R"({"seq":60,"type":"product","id":"P-SBUX-CAKE","merchant_id":"M-SBUX","name":"스타벅스 케이크 세트","kind":"goods","list_price":33000,"price":3500,"discount_bp":0,"cash_receipt_eligible":true,"updated_at":"2026-03-11T12:30:00+09:00"})"});
    {
        ops::SimulationInput in;
        in.outboxDir = outbox.path().toStdString();
        in.feedOut = outbox.filePath(QStringLiteral("platform.jsonl")).toStdString();
        in.statePath = outbox.filePath(QStringLiteral("platform-state")).toStdString();
        in.seqFrom = 1000;
        in.at = QDateTime::currentMSecsSinceEpoch();
        in.catalog = &mirror_->db();
        QCOMPARE(ops::simulatePlatform(in).fixesRefused, 1);
    }
    MainWindow* park = openAs(QStringLiteral("park.ops"));
    QVERIFY(park);
    QVERIFY(select(park, kCake));
    ui::CatalogScreen* screen = catalogOf(park);
    QVERIFY(screen->fixMarkText().contains(QStringLiteral("플랫폼에 전달됨")));
    QVERIFY(!screen->proposeButton()->isEnabled());
    ui::CatalogFixPanel* panel = screen->fixPanel();
    QTRY_COMPARE_WITH_TIMEOUT(panel->table()->rowCount(), 1, 10000);
    panel->table()->selectRow(0);
    QVERIFY(!panel->failedButton()->isEnabled());   // the platform's reason is needed
    QVERIFY(!panel->cancelButton()->isEnabled());   // sent: no longer ours to cancel
    panel->noteEdit()->setText(QStringLiteral("플랫폼 보고: 상품이 바뀌어 거절 (expected 불일치)"));
    QVERIFY(panel->failedButton()->isEnabled());
    QSignalSpy acted(panel, &ui::CatalogFixPanel::acted);
    QTest::mouseClick(panel->failedButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(acted.count(), 1, 10000);
    QVERIFY2(acted.first().first().toBool(), qPrintable(panel->statusText()));
    QCOMPARE(fixesOf("P-SBUX-CAKE").front().state, ops::RefundState::Failed);
    // No longer pending: the mark goes and a new fix may be proposed (for the version now live).
    QTRY_VERIFY_WITH_TIMEOUT(screen->fixMarkText().isEmpty(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(screen->proposeButton()->isEnabled(), 10000);
}

void TestCatalogActions::acknowledgeFromTheScreen()
{
    // An agent may not: the button is disabled, and the service refuses if asked anyway.
    MainWindow* kim = openAs(QStringLiteral("kim.agent"));
    QVERIFY(kim);
    QVERIFY(select(kim, QStringLiteral("P-LOTTE-50K")));
    QVERIFY(!catalogOf(kim)->acknowledgeButton()->isEnabled());
    ui::AcknowledgeDialog* refused = catalogOf(kim)->openAcknowledge();
    QVERIFY(refused);
    refused->reasonEdit()->setText(QStringLiteral("처리 완료"));
    QSignalSpy refusedAnswer(refused, &ui::AcknowledgeDialog::submitted);
    refused->submit();
    QTRY_COMPARE_WITH_TIMEOUT(refusedAnswer.count(), 1, 10000);
    QVERIFY(!refusedAnswer.first().first().toBool());
    QVERIFY2(refused->statusText().startsWith(QStringLiteral("이 운영자의 역할로는 할 수 없는 일입니다.")),
             qPrintable(refused->statusText()));

    // An ops operator acknowledges the incident's receipt finding with a reason.
    MainWindow* lee = openAs(QStringLiteral("lee.ops"));
    QVERIFY(lee);
    QVERIFY(select(lee, QStringLiteral("P-LOTTE-50K")));
    ui::CatalogScreen* screen = catalogOf(lee);
    QTRY_VERIFY_WITH_TIMEOUT(screen->acknowledgeButton()->isEnabled(), 10000);
    QVERIFY(!screen->explanationText().contains(QStringLiteral("의도된 것으로 확인됨")));
    QVERIFY2(screen->summaryText().contains(QStringLiteral("이상 있는 상품 3개 · 열린 이상 3건")), qPrintable(screen->summaryText()));
    ui::AcknowledgeDialog* dialog = screen->openAcknowledge();
    QCOMPARE(dialog->findingBox()->count(), 1);
    QVERIFY(dialog->findingBox()->itemText(0).contains(QStringLiteral("O-1001")));
    QVERIFY(!dialog->confirmButton()->isEnabled());   // a reason is needed
    dialog->reasonEdit()->setText(QStringLiteral("처리 완료: 가맹점과 확인"));
    QVERIFY(dialog->confirmButton()->isEnabled());
    QSignalSpy answered(dialog, &ui::AcknowledgeDialog::submitted);
    QTest::mouseClick(dialog->confirmButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(answered.count(), 1, 10000);
    QVERIFY2(answered.first().first().toBool(), qPrintable(dialog->statusText()));
    std::vector<ops::CatalogAck> acks;
    store()->read([&](ops::OpsReader& r) { acks = r.catalogAcks(std::string("P-LOTTE-50K")); });
    QCOMPARE(acks.size(), std::size_t(1));
    QCOMPARE(acks.front().by, std::string("lee.ops"));
    QCOMPARE(acks.front().orderId, std::string("O-1001"));
    QTRY_VERIFY_WITH_TIMEOUT(screen->explanationText().contains(QStringLiteral("의도된 것으로 확인됨 — lee.ops")), 10000);
    // It stops counting on the dashboard too: the mirror's three open findings, one acknowledged.
    ui::DashboardScreen* dashboard = lee->screens()->dashboard();
    QTRY_VERIFY_WITH_TIMEOUT(dashboard->isLoaded(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(dashboard->catalogCard()->value(), QStringLiteral("2건"), 10000);
    QVERIFY2(dashboard->catalogCard()->note().contains(QStringLiteral("확인됨 1건 제외")),
             qPrintable(dashboard->catalogCard()->note()));
    // It stops counting: the list, its tint and the summary leave it out (as catalog check --open).
    QTRY_COMPARE_WITH_TIMEOUT(anomalyCell(lee, QStringLiteral("P-LOTTE-50K")), QStringLiteral("없음"), 10000);
    auto* m = screen->model();
    QVERIFY(!m->index(m->rowOf(QStringLiteral("P-LOTTE-50K")), 0).data(Qt::BackgroundRole).isValid());
    QVERIFY2(screen->summaryText().contains(QStringLiteral("이상 있는 상품 2개 · 열린 이상 2건")), qPrintable(screen->summaryText()));
    // Nothing open is left to acknowledge on it.
    QTRY_VERIFY_WITH_TIMEOUT(!screen->acknowledgeButton()->isEnabled(), 10000);
}

void TestCatalogActions::impactShowsTheFigures()
{
    MainWindow* lee = openAs(QStringLiteral("lee.ops"));
    QVERIFY(lee);
    QVERIFY(select(lee, kSet));
    ui::ImpactDialog* impact = catalogOf(lee)->openImpact();
    QVERIFY(impact);
    QTRY_VERIFY_WITH_TIMEOUT(impact->isLoaded(), 10000);
    QVERIFY2(impact->figuresText().contains(QStringLiteral("더 낸 고객 2명 (주문 2건) 합계 ₩360,000").replace(QLatin1Char(' '), QChar(0x00A0))),
             qPrintable(impact->figuresText()));
    QVERIFY2(impact->periodsText().contains(QStringLiteral("지금까지")), qPrintable(impact->periodsText()));
    QTableWidget* orders = impact->ordersTable();
    QCOMPARE(orders->rowCount(), 2);
    QCOMPARE(orders->item(0, 0)->text(), QStringLiteral("O-2001"));
    QCOMPARE(orders->item(0, 4)->text(), QStringLiteral("₩200,000"));
    QCOMPARE(orders->item(0, 5)->text(), QStringLiteral("₩20,000"));
    QCOMPARE(orders->item(0, 6)->text(), QStringLiteral("+₩180,000"));
    for (int c : {4, 5, 6}) {
        QVERIFY(orders->item(0, c)->textAlignment() & Qt::AlignRight);
        // Never elided: the column holds the whole amount.
        QVERIFY(orders->columnWidth(c) >= orders->fontMetrics().horizontalAdvance(orders->item(0, c)->text()));
    }
    QVERIFY(impact->repairButton()->isEnabled());
    impact->close();

    // The cake: the merchant received too little; nothing to repair.
    QVERIFY(select(lee, kCake));
    impact = catalogOf(lee)->openImpact();
    QTRY_VERIFY_WITH_TIMEOUT(impact->isLoaded(), 10000);
    QVERIFY2(impact->figuresText().contains(QStringLiteral("가맹점이 덜 받은 금액 ₩29,700 (주문 1건)").replace(QLatin1Char(' '), QChar(0x00A0))),
             qPrintable(impact->figuresText()));
    QCOMPARE(impact->ordersTable()->item(0, 6)->text(), QStringLiteral("−₩29,700"));
    QVERIFY(!impact->repairButton()->isEnabled());
    impact->close();

    // The voucher: no wrong value was live, but the cash-receipt flag explains the orphan L-0003.
    QVERIFY(select(lee, QStringLiteral("P-LOTTE-50K")));
    impact = catalogOf(lee)->openImpact();
    QTRY_VERIFY_WITH_TIMEOUT(impact->isLoaded(), 10000);
    QCOMPARE(impact->ordersTable()->rowCount(), 0);
    QCOMPARE(impact->orphansTable()->rowCount(), 1);
    QCOMPARE(impact->orphansTable()->item(0, 0)->text(), QStringLiteral("L-0003"));
    QCOMPARE(impact->orphansTable()->item(0, 5)->text(), QStringLiteral("₩50,000"));
}

void TestCatalogActions::repairDraftedTwiceMakesOneSetApprovedByAnother()
{
    MainWindow* lee = openAs(QStringLiteral("lee.ops"));
    QVERIFY(lee);
    QVERIFY(select(lee, kSet));
    ui::ImpactDialog* impact = catalogOf(lee)->openImpact();
    QTRY_VERIFY_WITH_TIMEOUT(impact->isLoaded() && impact->repairButton()->isEnabled(), 10000);

    // Preview first: lines and totals, nothing written.
    ui::RepairDialog* repair = impact->openRepair();
    QTRY_VERIFY_WITH_TIMEOUT(repair->isPreviewLoaded(), 10000);
    QCOMPARE(repair->linesTable()->rowCount(), 2);
    QVERIFY2(repair->totalsText().contains(QStringLiteral("초안할 금액 ₩360,000")), qPrintable(repair->totalsText()));
    QCOMPARE(repair->linesTable()->item(0, 4)->text(), QStringLiteral("₩180,000"));
    {
        std::vector<ops::RefundRequest> none;
        store()->read([&](ops::OpsReader& r) { none = r.refundsOfOrder("O-2001"); });
        QVERIFY(none.empty());
    }
    // A double click drafts one batch.
    QSignalSpy answered(repair, &ui::RepairDialog::submitted);
    QSignalSpy drafted(repair, &ui::RepairDialog::drafted);
    QTest::mouseClick(repair->draftButton(), Qt::LeftButton);
    QTest::mouseClick(repair->draftButton(), Qt::LeftButton);
    repair->submit();   // a retry before the answer: the same operation id
    QTRY_COMPARE_WITH_TIMEOUT(answered.count(), 2, 10000);
    QVERIFY2(answered.at(0).at(0).toBool() && answered.at(1).at(0).toBool(), qPrintable(repair->statusText()));
    QCOMPARE(drafted.count(), 1);   // one batch, named by both answers
    QCOMPARE(drafted.first().first().toString(), QString::fromStdString(repair->result()->batch->id));
    QVERIFY(repair->result() && repair->result()->batch);
    const QString batchId = QString::fromStdString(repair->result()->batch->id);
    QCOMPARE(repair->result()->requests, 2);
    QVERIFY(repair->reviewButton()->isEnabled());
    repair->close();

    // Drafting again (a new dialog, a new operation id) drafts nothing new, and says so.
    ui::RepairDialog* again = impact->openRepair();
    QTRY_VERIFY_WITH_TIMEOUT(again->isPreviewLoaded(), 10000);
    QVERIFY(!again->draftButton()->isEnabled());
    QVERIFY2(again->statusText().contains(QStringLiteral("새로 초안할 환불이 없습니다")), qPrintable(again->statusText()));
    QVERIFY2(again->totalsText().contains(QStringLiteral("이미 요청됨 ₩360,000")), qPrintable(again->totalsText()));
    again->close();
    int requests = 0;
    store()->read([&](ops::OpsReader& r) {
        for (const char* order : {"O-2001", "O-2002"})
            for (const auto& req : r.refundsOfOrder(order)) {
                QCOMPARE(req.reason, std::string("PRICE_ERROR"));
                QCOMPARE(req.amount, Money(180'000));
                ++requests;
            }
    });
    QCOMPARE(requests, 2);

    // The drafter may not approve their own batch.
    ui::RepairBatchDialog* own = impact->openBatch(batchId);
    QTRY_VERIFY_WITH_TIMEOUT(own->isLoaded(), 10000);
    QCOMPARE(own->refundsTable()->rowCount(), 2);
    QVERIFY(!own->approveAllButton()->isEnabled());
    own->refundsTable()->selectRow(0);
    QVERIFY(!own->approveRowButton()->isEnabled());
    own->close();

    // Another ops operator approves one row, then the rest of the batch.
    MainWindow* park = openAs(QStringLiteral("park.ops"));
    QVERIFY(park);
    QVERIFY(select(park, kSet));
    QTRY_VERIFY_WITH_TIMEOUT(!catalogOf(park)->opsLoader()->product().batches.empty(), 10000);
    ui::ImpactDialog* parkImpact = catalogOf(park)->openImpact();
    QVERIFY(parkImpact->batchButton()->isEnabled());
    ui::RepairBatchDialog* review = parkImpact->openBatch(batchId);
    QTRY_VERIFY_WITH_TIMEOUT(review->isLoaded(), 10000);
    QVERIFY(review->approveAllButton()->isEnabled());
    review->refundsTable()->selectRow(0);
    QVERIFY(review->approveRowButton()->isEnabled());
    QSignalSpy acted(review, &ui::RepairBatchDialog::acted);
    QSignalSpy reloaded(review, &ui::RepairBatchDialog::loaded);
    QTest::mouseClick(review->approveRowButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(acted.count(), 1, 10000);
    QVERIFY2(acted.at(0).at(0).toBool(), qPrintable(review->statusText()));
    QTRY_COMPARE_WITH_TIMEOUT(reloaded.count(), 1, 10000);
    QCOMPARE(review->view()->awaitingApproval, 1);
    QTest::mouseClick(review->approveAllButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(acted.count(), 2, 10000);
    QVERIFY2(acted.at(1).at(0).toBool(), qPrintable(review->statusText()));
    QVERIFY2(review->statusText().contains(QStringLiteral("1건을 승인했습니다")), qPrintable(review->statusText()));
    QTRY_COMPARE_WITH_TIMEOUT(reloaded.count(), 2, 10000);
    QCOMPARE(review->view()->awaitingApproval, 0);
    for (const auto& r : review->view()->refunds)
        QCOMPARE(r.state, ops::RefundState::Approved);
    QVERIFY(!review->approveAllButton()->isEnabled());
}

void TestCatalogActions::underchargesExportedAsCsv()
{
    MainWindow* kim = openAs(QStringLiteral("kim.agent"));   // a read of the mirror: any operator
    QVERIFY(kim);
    ui::UnderchargeExportDialog* dialog = catalogOf(kim)->openUndercharges();
    QVERIFY(dialog);
    const int sbux = dialog->merchantBox()->findData(QStringLiteral("M-SBUX"));
    QVERIFY(sbux > 0);
    dialog->merchantBox()->setCurrentIndex(sbux);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("unders.csv"));
    QSignalSpy exported(dialog, &ui::UnderchargeExportDialog::exported);
    dialog->exportTo(path);
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, 10000);
    QVERIFY2(exported.first().first().toBool(), qPrintable(dialog->statusText()));
    QVERIFY2(dialog->statusText().contains(QStringLiteral("덜 받은 주문 1건, 합계 ₩29,700")), qPrintable(dialog->statusText()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray csv = file.readAll();
    QVERIFY(csv.startsWith("\xEF\xBB\xBF"));   // spreadsheet programs show the Hangul
    QVERIFY(csv.contains("O-1003"));
    QVERIFY(csv.contains("29700"));
    QVERIFY(!csv.contains("O-2001"));   // an overcharge is no undercharge
}

void TestCatalogActions::adminChangesRulesAndFindingsAreCheckedAgain()
{
    MainWindow* admin = openAs(QStringLiteral("admin"));
    QVERIFY(admin);
    ui::CatalogScreen* screen = catalogOf(admin);
    QTRY_VERIFY_WITH_TIMEOUT(screen->rulesButton()->isVisibleTo(screen), 10000);
    QVERIFY(anomalyCell(admin, kCake).contains(QStringLiteral("가격 이상 1")));
    ui::CatalogRulesDialog* dialog = screen->openRules();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), 10000);
    QSpinBox* minPct = dialog->numberFor(QStringLiteral("price_far_from_list.min_pct"));
    QSpinBox* slipPct = dialog->numberFor(QStringLiteral("price_far_from_list.zero_slip_low_pct"));
    QVERIFY(minPct && slipPct);
    QCOMPARE(minPct->value(), 50);
    // Bounds out of order are refused, and the refusal is shown.
    minPct->setValue(150);
    QSignalSpy answered(dialog, &ui::CatalogRulesDialog::submitted);
    dialog->save();
    QTRY_COMPARE_WITH_TIMEOUT(answered.count(), 1, 10000);
    QVERIFY(!answered.first().first().toBool());
    QVERIFY2(dialog->statusText().startsWith(QStringLiteral("입력한 값이 올바르지 않습니다.")), qPrintable(dialog->statusText()));
    // A price down to 5 % of the list price passes: the cake (10 %) is no longer flagged.
    minPct->setValue(5);
    slipPct->setValue(5);
    QSignalSpy rechecked(admin, &MainWindow::catalogRechecked);
    QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(answered.count(), 2, 10000);
    QVERIFY2(answered.at(1).first().toBool(), qPrintable(dialog->statusText()));
    QTRY_COMPARE_WITH_TIMEOUT(rechecked.count(), 1, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!anomalyCell(admin, kCake).contains(QStringLiteral("가격 이상")), 10000);
    Database db(mirror_->path(), Database::Mode::ReadOnly);
    catalog::CatalogRuleSettings now;
    now.minPricePct = 5;
    now.zeroSlipLowPct = 5;
    QVERIFY(!catalog::CatalogState(now).isStale(db));   // checked with the admin's settings
}

void TestCatalogActions::readerWithoutPermissionSeesActionsDisabled()
{
    // A fix lee asked for, waiting for approval.
    {
        auto ops = store();
        ops::FixDraft draft;
        draft.productId = "P-SBUX-CAKE";
        draft.set.price = 33000;
        draft.reason = "PRICE_ERROR";
        const auto made = ops::CatalogFixService(ops::OpsContext{*ops, mirror_->db()}).propose("lee.ops", draft);
        QVERIFY2(made.ok(), made.ok() ? "" : made.refusal().message.c_str());
    }
    MainWindow* kim = openAs(QStringLiteral("kim.agent"));
    QVERIFY(kim);
    QVERIFY(select(kim, kCake));
    ui::CatalogScreen* screen = catalogOf(kim);
    QTRY_COMPARE_WITH_TIMEOUT(screen->fixPanel()->table()->rowCount(), 1, 10000);
    QVERIFY(screen->fixMarkText().contains(QStringLiteral("수정 대기")));   // seen by every reader
    screen->fixPanel()->table()->selectRow(0);
    screen->fixPanel()->noteEdit()->setText(QStringLiteral("아님"));
    QVERIFY(!screen->fixPanel()->approveButton()->isEnabled());
    QVERIFY(!screen->fixPanel()->rejectButton()->isEnabled());
    QVERIFY(!screen->fixPanel()->cancelButton()->isEnabled());
    QVERIFY(!screen->proposeButton()->isEnabled());
    QVERIFY(!screen->acknowledgeButton()->isEnabled());
    QVERIFY(!screen->rulesButton()->isVisibleTo(screen));
    QVERIFY(screen->impactButton()->isEnabled());   // looking is for everyone
    QVERIFY(select(kim, kSet));
    ui::ImpactDialog* impact = screen->openImpact();
    QTRY_VERIFY_WITH_TIMEOUT(impact->isLoaded(), 10000);
    QVERIFY(!impact->repairButton()->isEnabled());   // drafting refunds is for ops
}

QTEST_MAIN(TestCatalogActions)
#include "tst_catalog_actions.moc"
