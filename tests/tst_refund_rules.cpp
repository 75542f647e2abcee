// The refund rules as pure functions: reservations, what is still refundable, places and keys,
// when a second person must approve, which moves the state machine allows, and which policy
// changes weaken a control. Each table names its boundaries.
#include "ops/refund_rules.h"

#include <QTest>

#include <limits>
#include <set>

using namespace reconsole;
using namespace reconsole::ops;

Q_DECLARE_METATYPE(reconsole::ops::RefundState)

namespace {

RefundRequest req(RefundState s, std::int64_t amount, int place = 1, std::optional<std::int64_t> settled = {})
{
    RefundRequest r;
    r.state = s;
    r.amount = Money(amount);
    r.place = place;
    if (settled)
        r.settledAmount = Money(*settled);
    return r;
}

Operator op(Roles roles)
{
    Operator o;
    o.id = "someone";
    o.roles = roles;
    return o;
}

}  // namespace

class TestRefundRules : public QObject {
    Q_OBJECT
private slots:
    void reservation_data();
    void reservation();
    void refundableAmount_data();
    void refundableAmount();
    void places_data();
    void places();
    void approval_data();
    void approval();
    void stateMachine_data();
    void stateMachine();
    void weakening_data();
    void weakening();
    void overdue_data();
    void overdue();
    void seoulDay_data();
    void seoulDay();
    void approvalHashBindsParameters();
};

void TestRefundRules::reservation_data()
{
    QTest::addColumn<RefundState>("state");
    QTest::addColumn<qint64>("settled");   // -1: none recorded
    QTest::addColumn<qint64>("reserved");
    QTest::newRow("requested holds its amount") << RefundState::Requested << -1LL << 5000LL;
    QTest::newRow("approved holds its amount") << RefundState::Approved << -1LL << 5000LL;
    QTest::newRow("sent holds its amount") << RefundState::Sent << -1LL << 5000LL;
    QTest::newRow("settled holds what came back") << RefundState::Settled << 4000LL << 4000LL;
    QTest::newRow("settled, more came back") << RefundState::Settled << 6000LL << 6000LL;
    QTest::newRow("rejected releases") << RefundState::Rejected << -1LL << 0LL;
    QTest::newRow("cancelled releases") << RefundState::Cancelled << -1LL << 0LL;
    QTest::newRow("failed at the platform releases") << RefundState::Failed << -1LL << 0LL;
}

void TestRefundRules::reservation()
{
    QFETCH(RefundState, state);
    QFETCH(qint64, settled);
    QFETCH(qint64, reserved);
    const auto r = req(state, 5000, 1, settled < 0 ? std::nullopt : std::optional<std::int64_t>(settled));
    QCOMPARE(reservedBy(r).won(), reserved);
}

void TestRefundRules::refundableAmount_data()
{
    QTest::addColumn<qint64>("debit");
    QTest::addColumn<qint64>("platform");
    QTest::addColumn<qint64>("foreign");
    QTest::addColumn<QList<qint64>>("live");   // amounts of requested requests
    QTest::addColumn<qint64>("left");
    const qint64 max = std::numeric_limits<qint64>::max();
    QTest::newRow("untouched debit") << 50000LL << 0LL << 0LL << QList<qint64>{} << 50000LL;
    QTest::newRow("one live request") << 50000LL << 0LL << 0LL << QList<qint64>{20000} << 30000LL;
    QTest::newRow("exactly used up") << 50000LL << 0LL << 0LL << QList<qint64>{20000, 30000} << 0LL;
    QTest::newRow("platform's own refund") << 50000LL << 10000LL << 0LL << QList<qint64>{} << 40000LL;
    QTest::newRow("foreign credit counts as given back") << 50000LL << 0LL << 50000LL << QList<qint64>{} << 0LL;
    QTest::newRow("all three") << 50000LL << 10000LL << 5000LL << QList<qint64>{20000} << 15000LL;
    QTest::newRow("over-returned never goes negative") << 50000LL << 60000LL << 0LL << QList<qint64>{} << 0LL;
    QTest::newRow("64-bit debit") << max << 0LL << 0LL << QList<qint64>{1} << max - 1;
    QTest::newRow("reservations past 64 bits clamp to nothing left")
        << max << max << max << QList<qint64>{max} << 0LL;
}

void TestRefundRules::refundableAmount()
{
    QFETCH(qint64, debit);
    QFETCH(qint64, platform);
    QFETCH(qint64, foreign);
    QFETCH(QList<qint64>, live);
    QFETCH(qint64, left);
    std::vector<RefundRequest> requests;
    for (qint64 a : live)
        requests.push_back(req(RefundState::Requested, a));
    // Released requests never count.
    requests.push_back(req(RefundState::Cancelled, 1));
    requests.push_back(req(RefundState::Rejected, 1));
    QCOMPARE(refundable({Money(debit), Money(platform), Money(foreign)}, requests).won(), left);
}

void TestRefundRules::places_data()
{
    QTest::addColumn<QList<int>>("livePlaces");
    QTest::addColumn<QList<int>>("releasedPlaces");   // rejected or cancelled
    QTest::addColumn<QList<int>>("foreignPlaces");
    QTest::addColumn<int>("next");
    QTest::newRow("first refund") << QList<int>{} << QList<int>{} << QList<int>{} << 1;
    QTest::newRow("after one") << QList<int>{1} << QList<int>{} << QList<int>{} << 2;
    QTest::newRow("a cancelled first place may be taken again") << QList<int>{} << QList<int>{1} << QList<int>{} << 1;
    QTest::newRow("but never below a live place") << QList<int>{2} << QList<int>{1} << QList<int>{} << 3;
    QTest::newRow("a foreign credit holds a place") << QList<int>{} << QList<int>{} << QList<int>{1} << 2;
    QTest::newRow("foreign after ours") << QList<int>{1} << QList<int>{} << QList<int>{2} << 3;
}

void TestRefundRules::places()
{
    QFETCH(QList<int>, livePlaces);
    QFETCH(QList<int>, releasedPlaces);
    QFETCH(QList<int>, foreignPlaces);
    QFETCH(int, next);
    std::vector<RefundRequest> rs;
    for (int p : livePlaces)
        rs.push_back(req(RefundState::Settled, 1, p));
    for (int p : releasedPlaces)
        rs.push_back(req(RefundState::Cancelled, 1, p));
    std::vector<ForeignCredit> fs;
    for (int p : foreignPlaces)
        fs.push_back(ForeignCredit{"c", "r", std::string("L"), Money(1), 0, p, 0});
    QCOMPARE(nextPlace(rs, fs), next);
    QCOMPARE(idempotencyKey("L-0003", next), "refund:L-0003:" + std::to_string(next));
}

void TestRefundRules::approval_data()
{
    QTest::addColumn<unsigned>("roles");
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<qint64>("today");   // requested earlier the same day
    QTest::addColumn<QString>("why");
    const unsigned agent = Roles{Role::Agent}.bits(), ops = Roles{Role::Ops}.bits();
    const unsigned both = Roles{Role::Agent, Role::Ops}.bits();
    // Default policy: threshold ₩100,000; daily limits agent ₩1,000,000, ops ₩10,000,000.
    QTest::newRow("agent, any amount") << agent << 1LL << 0LL << "agent";
    QTest::newRow("ops at the threshold") << ops << 100000LL << 0LL << "";
    QTest::newRow("ops one won above the threshold") << ops << 100001LL << 0LL << "threshold";
    QTest::newRow("ops reaching the daily limit exactly") << ops << 100000LL << 9900000LL << "";
    QTest::newRow("ops one won past the daily limit") << ops << 100000LL << 9900001LL << "daily_limit";
    QTest::newRow("agent and ops counts as ops") << both << 50000LL << 0LL << "";
    QTest::newRow("a day total past 64 bits") << ops << 1LL << std::numeric_limits<qint64>::max() << "daily_limit";
}

void TestRefundRules::approval()
{
    QFETCH(unsigned, roles);
    QFETCH(qint64, amount);
    QFETCH(qint64, today);
    QFETCH(QString, why);
    QCOMPARE(QString::fromStdString(approvalNeeded(op(Roles::fromBits(roles)), Money(amount), Money(today), Policy{})),
             why);
}

void TestRefundRules::stateMachine_data()
{
    QTest::addColumn<RefundState>("from");
    QTest::addColumn<RefundState>("to");
    QTest::addColumn<bool>("allowed");
    using S = RefundState;
    const S all[] = {S::Requested, S::Approved, S::Sent, S::Settled, S::Rejected, S::Cancelled, S::Failed};
    const std::set<std::pair<S, S>> allowed = {
        {S::Requested, S::Requested}, {S::Requested, S::Approved}, {S::Requested, S::Rejected},
        {S::Requested, S::Cancelled}, {S::Approved, S::Requested},  {S::Approved, S::Approved},
        {S::Approved, S::Sent},       {S::Approved, S::Cancelled},  {S::Sent, S::Settled},
        {S::Sent, S::Failed},         {S::Failed, S::Settled},
    };
    // Every pair: the 11 moves above and no other.
    for (S from : all)
        for (S to : all)
            QTest::addRow("%s -> %s", refundStateCode(from), refundStateCode(to))
                << from << to << (allowed.count({from, to}) > 0);
}

void TestRefundRules::stateMachine()
{
    QFETCH(RefundState, from);
    QFETCH(RefundState, to);
    QFETCH(bool, allowed);
    QCOMPARE(canMove(from, to), allowed);
}

void TestRefundRules::weakening_data()
{
    QTest::addColumn<int>("field");   // 0 threshold, 1 agent limit, 2 ops limit, 3 overdue
    QTest::addColumn<qint64>("delta");
    QTest::addColumn<bool>("weakens");
    for (int f = 0; f < 4; ++f) {
        QTest::addRow("field %d up", f) << f << 1LL << true;
        QTest::addRow("field %d down", f) << f << -1LL << false;
    }
    QTest::newRow("unchanged") << 0 << 0LL << false;
}

void TestRefundRules::weakening()
{
    QFETCH(int, field);
    QFETCH(qint64, delta);
    QFETCH(bool, weakens);
    const Policy from;
    Policy to = from;
    switch (field) {
    case 0: to.approvalThreshold = from.approvalThreshold + Money(delta); break;
    case 1: to.dailyLimitAgent = from.dailyLimitAgent + Money(delta); break;
    case 2: to.dailyLimitOps = from.dailyLimitOps + Money(delta); break;
    default: to.overdueAfter = from.overdueAfter + delta; break;
    }
    QCOMPARE(weakensControls(from, to), weakens);
}

void TestRefundRules::overdue_data()
{
    QTest::addColumn<RefundState>("state");
    QTest::addColumn<qint64>("sentAgoMs");
    QTest::addColumn<bool>("overdue");
    const qint64 day = 24 * 60 * kMinuteMs;
    QTest::newRow("sent exactly 24 h ago") << RefundState::Sent << day << false;
    QTest::newRow("sent 24 h and 1 ms ago") << RefundState::Sent << day + 1 << true;
    QTest::newRow("settled long ago") << RefundState::Settled << 10 * day << false;
    QTest::newRow("failed long ago") << RefundState::Failed << 10 * day << false;
}

void TestRefundRules::overdue()
{
    QFETCH(RefundState, state);
    QFETCH(qint64, sentAgoMs);
    QFETCH(bool, overdue);
    auto r = req(state, 1);
    const Instant now = 1'800'000'000'000;
    r.sentAt = now - sentAgoMs;
    QCOMPARE(isOverdue(r, Policy{}, now), overdue);
}

void TestRefundRules::seoulDay_data()
{
    QTest::addColumn<QString>("at");
    QTest::addColumn<QString>("dayStart");
    QTest::newRow("Seoul midnight") << "2026-03-10T15:00:00Z" << "2026-03-10T15:00:00Z";
    QTest::newRow("one ms before Seoul midnight") << "2026-03-10T14:59:59.999Z" << "2026-03-09T15:00:00Z";
    QTest::newRow("UTC midnight is 9 a.m. in Seoul") << "2026-03-11T00:00:00Z" << "2026-03-10T15:00:00Z";
    QTest::newRow("before 1970") << "1969-12-31T14:59:59Z" << "1969-12-30T15:00:00Z";
}

void TestRefundRules::seoulDay()
{
    QFETCH(QString, at);
    QFETCH(QString, dayStart);
    const auto parsed = parseRfc3339(at.toStdString());
    QVERIFY(parsed);
    QCOMPARE(QString::fromStdString(formatUtc(seoulDayStart(parsed->ms))), dayStart);
}

void TestRefundRules::approvalHashBindsParameters()
{
    RefundRequest r = req(RefundState::Requested, 50000);
    r.id = "RF-1";
    r.ledgerId = "L-0003";
    r.accountId = "A-1";
    r.reason = "ORPHAN_DEBIT";
    r.idempotencyKey = "refund:L-0003:1";
    const std::string h = approvalHash(r);
    QCOMPARE(h.size(), std::size_t(64));
    auto amount = r;
    amount.amount = Money(50001);
    auto target = r;
    target.ledgerId = "L-0004";
    auto account = r;
    account.accountId = "A-2";
    QVERIFY(approvalHash(amount) != h);
    QVERIFY(approvalHash(target) != h);
    QVERIFY(approvalHash(account) != h);
    auto note = r;
    note.note = "a note is not a parameter of the money";
    QCOMPARE(approvalHash(note), h);
}

QTEST_GUILESS_MAIN(TestRefundRules)
#include "tst_refund_rules.moc"
