// Catalog fixes (docs/catalog.md, "Fixing the catalog") on the example mirror and each operations
// store (SQLite, or with RECONSOLE_TEST_OPS=postgresql a throwaway server): who may propose and
// approve, what is refused (and audited), the outbox line, the platform's answer, settlement from
// the feed, a fix refused because the product changed after the operator looked, and the admin's
// catalog rule settings.
#include "catalog/catalog_check.h"
#include "catalog/catalog_query.h"
#include "ops/catalog_fix_service.h"
#include "ops/catalog_rules_in_force.h"
#include "ops/catalog_values.h"
#include "ops/operator_service.h"
#include "ops/ops_store.h"
#include "ops/outbox.h"
#include "ops/pg/pg_ops_store.h"
#include "ops/platform_simulator.h"
#include "pg_cluster.h"
#include "test_mirror.h"
#include "test_ops_store.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>

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

constexpr const char* kCake = "P-SBUX-CAKE";   // ₩3,300 against a list price of ₩33,000 (version 5)

CatalogValues price(std::int64_t won)
{
    CatalogValues v;
    v.price = won;
    return v;
}

struct Desk {
    test::TestMirror mirror;
    std::unique_ptr<OpsStore> store;
    OpsContext ctx;
    QTemporaryDir outbox;
    std::int64_t nextSeq = 200;

    Desk() : store(openOpsStore((importExample(mirror), newStore(mirror)))), ctx{*store, mirror.db()}
    {
        OperatorService ops(ctx);
        must(ops.add("", Operator{"boss", "관리", {Role::Admin}, {}, true, 0, {}}));
        must(ops.add("boss", Operator{"kim", "김상담", {Role::Agent}, {}, true, 0, {}}));
        must(ops.add("boss", Operator{"lee", "이운영", {Role::Ops}, {}, true, 0, {}}));
        must(ops.add("boss", Operator{"park", "박운영", {Role::Ops}, {}, true, 0, {}}));
        must(ops.add("boss", Operator{"shop", "상점", {Role::Merchant}, std::string("M-SBUX"), true, 0, {}}));
    }
    static void importExample(test::TestMirror& m)
    {
        m.import({test::sharedPath("examples/incident-small.jsonl")});
        catalog::CatalogState().rebuildIfStale(m.db());
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
    AuditEntry lastAudit()
    {
        AuditEntry e;
        store->read([&](OpsReader& r) { e = r.audit(AuditFilter{{}, {}, {}, {}, {}, false, 1}).front(); });
        return e;
    }
    // Imports feed lines with the catalog kept as every caller keeps it: the rules in force.
    void importLines(const std::vector<std::string>& lines)
    {
        const auto rules = catalogRulesInForce(*store);
        catalog::CatalogState state(rules.settings, rules.settles);
        feed::ImportOptions options;
        options.catalog = &state;
        const auto r = mirror.importLines(lines, options);
        if (r.status != feed::ImportStatus::Done || r.counts.quarantined != 0)
            throw std::runtime_error("import failed: " + r.error);
    }
    // The platform edits the cake itself (a new version with these values).
    void platformEditsCake(std::int64_t priceWon, std::int64_t discountBp = 0)
    {
        importLines({"{\"seq\":" + std::to_string(nextSeq++)
                     + R"(,"type":"product","id":"P-SBUX-CAKE","merchant_id":"M-SBUX","name":"스타벅스 케이크 세트",)"
                       R"("kind":"goods","list_price":33000,"price":)"
                     + std::to_string(priceWon) + R"(,"discount_bp":)" + std::to_string(discountBp)
                     + R"(,"cash_receipt_eligible":true,"updated_at":"2026-03-12T09:00:00+09:00"})"});
    }
    CatalogFix proposedAndApproved()
    {
        CatalogFixService fixes(ctx);
        auto f = fixes.propose("lee", FixDraft{kCake, price(33000), "PRICE_ERROR", "0이 빠짐", {}, {}});
        if (!f)
            throw std::runtime_error(f.refusal().message);
        auto a = fixes.approve("park", f->id);
        if (!a)
            throw std::runtime_error(a.refusal().message);
        return *a;
    }
    ExportResult exportAll()
    {
        auto r = OutboxService(ctx).exportTo("lee", outbox.path().toStdString());
        if (!r)
            throw std::runtime_error(r.refusal().message);
        return *r;
    }
    // The platform answers the outbox; its feed lines are imported.
    SimulationResult platformAnswers()
    {
        SimulationInput in;
        in.outboxDir = outbox.path().toStdString();
        in.feedOut = mirror.dir().toStdString() + "/platform.jsonl";
        in.statePath = in.feedOut + ".state";
        in.seqFrom = nextSeq;
        in.at = 1773300000000;
        in.catalog = &mirror.db();
        const auto r = simulatePlatform(in);
        std::vector<std::string> lines;
        std::ifstream feed(in.feedOut);
        for (std::string line; std::getline(feed, line);)
            if (!line.empty() && std::stoll(line.substr(7)) >= nextSeq)
                lines.push_back(line);
        nextSeq = r.nextSeq;
        if (!lines.empty())
            importLines(lines);
        return r;
    }
    CatalogFix fix(const std::string& id)
    {
        std::optional<CatalogFix> f;
        store->read([&](OpsReader& r) { f = r.findCatalogFix(id); });
        return *f;
    }
    QStringList findings(bool openOnly)
    {
        catalog::AnomalyQuery q;
        q.openOnly = openOnly;
        QStringList out;
        for (const auto& row : catalog::listAnomalies(mirror.db(), q))
            out << QString::fromStdString(std::string(catalog::ruleCode(row.anomaly.finding.rule)) + "/"
                                          + row.anomaly.productId);
        out.sort();
        return out;
    }
};

}  // namespace

class TestCatalogFixes : public QObject {
    Q_OBJECT
private slots:
    void proposalRefusals_data();
    void proposalRefusals();
    void aProposalRecordsWhatTheOperatorSaw();
    void aDoubleClickProposesOnce();
    void oneFixUnderWayPerProduct();
    void approvalRefusals_data();
    void approvalRefusals();
    void aChangedFixVoidsTheApproval();
    void rejectAndCancel();
    void theOutboxCarriesTheFix();
    void settledWhenTheFeedCarriesIt();
    void refusedWhenTheProductChangedMeanwhile();
    void thePlatformMadeTheChangeItself();
    void aFixAfterARefusedOneGetsANewKey();
    void ruleSettingsByAnAdmin_data();
    void ruleSettingsByAnAdmin();
    void ruleSettingsChangeTheFindings();
};

void TestCatalogFixes::proposalRefusals_data()
{
    QTest::addColumn<QString>("actor");
    QTest::addColumn<QString>("product");
    QTest::addColumn<QString>("set");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<qint64>("seenSeq");   // 0: none given
    QTest::addColumn<QString>("code");
    QTest::newRow("an agent") << "kim" << kCake << "price=33000" << "PRICE_ERROR" << 0LL << "not_permitted";
    // A partner proposes fixes for its own products only; another brand's reads as no product.
    QTest::newRow("a merchant partner, another brand's product") << "shop" << "P-LOTTE-50K" << "price=45000"
                                                                 << "PRICE_ERROR" << 0LL << "invalid_input";
    QTest::newRow("an unknown operator") << "nobody" << kCake << "price=33000" << "PRICE_ERROR" << 0LL
                                         << "unknown_operator";
    QTest::newRow("an unknown product") << "lee" << "P-NONE" << "price=33000" << "PRICE_ERROR" << 0LL << "invalid_input";
    QTest::newRow("an unknown reason") << "lee" << kCake << "price=33000" << "TYPO" << 0LL << "invalid_input";
    QTest::newRow("nothing set") << "lee" << kCake << "" << "PRICE_ERROR" << 0LL << "invalid_input";
    QTest::newRow("the value it already has") << "lee" << kCake << "price=3300" << "PRICE_ERROR" << 0LL << "no_change";
    QTest::newRow("a price still a zero short") << "lee" << kCake << "price=3400" << "PRICE_ERROR" << 0LL
                                                << "invalid_input";
    QTest::newRow("a discount of 100 %") << "lee" << kCake << "price=33000,discount_bp=10000" << "PRICE_ERROR" << 0LL
                                         << "invalid_input";
    QTest::newRow("the product changed since it was seen")
        << "lee" << kCake << "price=33000" << "PRICE_ERROR" << 4LL << "approval_voided";
    QTest::newRow("a voucher made cash-receipt eligible (a fix that is itself an error)")
        << "boss" << "P-LOTTE-50K" << "cash_receipt_eligible=true" << "RECEIPT_FLAG_ERROR" << 0LL << "invalid_input";
}

void TestCatalogFixes::proposalRefusals()
{
    QFETCH(QString, actor);
    QFETCH(QString, product);
    QFETCH(QString, set);
    QFETCH(QString, reason);
    QFETCH(qint64, seenSeq);
    QFETCH(QString, code);
    Desk d;
    FixDraft draft{product.toStdString(), {}, reason.toStdString(), "", {}, {}};
    for (const auto& a : set.split(',', Qt::SkipEmptyParts))
        QCOMPARE(parseCatalogAssignment(a.toStdString(), draft.set), std::string());
    if (seenSeq)
        draft.seenSeq = seenSeq;
    const auto before = d.auditCount();
    const auto r = CatalogFixService(d.ctx).propose(actor.toStdString(), draft);
    QVERIFY(!r);
    QCOMPARE(QString::fromLatin1(refusalCodeName(r.refusal().code)), code);
    QCOMPARE(d.auditCount(), before + 1);   // the refused attempt is audited
    QVERIFY(d.lastAudit().outcome.rfind("refused", 0) == 0);
    std::vector<CatalogFix> all;
    d.store->read([&](OpsReader& rd) { all = rd.catalogFixes({}); });
    QVERIFY(all.empty());
}

void TestCatalogFixes::aProposalRecordsWhatTheOperatorSaw()
{
    Desk d;
    const auto f = CatalogFixService(d.ctx).propose("lee", FixDraft{kCake, price(33000), "PRICE_ERROR", "", 5, {}});
    QVERIFY2(f, f ? "" : f.refusal().message.c_str());
    QCOMPARE(f->state, RefundState::Requested);
    QCOMPARE(f->productSeq, std::int64_t(5));
    QCOMPARE(f->merchantId, std::optional<std::string>("M-SBUX"));
    QCOMPARE(catalogValuesJson(f->set), std::string(R"({"price":33000})"));
    QCOMPARE(catalogValuesJson(f->expected),
             std::string(R"({"price":3300,"list_price":33000,"discount_bp":0,"cash_receipt_eligible":true})"));
    QCOMPARE(f->idempotencyKey, std::string("catalog_fix:P-SBUX-CAKE:5:1"));
    QVERIFY(!f->approvedBy);
    QCOMPARE(d.lastAudit().action, std::string("catalog_fix.request"));
    QCOMPARE(d.lastAudit().outcome, std::string("ok"));
    // The quote shows it under way, and nobody may propose another meanwhile.
    const auto q = CatalogFixService(d.ctx).quote("park", kCake);
    QVERIFY(q);
    QVERIFY(q->underWay && q->underWay->id == f->id);
    QVERIFY(!q->canPropose);
}

void TestCatalogFixes::aDoubleClickProposesOnce()
{
    Desk d;
    const FixDraft draft{kCake, price(33000), "PRICE_ERROR", "", {}, "op-one-click"};
    const auto first = CatalogFixService(d.ctx).propose("lee", draft);
    const auto audit = d.auditCount();
    const auto second = CatalogFixService(d.ctx).propose("lee", draft);
    QVERIFY(first && second);
    QCOMPARE(second->id, first->id);
    QCOMPARE(d.auditCount(), audit);
}

void TestCatalogFixes::oneFixUnderWayPerProduct()
{
    Desk d;
    QVERIFY(CatalogFixService(d.ctx).propose("lee", FixDraft{kCake, price(33000), "PRICE_ERROR", "", {}, {}}));
    const auto other = CatalogFixService(d.ctx).propose("park", FixDraft{kCake, price(30000), "PRICE_ERROR", "", {}, {}});
    QVERIFY(!other);
    QCOMPARE(codeOf(other), std::string("wrong_state"));
}

void TestCatalogFixes::approvalRefusals_data()
{
    QTest::addColumn<QString>("actor");
    QTest::addColumn<QString>("code");
    QTest::newRow("the proposer") << "lee" << "self_approval";
    QTest::newRow("an agent") << "kim" << "not_permitted";
    QTest::newRow("an admin without ops") << "boss" << "not_permitted";
    QTest::newRow("a merchant partner") << "shop" << "not_permitted";
}

void TestCatalogFixes::approvalRefusals()
{
    QFETCH(QString, actor);
    QFETCH(QString, code);
    Desk d;
    const auto f = CatalogFixService(d.ctx).propose("lee", FixDraft{kCake, price(33000), "PRICE_ERROR", "", {}, {}});
    const auto before = d.auditCount();
    const auto r = CatalogFixService(d.ctx).approve(actor.toStdString(), f->id);
    QVERIFY(!r);
    QCOMPARE(QString::fromLatin1(refusalCodeName(r.refusal().code)), code);
    QCOMPARE(d.auditCount(), before + 1);
    QCOMPARE(d.fix(f->id).state, RefundState::Requested);
}

void TestCatalogFixes::aChangedFixVoidsTheApproval()
{
    Desk d;
    CatalogFixService fixes(d.ctx);
    const auto f = fixes.propose("lee", FixDraft{kCake, price(33000), "PRICE_ERROR", "", {}, {}});
    const auto stale = fixes.approve("park", f->id, std::string(64, '0'));
    QVERIFY(!stale);
    QCOMPARE(codeOf(stale), std::string("approval_voided"));
    const auto ok = fixes.approve("park", f->id, fixApprovalHash(*f));
    QVERIFY2(ok, ok ? "" : ok.refusal().message.c_str());
    QCOMPARE(ok->state, RefundState::Approved);
    QCOMPARE(ok->approvedBy, std::optional<std::string>("park"));
    QCOMPARE(ok->approvalHash, std::optional<std::string>(fixApprovalHash(*ok)));
    const auto again = fixes.approve("park", f->id);
    QVERIFY(!again);
    QCOMPARE(codeOf(again), std::string("wrong_state"));
}

void TestCatalogFixes::rejectAndCancel()
{
    Desk d;
    CatalogFixService fixes(d.ctx);
    const auto f = fixes.propose("lee", FixDraft{kCake, price(33000), "PRICE_ERROR", "", {}, {}});
    QCOMPARE(codeOf(fixes.reject("park", f->id, "")), std::string("invalid_input"));   // say why
    QCOMPARE(codeOf(fixes.reject("lee", f->id, "mine")), std::string("self_approval"));
    const auto rejected = fixes.reject("park", f->id, "가맹점 확인 전");
    QVERIFY(rejected);
    QCOMPARE(rejected->state, RefundState::Rejected);
    // A rejected fix frees the product: a new one may be proposed, under the same key (it never left).
    const auto g = fixes.propose("lee", FixDraft{kCake, price(33000), "PRICE_ERROR", "", {}, {}});
    QVERIFY(g);
    QCOMPARE(g->idempotencyKey, std::string("catalog_fix:P-SBUX-CAKE:5:1"));
    QCOMPARE(codeOf(fixes.cancel("kim", g->id, "")), std::string("not_permitted"));
    QVERIFY(fixes.approve("park", g->id));
    QVERIFY(fixes.cancel("lee", g->id, "다시 확인"));   // the proposer, before it is sent
    QCOMPARE(d.fix(g->id).state, RefundState::Cancelled);
    // Once sent it cannot be cancelled.
    const auto h = d.proposedAndApproved();
    d.exportAll();
    const auto late = fixes.cancel("lee", h.id, "");
    QVERIFY(!late);
    QCOMPARE(codeOf(late), std::string("wrong_state"));
}

void TestCatalogFixes::theOutboxCarriesTheFix()
{
    Desk d;
    const auto f = d.proposedAndApproved();
    const auto r = d.exportAll();
    QCOMPARE(r.files.size(), std::size_t(1));
    QCOMPARE(r.fixes, 1);
    const auto lines = readOutboxFile(r.files[0]);
    QCOMPARE(lines.size(), std::size_t(1));
    QCOMPARE(lines[0].kind, std::string("catalog_fix"));
    QCOMPARE(lines[0].requestId, f.id);
    QCOMPARE(lines[0].idempotencyKey, f.idempotencyKey);
    QCOMPARE(lines[0].productId, std::string(kCake));
    QVERIFY(lines[0].set == f.set);
    QVERIFY(lines[0].expected == f.expected);
    QVERIFY(lines[0].auditHead.has_value());
    const auto sent = d.fix(f.id);
    QCOMPARE(sent.state, RefundState::Sent);
    QVERIFY(sent.exportId.has_value());
    // A second export hands nothing over again.
    QVERIFY(d.exportAll().files.empty());
}

void TestCatalogFixes::settledWhenTheFeedCarriesIt()
{
    Desk d;
    const auto f = d.proposedAndApproved();
    d.exportAll();
    const auto answer = d.platformAnswers();
    QCOMPARE(answer.fixesApplied, 1);
    QCOMPARE(answer.fixesRefused, 0);
    // The next look settles it, once, with the version that carried it.
    const auto rows = CatalogFixService(d.ctx).list("kim", {});
    QVERIFY(rows);
    QCOMPARE(rows->front().fix.state, RefundState::Settled);
    QCOMPARE(rows->front().fix.settledSeq, std::optional<std::int64_t>(200));
    QCOMPARE(rows->front().fix.settlementFlag, std::string());
    QCOMPARE(d.lastAudit().action, std::string("catalog_fix.settle"));
    QCOMPARE(d.lastAudit().actor, std::string("system"));
    // The price finding is past now, and the version that carried our fix is no sudden change.
    QCOMPARE(d.findings(false), (QStringList{"PRICE_FAR_FROM_LIST/P-SBUX-CAKE", "RECEIPT_ON_INELIGIBLE/P-LOTTE-50K"}));
    // A checker that did not know of the fix would call it one (the hook is what says otherwise).
    catalog::recheckAll(d.mirror.db(), {});
    QVERIFY(d.findings(false).contains("SUDDEN_PRICE_CHANGE/P-SBUX-CAKE"));
    const auto rules = catalogRulesInForce(*d.store);
    catalog::recheckAll(d.mirror.db(), rules.settings, rules.settles);
    QVERIFY(!d.findings(false).contains("SUDDEN_PRICE_CHANGE/P-SBUX-CAKE"));
    // The platform answering again changes nothing: it acts on a key once.
    QCOMPARE(d.platformAnswers().alreadyActedOn, 1);
}

void TestCatalogFixes::refusedWhenTheProductChangedMeanwhile()
{
    Desk d;
    const auto f = d.proposedAndApproved();
    d.exportAll();
    // Before the platform reads the outbox, the merchant's own edit lands: a discount.
    d.platformEditsCake(3300, 500);
    const auto answer = d.platformAnswers();
    QCOMPARE(answer.fixesApplied, 0);
    QCOMPARE(answer.fixesRefused, 1);
    QCOMPARE(answer.refusals.size(), std::size_t(1));
    QVERIFY(QString::fromStdString(answer.refusals[0]).contains("changed since"));
    // The console flags it for a person; an ops operator records the refusal.
    CatalogFixService fixes(d.ctx);
    const auto rows = fixes.list("kim", {});
    QCOMPARE(rows->front().fix.state, RefundState::Sent);
    QVERIFY(QString::fromStdString(rows->front().fix.settlementFlag).contains("changed otherwise"));
    QVERIFY(rows->front().canRecordFailure == false);   // an agent may not
    const auto failed = fixes.recordFailure("park", f.id, "platform: product changed since");
    QVERIFY(failed);
    QCOMPARE(failed->state, RefundState::Failed);
    // A new fix looks at the new version.
    const auto g = fixes.propose("lee", FixDraft{kCake, price(33000), "PRICE_ERROR", "", {}, {}});
    QVERIFY(g);
    QCOMPARE(g->productSeq, std::int64_t(200));
    QCOMPARE(g->expected.discountBp, std::optional<std::int64_t>(500));
    QCOMPARE(g->idempotencyKey, std::string("catalog_fix:P-SBUX-CAKE:200:1"));
}

void TestCatalogFixes::thePlatformMadeTheChangeItself()
{
    Desk d;
    const auto f = CatalogFixService(d.ctx).propose("lee", FixDraft{kCake, price(33000), "PRICE_ERROR", "", {}, {}});
    d.platformEditsCake(33000);
    const auto settled = d.fix(f->id);
    QCOMPARE(settled.state, RefundState::Requested);   // nobody looked yet
    QVERIFY(CatalogFixService(d.ctx).list("kim", {}));
    const auto after = d.fix(f->id);
    QCOMPARE(after.state, RefundState::Settled);
    QVERIFY(QString::fromStdString(after.settlementFlag).contains("itself"));
    // Nothing is handed over for it.
    QVERIFY(d.exportAll().files.empty());
}

void TestCatalogFixes::aFixAfterARefusedOneGetsANewKey()
{
    Desk d;
    const auto f = d.proposedAndApproved();
    d.exportAll();
    QVERIFY(CatalogFixService(d.ctx).recordFailure("park", f.id, "platform outage: refused"));
    const auto g = CatalogFixService(d.ctx).propose("lee", FixDraft{kCake, price(33000), "PRICE_ERROR", "", {}, {}});
    QVERIFY(g);
    QCOMPARE(g->productSeq, std::int64_t(5));
    QCOMPARE(g->idempotencyKey, std::string("catalog_fix:P-SBUX-CAKE:5:2"));
}

void TestCatalogFixes::ruleSettingsByAnAdmin_data()
{
    QTest::addColumn<QString>("actor");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("code");   // empty: accepted
    QTest::newRow("an admin widens the band") << "boss" << "price_far_from_list.max_pct" << "120" << "";
    QTest::newRow("an admin switches a rule off") << "boss" << "receipt_failed.enabled" << "0" << "";
    QTest::newRow("ops may not") << "lee" << "price_far_from_list.max_pct" << "120" << "not_permitted";
    QTest::newRow("an agent may not") << "kim" << "price_far_from_list.max_pct" << "120" << "not_permitted";
    QTest::newRow("an unknown key") << "boss" << "price_far_from_list.max" << "120" << "invalid_input";
    QTest::newRow("not a number") << "boss" << "price_far_from_list.max_pct" << "12O" << "invalid_input";
    QTest::newRow("bounds out of order") << "boss" << "price_far_from_list.min_pct" << "111" << "invalid_input";
    QTest::newRow("the value it has") << "boss" << "price_far_from_list.max_pct" << "110" << "no_change";
}

void TestCatalogFixes::ruleSettingsByAnAdmin()
{
    QFETCH(QString, actor);
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, code);
    Desk d;
    const auto before = d.auditCount();
    const auto r = changeCatalogRules(d.ctx, actor.toStdString(), {{key.toStdString(), value.toStdString()}});
    QCOMPARE(d.auditCount(), before + 1);
    QCOMPARE(d.lastAudit().action, std::string("catalog.rules"));
    const auto inForce = catalogRulesInForce(*d.store);
    if (!code.isEmpty()) {
        QVERIFY(!r);
        QCOMPARE(QString::fromLatin1(refusalCodeName(r.refusal().code)), code);
        QVERIFY(!inForce.record);
        return;
    }
    QVERIFY2(r, r ? "" : r.refusal().message.c_str());
    QVERIFY(inForce.record && inForce.record->changedBy == actor.toStdString());
    bool found = false;
    for (const auto& [k, v] : inForce.settings.toEntries())
        found = found || (k == key.toStdString() && v == value.toStdString());
    QVERIFY(found);
}

void TestCatalogFixes::ruleSettingsChangeTheFindings()
{
    Desk d;
    // The cake at 10 % of its list price is far outside any band an admin could reasonably set,
    // but the rule can be switched off; the next check follows the rules in force.
    QVERIFY(d.findings(true).contains("PRICE_FAR_FROM_LIST/P-SBUX-CAKE"));
    QVERIFY(changeCatalogRules(d.ctx, "boss", {{"price_far_from_list.enabled", "0"}}));
    const auto rules = catalogRulesInForce(*d.store);
    catalog::CatalogState(rules.settings, rules.settles).rebuildIfStale(d.mirror.db());
    QVERIFY(!d.findings(true).contains("PRICE_FAR_FROM_LIST/P-SBUX-CAKE"));
    QVERIFY(d.findings(true).contains("RECEIPT_ON_INELIGIBLE/P-LOTTE-50K"));
}

QTEST_GUILESS_MAIN(TestCatalogFixes)
#include "tst_catalog_fixes.moc"
