// Money as a type: checked arithmetic at the 64-bit limits, the saturating sum the orphan
// rules use, running totals that clamp and say so, and the text of an amount.
#include "core/money.h"

#include <QList>
#include <QTest>

#include <limits>

using namespace reconsole;

namespace reconsole {
// For QCOMPARE's failure messages (found by argument-dependent lookup).
char* toString(const Money& m) { return qstrdup(groupedWon(m).c_str()); }
}  // namespace reconsole

namespace {

constexpr qint64 kMax = std::numeric_limits<qint64>::max();
constexpr qint64 kMin = std::numeric_limits<qint64>::min();

}  // namespace

class TestMoney : public QObject {
    Q_OBJECT
private slots:
    void add_data();
    void add();
    void subtract_data();
    void subtract();
    void negate_data();
    void negate();
    void failedCompoundLeavesValue();
    void saturatingAdd_data();
    void saturatingAdd();
    void total_data();
    void total();
    void format_data();
    void format();
};

// Columns a, b, and the exact result (ignored when it does not fit).
static void arithmeticColumns()
{
    QTest::addColumn<qint64>("a");
    QTest::addColumn<qint64>("b");
    QTest::addColumn<bool>("fits");
    QTest::addColumn<qint64>("result");
}

void TestMoney::add_data()
{
    arithmeticColumns();
    QTest::newRow("small") << qint64(50000) << qint64(8000) << true << qint64(58000);
    QTest::newRow("zero") << qint64(0) << qint64(0) << true << qint64(0);
    QTest::newRow("max + 0") << kMax << qint64(0) << true << kMax;
    QTest::newRow("max - 1 + 1 = max") << kMax - 1 << qint64(1) << true << kMax;
    QTest::newRow("max + min = -1") << kMax << kMin << true << qint64(-1);
    QTest::newRow("min + 0") << kMin << qint64(0) << true << kMin;
    QTest::newRow("max + 1 overflows") << kMax << qint64(1) << false << qint64(0);
    QTest::newRow("max + max overflows") << kMax << kMax << false << qint64(0);
    QTest::newRow("min + -1 overflows") << kMin << qint64(-1) << false << qint64(0);
    QTest::newRow("min + min overflows") << kMin << kMin << false << qint64(0);
}

void TestMoney::add()
{
    QFETCH(qint64, a);
    QFETCH(qint64, b);
    QFETCH(bool, fits);
    QFETCH(qint64, result);
    const auto checked = checkedAdd(Money(a), Money(b));
    QCOMPARE(checked.has_value(), fits);
    if (fits) {
        QCOMPARE(*checked, Money(result));
        QCOMPARE(Money(a) + Money(b), Money(result));
        QCOMPARE(Money(b) + Money(a), Money(result));
    } else {
        QVERIFY_THROWS_EXCEPTION(MoneyOverflow, Money(a) + Money(b));
        QVERIFY_THROWS_EXCEPTION(MoneyOverflow, Money(b) + Money(a));
    }
}

void TestMoney::subtract_data()
{
    arithmeticColumns();
    QTest::newRow("small") << qint64(50000) << qint64(8000) << true << qint64(42000);
    QTest::newRow("below zero") << qint64(700) << qint64(5000) << true << qint64(-4300);
    QTest::newRow("min + 1 - 1 = min") << kMin + 1 << qint64(1) << true << kMin;
    QTest::newRow("0 - max") << qint64(0) << kMax << true << -kMax;
    QTest::newRow("-1 - max = min") << qint64(-1) << kMax << true << kMin;
    QTest::newRow("min - 1 overflows") << kMin << qint64(1) << false << qint64(0);
    QTest::newRow("max - -1 overflows") << kMax << qint64(-1) << false << qint64(0);
    QTest::newRow("0 - min overflows") << qint64(0) << kMin << false << qint64(0);
    QTest::newRow("min - max overflows") << kMin << kMax << false << qint64(0);
}

void TestMoney::subtract()
{
    QFETCH(qint64, a);
    QFETCH(qint64, b);
    QFETCH(bool, fits);
    QFETCH(qint64, result);
    const auto checked = checkedSub(Money(a), Money(b));
    QCOMPARE(checked.has_value(), fits);
    if (fits) {
        QCOMPARE(*checked, Money(result));
        QCOMPARE(Money(a) - Money(b), Money(result));
    } else {
        QVERIFY_THROWS_EXCEPTION(MoneyOverflow, Money(a) - Money(b));
    }
}

void TestMoney::negate_data()
{
    QTest::addColumn<qint64>("value");
    QTest::addColumn<bool>("fits");
    QTest::addColumn<qint64>("result");
    QTest::newRow("-0") << qint64(0) << true << qint64(0);
    QTest::newRow("-5,000") << qint64(5000) << true << qint64(-5000);
    QTest::newRow("-(-5,000)") << qint64(-5000) << true << qint64(5000);
    QTest::newRow("-max") << kMax << true << kMin + 1;
    QTest::newRow("-min overflows") << kMin << false << qint64(0);
}

void TestMoney::negate()
{
    QFETCH(qint64, value);
    QFETCH(bool, fits);
    QFETCH(qint64, result);
    if (fits)
        QCOMPARE(-Money(value), Money(result));
    else
        QVERIFY_THROWS_EXCEPTION(MoneyOverflow, -Money(value));
}

void TestMoney::failedCompoundLeavesValue()
{
    Money m = Money::max();
    QVERIFY_THROWS_EXCEPTION(MoneyOverflow, m += Money(1));
    QCOMPARE(m, Money::max());
    Money n(kMin);
    QVERIFY_THROWS_EXCEPTION(MoneyOverflow, n -= Money(1));
    QCOMPARE(n, Money(kMin));
    m -= Money(7);
    QCOMPARE(m, Money(kMax - 7));
}

void TestMoney::saturatingAdd_data()
{
    QTest::addColumn<qint64>("a");
    QTest::addColumn<qint64>("b");
    QTest::addColumn<qint64>("result");
    QTest::newRow("exact") << qint64(3000) << qint64(700) << qint64(3700);
    QTest::newRow("exactly max") << kMax - 10 << qint64(10) << kMax;
    QTest::newRow("max + 1 clamps at max") << kMax << qint64(1) << kMax;
    QTest::newRow("max + max clamps at max") << kMax << kMax << kMax;
    QTest::newRow("1 + max clamps at max") << qint64(1) << kMax << kMax;
    QTest::newRow("min + -1 clamps at min") << kMin << qint64(-1) << kMin;
    QTest::newRow("min + min clamps at min") << kMin << kMin << kMin;
    QTest::newRow("max + min = -1") << kMax << kMin << qint64(-1);
}

void TestMoney::saturatingAdd()
{
    QFETCH(qint64, a);
    QFETCH(qint64, b);
    QFETCH(qint64, result);
    QCOMPARE(reconsole::saturatingAdd(Money(a), Money(b)), Money(result));
}

void TestMoney::total_data()
{
    QTest::addColumn<QList<qint64>>("amounts");
    QTest::addColumn<qint64>("value");
    QTest::addColumn<bool>("overflowed");
    QTest::addColumn<QString>("text");
    QTest::newRow("nothing") << QList<qint64>{} << qint64(0) << false << "₩0";
    QTest::newRow("the incident's four orphans") << QList<qint64>{50000, 8000, 30000, 5000} << qint64(93000) << false
                                                 << "₩93,000";
    QTest::newRow("exactly max") << QList<qint64>{kMax - 1, 1} << kMax << false << "₩9,223,372,036,854,775,807";
    QTest::newRow("two debits of max") << QList<qint64>{kMax, kMax} << kMax << true
                                       << "₩9,223,372,036,854,775,807+";
    QTest::newRow("many debits of max") << QList<qint64>{kMax, kMax, kMax, kMax, kMax} << kMax << true
                                        << "₩9,223,372,036,854,775,807+";
    QTest::newRow("max + 1") << QList<qint64>{kMax, 1} << kMax << true << "₩9,223,372,036,854,775,807+";
    QTest::newRow("remembers it overflowed") << QList<qint64>{kMax, 10, -3} << kMax - 3 << true
                                             << "₩9,223,372,036,854,775,804+";
    QTest::newRow("below min") << QList<qint64>{kMin, -1} << kMin << true << "-₩9,223,372,036,854,775,808+";
}

void TestMoney::total()
{
    QFETCH(QList<qint64>, amounts);
    QFETCH(qint64, value);
    QFETCH(bool, overflowed);
    QFETCH(QString, text);
    MoneyTotal t;
    for (const qint64 a : amounts)
        t.add(Money(a));
    QCOMPARE(t.value(), Money(value));
    QCOMPARE(t.overflowed(), overflowed);
    QCOMPARE(formatWon(t), text);
    // The CLI's digits carry the same mark.
    QCOMPARE(QString::fromStdString(groupedWon(t)), QString(text).remove(QStringLiteral("₩")));
    // Without the mark, the clamped value reads as a plain amount.
    QCOMPARE(formatWon(t.value()) + (overflowed ? QStringLiteral("+") : QString()), text);
}

void TestMoney::format_data()
{
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<QString>("won");
    QTest::addColumn<QString>("grouped");
    QTest::newRow("zero") << qint64(0) << "₩0" << "0";
    QTest::newRow("one") << qint64(1) << "₩1" << "1";
    QTest::newRow("hundreds") << qint64(999) << "₩999" << "999";
    QTest::newRow("1,000") << qint64(1000) << "₩1,000" << "1,000";
    QTest::newRow("50,000") << qint64(50000) << "₩50,000" << "50,000";
    QTest::newRow("millions") << qint64(1234567) << "₩1,234,567" << "1,234,567";
    QTest::newRow("negative one") << qint64(-1) << "-₩1" << "-1";
    QTest::newRow("negative") << qint64(-5000) << "-₩5,000" << "-5,000";
    QTest::newRow("negative hundreds") << qint64(-100) << "-₩100" << "-100";
    QTest::newRow("int64 max") << kMax << "₩9,223,372,036,854,775,807" << "9,223,372,036,854,775,807";
    QTest::newRow("int64 min") << kMin << "-₩9,223,372,036,854,775,808" << "-9,223,372,036,854,775,808";
}

void TestMoney::format()
{
    QFETCH(qint64, amount);
    QFETCH(QString, won);
    QFETCH(QString, grouped);
    QCOMPARE(formatWon(Money(amount)), won);
    QCOMPARE(QString::fromStdString(groupedWon(Money(amount))), grouped);
    MoneyTotal t;
    t.add(Money(amount));
    QCOMPARE(formatWon(t), won);   // one amount never overflows
}

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
