// RFC 3339 parsing and formatting: instants, not strings.
#include "core/instant.h"
#include "core/money.h"

#include <QTest>

using namespace reconsole;

class TestInstant : public QObject {
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
    void rejects_data();
    void rejects();
    void formatUtc_data();
    void formatUtc();
    void won_data();
    void won();
};

void TestInstant::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("ms");
    const qint64 base = 1773205329000;   // 2026-03-11T05:02:09Z
    QTest::newRow("Z") << "2026-03-11T05:02:09Z" << base;
    QTest::newRow("lower-case t and z") << "2026-03-11t05:02:09z" << base;
    QTest::newRow("+09:00 is the same instant") << "2026-03-11T14:02:09+09:00" << base;
    QTest::newRow("negative offset") << "2026-03-11T00:02:09-05:00" << base;
    QTest::newRow("fraction .25") << "2026-03-11T05:02:09.25Z" << base + 250;
    QTest::newRow("finer digits dropped") << "2026-03-11T05:02:09.123999Z" << base + 123;
    QTest::newRow("one digit") << "2026-03-11T05:02:09.5+09:00" << base - 9 * 3600000 + 500;
    QTest::newRow("epoch") << "1970-01-01T00:00:00Z" << qint64(0);
    QTest::newRow("before epoch") << "1969-12-31T23:59:59.999Z" << qint64(-1);
    QTest::newRow("leap day") << "2024-02-29T00:00:00Z" << qint64(1709164800000);
    QTest::newRow("crosses date line") << "2026-03-12T00:30:00+09:00" << qint64(1773243000000);
    QTest::newRow("first instant of year 0001") << "0001-01-01T09:00:00+09:00" << qint64(-62135596800000);
    QTest::newRow("last instant of year 9998") << "9999-01-01T08:59:59.999+09:00" << qint64(253370764799999);
}

void TestInstant::parse()
{
    QFETCH(QString, text);
    QFETCH(qint64, ms);
    std::string why;
    const auto p = parseRfc3339(text.toStdString(), &why);
    QVERIFY2(p.has_value(), why.c_str());
    QCOMPARE(p->ms, ms);
}

void TestInstant::rejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reason");
    QTest::newRow("no offset") << "2026-03-11T05:02:09" << "no offset";
    QTest::newRow("space separator") << "2026-03-11 05:02:09Z" << "'T'";
    QTest::newRow("date only") << "2026-03-11" << "RFC 3339";
    QTest::newRow("month 13") << "2026-13-11T05:02:09Z" << "calendar";
    QTest::newRow("Feb 29 in 2026") << "2026-02-29T05:02:09Z" << "calendar";
    QTest::newRow("hour 24") << "2026-03-11T24:00:00Z" << "range";
    QTest::newRow("offset without colon") << "2026-03-11T05:02:09+0900" << "offset";
    QTest::newRow("empty fraction") << "2026-03-11T05:02:09.Z" << "fraction";
    QTest::newRow("trailing text") << "2026-03-11T05:02:09Zx" << "unexpected";
    QTest::newRow("empty") << "" << "RFC 3339";
    // Fuzzing found these: year -1 in UTC, and year 10000 at +09:00 (neither writable back).
    QTest::newRow("year 0000 east of UTC") << "0000-01-01T00:00:00+23:59" << "year out of range";
    QTest::newRow("year 0000 in UTC") << "0000-12-31T23:59:59Z" << "year out of range";
    QTest::newRow("year 9999 in UTC") << "9999-01-01T00:00:00Z" << "year out of range";
    QTest::newRow("year 9998 west of UTC") << "9998-12-31T23:00:00-01:00" << "year out of range";
}

void TestInstant::rejects()
{
    QFETCH(QString, text);
    QFETCH(QString, reason);
    std::string why;
    QVERIFY(!parseRfc3339(text.toStdString(), &why).has_value());
    QVERIFY2(QString::fromStdString(why).contains(reason), why.c_str());
}

void TestInstant::formatUtc_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("whole seconds") << qint64(1773205329000) << "2026-03-11T05:02:09Z";
    QTest::newRow("fraction") << qint64(1773205329250) << "2026-03-11T05:02:09.250Z";
    QTest::newRow("before epoch") << qint64(-1) << "1969-12-31T23:59:59.999Z";
    QTest::newRow("one millisecond") << qint64(1773205329001) << "2026-03-11T05:02:09.001Z";
    QTest::newRow("last of a leap year") << qint64(1735689599999) << "2024-12-31T23:59:59.999Z";
    QTest::newRow("leap day") << qint64(1709164800000) << "2024-02-29T00:00:00Z";
    QTest::newRow("year 1") << qint64(-62135596800000) << "0001-01-01T00:00:00Z";
    QTest::newRow("year 9999") << qint64(253402300799000) << "9999-12-31T23:59:59Z";
}

void TestInstant::formatUtc()
{
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    QCOMPARE(QString::fromStdString(reconsole::formatUtc(ms)), text);
    // The appending form writes the same after what is there.
    std::string appended = "x";
    reconsole::appendWithOffset(appended, ms, 0);
    QCOMPARE(QString::fromStdString(appended), "x" + text);
}

void TestInstant::won_data()
{
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << "₩0";
    QTest::newRow("hundreds") << qint64(700) << "₩700";
    QTest::newRow("thousands") << qint64(50000) << "₩50,000";
    QTest::newRow("millions") << qint64(1234567) << "₩1,234,567";
    QTest::newRow("negative") << qint64(-5000) << "-₩5,000";
    QTest::newRow("int64 min") << std::numeric_limits<qint64>::min() << "-₩9,223,372,036,854,775,808";
}

void TestInstant::won()
{
    QFETCH(qint64, amount);
    QFETCH(QString, text);
    QCOMPARE(formatWon(Money(amount)), text);
}

QTEST_GUILESS_MAIN(TestInstant)
#include "tst_instant.moc"
