// Planted bugs for the AddressSanitizer + UBSan tree: run as the real tests are (QtTest, the same
// options and suppressions), each must be reported, or the tree's silence about the real tests
// would prove nothing. ctest runs one function per entry and expects the report in its output.
#include <QTest>

#include <cstdint>
#include <limits>
#include <memory>

class SanitizerCanaryMemory : public QObject {
    Q_OBJECT
private slots:
    void heapOverflow()
    {
        auto cells = std::make_unique<int[]>(4);
        volatile int past = 4;   // volatile: the compiler cannot see the index and drop the read
        QCOMPARE(cells[past], 0);
    }

    void signedOverflow()
    {
        volatile std::int64_t largest = std::numeric_limits<std::int64_t>::max();
        QVERIFY(largest + 1 != 0);
    }
};

QTEST_GUILESS_MAIN(SanitizerCanaryMemory)
#include "canary_memory.moc"
