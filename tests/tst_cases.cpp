// Complaint cases and the legal clock (docs/cases.md) on the example mirror and each operations
// store (SQLite, or with RECONSOLE_TEST_OPS=postgresql a throwaway server): when an orphan became
// known, self-found cases once per orphan whatever the import batches, clocks that survive a
// rebuilt mirror, a complaint's deadline, linking that moves a debit, answers with evidence and
// the late flag, notices, and who may do what.
#include "access/read_scope.h"
#include "ops/case_notice.h"
#include "ops/case_service.h"
#include "ops/ops_copy.h"
#include "ops/operator_service.h"
#include "ops/ops_store.h"
#include "ops/pg/pg_ops_store.h"
#include "pg_cluster.h"
#include "test_mirror.h"
#include "test_ops_store.h"

#include <QDir>
#include <QTest>

#include <fstream>
#include <set>

using namespace reconsole;
using namespace reconsole::ops;

namespace {

template <typename T>
std::string codeOf(const Result<T>& r)
{
    return r ? std::string("ok") : std::string(refusalCodeName(r.refusal().code));
}

using test::newStore;
using test::onServer;

Instant at(const char* rfc3339) { return parseRfc3339(rfc3339)->ms; }

const std::set<std::string> kOrphans{"L-0003", "L-0006", "L-0010", "L-0011"};   // the example's four

std::vector<std::string> exampleLines()
{
    std::ifstream in(test::sharedPath("examples/incident-small.jsonl"));
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

struct Desk {
    test::TestMirror mirror;
    std::unique_ptr<OpsStore> store;
    Instant clock = at("2026-03-11T15:00:00+09:00");
    OpsContext ctx;

    Desk() : store(openOpsStore((mirror.import({test::sharedPath("examples/incident-small.jsonl")}),
                                 newStore(mirror.dir().toStdString())))),
             ctx{*store, mirror.db(), [this] { return clock; }}
    {
        OperatorService ops(ctx);
        must(ops.add("", Operator{"boss", "관리", {Role::Admin}, {}, true, 0, {}}));
        must(ops.add("boss", Operator{"kim", "김상담", {Role::Agent}, {}, true, 0, {}}));
        must(ops.add("boss", Operator{"lee", "이운영", {Role::Ops}, {}, true, 0, {}}));
        must(ops.add("boss", Operator{"shop", "상점", {Role::Merchant}, std::string("M-LOTTE"), true, 0, {}}));
    }
    static void must(const Result<Operator>& r)
    {
        if (!r)
            throw std::runtime_error(r.refusal().message);
    }
    std::vector<CaseRow> list(Instant asOf)
    {
        auto r = CaseService(ctx).list("kim", {}, asOf);
        if (!r)
            throw std::runtime_error(r.refusal().message);
        return *r;
    }
    const CaseRow* caseHolding(const std::vector<CaseRow>& rows, const std::string& ledger)
    {
        for (const auto& r : rows)
            for (const auto& id : r.ledgerIds)
                if (id == ledger)
                    return &r;
        return nullptr;
    }
    ComplaintCase complaint(const char* receivedAt = "2026-03-11T15:00:00+09:00")
    {
        ComplaintDraft d{"C-NAM", at(receivedAt), "phone", "돈만 빠져나갔어요", Money(50000), std::string("2026-03-11"), {}};
        auto c = CaseService(ctx).open("kim", d);
        if (!c)
            throw std::runtime_error(c.refusal().message);
        return *c;
    }
};

std::map<std::string, Instant> detections(Database& db)
{
    std::map<std::string, Instant> out;
    auto st = db.prepare("SELECT ledger_id, detected_at FROM orphan_detection");
    while (st.step())
        out[st.string(0)] = st.int64(1);
    return out;
}

}  // namespace

class TestCases : public QObject {
    Q_OBJECT
private slots:
    void theImporterRecordsWhenEachOrphanBecameKnown();
    void selfFoundCasesOncePerOrphanWhateverTheBatches();
    void aRebuiltMirrorNeverRestartsAClock();
    void aComplaintsDeadline();
    void linkingMovesTheDebitAndClosesTheEmptyCase();
    void aCaseIsDueByTheEarliestItHolds();
    void matchesProposeTheCustomersDebits();
    void anAnswerNeedsItsEvidence();
    void answeredLateSaysSo();
    void noticesFollowTheAnswer();
    void theDeadlineRuleIsAnAdminsPolicy();
    void opsCopyCarriesTheCases();
    void whoMayDoWhat_data();
    void whoMayDoWhat();
    void partnersNoteTheirOwnOrders_data();
    void partnersNoteTheirOwnOrders();
    void partnersReadTheirMerchantsNotesOnly();
    void staffFilterCasesByMerchant();
    void assignHandsTheCaseOver_data();
    void assignHandsTheCaseOver();
};

void TestCases::theImporterRecordsWhenEachOrphanBecameKnown()
{
    test::TestMirror m;
    const auto lines = exampleLines();
    // Up to L-0003's debit and a little after: within the grace period nothing is an orphan yet.
    const Instant before = wallClockNow();
    m.importLines(std::vector<std::string>(lines.begin(), lines.begin() + 10));
    const auto early = detections(m.db());
    m.importLines(std::vector<std::string>(lines.begin() + 10, lines.end()));
    const auto all = detections(m.db());
    std::set<std::string> ids;
    for (const auto& [id, t] : all) {
        ids.insert(id);
        QVERIFY(t >= before && t <= wallClockNow());
    }
    QCOMPARE(ids, kOrphans);
    for (const auto& [id, t] : early)   // whatever the first run knew keeps its first time
        QCOMPARE(all.at(id), t);
    // Importing again changes nothing.
    m.import({test::sharedPath("examples/incident-small.jsonl")});
    QCOMPARE(detections(m.db()), all);
}

void TestCases::selfFoundCasesOncePerOrphanWhateverTheBatches()
{
    for (int batch : {1, 7, 1000}) {
        test::TestMirror m;
        feed::ImportOptions o;
        o.batchLines = batch;
        m.importLines(exampleLines(), o);
        auto store = openOpsStore(newStore(m.dir().toStdString()));
        OpsContext ctx{*store, m.db()};
        QVERIFY(OperatorService(ctx).add("", Operator{"boss", "관리", {Role::Admin}, {}, true, 0, {}}));
        QVERIFY(OperatorService(ctx).add("boss", Operator{"kim", "김상담", {Role::Agent}, {}, true, 0, {}}));
        const auto first = CaseService(ctx).sync();
        QCOMPARE(first.opened, 4);
        QCOMPARE(CaseService(ctx).sync().opened, 0);
        const auto rows = CaseService(ctx).list("kim", {}, wallClockNow());
        QVERIFY(rows);
        std::set<std::string> held;
        for (const auto& r : *rows) {
            QCOMPARE(r.c.origin, std::string("self_found"));
            QCOMPARE(r.ledgerIds.size(), std::size_t(1));
            held.insert(r.ledgerIds[0]);
        }
        QCOMPARE(held, kOrphans);
    }
}

void TestCases::aRebuiltMirrorNeverRestartsAClock()
{
    Desk d;
    const auto first = d.list(d.clock);
    const CaseRow* l3 = d.caseHolding(first, "L-0003");
    QVERIFY(l3);
    const QDate due = l3->clock.lastDay;
    std::vector<OrphanClock> clocks;
    d.store->read([&](OpsReader& r) { clocks = r.orphanClocks(); });
    QCOMPARE(clocks.size(), std::size_t(4));
    // The mirror is deleted and built again later: its runs are newer, the store keeps the first.
    QTest::qWait(5);
    test::TestMirror again;
    again.import({test::sharedPath("examples/incident-small.jsonl")});
    QVERIFY(detections(again.db()).at("L-0003") > clocks.front().detectedAt - 1);
    OpsContext ctx{*d.store, again.db(), [&] { return d.clock; }};
    CaseService(ctx).sync();
    std::vector<OrphanClock> after;
    d.store->read([&](OpsReader& r) { after = r.orphanClocks(); });
    QCOMPARE(after.size(), std::size_t(4));
    for (std::size_t i = 0; i < after.size(); ++i)
        QCOMPARE(after[i].detectedAt, clocks[i].detectedAt);
    const auto rows = CaseService(ctx).list("kim", {}, d.clock);
    QCOMPARE(rows->size(), std::size_t(4));   // no second case for any of them
    QCOMPARE(d.caseHolding(*rows, "L-0003")->clock.lastDay, due);
    // A clock told earlier than the store knew moves it earlier, never later.
    d.store->write([&](OpsTx& tx) {
        tx.recordOrphanClock(OrphanClock{"L-0003", "C-NAM", Money(50000), "PAYMENT_NOT_COMPLETED", clocks.front().detectedAt + 1000, 0});
        tx.recordOrphanClock(OrphanClock{"L-0006", "C-KIM", Money(1), "NO_PAYMENT", 1000, 0});
        tx.appendAudit(AuditEntry{0, d.clock, "boss", "case.clocks", "test", "", "", "ok", "", ""});
    });
    std::map<std::string, Instant> now;
    d.store->read([&](OpsReader& r) {
        for (const auto& c : r.orphanClocks())
            now[c.ledgerId] = c.detectedAt;
    });
    QCOMPARE(now.at("L-0003"), clocks.front().detectedAt);
    QCOMPARE(now.at("L-0006"), Instant(1000));
}

void TestCases::aComplaintsDeadline()
{
    Desk d;
    const auto c = d.complaint();
    QCOMPARE(c.origin, std::string("complaint"));
    QCOMPARE(c.owner, std::optional<std::string>("kim"));
    const auto show = [&](const char* asOf) { return CaseService(d.ctx).show("kim", c.id, at(asOf))->row.clock; };
    QCOMPARE(show("2026-03-11T15:00:00+09:00").lastDay, QDate(2026, 3, 25));
    QCOMPARE(show("2026-03-11T15:00:00+09:00").daysLeft, 14);
    QVERIFY(!show("2026-03-21T23:59:59.999+09:00").dueSoon);   // 4 days left
    QVERIFY(show("2026-03-22T00:00:00+09:00").dueSoon);          // due within 3 days
    const auto last = show("2026-03-25T23:59:59.999+09:00");
    QVERIFY(!last.overdue && last.daysLeft == 0);
    const auto late = show("2026-03-26T00:00:00+09:00");
    QVERIFY(late.overdue && !late.dueSoon);
    // The list sorts running cases by time left: the complaint (due 3-25) before the self-found
    // ones (their clocks started at the import, today).
    const auto rows = d.list(at("2026-03-12T09:00:00+09:00"));
    QCOMPARE(rows.front().c.id, c.id);
}

void TestCases::linkingMovesTheDebitAndClosesTheEmptyCase()
{
    Desk d;
    const auto before = d.list(d.clock);
    const std::string automatic = d.caseHolding(before, "L-0003")->c.id;
    const auto c = d.complaint();
    QVERIFY(CaseService(d.ctx).link("kim", c.id, "ledger", "L-0003"));
    const auto rows = d.list(d.clock);
    QCOMPARE(d.caseHolding(rows, "L-0003")->c.id, c.id);
    const auto closed = CaseService(d.ctx).show("kim", automatic, d.clock);
    QCOMPARE(closed->row.c.state, CaseState::Closed);
    QVERIFY(closed->links.empty());
    // Linking it again is no change; another customer's debit is refused.
    QVERIFY(CaseService(d.ctx).link("kim", c.id, "ledger", "L-0003"));
    QCOMPARE(codeOf(CaseService(d.ctx).link("kim", c.id, "ledger", "L-0006")), std::string("invalid_input"));
    QCOMPARE(codeOf(CaseService(d.ctx).link("kim", c.id, "ledger", "L-NONE")), std::string("unknown_debit"));
    QCOMPARE(codeOf(CaseService(d.ctx).link("kim", c.id, "request", "RF-none")), std::string("unknown_request"));
    QVERIFY(CaseService(d.ctx).link("kim", c.id, "order", "O-1001"));
}

void TestCases::aCaseIsDueByTheEarliestItHolds()
{
    Desk d;
    // The company found L-0003 itself (its clock started at the import, before this complaint);
    // the customer complains a month later: the case is due by the debit's clock.
    Instant detected = 0;
    d.store->read([&](OpsReader& r) {
        for (const auto& c : r.orphanClocks())
            if (c.ledgerId == "L-0003")
                detected = c.detectedAt;
    });
    QVERIFY(detected == 0);   // nobody looked yet
    d.list(d.clock);
    d.store->read([&](OpsReader& r) {
        for (const auto& c : r.orphanClocks())
            if (c.ledgerId == "L-0003")
                detected = c.detectedAt;
    });
    QVERIFY(detected > 0);
    d.clock = detected + 40LL * 86'400'000;
    const auto c = d.complaint(formatUtc(d.clock).c_str());
    QVERIFY(CaseService(d.ctx).link("kim", c.id, "ledger", "L-0003"));
    const auto v = CaseService(d.ctx).show("kim", c.id, d.clock);
    QCOMPARE(v->row.clock.start, detected);
    QVERIFY(v->row.clock.overdue);
}

void TestCases::matchesProposeTheCustomersDebits()
{
    Desk d;
    const auto c = d.complaint();
    const auto m = CaseService(d.ctx).matches("kim", c.id);
    QVERIFY(m);
    QVERIFY(!m->empty());
    QCOMPARE(m->front().ledgerId, std::string("L-0003"));   // the orphan of ₩50,000 that day
    QVERIFY(m->front().orphan && m->front().amountMatches && m->front().dateMatches);
    for (const auto& x : *m)
        QVERIFY(x.ledgerId != "L-0006");   // another customer's
}

void TestCases::anAnswerNeedsItsEvidence()
{
    Desk d;
    const auto c = d.complaint();
    CaseService cases(d.ctx);
    QCOMPARE(codeOf(cases.answer("kim", c.id, CaseOutcome::Refunded, "")), std::string("invalid_input"));
    QCOMPARE(codeOf(cases.answer("kim", c.id, CaseOutcome::CatalogCorrected, "")), std::string("invalid_input"));
    QCOMPARE(codeOf(cases.answer("kim", c.id, CaseOutcome::NoError, "")), std::string("invalid_input"));
    QCOMPARE(codeOf(cases.close("kim", c.id)), std::string("wrong_state"));
    QVERIFY(cases.investigate("lee", c.id));
    const auto a = cases.answer("lee", c.id, CaseOutcome::NoError, "거래 내역 확인: 결제 완료, 상품권 발송됨");
    QVERIFY2(a, a ? "" : a.refusal().message.c_str());
    QCOMPARE(a->state, CaseState::Answered);
    QVERIFY(!a->answeredLate);
    QVERIFY(cases.close("kim", c.id));
    QCOMPARE(codeOf(cases.link("kim", c.id, "order", "O-1001")), std::string("wrong_state"));
    const auto re = cases.reopen("kim", c.id, "고객이 다시 문의");
    QVERIFY(re);
    QCOMPARE(re->state, CaseState::Open);
    QVERIFY(re->reopened);
    QCOMPARE(re->answeredAt, a->answeredAt);   // the first answer stays on record
}

void TestCases::answeredLateSaysSo()
{
    Desk d;
    const auto c = d.complaint();
    d.clock = at("2026-03-26T00:00:00+09:00");
    const auto a = CaseService(d.ctx).answer("kim", c.id, CaseOutcome::NoError, "확인 결과 오류 없음");
    QVERIFY(a);
    QVERIFY(a->answeredLate);
    const auto v = CaseService(d.ctx).show("kim", c.id, at("2026-04-30T00:00:00+09:00"));
    QVERIFY(!v->row.clock.running);
    QVERIFY(v->row.clock.overdue);   // read at its answer, not at the as-of
}

void TestCases::noticesFollowTheAnswer()
{
    Desk d;
    const auto c = d.complaint();
    CaseService cases(d.ctx);
    QCOMPARE(codeOf(cases.recordNotice("kim", c.id, "phone", "안내함")), std::string("wrong_state"));
    QVERIFY(cases.answer("kim", c.id, CaseOutcome::NoError, "오류 없음"));
    QCOMPARE(codeOf(cases.recordNotice("kim", c.id, "document", "안내문")), std::string("invalid_input"));   // no PDF
    QCOMPARE(codeOf(cases.recordNotice("kim", c.id, "fax", "안내")), std::string("invalid_input"));
    const auto n = cases.recordNotice("kim", c.id, "phone", "고객 요청으로 전화 안내: 원인과 결과 설명");
    QVERIFY(n);
    const auto v = cases.show("kim", c.id, d.clock);
    QCOMPARE(v->notices.size(), std::size_t(1));
    QCOMPARE(v->notices[0].givenBy, std::string("kim"));
}

void TestCases::theDeadlineRuleIsAnAdminsPolicy()
{
    Desk d;
    const auto c = d.complaint();
    const auto lastDay = [&] { return CaseService(d.ctx).show("kim", c.id, d.clock)->row.clock.lastDay; };
    QCOMPARE(lastDay(), QDate(2026, 3, 25));
    QCOMPARE(codeOf(changeCasePolicy(d.ctx, "lee", 7, true, std::nullopt)), std::string("not_permitted"));
    QCOMPARE(codeOf(changeCasePolicy(d.ctx, "boss", 0, true, std::nullopt)), std::string("invalid_input"));
    QCOMPARE(codeOf(changeCasePolicy(d.ctx, "boss", 14, true, std::string("2026-02-30 없는 날\n"))),
             std::string("invalid_input"));
    QCOMPARE(codeOf(changeCasePolicy(d.ctx, "boss", 14, true, std::nullopt)), std::string("no_change"));
    // A company holiday on the last day moves it on.
    QVERIFY(changeCasePolicy(d.ctx, "boss", 14, true, std::string("2026-03-25 창립기념일\n")));
    QCOMPARE(lastDay(), QDate(2026, 3, 26));
    QVERIFY(changeCasePolicy(d.ctx, "boss", 7, true, std::nullopt));
    QCOMPARE(lastDay(), QDate(2026, 3, 18));
    std::vector<AuditEntry> audit;
    d.store->read([&](OpsReader& r) { audit = r.audit(AuditFilter{{}, std::string("case.policy"), {}, {}, {}, false, 10}); });
    QCOMPARE(audit.size(), std::size_t(6));   // the refused attempts too
}

// Moving a single machine's decisions onto a new store keeps every case, link, note, notice,
// clock and the deadline rule.
void TestCases::opsCopyCarriesTheCases()
{
    Desk d;
    const auto c = d.complaint();
    QVERIFY(CaseService(d.ctx).link("kim", c.id, "ledger", "L-0003"));
    QVERIFY(CaseService(d.ctx).note("kim", c.id, "고객 통화함"));
    QVERIFY(CaseService(d.ctx).answer("kim", c.id, CaseOutcome::NoError, "확인 결과 오류 없음"));
    QVERIFY(CaseService(d.ctx).recordNotice("kim", c.id, "phone", "전화로 안내"));
    QVERIFY(changeCasePolicy(d.ctx, "boss", 10, true, std::nullopt));
    OpsSnapshot before;
    d.store->read([&](OpsReader& r) { before = r.snapshot(); });
    QVERIFY(QDir().mkpath(d.mirror.dir() + "/copy"));
    auto target = openOpsStore(newStore(d.mirror.dir().toStdString() + "/copy"));
    copyOpsStore(*d.store, *target);
    OpsSnapshot after;
    target->read([&](OpsReader& r) { after = r.snapshot(); });
    QCOMPARE(after.cases.size(), before.cases.size());
    QCOMPARE(after.caseLinks.size(), before.caseLinks.size());
    QCOMPARE(after.caseNotes.size(), std::size_t(1));
    QCOMPARE(after.caseNotices.size(), std::size_t(1));
    QCOMPARE(after.orphanClocks.size(), std::size_t(4));
    QCOMPARE(after.casePolicy.days, 10);
    for (std::size_t i = 0; i < before.cases.size(); ++i) {
        QCOMPARE(after.cases[i].id, before.cases[i].id);
        QCOMPARE(after.cases[i].state, before.cases[i].state);
        QCOMPARE(after.cases[i].answeredAt, before.cases[i].answeredAt);
    }
    for (std::size_t i = 0; i < before.orphanClocks.size(); ++i)
        QCOMPARE(after.orphanClocks[i].detectedAt, before.orphanClocks[i].detectedAt);
}

void TestCases::whoMayDoWhat_data()
{
    QTest::addColumn<QString>("actor");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("code");
    for (const char* action : {"open", "list", "note"}) {
        QTest::addRow("agent %s", action) << "kim" << action << "ok";
        QTest::addRow("ops %s", action) << "lee" << action << "ok";
        QTest::addRow("merchant %s", action) << "shop" << action << "not_permitted";
        QTest::addRow("nobody %s", action) << "ghost" << action << "unknown_operator";
    }
    QTest::newRow("admin open") << "boss" << "open" << "not_permitted";
    QTest::newRow("admin list") << "boss" << "list" << "ok";
    QTest::newRow("admin note") << "boss" << "note" << "not_permitted";
}

void TestCases::whoMayDoWhat()
{
    QFETCH(QString, actor);
    QFETCH(QString, action);
    QFETCH(QString, code);
    Desk d;
    const auto c = d.complaint();
    CaseService cases(d.ctx);
    const std::string who = actor.toStdString();
    std::string got;
    if (action == "open")
        got = codeOf(cases.open(who, ComplaintDraft{"C-KIM", d.clock, "chat", "", {}, {}, {}}));
    else if (action == "list")
        got = codeOf(cases.list(who, {}, d.clock));
    else
        got = codeOf(cases.note(who, c.id, "확인 중"));
    QCOMPARE(got, code.toStdString());
}

namespace {

// Lotte's partner ("shop") with its scoped mirror, beside the staff desk.
struct PartnerDesk : Desk {
    Database lotteMirror{mirror.path(), Database::Mode::ReadOnly};
    OpsContext partner{*store, lotteMirror, [this] { return clock; }};
    PartnerDesk() { access::applyReadScope(lotteMirror, access::ReadScope::merchant("M-LOTTE")); }
    std::string caseOf(const std::string& ledgerId)
    {
        const auto rows = list(clock);
        const auto* row = caseHolding(rows, ledgerId);
        return row ? row->c.id : ledgerId;   // "CS-none" and the like stay themselves
    }
};

}  // namespace

void TestCases::partnersNoteTheirOwnOrders_data()
{
    QTest::addColumn<QString>("caseHolding");   // a ledger id: the case that holds it
    QTest::addColumn<QString>("order");         // empty: no order named
    QTest::addColumn<QString>("code");
    QTest::newRow("its order, paid by the case's debit") << "L-0003" << "O-1001" << "ok";
    QTest::newRow("no order named") << "L-0003" << "" << "invalid_input";
    QTest::newRow("another brand's order in its case") << "L-0003" << "O-1002" << "invalid_input";
    QTest::newRow("an order the case does not hold") << "L-0003" << "O-1003" << "invalid_input";
    // Another brand's case reads exactly as one that does not exist.
    QTest::newRow("another brand's case") << "L-0006" << "O-1002" << "unknown_request";
    QTest::newRow("no such case") << "CS-none" << "O-1001" << "unknown_request";
}

void TestCases::partnersNoteTheirOwnOrders()
{
    QFETCH(QString, caseHolding);
    QFETCH(QString, order);
    QFETCH(QString, code);
    PartnerDesk d;
    const std::string caseId = d.caseOf(caseHolding.toStdString());
    const auto orderId = order.isEmpty() ? std::nullopt : std::optional<std::string>(order.toStdString());
    const auto n = CaseService(d.partner).note("shop", caseId, "재고 확인 중", orderId);
    QCOMPARE(codeOf(n), code.toStdString());
    if (n) {
        QCOMPARE(n->merchantId.value_or(""), std::string("M-LOTTE"));
        QCOMPARE(n->orderId.value_or(""), order.toStdString());
    }
    // Whatever the answer, the partner's whole mirror is never enough: it is refused there.
    QCOMPARE(codeOf(CaseService(d.ctx).note("shop", caseId, "x", orderId)), std::string("not_permitted"));
}

void TestCases::partnersReadTheirMerchantsNotesOnly()
{
    PartnerDesk d;
    const std::string lotte = d.caseOf("L-0003");
    QVERIFY(CaseService(d.ctx).note("kim", lotte, "상담원 메모"));
    QVERIFY(CaseService(d.ctx).note("kim", lotte, "주문 메모", std::string("O-1001")));   // staff's, about the order
    QVERIFY(CaseService(d.partner).note("shop", lotte, "재고 확인 중", std::string("O-1001")));
    const auto mine = CaseService(d.partner).show("shop", lotte, d.clock);
    QVERIFY(mine);
    QCOMPARE(mine->notes.size(), std::size_t(1));
    QCOMPARE(mine->notes.front().text, std::string("재고 확인 중"));
    QVERIFY(mine->row.c.text.empty() && !mine->row.c.owner && mine->notices.empty());
    // Nor the notice to the customer, even once answered.
    QVERIFY(CaseService(d.ctx).answer("kim", lotte, CaseOutcome::NoError, "결제 기록 확인: 오류 없음"));
    QCOMPARE(codeOf(composeNotice(d.partner, "shop", lotte)), std::string("not_permitted"));
    QVERIFY(composeNotice(d.ctx, "kim", lotte));
    const auto staff = CaseService(d.ctx).show("kim", lotte, d.clock);
    QCOMPARE(staff->notes.size(), std::size_t(3));
    // The case list gives the partner its cases only.
    const auto rows = CaseService(d.partner).list("shop", {}, d.clock);
    QVERIFY(rows);
    for (const auto& r : *rows)
        for (const auto& id : r.ledgerIds)
            QCOMPARE(id, std::string("L-0003"));
}

void TestCases::staffFilterCasesByMerchant()
{
    PartnerDesk d;
    const auto c = d.complaint();
    QVERIFY(CaseService(d.ctx).link("kim", c.id, "order", "O-1001"));   // an order link names its merchant too
    CaseFilter lotte;
    lotte.merchantId = "M-LOTTE";
    const auto rows = CaseService(d.ctx).list("kim", lotte, d.clock);
    QVERIFY(rows);
    std::set<std::string> ids;
    for (const auto& r : *rows)
        ids.insert(r.c.id);
    QCOMPARE(ids, (std::set<std::string>{d.caseOf("L-0003"), c.id}));
    CaseFilter nobody;
    nobody.merchantId = "M-NONE";
    QVERIFY(CaseService(d.ctx).list("kim", nobody, d.clock)->empty());
}

void TestCases::assignHandsTheCaseOver_data()
{
    QTest::addColumn<QString>("actor");
    QTest::addColumn<QString>("owner");
    QTest::addColumn<bool>("closedFirst");
    QTest::addColumn<QString>("code");
    QTest::newRow("agent to ops") << "kim" << "lee" << false << "ok";
    QTest::newRow("ops to agent") << "lee" << "kim" << false << "ok";
    QTest::newRow("to an admin, who does not work cases") << "kim" << "boss" << false << "invalid_input";
    QTest::newRow("to a merchant partner") << "kim" << "shop" << false << "invalid_input";
    QTest::newRow("to nobody known") << "kim" << "ghost" << false << "invalid_input";
    QTest::newRow("by an admin") << "boss" << "lee" << false << "not_permitted";
    QTest::newRow("by a merchant partner") << "shop" << "lee" << false << "not_permitted";
    QTest::newRow("a closed case") << "kim" << "lee" << true << "wrong_state";
}

void TestCases::assignHandsTheCaseOver()
{
    QFETCH(QString, actor);
    QFETCH(QString, owner);
    QFETCH(bool, closedFirst);
    QFETCH(QString, code);
    Desk d;
    CaseService cases(d.ctx);
    const auto c = d.complaint();
    if (closedFirst) {
        QVERIFY(cases.answer("kim", c.id, CaseOutcome::NoError, "결제 기록 확인: 오류 없음"));
        QVERIFY(cases.close("kim", c.id));
    }
    const auto r = cases.assign(actor.toStdString(), c.id, owner.toStdString());
    QCOMPARE(codeOf(r), code.toStdString());
    const auto now = cases.show("kim", c.id, d.clock);
    if (r)
        QCOMPARE(now->row.c.owner.value_or(""), owner.toStdString());
    else
        QVERIFY(now->row.c.owner.value_or("") != owner.toStdString());
    // Every attempt is in the audit log, done or refused.
    std::vector<AuditEntry> audit;
    d.store->read([&](OpsReader& rd) { audit = rd.audit({}); });
    QVERIFY(std::any_of(audit.begin(), audit.end(), [&](const AuditEntry& e) {
        return e.action == "case.assign" && e.target == c.id && (r ? e.outcome == "ok" : e.outcome != "ok");
    }));
}

QTEST_GUILESS_MAIN(TestCases)
#include "tst_cases.moc"
