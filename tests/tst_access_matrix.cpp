// The permission matrix (docs/access.md) as data: role × permission, and role × action through
// the services, merchant-own and other-brand variants, on the store under test (SQLite, or with
// RECONSOLE_TEST_OPS=postgresql a throwaway server). A merchant partner's services read the
// mirror through its scope, as every command and the console give it them.
#include "access/read_scope.h"
#include "catalog/catalog_check.h"
#include "ops/audit_chain.h"
#include "ops/audit_service.h"
#include "ops/case_service.h"
#include "ops/catalog_fix_service.h"
#include "ops/operator_service.h"
#include "ops/ops_store.h"
#include "ops/orphan_note_service.h"
#include "ops/permissions.h"
#include "ops/pg/pg_connection.h"
#include "ops/pg/pg_ops_store.h"
#include "ops/read_audit.h"
#include "ops/refund_service.h"
#include "ops/service_support.h"
#include "pg_cluster.h"
#include "test_mirror.h"
#include "test_ops_store.h"

#include <QtTest>

#include <map>

using namespace reconsole;
using namespace reconsole::ops;

namespace {

using test::newStore;
using test::onServer;

template <typename T>
std::string codeOf(const Result<T>& r)
{
    return r ? std::string("ok") : std::string(refusalCodeName(r.refusal().code));
}

const std::map<std::string, Operator>& operatorsByRole()
{
    static const std::map<std::string, Operator> ops = {
        {"agent", Operator{"kim", "김상담", {Role::Agent}, {}, true, 0, {}}},
        {"ops", Operator{"lee", "이운영", {Role::Ops}, {}, true, 0, {}}},
        {"admin", Operator{"boss", "관리", {Role::Admin}, {}, true, 0, {}}},
        {"merchant", Operator{"shop", "스벅 파트너", {Role::Merchant}, std::string("M-SBUX"), true, 0, {}}},
        {"disabled", Operator{"gone", "퇴사", {Role::Ops}, {}, false, 0, {}}},
    };
    return ops;
}

// Who holds each permission (a merchant's only for its own merchant's records).
const std::map<Permission, std::string>& holders()
{
    static const std::map<Permission, std::string> h = {
        {Permission::ReadRefunds, "agent ops admin"},     {Permission::RequestRefund, "agent ops"},
        {Permission::ApproveRefund, "ops"},               {Permission::CancelAnyRefund, "ops"},
        {Permission::RecordOutcome, "ops"},               {Permission::ExportOutbox, "ops admin"},
        {Permission::ReadAudit, "ops admin"},             {Permission::ManageOperators, "admin"},
        {Permission::ChangePolicy, "admin"},              {Permission::ReadOperators, "agent ops admin"},
        {Permission::AcknowledgeCatalog, "ops admin"},    {Permission::ProposeCatalogFix, "ops admin merchant"},
        {Permission::ApproveCatalogFix, "ops"},           {Permission::DraftRepair, "ops"},
        {Permission::ChangeCatalogRules, "admin"},        {Permission::ReadCases, "agent ops admin merchant"},
        {Permission::WorkCases, "agent ops"},             {Permission::ReadCatalogFixes, "agent ops admin merchant"},
        {Permission::NoteOrphan, "agent ops merchant"},   {Permission::ReadOrphanNotes, "agent ops admin merchant"},
        {Permission::NoteCase, "agent ops merchant"},
    };
    return h;
}

// The example mirror (Starbucks and Lotte), its store with one operator per role, the
// self-found cases of its orphans, and a read connection scoped for the merchant partner.
struct Desk {
    test::TestMirror mirror;
    std::string spec;
    std::unique_ptr<OpsStore> store;
    Database partnerMirror;

    Desk()
        : spec((importExample(mirror), newStore(mirror))),
          store(openOpsStore(spec)),
          partnerMirror(mirror.path(), Database::Mode::ReadOnly)
    {
        access::applyReadScope(partnerMirror, access::ReadScope::merchant("M-SBUX"));
        OperatorService ops(OpsContext{*store, mirror.db()});
        must(ops.add("", operatorsByRole().at("admin")));
        for (const char* role : {"agent", "ops", "merchant", "disabled"})
            must(ops.add("boss", operatorsByRole().at(role)));
        disable("gone");
        CaseService(OpsContext{*store, mirror.db()}).sync();
    }
    // As `operator disable` does; on the server the store is told directly as its superuser,
    // past the functions that only an admin's own login may call.
    void disable(const std::string& id)
    {
        if (onServer()) {
            pg::PgConnection(spec).execScript("BEGIN; SET LOCAL session_replication_role = replica;"
                                              " UPDATE operator SET enabled = 0 WHERE id = '" + id + "'; COMMIT;");
            return;
        }
        const auto done = OperatorService(OpsContext{*store, mirror.db()}).setEnabled("boss", id, false);
        if (!done)
            throw std::runtime_error(done.refusal().message);
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
    // The services' context for `op`: a merchant partner's mirror is scoped.
    OpsContext contextFor(const Operator& op)
    {
        return OpsContext{*store, op.roles.has(Role::Merchant) ? partnerMirror : mirror.db()};
    }
    std::string caseHolding(const std::string& ledgerId)
    {
        std::optional<CaseLink> link;
        store->read([&](OpsReader& r) { link = r.linkOf("ledger", ledgerId); });
        return link ? link->caseId : std::string();
    }
};

CatalogValues price(std::int64_t won)
{
    CatalogValues v;
    v.price = won;
    return v;
}

// What each role gets for each action; "own" is Starbucks' (L-0006 an orphan debit of its order,
// P-SBUX-CAKE its product), "other" Lotte's (L-0003, P-LOTTE-50K).
const std::map<std::string, std::map<std::string, std::string>>& expected()
{
    static const std::map<std::string, std::map<std::string, std::string>> e = {
        {"agent",
         {{"refund.request", "ok"}, {"refund.list", "ok"}, {"audit.list", "not_permitted"}, {"operator.list", "ok"},
          {"fix.propose.own", "not_permitted"}, {"fix.propose.other", "not_permitted"}, {"fix.list", "ok"},
          {"case.list", "ok"}, {"case.show.own", "ok"}, {"case.show.other", "ok"}, {"note.add.own", "ok"},
          {"note.add.other", "ok"}, {"note.list.own", "ok"}, {"note.list.other", "ok"}}},
        {"ops",
         {{"refund.request", "ok"}, {"refund.list", "ok"}, {"audit.list", "ok"}, {"operator.list", "ok"},
          {"fix.propose.own", "ok"}, {"fix.propose.other", "ok"}, {"fix.list", "ok"}, {"case.list", "ok"},
          {"case.show.own", "ok"}, {"case.show.other", "ok"}, {"note.add.own", "ok"}, {"note.add.other", "ok"},
          {"note.list.own", "ok"}, {"note.list.other", "ok"}}},
        {"admin",
         {{"refund.request", "not_permitted"}, {"refund.list", "ok"}, {"audit.list", "ok"}, {"operator.list", "ok"},
          {"fix.propose.own", "ok"}, {"fix.propose.other", "ok"}, {"fix.list", "ok"}, {"case.list", "ok"},
          {"case.show.own", "ok"}, {"case.show.other", "ok"}, {"note.add.own", "not_permitted"},
          {"note.add.other", "not_permitted"}, {"note.list.own", "ok"}, {"note.list.other", "ok"}}},
        {"merchant",
         {{"refund.request", "not_permitted"}, {"refund.list", "not_permitted"}, {"audit.list", "not_permitted"},
          {"operator.list", "not_permitted"}, {"fix.propose.own", "ok"}, {"fix.propose.other", "invalid_input"},
          {"fix.list", "ok"}, {"case.list", "ok"}, {"case.show.own", "ok"}, {"case.show.other", "unknown_request"},
          {"note.add.own", "ok"}, {"note.add.other", "unknown_debit"}, {"note.list.own", "ok"},
          {"note.list.other", "unknown_debit"}}},
    };
    return e;
}

}  // namespace

class TestAccessMatrix : public QObject {
    Q_OBJECT
private slots:
    void permissionTable_data();
    void permissionTable();
    void actionsByRole_data();
    void actionsByRole();
    void partnerReadsItsPartOnly();
    void refusedReadsAndAuditViewsAreAudited();
    void readsOlderThanTheWindowAreForgotten();
};

void TestAccessMatrix::permissionTable_data()
{
    QTest::addColumn<QString>("role");
    for (const auto& [role, op] : operatorsByRole())
        QTest::newRow(role.c_str()) << QString::fromStdString(role);
}

void TestAccessMatrix::permissionTable()
{
    QFETCH(QString, role);
    const Operator& op = operatorsByRole().at(role.toStdString());
    for (const Permission p : kAllPermissions) {
        QVERIFY2(holders().count(p), permissionText(p));
        const std::string who = " " + holders().at(p) + " ";
        const bool should = op.enabled && who.find(" " + role.toStdString() + " ") != std::string::npos;
        QVERIFY2(allows(op, p) == should, (role.toStdString() + " / " + permissionText(p)).c_str());
    }
}

void TestAccessMatrix::actionsByRole_data()
{
    QTest::addColumn<QString>("role");
    for (const char* role : {"agent", "ops", "admin", "merchant", "disabled"})
        QTest::newRow(role) << role;
}

void TestAccessMatrix::actionsByRole()
{
    QFETCH(QString, role);
    Desk d;
    const Operator& op = operatorsByRole().at(role.toStdString());
    const OpsContext ctx = d.contextFor(op);
    const std::string me = op.id;
    const std::string ownCase = d.caseHolding("L-0006"), otherCase = d.caseHolding("L-0003");
    QVERIFY(!ownCase.empty() && !otherCase.empty());
    std::map<std::string, std::string> got;
    got["refund.request"] = codeOf(RefundService(ctx).request(me, {"L-0006", {}, "ORPHAN_DEBIT", "", {}}));
    got["refund.list"] = codeOf(RefundService(ctx).list(me, {}));
    got["audit.list"] = codeOf(AuditService(ctx).list(me, {}));
    got["operator.list"] = codeOf(OperatorService(ctx).list(me));
    got["fix.propose.own"] = codeOf(CatalogFixService(ctx).propose(me, {"P-SBUX-CAKE", price(33000), "PRICE_ERROR", "", {}, {}}));
    got["fix.propose.other"] = codeOf(CatalogFixService(ctx).propose(me, {"P-LOTTE-50K", price(45000), "PRICE_ERROR", "", {}, {}}));
    got["fix.list"] = codeOf(CatalogFixService(ctx).list(me, {}));
    got["case.list"] = codeOf(CaseService(ctx).list(me, {}, 0));
    got["case.show.own"] = codeOf(CaseService(ctx).show(me, ownCase, 0));
    got["case.show.other"] = codeOf(CaseService(ctx).show(me, otherCase, 0));
    got["note.add.own"] = codeOf(OrphanNoteService(ctx).add(me, "L-0006", "확인 중"));
    got["note.add.other"] = codeOf(OrphanNoteService(ctx).add(me, "L-0003", "확인 중"));
    got["note.list.own"] = codeOf(OrphanNoteService(ctx).list(me, "L-0006"));
    got["note.list.other"] = codeOf(OrphanNoteService(ctx).list(me, "L-0003"));
    for (const auto& [action, code] : got) {
        const std::string want = op.enabled ? expected().at(role.toStdString()).at(action) : "operator_disabled";
        QVERIFY2(code == want, (action + ": got " + code + ", expected " + want).c_str());
    }
    QCOMPARE(got.size(), expected().at("ops").size());
}

void TestAccessMatrix::partnerReadsItsPartOnly()
{
    Desk d;
    const OpsContext staff{*d.store, d.mirror.db()};
    const OpsContext partner = d.contextFor(operatorsByRole().at("merchant"));
    const std::string ownCase = d.caseHolding("L-0006"), otherCase = d.caseHolding("L-0003");
    // Staff work: a fix of each brand, a note on each brand's orphan, a case note.
    QVERIFY(CatalogFixService(staff).propose("lee", {"P-LOTTE-50K", price(45000), "PRICE_ERROR", "", {}, {}}));
    QVERIFY(CatalogFixService(partner).propose("shop", {"P-SBUX-CAKE", price(33000), "PRICE_ERROR", "", {}, {}}));
    QVERIFY(OrphanNoteService(staff).add("kim", "L-0006", "내부 메모"));
    QVERIFY(OrphanNoteService(partner).add("shop", "L-0006", "파트너 메모"));
    QVERIFY(CaseService(staff).note("kim", ownCase, "상담 메모"));

    const auto fixes = CatalogFixService(partner).list("shop", {});
    QVERIFY(fixes);
    QCOMPARE(fixes->size(), std::size_t(1));
    QCOMPARE(fixes->front().fix.productId, std::string("P-SBUX-CAKE"));
    QCOMPARE(CatalogFixService(staff).list("lee", {})->size(), std::size_t(2));

    const auto notes = OrphanNoteService(partner).list("shop", "L-0006");
    QVERIFY(notes);
    QCOMPARE(notes->size(), std::size_t(1));
    QCOMPARE(notes->front().text, std::string("파트너 메모"));
    QCOMPARE(OrphanNoteService(staff).list("kim", "L-0006")->size(), std::size_t(2));

    const auto cases = CaseService(partner).list("shop", {}, 0);
    QVERIFY(cases);
    QVERIFY(!cases->empty());
    for (const auto& row : *cases) {
        QVERIFY(row.c.id != otherCase);
        for (const auto& l : row.ledgerIds)
            QVERIFY2(l == "L-0006" || l == "L-0007" || l == "L-0004" || l == "L-0005", l.c_str());
    }
    const auto view = CaseService(partner).show("shop", ownCase, 0);
    QVERIFY(view);
    QVERIFY(view->notes.empty());   // the staff's case note is not the partner's
    QVERIFY(view->notices.empty());
    QVERIFY(view->row.c.text.empty());
    // A merchant partner's services with the whole mirror refuse rather than answer in full.
    QCOMPARE(codeOf(CaseService(staff).list("shop", {}, 0)), std::string("not_permitted"));
}

// Reads audited like actions: a refused read, and every look at the audit log; the same read
// again (a screen reading after each change) is not written twice.
void TestAccessMatrix::refusedReadsAndAuditViewsAreAudited()
{
    Desk d;
    const OpsContext staff{*d.store, d.mirror.db()};
    const OpsContext partner = d.contextFor(operatorsByRole().at("merchant"));
    const std::string otherCase = d.caseHolding("L-0003");
    const auto count = [&](const std::string& actor, const std::string& action, bool refused) {
        std::vector<AuditEntry> all;
        d.store->read([&](OpsReader& r) { all = r.audit({}); });
        return std::count_if(all.begin(), all.end(), [&](const AuditEntry& e) {
            return e.actor == actor && e.action == action && (e.outcome == "ok") != refused;
        });
    };
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(codeOf(AuditService(staff).list("kim", {})), std::string("not_permitted"));
        QCOMPARE(codeOf(RefundService(partner).list("shop", {})), std::string("not_permitted"));
        QCOMPARE(codeOf(CaseService(partner).show("shop", otherCase, 0)), std::string("unknown_request"));
        QVERIFY(AuditService(staff).list("lee", {}));
    }
    QCOMPARE(count("kim", "audit.view", true), 1);
    QCOMPARE(count("shop", "refund.list", true), 1);
    QCOMPARE(count("shop", "case.show", true), 1);   // another brand's case: refused, and on record
    QCOMPARE(count("lee", "audit.view", false), 1);
    // Another part of the log is another view.
    AuditFilter refusals;
    refusals.refusedOnly = true;
    const auto seen = AuditService(staff).list("lee", refusals);
    QVERIFY(seen);
    QCOMPARE(count("lee", "audit.view", false), 2);
    QVERIFY(std::any_of(seen->begin(), seen->end(), [](const AuditEntry& e) { return e.actor == "shop"; }));
    d.store->read([](OpsReader& r) {
        const auto v = verifyChain(r);
        QVERIFY2(v.intact, v.why.c_str());
    });
}

// The same refused read is written once per window; a read older than the window no longer
// holds anything back, so the process forgets it when it next writes one.
void TestAccessMatrix::readsOlderThanTheWindowAreForgotten()
{
    Desk d;
    Instant now = wallClockNow() + 2 * kRepeatWindowMs;   // past every read this process made before
    const Clock clock = [&now] { return now; };
    const OpsContext staff{*d.store, d.mirror.db(), clock};
    const OpsContext partner{*d.store, d.partnerMirror, clock};
    const auto count = [&](const std::string& actor, const std::string& action) {
        std::vector<AuditEntry> all;
        d.store->read([&](OpsReader& r) { all = r.audit({}); });
        return std::count_if(all.begin(), all.end(), [&](const AuditEntry& e) {
            return e.actor == actor && e.action == action && e.outcome != "ok";
        });
    };
    const Instant start = now;
    QCOMPARE(codeOf(AuditService(staff).list("kim", {})), std::string("not_permitted"));
    QCOMPARE(rememberedReads(), std::size_t(1));   // the others are older than the window
    now = start + kRepeatWindowMs / 2;
    QCOMPARE(codeOf(RefundService(partner).list("shop", {})), std::string("not_permitted"));
    QCOMPARE(codeOf(AuditService(staff).list("kim", {})), std::string("not_permitted"));   // held back
    QCOMPARE(count("kim", "audit.view"), 1);
    QCOMPARE(rememberedReads(), std::size_t(2));
    // Past the first read's window: it is written again, and the reads older than the window go.
    now = start + kRepeatWindowMs;
    QCOMPARE(codeOf(AuditService(staff).list("kim", {})), std::string("not_permitted"));
    QCOMPARE(count("kim", "audit.view"), 2);
    QCOMPARE(rememberedReads(), std::size_t(2));   // kim's anew, and shop's of half a window ago
    QCOMPARE(codeOf(RefundService(partner).list("shop", {})), std::string("not_permitted"));   // held back
    QCOMPARE(count("shop", "refund.list"), 1);
    now = start + 3 * kRepeatWindowMs;
    QCOMPARE(codeOf(CaseService(partner).show("shop", d.caseHolding("L-0003"), 0)), std::string("unknown_request"));
    QCOMPARE(rememberedReads(), std::size_t(1));
}

QTEST_GUILESS_MAIN(TestAccessMatrix)
#include "tst_access_matrix.moc"
