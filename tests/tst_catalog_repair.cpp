// Repairing a price error (docs/catalog.md, "Repair") on a hand-made history and each operations
// store (SQLite, or with RECONSOLE_TEST_OPS=postgresql a throwaway server): one action drafts a
// PRICE_ERROR refund for every overcharged paid order as a batch; drafting again, also by eight
// consoles at once, refunds nobody twice; the batch is approved as a whole or row by row, never
// by its drafter; undercharges are reported for the merchant, never taken back.
#include "catalog/catalog_check.h"
#include "catalog/undercharge_report.h"
#include "feed_lines.h"
#include "ops/operator_service.h"
#include "ops/ops_copy.h"
#include "ops/ops_store.h"
#include "ops/outbox.h"
#include "ops/pg/pg_ops_store.h"
#include "ops/refund_rules.h"
#include "ops/refund_service.h"
#include "ops/repair_service.h"
#include "pg_cluster.h"
#include "test_mirror.h"
#include "test_ops_store.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <map>
#include <thread>

using namespace reconsole;
using namespace reconsole::ops;

namespace {

// The refusal's code, or "ok" when the action was carried out (so a test says which it got).
template <typename T>
std::string codeOf(const Result<T>& r)
{
    return r ? std::string("ok") : std::string(refusalCodeName(r.refusal().code));
}

using test::newStore;
using test::onServer;

std::string product(int price, const std::string& updated)
{
    return R"("type":"product","id":"P-EXTRA","merchant_id":"M-A","name":"아메리카노 세트","kind":"goods",)"
           R"("list_price":5000,"price":)"
        + std::to_string(price) + R"(,"discount_bp":0,"cash_receipt_eligible":true,"updated_at":")" + updated + "\"";
}

std::string order(const std::string& id, const std::string& customer, int unit, int qty, const std::string& created,
                  const std::string& status = "paid")
{
    return R"("type":"order","id":")" + id + R"(","customer_id":")" + customer + R"(","product_id":"P-EXTRA","quantity":)"
        + std::to_string(qty) + R"(,"unit_price":)" + std::to_string(unit) + R"(,"total":)" + std::to_string(unit * qty)
        + R"(,"status":")" + status + R"(","created_at":")" + created + R"(","updated_at":")" + created + "\"";
}

// P-EXTRA sells at ₩5,000; an extra zero (₩50,000) was live from 10:00 to 12:00. Three paid
// orders then were overcharged by ₩45,000, ₩90,000 (two units, paid from two accounts) and
// ₩45,000; a failed one moved no money; the orders before and after paid the right price.
// P-SHORT: a zero missing for the same two hours (₩500 for ₩5,000): undercharged, the merchant's loss.
test::FeedLines history()
{
    test::FeedLines f;
    f.record(R"("type":"merchant","id":"M-A","name":"카페 에이","category":"cafe","max_discount_bp":3000)");
    f.record(product(5000, "2026-01-10T00:00:00Z"));
    f.record(product(50000, "2026-01-10T10:00:00Z"));
    f.record(product(5000, "2026-01-10T12:00:00Z"));
    const auto paid = [&](const std::string& o, const std::string& c, int unit, int qty, const std::string& at,
                          const std::vector<std::pair<std::string, int>>& debits, const std::string& account) {
        f.record(order(o, c, unit, qty, at));
        f.payment("PAY-" + o, std::int64_t(unit) * qty, "approved", at, o);
        int n = 0;
        for (const auto& [id, amount] : debits)
            f.debit(id, amount, "payment", at,
                    test::Link().withPayment("PAY-" + o).withOrder(o).on(account + (n++ ? "-PT" : ""), c));
    };
    paid("O-BEFORE", "C-1", 5000, 1, "2026-01-10T09:59:59.999Z", {{"L-B", 5000}}, "A-1");
    paid("O-1", "C-1", 50000, 1, "2026-01-10T10:00:00Z", {{"L-1", 50000}}, "A-1");
    paid("O-2", "C-1", 50000, 2, "2026-01-10T10:30:00Z", {{"L-2A", 60000}, {"L-2B", 40000}}, "A-1");
    paid("O-3", "C-2", 50000, 1, "2026-01-10T11:00:00Z", {{"L-3", 50000}}, "A-3");
    f.record(order("O-FAIL", "C-3", 50000, 1, "2026-01-10T11:10:00Z", "failed"));
    f.payment("PAY-O-FAIL", 50000, "failed", "2026-01-10T11:10:00Z", "O-FAIL");
    f.debit("L-F", 50000, "payment", "2026-01-10T11:10:00Z", test::Link().withPayment("PAY-O-FAIL").withOrder("O-FAIL").on("A-4", "C-3"));
    paid("O-AFTER", "C-4", 5000, 1, "2026-01-10T12:00:00Z", {{"L-A", 5000}}, "A-5");
    f.record(R"("type":"product","id":"P-SHORT","merchant_id":"M-A","name":"케이크","kind":"goods","list_price":5000,)"
             R"("price":5000,"discount_bp":0,"cash_receipt_eligible":true,"updated_at":"2026-01-10T00:00:00Z")");
    f.record(R"("type":"product","id":"P-SHORT","merchant_id":"M-A","name":"케이크","kind":"goods","list_price":5000,)"
             R"("price":500,"discount_bp":0,"cash_receipt_eligible":true,"updated_at":"2026-01-10T10:00:00Z")");
    f.record(R"("type":"order","id":"O-S1","customer_id":"C-5","product_id":"P-SHORT","quantity":3,"unit_price":500,)"
             R"("total":1500,"status":"paid","created_at":"2026-01-10T10:10:00Z","updated_at":"2026-01-10T10:10:00Z")");
    return f;
}

struct Desk {
    test::TestMirror mirror;
    std::string spec;
    std::unique_ptr<OpsStore> store;
    OpsContext ctx;

    Desk() : spec((load(mirror), newStore(mirror))), store(openOpsStore(spec)), ctx{*store, mirror.db()}
    {
        OperatorService ops(ctx);
        must(ops.add("", Operator{"boss", "관리", {Role::Admin}, {}, true, 0, {}}));
        must(ops.add("boss", Operator{"kim", "김상담", {Role::Agent}, {}, true, 0, {}}));
        must(ops.add("boss", Operator{"lee", "이운영", {Role::Ops}, {}, true, 0, {}}));
        must(ops.add("boss", Operator{"park", "박운영", {Role::Ops}, {}, true, 0, {}}));
    }
    static void load(test::TestMirror& m)
    {
        catalog::CatalogState state;
        feed::ImportOptions o;
        o.catalog = &state;
        const auto r = m.importLines(history().imports().front(), o);
        if (r.status != feed::ImportStatus::Done || r.counts.quarantined != 0)
            throw std::runtime_error("the hand-made history did not import: " + r.error);
    }
    static void must(const Result<Operator>& r)
    {
        if (!r)
            throw std::runtime_error(r.refusal().message);
    }
    std::int64_t auditCount()
    {
        std::int64_t n = 0;
        store->read([&](OpsReader& r) { n = r.auditHead().count; });
        return n;
    }
    std::vector<RefundRequest> refunds()
    {
        std::vector<RefundRequest> out;
        store->read([&](OpsReader& r) { out = r.refunds({}); });
        return out;
    }
    // ledger id -> amount of the live (requested, approved, sent) PRICE_ERROR requests.
    std::map<std::string, std::int64_t> priceErrorHeld()
    {
        std::map<std::string, std::int64_t> out;
        for (const auto& r : refunds())
            if (r.reason == "PRICE_ERROR" && reservedBy(r).isPositive())
                out[r.ledgerId] += r.amount.won();
        return out;
    }
};

const std::map<std::string, std::int64_t> kWholeRepair{{"L-1", 45000}, {"L-2A", 60000}, {"L-2B", 30000}, {"L-3", 45000}};

}  // namespace

class TestCatalogRepair : public QObject {
    Q_OBJECT
private slots:
    void aPreviewWritesNothing();
    void aDraftIsOneBatchAwaitingApproval();
    void draftingTwiceRefundsNobodyTwice();
    void eightConsolesDraftingAtOnceMakeOneSet();
    void onlyWhatIsNotYetHeldIsDrafted();
    void aRejectedRowIsDraftedAgain();
    void approvingTheWholeBatch();
    void approvingRowByRowThenTheRest();
    void refusedForAnAgentAndAnUnknownProduct();
    void underchargesAreReportedNotTakenBack();
    void opsCopyCarriesTheBatches();
};

void TestCatalogRepair::aPreviewWritesNothing()
{
    Desk d;
    const auto before = d.auditCount();
    const auto p = RepairService(d.ctx).preview("kim", "P-EXTRA");
    QVERIFY2(p, p ? "" : p.refusal().message.c_str());
    QVERIFY(!p->batch);
    QCOMPARE(p->lines.size(), std::size_t(3));   // O-1, O-2, O-3: not the failed one, not before or after
    QCOMPARE(p->lines[0].orderId, std::string("O-1"));
    QCOMPARE(p->lines[1].overcharge, Money(90000));
    QCOMPARE(p->overcharge.value(), Money(180000));
    QCOMPARE(p->drafted.value(), Money(180000));
    QCOMPARE(p->requests, 0);
    QCOMPARE(d.auditCount(), before);
    QVERIFY(d.refunds().empty());
}

void TestCatalogRepair::aDraftIsOneBatchAwaitingApproval()
{
    Desk d;
    const auto before = d.auditCount();
    const auto r = RepairService(d.ctx).draft("lee", "P-EXTRA");
    QVERIFY2(r, r ? "" : r.refusal().message.c_str());
    QVERIFY(r->batch);
    QCOMPARE(r->requests, 4);
    QCOMPARE(r->drafted.value(), Money(180000));
    QCOMPARE(d.auditCount(), before + 5);   // four requests and the batch
    QCOMPARE(d.priceErrorHeld(), kWholeRepair);
    for (const auto& req : d.refunds()) {
        QCOMPARE(req.state, RefundState::Requested);
        QVERIFY(req.needsApproval);
        QCOMPARE(req.approvalWhy, std::string("repair_batch"));
        QCOMPARE(req.batchId, std::optional<std::string>(r->batch->id));
        QCOMPARE(req.idempotencyKey, "refund:" + req.ledgerId + ":1");
        QCOMPARE(req.requestedBy, std::string("lee"));
        QVERIFY(req.orderId.has_value());
    }
    const auto view = RepairService(d.ctx).batch("park", r->batch->id);
    QVERIFY(view);
    QCOMPARE(view->refunds.size(), std::size_t(4));
    QCOMPARE(view->total.value(), Money(180000));
    QCOMPARE(view->awaitingApproval, 4);
    QVERIFY(view->canApproveAll);
    QVERIFY(!RepairService(d.ctx).batch("lee", r->batch->id)->canApproveAll);   // its drafter
    QVERIFY(!RepairService(d.ctx).batch("kim", r->batch->id)->canApproveAll);   // an agent
}

void TestCatalogRepair::draftingTwiceRefundsNobodyTwice()
{
    Desk d;
    const auto first = RepairService(d.ctx).draft("lee", "P-EXTRA", "op-repair-1");
    QVERIFY(first);
    const auto audit = d.auditCount();
    // The same operation again (a double click, a retry): the same batch, nothing new.
    const auto same = RepairService(d.ctx).draft("lee", "P-EXTRA", "op-repair-1");
    QVERIFY(same);
    QCOMPARE(same->batch->id, first->batch->id);
    QCOMPARE(same->requests, 4);
    QCOMPARE(d.auditCount(), audit);
    // Another operator drafting again: nothing left that no PRICE_ERROR request holds.
    const auto again = RepairService(d.ctx).draft("park", "P-EXTRA");
    QVERIFY(!again);
    QCOMPARE(codeOf(again), std::string("nothing_left"));
    QCOMPARE(d.auditCount(), audit + 1);   // the refusal, audited; no empty batch
    QCOMPARE(d.priceErrorHeld(), kWholeRepair);
    std::vector<RepairBatch> batches;
    d.store->read([&](OpsReader& r) { batches = r.repairBatches(); });
    QCOMPARE(batches.size(), std::size_t(1));
}

void TestCatalogRepair::eightConsolesDraftingAtOnceMakeOneSet()
{
    Desk d;
    std::atomic<int> drafted{0}, nothingLeft{0}, other{0};
    std::vector<std::thread> consoles;
    std::atomic<bool> go{false};
    for (int i = 0; i < 8; ++i)
        consoles.emplace_back([&, i] {
            try {
                Database mirror(d.mirror.path(), Database::Mode::ReadOnly);
                auto store = openOpsStore(d.spec);
                OpsContext ctx{*store, mirror};
                while (!go)
                    std::this_thread::yield();
                const auto r = RepairService(ctx).draft(i % 2 ? "lee" : "park", "P-EXTRA");
                if (r)
                    ++drafted;
                else if (r.refusal().code == RefusalCode::NothingLeft)
                    ++nothingLeft;
                else
                    ++other;
            } catch (const std::exception& e) {
                qWarning("console %d: %s", i, e.what());
                ++other;
            }
        });
    go = true;
    for (auto& t : consoles)
        t.join();
    QCOMPARE(other.load(), 0);
    QCOMPARE(drafted.load(), 1);
    QCOMPARE(nothingLeft.load(), 7);
    QCOMPARE(d.priceErrorHeld(), kWholeRepair);
    QCOMPARE(d.refunds().size(), std::size_t(4));
}

void TestCatalogRepair::onlyWhatIsNotYetHeldIsDrafted()
{
    Desk d;
    RefundService refunds(d.ctx);
    // An operator already refunded part of O-1's overcharge by hand, and an agent asked a
    // goodwill refund of most of O-3's debit (not a price error: it is not "held" for the
    // price, but it leaves only ₩2,000 refundable on that debit).
    QVERIFY(refunds.request("lee", RefundDraft{"L-1", Money(10000), "PRICE_ERROR", "", {}}));
    QVERIFY(refunds.request("kim", RefundDraft{"L-3", Money(48000), "GOODWILL", "", {}}));
    const auto r = RepairService(d.ctx).draft("lee", "P-EXTRA");
    QVERIFY2(r, r ? "" : r.refusal().message.c_str());
    QCOMPARE(r->lines.size(), std::size_t(3));
    QCOMPARE(r->lines[0].alreadyReserved, Money(10000));
    QCOMPARE(r->lines[0].drafted, Money(35000));
    QCOMPARE(r->lines[1].drafted, Money(90000));
    QCOMPARE(r->lines[2].alreadyReserved, Money(0));
    QCOMPARE(r->lines[2].drafted, Money(2000));
    QVERIFY(!r->lines[2].skipped.empty());   // said to the operator: only ₩2,000 was left
    QVERIFY(r->lines[2].why == RepairLine::Short::LittleRefundable);
    QVERIFY(r->lines[1].why == RepairLine::Short::None);
    QCOMPARE(r->drafted.value(), Money(127000));
    const std::map<std::string, std::int64_t> held{{"L-1", 45000}, {"L-2A", 60000}, {"L-2B", 30000}, {"L-3", 2000}};
    QCOMPARE(d.priceErrorHeld(), held);
}

void TestCatalogRepair::aRejectedRowIsDraftedAgain()
{
    Desk d;
    const auto first = RepairService(d.ctx).draft("lee", "P-EXTRA");
    std::string l3;
    for (const auto& req : d.refunds())
        if (req.ledgerId == "L-3")
            l3 = req.id;
    QVERIFY(RefundService(d.ctx).reject("park", l3, "고객 확인 필요"));
    const auto again = RepairService(d.ctx).draft("park", "P-EXTRA");
    QVERIFY2(again, again ? "" : again.refusal().message.c_str());
    QVERIFY(again->batch->id != first->batch->id);
    QCOMPARE(again->requests, 1);
    QCOMPARE(again->drafted.value(), Money(45000));
    QCOMPARE(d.priceErrorHeld(), kWholeRepair);
}

void TestCatalogRepair::approvingTheWholeBatch()
{
    Desk d;
    const auto b = RepairService(d.ctx).draft("lee", "P-EXTRA")->batch->id;
    RepairService repair(d.ctx);
    QCOMPARE(codeOf(repair.approveAll("lee", b)), std::string("self_approval"));
    QCOMPARE(codeOf(repair.approveAll("kim", b)), std::string("not_permitted"));
    QCOMPARE(codeOf(repair.approveAll("park", "RB-none")), std::string("unknown_request"));
    // What the approver saw, then one request amended behind their back: the approval is void.
    std::vector<std::pair<std::string, std::string>> seen;
    const auto shown = repair.batch("park", b);
    for (const auto& req : shown->refunds)
        seen.emplace_back(req.id, approvalHash(req));
    const auto amended = RefundService(d.ctx).amend("lee", seen[0].first, Money(1000));
    QVERIFY(amended);
    QCOMPARE(amended->state, RefundState::Requested);   // its drafter's amendment approves nothing
    QCOMPARE(codeOf(repair.approveAll("park", b, seen)), std::string("approval_voided"));
    const auto unchanged = repair.batch("park", b);
    for (const auto& req : unchanged->refunds)
        QCOMPARE(req.state, RefundState::Requested);
    // Looking again, the approver approves all four in one decision.
    seen.clear();
    for (const auto& req : unchanged->refunds)
        seen.emplace_back(req.id, approvalHash(req));
    const auto before = d.auditCount();
    const auto ok = repair.approveAll("park", b, seen);
    QVERIFY2(ok, ok ? "" : ok.refusal().message.c_str());
    QCOMPARE(ok->size(), std::size_t(4));
    QCOMPARE(d.auditCount(), before + 5);
    for (const auto& req : d.refunds()) {
        QCOMPARE(req.state, RefundState::Approved);
        QCOMPARE(req.approvedBy, std::optional<std::string>("park"));
    }
    QCOMPARE(codeOf(repair.approveAll("park", b)), std::string("wrong_state"));
    // They leave in the next export as ordinary refunds.
    QTemporaryDir outbox;
    const auto exported = OutboxService(d.ctx).exportTo("park", outbox.path().toStdString());
    QVERIFY(exported);
    QCOMPARE(exported->requests, 4);
}

void TestCatalogRepair::approvingRowByRowThenTheRest()
{
    Desk d;
    const auto b = RepairService(d.ctx).draft("lee", "P-EXTRA")->batch->id;
    const auto rows = RepairService(d.ctx).batch("park", b)->refunds;
    QVERIFY(RefundService(d.ctx).approve("park", rows[0].id));
    QCOMPARE(RepairService(d.ctx).batch("park", b)->awaitingApproval, 3);
    const auto rest = RepairService(d.ctx).approveAll("park", b);
    QVERIFY(rest);
    QCOMPARE(rest->size(), std::size_t(3));
}

void TestCatalogRepair::refusedForAnAgentAndAnUnknownProduct()
{
    Desk d;
    QCOMPARE(codeOf(RepairService(d.ctx).draft("kim", "P-EXTRA")), std::string("not_permitted"));
    QCOMPARE(codeOf(RepairService(d.ctx).draft("boss", "P-EXTRA")), std::string("not_permitted"));
    QCOMPARE(codeOf(RepairService(d.ctx).draft("lee", "P-NONE")), std::string("invalid_input"));
    // A product that overcharged nobody has nothing to repair (P-SHORT undercharged).
    QCOMPARE(codeOf(RepairService(d.ctx).draft("lee", "P-SHORT")), std::string("nothing_left"));
    QVERIFY(d.refunds().empty());
}

void TestCatalogRepair::underchargesAreReportedNotTakenBack()
{
    Desk d;
    catalog::CatalogState().rebuildIfStale(d.mirror.db());
    const auto rows = catalog::undercharges(d.mirror.db(), std::nullopt);
    QCOMPARE(rows.size(), std::size_t(1));
    QCOMPARE(rows[0].orderId, std::string("O-S1"));
    QCOMPARE(rows[0].merchantName, std::string("카페 에이"));
    QCOMPARE(rows[0].paid, Money(1500));
    QCOMPARE(rows[0].shouldPay, Money(15000));
    QCOMPARE(rows[0].undercharge, Money(13500));
    const std::string csv = catalog::underchargesCsv(rows);
    QVERIFY(csv.rfind("\xEF\xBB\xBF", 0) == 0);   // a BOM, so spreadsheets read Hangul
    QVERIFY(csv.find("M-A,카페 에이,P-SHORT,케이크,O-S1,C-5,2026-01-10T19:10:00+09:00,3,500,5000,1500,15000,13500\r\n")
            != std::string::npos);
    QVERIFY(catalog::undercharges(d.mirror.db(), std::string("M-OTHER")).empty());
    // Repair drafts nothing for it.
    QVERIFY(!RepairService(d.ctx).draft("lee", "P-SHORT"));
}

// Moving the decisions onto a new store keeps each batch and which refunds it drafted.
void TestCatalogRepair::opsCopyCarriesTheBatches()
{
    Desk d;
    const auto b = RepairService(d.ctx).draft("lee", "P-EXTRA")->batch->id;
    QVERIFY(RepairService(d.ctx).approveAll("park", b));
    test::TestMirror elsewhere;   // a new store in a folder of its own (or a new database on the server)
    auto target = openOpsStore(newStore(elsewhere));
    const auto report = copyOpsStore(*d.store, *target);
    QCOMPARE(report.refunds, 4);
    OpsContext ctx{*target, d.mirror.db()};
    const auto v = RepairService(ctx).batch("park", b);
    QVERIFY2(v, v ? "" : v.refusal().message.c_str());
    QCOMPARE(v->refunds.size(), std::size_t(4));
    QCOMPARE(v->total.value(), Money(180000));
    QCOMPARE(codeOf(RepairService(ctx).draft("park", "P-EXTRA")), std::string("nothing_left"));
}

QTEST_GUILESS_MAIN(TestCatalogRepair)
#include "tst_catalog_repair.moc"
