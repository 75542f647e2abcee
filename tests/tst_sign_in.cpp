// Sign-in (docs/sign-in.md) through the real services on a real store: wrong passwords refused
// and slowed, unknown operators answered like wrong passwords, disabled operators doing
// nothing, the must-change gate, Argon2id hashes carrying their parameters and upgraded, the
// floor. With RECONSOLE_TEST_OPS=postgresql the same on a throwaway PostgreSQL cluster, where
// the server's own authentication is the sign-in (the rows about hashes and the throttle,
// which the server does with auth_delay, are the embedded store's only).
#include "ops/audit_service.h"
#include "ops/case_service.h"
#include "ops/operator_service.h"
#include "ops/ops_store.h"
#include "ops/outbox.h"
#include "ops/password_hash.h"
#include "ops/pg/pg_ops_store.h"
#include "ops/policy_service.h"
#include "ops/refund_service.h"
#include "ops/sign_in_service.h"
#include "ops/sqlite_ops_store.h"
#include "store/database.h"
#include "pg_cluster.h"
#include "test_mirror.h"
#include "test_ops_store.h"

#include <QTest>

#include <algorithm>
#include <functional>
#include <map>
#include <stdexcept>

using namespace reconsole;
using namespace reconsole::ops;

namespace {

constexpr Instant kStart = 1'773'200'000'000;
const std::string kBoss = "boss-own-password";
const std::string kLee = "lee-own-password";
const std::string kKimInitial = "set-by-the-admin";
const std::string kKim = "kim-own-password";

using test::newStore;
using test::onServer;

std::string withoutUser(const std::string& uri)
{
    const auto at = uri.find("&user=");
    return at == std::string::npos ? uri : uri.substr(0, at);
}

// A desk: boss (admin, chose their own password), lee (ops, has set their own), kim (agent,
// still on the password the admin set). On a server, `as(id, pw)` is that login role's own
// connection; on the embedded store, the same file.
struct Desk {
    test::TestMirror mirror;
    std::string spec = newStore(mirror);
    std::unique_ptr<OpsStore> store = openOpsStore(spec);   // the owner's on a server
    Instant now = kStart;
    OpsContext ctx{*store, mirror.db(), [this] { return now; }};
    std::map<std::string, std::unique_ptr<OpsStore>> sessions;

    Desk()
    {
        mirror.import({test::sharedPath("examples/incident-small.jsonl")});
        OperatorService ops(ctx);
        must(ops.add("", Operator{"boss", "관리", {Role::Admin}, {}, true, 0, {}}, kBoss));
        must(ops.add("boss", Operator{"lee", "이운영", {Role::Ops}, {}, true, 0, {}}, "lee-initial-password"));
        must(ops.add("boss", Operator{"kim", "김상담", {Role::Agent}, {}, true, 0, {}}, kKimInitial));
        must(SignInService(as("lee", "lee-initial-password")).changeOwnPassword("lee", "lee-initial-password", kLee));
    }
    // The context `id` works in, signed in with `password` on a server.
    OpsContext as(const std::string& id, const std::string& password)
    {
        if (!onServer())
            return ctx;
        auto& s = sessions[id + "\n" + password];
        if (!s)
            s = openOpsStore(withoutUser(spec), ServerSignIn{id, password});
        return OpsContext{*s, mirror.db(), [this] { return now; }};
    }
    template <typename T>
    static void must(const Result<T>& r)
    {
        if (!r)
            throw std::runtime_error(r.refusal().message);
    }
    std::vector<AuditEntry> audit(const std::string& target)
    {
        std::vector<AuditEntry> out;
        store->read([&](OpsReader& r) { out = r.audit(AuditFilter{{}, {}, target, {}, {}, false, 1000}); });
        return out;
    }
    std::optional<Credential> credential(const std::string& id)
    {
        std::optional<Credential> c;
        store->read([&](OpsReader& r) { c = r.credential(id); });
        return c;
    }
};

// Every service an operator may be asked to act or read through, as that operator.
using Action = std::function<std::optional<Refusal>(OpsContext&, const std::string&)>;
template <typename T>
std::optional<Refusal> refusalOf(const Result<T>& r)
{
    return r ? std::nullopt : std::optional<Refusal>(r.refusal());
}
std::vector<std::pair<const char*, Action>> everyService()
{
    return {
        {"list refunds", [](OpsContext& c, const std::string& a) { return refusalOf(RefundService(c).list(a, {})); }},
        {"quote a refund", [](OpsContext& c, const std::string& a) { return refusalOf(RefundService(c).quote(a, "L-0003")); }},
        {"request a refund", [](OpsContext& c, const std::string& a) {
             return refusalOf(RefundService(c).request(a, RefundDraft{"L-0003", Money(100), "ORPHAN_DEBIT", "", {}}));
         }},
        {"read the summary", [](OpsContext& c, const std::string& a) { return refusalOf(RefundService(c).summary(a)); }},
        {"read the policy", [](OpsContext& c, const std::string& a) { return refusalOf(PolicyService(c).current(a)); }},
        {"list operators", [](OpsContext& c, const std::string& a) { return refusalOf(OperatorService(c).list(a)); }},
        {"list cases", [](OpsContext& c, const std::string& a) { return refusalOf(CaseService(c).list(a, {}, kStart)); }},
    };
}

// The action's refusal. On a server the server's own line may refuse first (a disabled
// operator's login role left every group; a must-change operator may write nothing, not even
// the clock bookkeeping a read does): counted as the refusal `code`, its words kept.
std::optional<Refusal> attempt(const Action& act, OpsContext& ctx, const std::string& who,
                               RefusalCode code = RefusalCode::OperatorDisabled)
{
    try {
        return act(ctx, who);
    } catch (const StoreRefusal& e) {
        if (!onServer())
            throw;
        return refuse(code, std::string("the server: ") + e.what());
    }
}

}  // namespace

class TestSignIn : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void theRightPasswordSignsIn();
    void unknownOperatorIsAnsweredLikeAWrongPassword();
    void wrongPasswordsAreRefusedAndSlowed();
    void delays_data();
    void delays();
    void aDisabledOperatorCanDoNothing_data();
    void aDisabledOperatorCanDoNothing();
    void theLastAdminStays();
    void mustChangeGatesEveryAction_data();
    void mustChangeGatesEveryAction();
    void changingOnesOwnPasswordNeedsTheCurrentOne();
    void hashesCarryTheirParametersAndAreUpgraded();
    void aStoreFromBeforeSignInGetsItsFirstPassword();
    void theFloorHolds_data();
    void theFloorHolds();

private:
    std::unique_ptr<Desk> desk_;
};

void TestSignIn::initTestCase()
{
    // The suite runs at the floor (tests/CMakeLists.txt), never below it.
    QVERIFY(argon2Policy() == kArgon2Floor);
}

void TestSignIn::theRightPasswordSignsIn()
{
    Desk d;
    auto ctx = d.as("lee", kLee);
    const auto op = SignInService(ctx).signIn("lee", kLee);
    QVERIFY2(op, op ? "" : op.refusal().message.c_str());
    QCOMPARE(op->id, std::string("lee"));
    const auto audit = d.audit("lee");
    QVERIFY(!audit.empty());
    QCOMPARE(audit.front().action, std::string("operator.sign_in"));
    QCOMPARE(audit.front().outcome, std::string("ok"));
}

void TestSignIn::unknownOperatorIsAnsweredLikeAWrongPassword()
{
    Desk d;
    // On a server a wrong password never gets a connection; unlocking asks the server again.
    auto lee = d.as("lee", kLee);
    const auto wrong = onServer() ? SignInService(lee).unlock("lee", "not lee's password")
                                  : SignInService(d.ctx).signIn("lee", "not lee's password");
    const auto unknown = SignInService(d.ctx).signIn("nobody", "not lee's password");
    QVERIFY(!wrong && !unknown);
    QCOMPARE(wrong.refusal().code, RefusalCode::SignInRefused);
    QCOMPARE(unknown.refusal().code, wrong.refusal().code);
    QCOMPARE(unknown.refusal().message, wrong.refusal().message);
    QCOMPARE(unknown.refusal().message, std::string(kSignInRefusedText));
    for (const char* who : {"lee", "nobody"}) {
        const auto audit = d.audit(who);
        QVERIFY2(!audit.empty() && audit.front().outcome.rfind("refused: sign_in_refused", 0) == 0, who);
        for (const auto& e : audit)
            QVERIFY(e.before.find("not lee's") == std::string::npos && e.after.find("not lee's") == std::string::npos
                    && e.outcome.find("not lee's") == std::string::npos);
    }
}

void TestSignIn::wrongPasswordsAreRefusedAndSlowed()
{
    if (onServer())
        QSKIP("a team server slows failed sign-ins itself (auth_delay, docs/team-server.md)");
    Desk d;
    SignInService signIn(d.ctx);
    for (int i = 1; i <= 3; ++i) {
        const auto r = signIn.signIn("lee", "wrong password " + std::to_string(i));
        QVERIFY(!r);
        QCOMPARE(r.refusal().code, RefusalCode::SignInRefused);
        QCOMPARE(d.credential("lee")->failedAttempts, i);
    }
    QCOMPARE(d.credential("lee")->nextAttemptAt, kStart + 8000);
    // Too soon: refused before the password is looked at, the right one included (the count
    // does not move either way), saying how long to wait.
    d.now = kStart + 1000;
    const auto early = signIn.signIn("lee", kLee);
    QVERIFY(!early);
    QCOMPARE(early.refusal().code, RefusalCode::TooManyAttempts);
    QVERIFY2(early.refusal().message.find("try again in 7 s") != std::string::npos, early.refusal().message.c_str());
    QCOMPARE(d.credential("lee")->failedAttempts, 3);
    // A fourth failure once the wait is over doubles it.
    d.now = kStart + 8000;
    QVERIFY(!signIn.signIn("lee", "wrong again"));
    QCOMPARE(d.credential("lee")->nextAttemptAt, kStart + 8000 + 16000);
    d.now = kStart + 24000;
    QVERIFY(signIn.signIn("lee", kLee));
    QCOMPARE(d.credential("lee")->failedAttempts, 0);
    QCOMPARE(d.credential("lee")->nextAttemptAt, Instant(0));
    // Each attempt audited, newest first; no password anywhere in the entries.
    std::vector<std::string> outcomes;
    for (const auto& e : d.audit("lee"))
        if (e.action == "operator.sign_in") {
            outcomes.push_back(e.outcome.substr(0, e.outcome.find(':', 9)));
            for (const std::string& typed : {std::string("wrong password 1"), std::string("wrong again"), kLee})
                QVERIFY(e.outcome.find(typed) == std::string::npos && e.after.find(typed) == std::string::npos);
        }
    const std::vector<std::string> expected{"ok", "refused: sign_in_refused", "refused: too_many_attempts",
                                            "refused: sign_in_refused", "refused: sign_in_refused",
                                            "refused: sign_in_refused"};
    QCOMPARE(outcomes, expected);
}

void TestSignIn::delays_data()
{
    QTest::addColumn<int>("failures");
    QTest::addColumn<qint64>("waitMs");
    QTest::newRow("none") << 0 << qint64(0);
    QTest::newRow("two are free") << 2 << qint64(0);
    QTest::newRow("third: 2^3 s") << 3 << qint64(8000);
    QTest::newRow("fourth: 2^4 s") << 4 << qint64(16000);
    QTest::newRow("ninth: 2^9 s") << 9 << qint64(512000);
    QTest::newRow("tenth: capped at 15 min") << 10 << qint64(900000);
    QTest::newRow("a thousand: still 15 min") << 1000 << qint64(900000);
}

void TestSignIn::delays()
{
    QFETCH(int, failures);
    QFETCH(qint64, waitMs);
    QCOMPARE(qint64(SignInService::delayAfter(failures)), waitMs);
}

void TestSignIn::aDisabledOperatorCanDoNothing_data()
{
    QTest::addColumn<int>("action");
    const auto all = everyService();
    for (int i = 0; i < int(all.size()); ++i)
        QTest::newRow(all[std::size_t(i)].first) << i;
}

void TestSignIn::aDisabledOperatorCanDoNothing()
{
    QFETCH(int, action);
    Desk d;
    auto lee = d.as("lee", kLee);   // signed in before the admin disables
    const auto act = everyService()[std::size_t(action)].second;
    QVERIFY(!act(lee, "lee"));       // allowed while enabled
    auto boss = d.as("boss", kBoss);
    QVERIFY(!OperatorService(d.as("kim", kKimInitial)).setEnabled("kim", "lee", false));   // not an admin
    QVERIFY(OperatorService(boss).setEnabled("boss", "lee", false));
    const auto refused = attempt(act, lee, "lee");
    QVERIFY(refused);
    QCOMPARE(refused->code, RefusalCode::OperatorDisabled);
    // Nor signs in: the right password gets "disabled" (on a server the login role is NOLOGIN).
    if (onServer()) {
        bool connected = true;
        try {
            openOpsStore(withoutUser(d.spec), ServerSignIn{"lee", kLee});
        } catch (const StoreError&) {
            connected = false;
        }
        QVERIFY(!connected);
    } else {
        const auto signIn = SignInService(d.ctx).signIn("lee", kLee);
        QVERIFY(!signIn);
        QCOMPARE(signIn.refusal().code, RefusalCode::OperatorDisabled);
    }
    const auto audit = d.audit("lee");
    QVERIFY(std::any_of(audit.begin(), audit.end(), [](const AuditEntry& e) {
        return e.action == "operator.disable" && e.actor == "boss" && e.outcome == "ok";
    }));
    // Enabled again: acts and signs in again.
    QVERIFY(OperatorService(boss).setEnabled("boss", "lee", true));
    QVERIFY(!act(lee, "lee"));
    if (!onServer())
        QVERIFY(SignInService(d.ctx).signIn("lee", kLee));
    else
        QVERIFY(openOpsStore(withoutUser(d.spec), ServerSignIn{"lee", kLee}));
}

void TestSignIn::theLastAdminStays()
{
    Desk d;
    auto boss = d.as("boss", kBoss);
    const auto r = OperatorService(boss).setEnabled("boss", "boss", false);
    QVERIFY(!r);
    QVERIFY2(r.refusal().message.find("last enabled admin") != std::string::npos, r.refusal().message.c_str());
    QVERIFY(!OperatorService(boss).setEnabled("boss", "lee", true));   // no change: refused, says so
    QVERIFY(!OperatorService(boss).setEnabled("boss", "nobody", false));
}

void TestSignIn::mustChangeGatesEveryAction_data() { aDisabledOperatorCanDoNothing_data(); }

void TestSignIn::mustChangeGatesEveryAction()
{
    QFETCH(int, action);
    Desk d;
    const auto act = everyService()[std::size_t(action)].second;
    auto kim = d.as("kim", kKimInitial);
    QVERIFY(SignInService(kim).signIn("kim", kKimInitial));   // signs in, to change it
    QVERIFY(d.credential("kim")->mustChange);
    const auto refused = attempt(act, kim, "kim", RefusalCode::MustChangePassword);
    QVERIFY(refused);
    QCOMPARE(refused->code, RefusalCode::MustChangePassword);
    QVERIFY2(refused->message.find("must set their own password first") != std::string::npos, refused->message.c_str());
    QVERIFY(SignInService(kim).changeOwnPassword("kim", kKimInitial, kKim));
    QVERIFY(!d.credential("kim")->mustChange);
    const auto after = attempt(act, kim, "kim", RefusalCode::NotPermitted);
    // An agent may not read the operators or... whatever the role refuses, never the gate.
    QVERIFY(!after || after->code != RefusalCode::MustChangePassword);
    // An admin's reset sets the gate again.
    QVERIFY(OperatorService(d.as("boss", kBoss)).setPassword("boss", "kim", "reset-by-the-admin"));
    QVERIFY(d.credential("kim")->mustChange);
    auto reset = d.as("kim", "reset-by-the-admin");
    const auto again = attempt(act, reset, "kim", RefusalCode::MustChangePassword);
    QVERIFY(again && again->code == RefusalCode::MustChangePassword);
}

void TestSignIn::changingOnesOwnPasswordNeedsTheCurrentOne()
{
    Desk d;
    auto kim = d.as("kim", kKimInitial);
    SignInService s(kim);
    QCOMPARE(s.changeOwnPassword("kim", "not the current one", kKim).refusal().code, RefusalCode::SignInRefused);
    QCOMPARE(s.changeOwnPassword("kim", kKimInitial, "short").refusal().code, RefusalCode::InvalidInput);
    QCOMPARE(s.changeOwnPassword("kim", kKimInitial, kKimInitial).refusal().code, RefusalCode::InvalidInput);
    // An admin's path is for others only: one's own goes through the current password.
    QCOMPARE(OperatorService(d.as("boss", kBoss)).setPassword("boss", "boss", "a-new-boss-password").refusal().code,
             RefusalCode::InvalidInput);
    QVERIFY(!OperatorService(kim).setPassword("kim", "lee", "kim-sets-lees-password"));
    QVERIFY(s.changeOwnPassword("kim", kKimInitial, kKim));
    if (!onServer()) {
        QVERIFY(SignInService(d.ctx).signIn("kim", kKim));
        QCOMPARE(SignInService(d.ctx).signIn("kim", kKimInitial).refusal().code, RefusalCode::SignInRefused);
    } else {
        QVERIFY(openOpsStore(withoutUser(d.spec), ServerSignIn{"kim", kKim}));
    }
}

void TestSignIn::hashesCarryTheirParametersAndAreUpgraded()
{
    if (onServer())
        QSKIP("a team server keeps SCRAM verifiers of its own");
    Desk d;
    const auto before = d.credential("boss")->hash;
    QVERIFY2(before.rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0) == 0, before.c_str());
    QVERIFY(paramsOf(before) == std::optional<Argon2Params>(kArgon2Floor));
    // Salted: the same password twice makes two hashes.
    QVERIFY(hashPassword(kBoss, kArgon2Floor) != hashPassword(kBoss, kArgon2Floor));
    // A stronger policy: the next sign-in makes the hash again with it, and the password stays.
    const Argon2Params stronger{24576, 3, 1};
    QVERIFY(SignInService(d.ctx, stronger).signIn("boss", kBoss));
    const auto after = d.credential("boss")->hash;
    QVERIFY2(after.rfind("$argon2id$v=19$m=24576,t=3,p=1$", 0) == 0, after.c_str());
    QVERIFY(SignInService(d.ctx, stronger).signIn("boss", kBoss));
    QCOMPARE(d.credential("boss")->hash, after);   // already strong enough: left alone
    QVERIFY(SignInService(d.ctx).signIn("boss", kBoss));   // a weaker policy never downgrades
    QCOMPARE(d.credential("boss")->hash, after);
    const auto upgrade = d.audit("boss");
    QVERIFY(std::any_of(upgrade.begin(), upgrade.end(), [](const AuditEntry& e) {
        return e.action == "operator.sign_in" && e.after.find("\"argon2id_m_kib\":24576") != std::string::npos;
    }));
    // A wrong password does not upgrade anything.
    QVERIFY(!SignInService(d.ctx, Argon2Params{32768, 3, 1}).signIn("boss", "wrong"));
    QCOMPARE(d.credential("boss")->hash, after);
}

void TestSignIn::theFloorHolds_data()
{
    QTest::addColumn<quint32>("m");
    QTest::addColumn<quint32>("t");
    QTest::addColumn<quint32>("p");
    QTest::addColumn<bool>("allowed");
    QTest::newRow("the floor itself") << 19456u << 2u << 1u << true;
    QTest::newRow("the default") << 65536u << 3u << 1u << true;
    QTest::newRow("memory below") << 19455u << 2u << 1u << false;
    QTest::newRow("one pass") << 65536u << 1u << 1u << false;
    QTest::newRow("no lanes") << 65536u << 3u << 0u << false;
    QTest::newRow("a test's wish for speed") << 8u << 1u << 1u << false;
}

void TestSignIn::theFloorHolds()
{
    QFETCH(quint32, m);
    QFETCH(quint32, t);
    QFETCH(quint32, p);
    QFETCH(bool, allowed);
    const Argon2Params params{m, t, p};
    QCOMPARE(meetsFloor(params), allowed);
    bool hashed = false;
    try {
        const auto phc = hashPassword("a password of some length", params);
        hashed = verifyPassword(phc, "a password of some length") && !verifyPassword(phc, "another password");
    } catch (const std::invalid_argument&) {
        hashed = false;
    }
    QCOMPARE(hashed, allowed);
    QVERIFY(!verifyPassword("$argon2id$v=19$m=19456,t=2,p=1$bm90IGEgaGFzaA", "anything"));   // malformed
}

void TestSignIn::aStoreFromBeforeSignInGetsItsFirstPassword()
{
    if (onServer())
        QSKIP("a server's login roles have their passwords from its owner");
    Desk d;
    // A store made before sign-in: operators, and no password at all.
    {
        Database raw(d.spec, Database::Mode::ReadWrite, opsSchema());
        raw.exec("DELETE FROM operator_credential");
    }
    OperatorService ops(d.ctx);
    const auto notAdmin = ops.setFirstPassword("lee", "lee-first-password");
    QVERIFY(!notAdmin);
    const auto tooShort = ops.setFirstPassword("boss", "short");
    QVERIFY(!tooShort);
    const auto first = ops.setFirstPassword("boss", "boss-first-password");
    QVERIFY2(first, first ? "" : first.refusal().message.c_str());
    QVERIFY(SignInService(d.ctx).signIn("boss", "boss-first-password"));   // no change asked
    QVERIFY(ops.whoAmI("boss"));
    // Once, and only while no operator has a password: now it takes an admin signed in.
    const auto again = ops.setFirstPassword("boss", "someone-elses-password");
    QVERIFY(!again);
    QCOMPARE(again.refusal().code, RefusalCode::NotPermitted);
    QVERIFY(!SignInService(d.ctx).signIn("boss", "someone-elses-password"));
}

QTEST_GUILESS_MAIN(TestSignIn)
#include "tst_sign_in.moc"
