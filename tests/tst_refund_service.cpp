// The refund services on the example mirror and a real SQLite operations store: the state
// machine and every refusal as scripted rows, audit entries for refused attempts, one request
// per operation id under 50 concurrent threads, overdue and failure, policy by two admins.
#include "ops/audit_service.h"
#include "ops/ops_copy.h"
#include "ops/service_support.h"
#include "ops/operator_service.h"
#include "ops/outbox.h"
#include "ops/platform_simulator.h"
#include "ops/policy_service.h"
#include "ops/refund_rules.h"
#include "ops/refund_service.h"
#include "ops/ops_store.h"
#include "ops/pg/pg_connection.h"
#include "ops/pg/pg_ops_store.h"
#include "store/store_error.h"
#include "pg_cluster.h"
#include "test_mirror.h"
#include "test_ops_store.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <thread>

using namespace reconsole;
using namespace reconsole::ops;

namespace {

constexpr Instant kStart = 1'773'200'000'000;   // 2026-03-11, after the example's debits

// Which store the services run on: the SQLite file, or (RECONSOLE_TEST_OPS=postgresql) a new
// database on a throwaway PostgreSQL cluster started by this test.
using test::newStore;
using test::onServer;

// The example mirror, its operations store, and operators of every role.
struct Desk {
    test::TestMirror mirror;
    std::string opsPath = newStore(mirror);
    std::unique_ptr<OpsStore> store = openOpsStore(opsPath);
    Instant now = kStart;
    OpsContext ctx{*store, mirror.db(), [this] { return now; }};
    QString outbox = mirror.dir() + QStringLiteral("/outbox");
    std::int64_t nextSeq = 1000;

    Desk()
    {
        if (onServer() != isServerSpec(opsPath) || onServer() != (store->describe().rfind("postgresql://", 0) == 0))
            throw std::runtime_error("the desk is not on the store it was asked for: " + store->describe());
        mirror.import({test::sharedPath("examples/incident-small.jsonl")});
        OperatorService ops(ctx);
        must(ops.add("", Operator{"boss", "관리", {Role::Admin}, {}, true, 0, {}}));
        must(ops.add("boss", Operator{"boss2", "관리2", {Role::Admin}, {}, true, 0, {}}));
        must(ops.add("boss", Operator{"kim", "김상담", {Role::Agent}, {}, true, 0, {}}));
        must(ops.add("boss", Operator{"lee", "이운영", {Role::Ops}, {}, true, 0, {}}));
        must(ops.add("boss", Operator{"park", "박운영", {Role::Ops}, {}, true, 0, {}}));
        must(ops.add("boss", Operator{"shop", "상점", {Role::Merchant}, std::string("M-1"), true, 0, {}}));
        QDir().mkpath(outbox);
    }
    template <typename T>
    static void must(const Result<T>& r)
    {
        if (!r)
            QFAIL(r.refusal().message.c_str());
    }
    // Exports, plays the platform and imports its answer.
    void settleAtPlatform()
    {
        OutboxService(ctx).exportTo("lee", outbox.toStdString());
        const std::string feed = mirror.dir().toStdString() + "/platform-" + std::to_string(nextSeq) + ".jsonl";
        const auto r = simulatePlatform({outbox.toStdString(), feed, feed + ".state", nextSeq, kStart});
        nextSeq = r.nextSeq;
        mirror.import({feed});
    }
};

// "kim request L-0003 50000" -> {"kim", "request", "L-0003", "50000"}.
QStringList words(const QString& step) { return step.split(QLatin1Char(' '), Qt::SkipEmptyParts); }

}  // namespace

class TestRefundService : public QObject {
    Q_OBJECT
private slots:
    void script_data();
    void script();
    void refusedAttemptsAreAudited();
    void sameOperationIdIsOneRequest();
    void concurrentThreadsMakeOneRequest();
    void approvalVoidedByAChange();
    void overdueThenFailureReleases();
    void settlementFlagsADifferentAmount();
    void weakeningPolicyNeedsASecondAdmin();
    void oddCreditIdsSettleOnce();
    void hugeDebitsNeverWrap();
    void amendNeverFindsRoomInAnOverflowedDay();
    void aNewStoreOpenedByManyAtOnce();
    void copyKeepsEveryDecision();
    void aDroppedServerConnectionIsOpenedAgain();
    void serverAddressesAreChecked_data();
    void serverAddressesAreChecked();
};

void TestRefundService::script_data()
{
    QTest::addColumn<QStringList>("steps");   // "ACTOR VERB ARGS => EXPECT"; EXPECT is a state or a refusal
    QTest::newRow("agent asks, ops approves, platform pays") << QStringList{
        "kim request L-0003 - => requested", "lee approve #1 => approved", "- settle => settled"};
    QTest::newRow("ops under the threshold needs nobody") << QStringList{"lee request L-0003 50000 => approved"};
    QTest::newRow("ops above a lowered threshold needs a second person")
        << QStringList{"boss threshold 40000 => ok", "lee request L-0003 40001 => requested",
                       "lee approve #1 => self_approval", "park approve #1 => approved"};
    QTest::newRow("at the lowered threshold exactly") << QStringList{"boss threshold 40000 => ok",
                                                                     "lee request L-0003 40000 => approved"};
    QTest::newRow("over the refundable amount") << QStringList{"lee request L-0003 50001 => over_refundable"};
    QTest::newRow("a second refund takes what is left")
        << QStringList{"lee request L-0003 20000 => approved", "lee request L-0003 30001 => over_refundable",
                       "lee request L-0003 30000 => approved", "lee request L-0003 1 => nothing_left"};
    QTest::newRow("a cancelled request gives its amount back")
        << QStringList{"kim request L-0003 50000 => requested", "kim cancel #1 => cancelled",
                       "kim request L-0003 50000 => requested"};
    QTest::newRow("rejected gives it back too") << QStringList{
        "kim request L-0003 - => requested", "park reject #1 => rejected", "kim request L-0003 - => requested"};
    QTest::newRow("zero won") << QStringList{"lee request L-0003 0 => invalid_input"};
    QTest::newRow("unknown debit") << QStringList{"lee request L-NOPE - => unknown_debit"};
    QTest::newRow("a credit is not a debit") << QStringList{"lee request L-0002 - => not_a_debit"};
    QTest::newRow("unknown reason") << QStringList{"lee request L-0003 - BECAUSE => invalid_input"};
    QTest::newRow("a merchant never refunds") << QStringList{"shop request L-0003 - => not_permitted"};
    QTest::newRow("an admin alone does not refund") << QStringList{"boss request L-0003 - => not_permitted"};
    QTest::newRow("unknown operator") << QStringList{"nobody request L-0003 - => unknown_operator"};
    QTest::newRow("an agent does not approve") << QStringList{"kim request L-0003 - => requested",
                                                              "kim approve #1 => not_permitted"};
    QTest::newRow("nobody approves their own, whatever roles")
        << QStringList{"boss threshold 1000 => ok", "lee request L-0003 - => requested", "lee approve #1 => self_approval"};
    QTest::newRow("approve twice") << QStringList{"kim request L-0003 - => requested", "lee approve #1 => approved",
                                                  "park approve #1 => wrong_state"};
    QTest::newRow("another agent may not cancel") << QStringList{"kim request L-0003 - => requested",
                                                                 "kim2 cancel #1 => not_permitted"};
    QTest::newRow("ops may cancel anyone's before it is sent")
        << QStringList{"kim request L-0003 - => requested", "lee cancel #1 => cancelled"};
    QTest::newRow("no cancel once sent") << QStringList{"lee request L-0003 - => approved", "- export => ok",
                                                        "lee cancel #1 => wrong_state"};
    QTest::newRow("sent, then the platform failed it: released")
        << QStringList{"lee request L-0003 - => approved", "- export => ok", "park fail #1 => failed",
                       "lee request L-0003 - => approved"};
    QTest::newRow("only ops record a failure") << QStringList{"lee request L-0003 - => approved", "- export => ok",
                                                              "kim fail #1 => not_permitted"};
    QTest::newRow("a requested refund cannot have failed")
        << QStringList{"kim request L-0003 - => requested", "lee fail #1 => wrong_state"};
    QTest::newRow("unknown request") << QStringList{"lee approve #9 => unknown_request"};
    QTest::newRow("settled debit has nothing left") << QStringList{
        "lee request L-0003 - => approved", "- settle => settled", "lee request L-0003 - => nothing_left"};
    QTest::newRow("partial top-up orphan defaults to its orphan amount")
        << QStringList{"lee request L-0010 - => approved", "- amount #1 => 30000"};
}

void TestRefundService::script()
{
    QFETCH(QStringList, steps);
    Desk desk;
    {
        OperatorService ops(desk.ctx);
        Desk::must(ops.add("boss", Operator{"kim2", "최상담", {Role::Agent}, {}, true, 0, {}}));
    }
    RefundService refunds(desk.ctx);
    std::vector<std::string> ids;
    for (const QString& step : steps) {
        const auto [action, expectText] = [&] {
            const auto parts = step.split(QStringLiteral(" => "));
            return std::pair{words(parts.value(0)), parts.value(1)};
        }();
        const std::string who = action.value(0).toStdString();
        const QString verb = action.value(1);
        const auto idOf = [&](const QString& ref) {
            const int n = ref.mid(1).toInt();
            return n >= 1 && n <= int(ids.size()) ? ids[std::size_t(n - 1)] : std::string("RF-none");
        };
        desk.now += kMinuteMs;
        QString got;
        const auto take = [&](const Result<RefundRequest>& r) {
            got = r ? QString::fromLatin1(refundStateCode(r->state)) : QString::fromLatin1(refusalCodeName(r.refusal().code));
        };
        if (verb == "request") {
            const QString amount = action.value(3);
            RefundDraft d{action.value(2).toStdString(),
                          amount == "-" ? std::nullopt : std::optional<Money>(Money(amount.toLongLong())),
                          action.size() > 4 ? action.value(4).toStdString() : "ORPHAN_DEBIT", "", {}};
            const auto r = refunds.request(who, d);
            if (r && (ids.empty() || ids.back() != r->id))
                ids.push_back(r->id);
            take(r);
        } else if (verb == "approve") {
            take(refunds.approve(who, idOf(action.value(2))));
        } else if (verb == "reject") {
            take(refunds.reject(who, idOf(action.value(2)), "no"));
        } else if (verb == "cancel") {
            take(refunds.cancel(who, idOf(action.value(2)), "not needed"));
        } else if (verb == "fail") {
            take(refunds.recordFailure(who, idOf(action.value(2)), "ACCOUNT_CLOSED"));
        } else if (verb == "threshold") {
            Policy p;
            p.approvalThreshold = Money(action.value(2).toLongLong());
            const auto c = PolicyService(desk.ctx).propose(who, p);
            got = c && c->state == PolicyChange::State::Applied ? "ok" : "refused";
        } else if (verb == "export") {
            const auto e = OutboxService(desk.ctx).exportTo("lee", desk.outbox.toStdString());
            got = e && !e->files.empty() ? "ok" : "nothing";
        } else if (verb == "settle") {
            desk.settleAtPlatform();
            const auto rows = refunds.list("lee", {});
            got = rows && !rows->empty() ? QString::fromLatin1(refundStateCode(rows->front().request.state)) : "none";
        } else if (verb == "amount") {
            const auto rows = refunds.list("lee", {});
            got = rows && !rows->empty() ? QString::number(rows->front().request.amount.won()) : "none";
        }
        QVERIFY2(got == expectText, qPrintable(step + QStringLiteral(": got ") + got));
    }
    // Whatever happened, the chain is intact.
    const auto verdict = AuditService(desk.ctx).verify("lee");
    QVERIFY(verdict && verdict->intact);
}

void TestRefundService::refusedAttemptsAreAudited()
{
    Desk desk;
    RefundService refunds(desk.ctx);
    QVERIFY(!refunds.request("shop", {"L-0003", {}, "ORPHAN_DEBIT", "", {}}));
    QVERIFY(!refunds.request("lee", {"L-0003", Money(50001), "ORPHAN_DEBIT", "", {}}));
    const auto entries = AuditService(desk.ctx).list("lee", AuditFilter{{}, std::string("refund."), {}, {}, {}, true, 10});
    QVERIFY(entries);
    QCOMPARE(entries->size(), std::size_t(2));
    QCOMPARE(entries->at(0).actor, std::string("lee"));
    QVERIFY(entries->at(0).outcome.find("over_refundable") != std::string::npos);
    QCOMPARE(entries->at(1).actor, std::string("shop"));
    QVERIFY(entries->at(1).outcome.find("not_permitted") != std::string::npos);
    // Reading the audit is itself guarded.
    QCOMPARE(AuditService(desk.ctx).list("kim", {}).refusal().code, RefusalCode::NotPermitted);
}

void TestRefundService::sameOperationIdIsOneRequest()
{
    Desk desk;
    RefundService refunds(desk.ctx);
    const RefundDraft d{"L-0003", Money(10000), "ORPHAN_DEBIT", "double click", "op-same"};
    const auto a = refunds.request("kim", d);
    const auto b = refunds.request("kim", d);
    QVERIFY(a && b);
    QCOMPARE(a->id, b->id);
    QCOMPARE(refunds.list("lee", {})->size(), std::size_t(1));
    // The same operation id for another debit is a mistake, not a second request.
    RefundDraft other = d;
    other.ledgerId = "L-0006";
    QCOMPARE(refunds.request("kim", other).refusal().code, RefusalCode::InvalidInput);
}

void TestRefundService::concurrentThreadsMakeOneRequest()
{
    Desk desk;
    for (const bool sameOpId : {true, false}) {
        std::atomic<int> made{0}, nothingLeft{0}, other{0};
        std::atomic<bool> go{false};
        std::vector<std::thread> threads;
        for (int i = 0; i < 50; ++i) {
            threads.emplace_back([&, i] {
                // A connection of its own per thread, as two windows or two machines would have.
                auto store = openOpsStore(desk.opsPath);
                Database mirror(desk.mirror.path(), Database::Mode::ReadOnly);
                RefundService refunds(OpsContext{*store, mirror});
                while (!go)
                    std::this_thread::yield();
                const std::string op = sameOpId ? "op-race" : "op-race-" + std::to_string(i);
                const auto r = refunds.request("lee", {sameOpId ? "L-0003" : "L-0006", {}, "ORPHAN_DEBIT", "", op});
                (r ? made : r.refusal().code == RefusalCode::NothingLeft ? nothingLeft : other)++;
            });
        }
        go = true;
        for (auto& t : threads)
            t.join();
        const std::string ledger = sameOpId ? "L-0003" : "L-0006";
        QCOMPARE(RefundService(desk.ctx).list("lee", RefundFilter{{}, ledger, {}, {}})->size(), std::size_t(1));
        QCOMPARE(other.load(), 0);
        if (sameOpId) {
            QCOMPARE(made.load(), 50);   // each caller gets the one request back
        } else {
            QCOMPARE(made.load(), 1);
            QCOMPARE(nothingLeft.load(), 49);
        }
    }
}

void TestRefundService::approvalVoidedByAChange()
{
    Desk desk;
    RefundService refunds(desk.ctx);
    const auto r = refunds.request("kim", {"L-0003", Money(30000), "ORPHAN_DEBIT", "", {}});
    QVERIFY(r);
    // The approver looked at it with this hash...
    const std::string seen = approvalHash(*r);
    const auto approved = refunds.approve("lee", r->id, seen);
    QVERIFY(approved);
    QCOMPARE(approved->state, RefundState::Approved);
    // ...then the amount changes: the approval is void, and the old view no longer approves it.
    const auto amended = refunds.amend("kim", r->id, Money(40000));
    QVERIFY(amended);
    QCOMPARE(amended->state, RefundState::Requested);
    QVERIFY(!amended->approvedBy);
    QCOMPARE(refunds.approve("lee", r->id, seen).refusal().code, RefusalCode::ApprovalVoided);
    // Nothing voided is handed over.
    const auto e = OutboxService(desk.ctx).exportTo("lee", desk.outbox.toStdString());
    QVERIFY(e);
    QVERIFY(e->files.empty());
    QVERIFY(refunds.approve("lee", r->id, approvalHash(*amended)));
    QCOMPARE(OutboxService(desk.ctx).exportTo("lee", desk.outbox.toStdString())->requests, 1);
}

void TestRefundService::overdueThenFailureReleases()
{
    Desk desk;
    RefundService refunds(desk.ctx);
    const auto r = refunds.request("lee", {"L-0003", {}, "ORPHAN_DEBIT", "", {}});
    QVERIFY(r);
    QVERIFY(OutboxService(desk.ctx).exportTo("lee", desk.outbox.toStdString()));
    desk.now += 24 * 60 * kMinuteMs;
    QCOMPARE(refunds.list("lee", {})->front().overdue, false);
    desk.now += 1;
    QCOMPARE(refunds.list("lee", {})->front().overdue, true);
    QCOMPARE(refunds.summary("lee")->overdue, 1);
    // Still reserved while overdue: never silently re-sent, never refunded twice.
    QCOMPARE(refunds.quote("lee", "L-0003")->refundable, Money(0));
    QVERIFY(refunds.recordFailure("park", r->id, "ACCOUNT_CLOSED"));
    QCOMPARE(refunds.quote("lee", "L-0003")->refundable, Money(50000));
    QCOMPARE(refunds.quote("lee", "L-0003")->nextPlace, 2);   // the key that reached the platform is not reused
}

void TestRefundService::settlementFlagsADifferentAmount()
{
    Desk desk;
    RefundService refunds(desk.ctx);
    const auto r = refunds.request("lee", {"L-0003", Money(50000), "ORPHAN_DEBIT", "", {}});
    QVERIFY(r);
    QVERIFY(OutboxService(desk.ctx).exportTo("lee", desk.outbox.toStdString()));
    desk.mirror.importLines({R"({"seq":900,"type":"ledger","id":"CR-1","account_id":"A-NAM-MONEY","customer_id":"C-NAM",)"
                             R"("direction":"credit","amount":45000,"purpose":"refund","ref_id":"L-0003","request_id":")"
                             + r->id + R"(","at":"2026-03-11T06:00:00Z"})"});
    const auto rows = refunds.list("lee", {});
    QCOMPARE(rows->front().request.state, RefundState::Settled);
    QCOMPARE(rows->front().request.settledAmount, std::optional<Money>(Money(45000)));
    QVERIFY(rows->front().request.settlementFlag.find("45,000") != std::string::npos);
    // What came back is what it reserves; the rest may be refunded again.
    QCOMPARE(refunds.quote("lee", "L-0003")->refundable, Money(5000));
    // Looking again settles nothing twice.
    QCOMPARE(refunds.list("lee", {})->front().request.settledAmount, std::optional<Money>(Money(45000)));
}

void TestRefundService::oddCreditIdsSettleOnce()
{
    // Ledger ids are any 1-64 bytes: quotes, backslashes, commas and braces must not confuse a store.
    Desk desk;
    RefundService refunds(desk.ctx);
    const auto r = refunds.request("lee", {"L-0003", Money(20000), "ORPHAN_DEBIT", "", {}});
    QVERIFY(r);
    QVERIFY(OutboxService(desk.ctx).exportTo("lee", desk.outbox.toStdString()));
    const auto imported = desk.mirror.importLines({R"({"seq":901,"type":"ledger","id":"CR \"1\",\\{x}","account_id":"A-NAM-MONEY",)"
                             R"("customer_id":"C-NAM","direction":"credit","amount":20000,"purpose":"refund",)"
                             R"("ref_id":"L-0003","request_id":")" + r->id + R"(","at":"2026-03-11T06:00:00Z"})"});
    QCOMPARE(imported.counts.applied, std::int64_t(1));
    for (int look = 0; look < 3; ++look) {
        const auto rows = refunds.list("lee", {});
        QCOMPARE(rows->front().request.state, RefundState::Settled);
        QCOMPARE(rows->front().request.settledAmount, std::optional<Money>(Money(20000)));
    }
    const auto settles = AuditService(desk.ctx).list("lee", AuditFilter{{}, std::string("refund.settle"), {}, {}, {}, false, 10});
    QCOMPARE(settles->size(), std::size_t(1));
}

void TestRefundService::weakeningPolicyNeedsASecondAdmin()
{
    Desk desk;
    PolicyService policy(desk.ctx);
    Policy looser;
    looser.approvalThreshold = Money(500000);
    const auto pending = policy.propose("boss", looser);
    QVERIFY(pending);
    QCOMPARE(pending->state, PolicyChange::State::Pending);
    QCOMPARE(policy.current("boss")->approvalThreshold, Money(100000));
    QCOMPARE(policy.approve("boss", pending->id).refusal().code, RefusalCode::SelfApproval);
    QCOMPARE(policy.approve("lee", pending->id).refusal().code, RefusalCode::NotPermitted);
    QVERIFY(policy.approve("boss2", pending->id));
    QCOMPARE(policy.current("boss")->approvalThreshold, Money(500000));
    Policy tighter = *policy.current("boss");
    tighter.dailyLimitAgent = Money(10);
    QCOMPARE(policy.propose("boss", tighter)->state, PolicyChange::State::Applied);
}

void TestRefundService::hugeDebitsNeverWrap()
{
    Desk desk;
    const std::string max = std::to_string(std::numeric_limits<std::int64_t>::max());
    desk.mirror.importLines({R"({"seq":800,"type":"ledger","id":"L-BIG","account_id":"A-NAM-MONEY","customer_id":"C-NAM",)"
                             R"("direction":"debit","amount":)" + max
                             + R"(,"purpose":"fee","at":"2026-03-11T01:00:00Z"})"});
    RefundService refunds(desk.ctx);
    const auto q = refunds.quote("lee", "L-BIG");
    QVERIFY(q);
    QCOMPARE(q->refundable.won(), std::numeric_limits<std::int64_t>::max());
    QVERIFY(refunds.request("kim", {"L-BIG", Money(std::numeric_limits<std::int64_t>::max() - 1), "GOODWILL", "", {}}));
    QVERIFY(refunds.request("kim", {"L-BIG", Money(1), "GOODWILL", "", {}}));
    QCOMPARE(refunds.request("kim", {"L-BIG", Money(1), "GOODWILL", "", {}}).refusal().code, RefusalCode::NothingLeft);
    const auto s = refunds.summary("lee");
    QVERIFY(s->amount[std::size_t(RefundState::Requested)].overflowed() == false);
    QCOMPARE(s->amount[std::size_t(RefundState::Requested)].value().won(), std::numeric_limits<std::int64_t>::max());
}

// An operator's requests of one day that add up past 64 bits: the store's total is clamped,
// and changing one of them must not read the clamped total less its amount as room left.
void TestRefundService::amendNeverFindsRoomInAnOverflowedDay()
{
    Desk desk;
    constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
    const std::string max = std::to_string(kMax);
    const auto debit = [&](int seq, const std::string& id) {
        return R"({"seq":)" + std::to_string(seq) + R"(,"type":"ledger","id":")" + id
            + R"(","account_id":"A-NAM-MONEY","customer_id":"C-NAM","direction":"debit","amount":)" + max
            + R"(,"purpose":"fee","at":"2026-03-11T01:00:00Z"})";
    };
    desk.mirror.importLines({debit(800, "L-BIG-1"), debit(801, "L-BIG-2")});
    PolicyService policy(desk.ctx);
    Policy loose = *policy.current("boss");
    loose.approvalThreshold = Money(kMax);
    loose.dailyLimitOps = Money(kMax);
    const auto pending = policy.propose("boss", loose);
    QVERIFY(pending);
    if (pending->state == PolicyChange::State::Pending)
        QVERIFY(policy.approve("boss2", pending->id));

    RefundService refunds(desk.ctx);
    const auto first = refunds.request("lee", {"L-BIG-1", Money(kMax), "GOODWILL", "", {}});
    QVERIFY(first);
    QCOMPARE(first->state, RefundState::Approved);   // exactly at the daily limit
    const auto second = refunds.request("lee", {"L-BIG-2", Money(kMax), "GOODWILL", "", {}});
    QVERIFY(second);
    QCOMPARE(second->approvalWhy, std::string("daily_limit"));
    const auto amended = refunds.amend("lee", second->id, Money(kMax - 1));
    QVERIFY(amended);
    QCOMPARE(amended->approvalWhy, std::string("daily_limit"));   // 2 × max − 1 today: still over
    QCOMPARE(amended->state, RefundState::Requested);
}

void TestRefundService::aNewStoreOpenedByManyAtOnce()
{
    // Two consoles started together on a new mirror both create and migrate its store.
    if (onServer())
        QSKIP("a console never creates a shared server's schema: ops migrate does");
    QTemporaryDir dir;
    const std::string path = dir.path().toStdString() + "/new.ops.sqlite";
    std::atomic<int> failures{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i)
        threads.emplace_back([&] {
            while (!go)
                std::this_thread::yield();
            try {
                auto store = openOpsStore(path);
                store->read([](OpsReader& r) { r.policy(); });
            } catch (const std::exception& e) {
                qWarning("%s", e.what());
                ++failures;
            }
        });
    go = true;
    for (auto& t : threads)
        t.join();
    QCOMPARE(failures.load(), 0);
}

void TestRefundService::copyKeepsEveryDecision()
{
    // A single machine's store (always a SQLite file) moved into a new store of this run's kind.
    QTemporaryDir dir;
    const std::string sourcePath = dir.path().toStdString() + "/single.ops.sqlite";
    Desk desk;
    {
        // The desk's decisions, made on a SQLite file of its own.
        auto file = openOpsStore(sourcePath);
        OpsContext ctx{*file, desk.mirror.db(), [&desk] { return desk.now; }};
        OperatorService ops(ctx);
        Desk::must(ops.add("", Operator{"boss", "관리", {Role::Admin}, {}, true, 0, {}}));
        Desk::must(ops.add("boss", Operator{"kim", "김상담", {Role::Agent}, {}, true, 0, {}}));
        Desk::must(ops.add("boss", Operator{"lee", "이운영", {Role::Ops}, {}, true, 0, {}}));
        RefundService refunds(ctx);
        const auto a = refunds.request("kim", {"L-0003", Money(20000), "ORPHAN_DEBIT", "전화 문의", {}});
        Desk::must(a);
        Desk::must(refunds.approve("lee", a->id));
        Desk::must(refunds.request("lee", {"L-0006", {}, "DUPLICATE_CHARGE", "", {}}));
        QVERIFY(OutboxService(ctx).exportTo("lee", desk.outbox.toStdString()));
        Desk::must(refunds.request("kim", {"L-0011", {}, "ORPHAN_DEBIT", "", {}}));
        Policy looser;
        looser.approvalThreshold = Money(200000);
        Desk::must(PolicyService(ctx).propose("boss", looser));   // pending: weakens a control
    }
    auto source = openOpsStore(sourcePath);
    const std::string targetSpec = newStore(desk.mirror, "copy.ops.sqlite");
    auto target = openOpsStore(targetSpec);
    const auto report = copyOpsStore(*source, *target);
    QCOMPARE(report.operators, 3);
    QCOMPARE(report.refunds, 3);
    OpsSnapshot before, after;
    source->read([&](OpsReader& r) { before = r.snapshot(); });
    target->read([&](OpsReader& r) { after = r.snapshot(); });
    QCOMPARE(after.audit.size(), before.audit.size());
    QCOMPARE(after.audit.back().hash, before.audit.back().hash);
    QCOMPARE(after.refunds.size(), before.refunds.size());
    const auto byId = [](std::vector<RefundRequest> v) {
        std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
        return v;
    };
    const auto sortedBefore = byId(before.refunds), sortedAfter = byId(after.refunds);
    for (std::size_t i = 0; i < sortedBefore.size(); ++i)
        QCOMPARE(refundJson(sortedAfter[i]), refundJson(sortedBefore[i]));
    QCOMPARE(after.exports.size(), std::size_t(1));
    QCOMPARE(after.policyChanges.size(), std::size_t(1));
    QCOMPARE(after.policyChanges.front().state, PolicyChange::State::Pending);
    // The copy works on: the pending policy change is approved there, the next export does not
    // collide with the copied one, and a copy into a store that has decisions is refused.
    OpsContext ctx{*target, desk.mirror.db(), [&desk] { return desk.now; }};
    Desk::must(OperatorService(ctx).add("boss", Operator{"boss2", "관리2", {Role::Admin}, {}, true, 0, {}}));
    Desk::must(PolicyService(ctx).approve("boss2", after.policyChanges.front().id));
    const auto waiting = std::find_if(after.refunds.begin(), after.refunds.end(),
                                      [](const RefundRequest& r) { return r.state == RefundState::Requested; });
    QVERIFY(waiting != after.refunds.end());
    Desk::must(RefundService(ctx).approve("lee", waiting->id));
    const auto e = OutboxService(ctx).exportTo("lee", desk.outbox.toStdString());
    QVERIFY(e);
    QCOMPARE(e->requests, 1);
    QVERIFY(AuditService(ctx).verify("lee")->intact);
    QVERIFY_THROWS_EXCEPTION(StoreError, copyOpsStore(*source, *target));
}

void TestRefundService::aDroppedServerConnectionIsOpenedAgain()
{
    if (!onServer())
        QSKIP("a server's connection");
    Desk desk;
    RefundService refunds(desk.ctx);
    QVERIFY(refunds.request("lee", {"L-0003", Money(1000), "ORPHAN_DEBIT", "", {}}));
    {
        // The server ends every other session of this database (a restart, a network cut).
        pg::PgConnection admin(desk.opsPath);
        admin.run("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
                  " AND pid <> pg_backend_pid()");
    }
    // The action that meets the dropped connection fails cleanly or goes through on a new one;
    // either way nothing is done twice, and the next one works.
    try {
        refunds.request("lee", {"L-0006", Money(1000), "ORPHAN_DEBIT", "", "op-after-drop"});
    } catch (const StoreError& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("operations server")), e.what());
    }
    const auto after = refunds.request("lee", {"L-0006", Money(1000), "ORPHAN_DEBIT", "", "op-after-drop"});
    QVERIFY(after);
    QCOMPARE(refunds.list("lee", {})->size(), std::size_t(2));
}

void TestRefundService::serverAddressesAreChecked_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<QString>("refusedFor");   // empty: may be used (the connection may still fail)
    QTest::newRow("password in the URI") << "postgresql://lee:s3cret@db.example/ops?sslmode=verify-full" << "password";
    QTest::newRow("password as a parameter") << "postgresql:///ops?host=/run/pg&password=s3cret" << "password";
    QTest::newRow("remote without TLS") << "postgresql://lee@db.example/ops" << "verify-full";
    QTest::newRow("remote with sslmode=require only") << "postgresql://lee@db.example/ops?sslmode=require"
                                                       << "verify-full";
    QTest::newRow("remote, verified") << "postgresql://lee@db.example/ops?sslmode=verify-full" << "";
    QTest::newRow("local socket") << "postgresql:///ops?host=/run/postgresql" << "";
    QTest::newRow("localhost") << "postgresql://lee@localhost/ops" << "";
}

void TestRefundService::serverAddressesAreChecked()
{
    QFETCH(QString, uri);
    QFETCH(QString, refusedFor);
    const std::string spec = uri.toStdString();
    QVERIFY(isServerSpec(spec));
    QString why;
    if (pg::conninfoHasPassword(spec))
        why = QStringLiteral("password");
    else if (!pg::transportProblem(spec).empty())
        why = QStringLiteral("verify-full");
    QCOMPARE(why, refusedFor);
    if (refusedFor.isEmpty())
        return;
    try {
        openOpsStore(spec);
        QFAIL("a refused address was used");
    } catch (const StoreError& e) {
        QVERIFY2(!QString::fromUtf8(e.what()).contains(QStringLiteral("s3cret")), e.what());   // never echoed
        QVERIFY2(QString::fromUtf8(e.what()).contains(refusedFor == "password" ? "~/.pgpass" : "verify-full"), e.what());
    }
}

QTEST_GUILESS_MAIN(TestRefundService)
#include "tst_refund_service.moc"
