// A planted data race for the ThreadSanitizer tree: run as the real tests are (QtTest, the same
// options and suppressions), it must be reported, or the tree's silence about the real tests
// would prove nothing (the suppressions leave out Qt's own libraries, never a test's code).
#include <QTest>

#include <thread>

class SanitizerCanaryRace : public QObject {
    Q_OBJECT
private slots:
    void unguardedCounter()
    {
        int counter = 0;
        std::thread other([&counter] { ++counter; });
        ++counter;   // no lock, no atomic: races with the other thread's increment
        other.join();
        QVERIFY(counter >= 1);
    }
};

QTEST_GUILESS_MAIN(SanitizerCanaryRace)
#include "canary_race.moc"
