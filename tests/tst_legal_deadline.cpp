// The two-week clock (전자금융거래법 art. 8) counted as the Civil Act counts periods: the first
// day not counted unless the period began at 00:00 (art. 157), the end of the last day (art. 159),
// a last day on a Saturday or public holiday moved to the next working day (art. 161), in
// Asia/Seoul dates, with the shipped 2026-2027 holiday list.
#include "cases/legal_deadline.h"

#include <QTest>

using namespace reconsole;
using namespace reconsole::cases;

namespace {

Instant at(const char* rfc3339)
{
    const auto p = parseRfc3339(rfc3339);
    if (!p)
        throw std::runtime_error(std::string("bad time in the test: ") + rfc3339);
    return p->ms;
}

}  // namespace

class TestLegalDeadline : public QObject {
    Q_OBJECT
private slots:
    void lastDay_data();
    void lastDay();
    void overdueFromTheNextSeoulMidnight();
    void daysLeftCountsSeoulDates();
    void theShippedCalendar();
    void aCalendarFromText();
};

void TestLegalDeadline::lastDay_data()
{
    QTest::addColumn<QString>("received");
    QTest::addColumn<int>("days");
    QTest::addColumn<bool>("extend");
    QTest::addColumn<QString>("expected");   // the last day, Asia/Seoul
    // The issue's own example.
    QTest::newRow("2026-03-11 15:00 KST") << "2026-03-11T15:00:00+09:00" << 14 << true << "2026-03-25";
    // Art. 157 around midnight, in Seoul time whatever the offset written.
    QTest::newRow("at 00:00 KST the first day counts") << "2026-03-11T00:00:00+09:00" << 14 << true << "2026-03-24";
    QTest::newRow("00:00 KST written in UTC") << "2026-03-10T15:00:00Z" << 14 << true << "2026-03-24";
    QTest::newRow("1 ms after 00:00 it does not") << "2026-03-11T00:00:00.001+09:00" << 14 << true << "2026-03-25";
    QTest::newRow("1 ms before midnight: the day before")
        << "2026-03-10T23:59:59.999+09:00" << 14 << true << "2026-03-24";
    QTest::newRow("UTC evening is the next Seoul day") << "2026-03-10T15:30:00Z" << 14 << true << "2026-03-25";
    // Art. 161: Saturdays, Sundays and listed holidays, chained.
    QTest::newRow("ends on a Saturday: Monday") << "2026-04-04T10:00:00+09:00" << 14 << true << "2026-04-20";
    QTest::newRow("ends on a Sunday: Monday") << "2026-04-05T10:00:00+09:00" << 14 << true << "2026-04-20";
    QTest::newRow("ends on a Friday: stays") << "2026-04-03T10:00:00+09:00" << 14 << true << "2026-04-17";
    QTest::newRow("month end into 설날: Sat, Sun, three holidays")
        << "2026-01-31T10:00:00+09:00" << 14 << true << "2026-02-19";
    QTest::newRow("a substitute holiday (삼일절 on a Sunday)") << "2026-02-14T10:00:00+09:00" << 14 << true
                                                              << "2026-03-03";
    QTest::newRow("an election day (2026-06-03)") << "2026-05-20T10:00:00+09:00" << 14 << true << "2026-06-04";
    QTest::newRow("추석 then the weekend") << "2026-09-10T10:00:00+09:00" << 14 << true << "2026-09-28";
    QTest::newRow("year end: 신정, then the weekend") << "2026-12-18T10:00:00+09:00" << 14 << true << "2027-01-04";
    QTest::newRow("설날 2027 with its substitute day") << "2027-01-24T10:00:00+09:00" << 14 << true << "2027-02-10";
    QTest::newRow("성탄절 2027 on a Saturday: its substitute Monday too")
        << "2027-12-11T10:00:00+09:00" << 14 << true << "2027-12-28";
    // The rule is policy.
    QTest::newRow("without art. 161 a Saturday stays") << "2026-04-04T10:00:00+09:00" << 14 << false << "2026-04-18";
    QTest::newRow("a seven-day rule") << "2026-03-11T15:00:00+09:00" << 7 << true << "2026-03-18";
    QTest::newRow("a one-day rule ends tomorrow") << "2026-03-11T15:00:00+09:00" << 1 << true << "2026-03-12";
}

void TestLegalDeadline::lastDay()
{
    QFETCH(QString, received);
    QFETCH(int, days);
    QFETCH(bool, extend);
    QFETCH(QString, expected);
    const QDate last = cases::lastDay(at(received.toUtf8().constData()), DeadlineRule{days, extend},
                                      HolidayCalendar::shipped());
    QCOMPARE(last.toString(Qt::ISODate), expected);
}

void TestLegalDeadline::overdueFromTheNextSeoulMidnight()
{
    const QDate last(2026, 3, 25);
    QCOMPARE(overdueFrom(last), at("2026-03-26T00:00:00+09:00"));
    QCOMPARE(formatUtc(overdueFrom(last)), std::string("2026-03-25T15:00:00Z"));
}

void TestLegalDeadline::daysLeftCountsSeoulDates()
{
    const QDate last(2026, 3, 25);
    QCOMPARE(daysLeft(last, at("2026-03-11T15:00:00+09:00")), 14);
    QCOMPARE(daysLeft(last, at("2026-03-25T00:00:00+09:00")), 0);
    QCOMPARE(daysLeft(last, at("2026-03-25T23:59:59.999+09:00")), 0);   // due today, not yet overdue
    QCOMPARE(daysLeft(last, at("2026-03-26T00:00:00+09:00")), -1);
    QCOMPARE(daysLeft(last, at("2026-03-25T15:00:00Z")), -1);            // the same instant in UTC
    QCOMPARE(daysLeft(last, at("2026-04-08T12:00:00+09:00")), -14);
}

void TestLegalDeadline::theShippedCalendar()
{
    const auto& cal = HolidayCalendar::shipped();
    QVERIFY(cal.listed().size() >= 28);
    QCOMPARE(cal.listed().begin()->first, QDate(2026, 1, 1));
    QCOMPARE(cal.listed().rbegin()->first.year(), 2027);
    for (const auto& [d, name] : cal.listed()) {
        QVERIFY2(d.dayOfWeek() != Qt::Sunday, qPrintable(d.toString(Qt::ISODate)));   // Sundays are by rule
        QVERIFY(!name.empty());
    }
    QVERIFY(cal.isHoliday(QDate(2026, 3, 1)));   // a Sunday
    QCOMPARE(cal.nameOf(QDate(2026, 3, 2)), std::string("삼일절 대체공휴일"));
    QVERIFY(!cal.isHoliday(QDate(2026, 3, 3)));
    QVERIFY(!cal.isWorkingDay(QDate(2026, 3, 7)));   // a Saturday is no holiday but no working day
    QVERIFY(!cal.isHoliday(QDate(2026, 3, 7)));
}

void TestLegalDeadline::aCalendarFromText()
{
    std::string why;
    const auto cal = HolidayCalendar::fromText("# comment\n2026-03-04 회사 창립기념일\n\n2026-03-05\n", &why);
    QVERIFY2(cal, why.c_str());
    QCOMPARE(cal->listed().size(), std::size_t(2));
    QCOMPARE(cal->nameOf(QDate(2026, 3, 5)), std::string("공휴일"));
    QCOMPARE(HolidayCalendar::fromText(cal->toText())->listed(), cal->listed());
    QVERIFY(!HolidayCalendar::fromText("2026-02-30 없는 날\n", &why));
    QVERIFY2(why.find("line 1") != std::string::npos, why.c_str());
    QVERIFY(!HolidayCalendar::fromText("2026-03-0x\n"));
    QVERIFY(!HolidayCalendar::fromText("20260305 붙여 씀\n"));
}

QTEST_GUILESS_MAIN(TestLegalDeadline)
#include "tst_legal_deadline.moc"
