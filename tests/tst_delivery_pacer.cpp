// Answers that arrive together are applied one per turn of the GUI thread's loop, in the order
// they arrived, with the loop's own timers (input, repaints, the watchdog) served in between.
#include "items/delivery_pacer.h"
#include "items/mirror_worker.h"
#include "store/database.h"
#include "test_mirror.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QPointer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <functional>
#include <memory>
#include <vector>

using namespace reconsole;
using namespace reconsole::items;

namespace {

void busy(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
    }
}

std::int64_t ledgerCount(Database& db)
{
    auto& st = db.cached("SELECT count(*) FROM ledger");
    st.step();
    const std::int64_t n = st.int64(0);
    st.reset();
    return n;
}

// A 1 ms timer on the loop, as the console's input and repaints are: how often it got a turn.
struct Ticks {
    Ticks()
    {
        timer.setTimerType(Qt::PreciseTimer);
        timer.setInterval(1);
        QObject::connect(&timer, &QTimer::timeout, [this] { ++count; });
        timer.start();
    }
    QTimer timer;
    int count = 0;
};

}  // namespace

class TestDeliveryPacer : public QObject {
    Q_OBJECT
private slots:
    void cleanup();
    void oneDeliveryPerTurnInOrder();
    void aFirstDeliveryGoesAheadInATurnOfItsOwn();
    void aDeliveryAheadThatAsksAgainLetsTheOthersThrough();
    void aWorkersAnswersArePaced();
    void aWorkerGoneIsNotDelivered();
    void anotherThreadHasNoPacer();
};

// A test that failed part way leaves nothing queued for the next one.
void TestDeliveryPacer::cleanup()
{
    QTRY_COMPARE(DeliveryPacer::forApplicationThread()->waiting(), std::size_t(0));
}

void TestDeliveryPacer::oneDeliveryPerTurnInOrder()
{
    DeliveryPacer* pacer = DeliveryPacer::forApplicationThread();
    QVERIFY(pacer);
    QCOMPARE(DeliveryPacer::forApplicationThread(), pacer);
    Ticks ticks;
    QTest::qWait(5);
    QObject receiver;
    std::vector<int> order, ticksAtDelivery;
    for (int i = 0; i < 4; ++i)
        pacer->add(&receiver, QStringLiteral("test"), [&, i] {
            order.push_back(i);
            ticksAtDelivery.push_back(ticks.count);
            busy(20);   // an answer that costs the GUI thread 20 ms to apply
        });
    QCOMPARE(pacer->waiting(), std::size_t(4));
    QTRY_COMPARE(order.size(), std::size_t(4));
    QCOMPARE(order, (std::vector<int>{0, 1, 2, 3}));
    // Between any two deliveries the timer had its turn: never two 20 ms answers in one pass.
    for (std::size_t i = 1; i < ticksAtDelivery.size(); ++i)
        QVERIFY2(ticksAtDelivery[i] > ticksAtDelivery[i - 1],
                 qPrintable(QStringLiteral("deliveries %1 and %2 ran in one turn").arg(i - 1).arg(i)));
}

// The window's paint (ui/shell/paint_pacer.h) goes ahead of the answers waiting, and still
// takes a turn of its own.
void TestDeliveryPacer::aFirstDeliveryGoesAheadInATurnOfItsOwn()
{
    DeliveryPacer* pacer = DeliveryPacer::forApplicationThread();
    Ticks ticks;
    QTest::qWait(5);
    QObject receiver;
    std::vector<QString> order;
    std::vector<int> ticksAtDelivery;
    const auto delivery = [&](const QString& name) {
        return [&, name] {
            order.push_back(name);
            ticksAtDelivery.push_back(ticks.count);
            busy(20);
        };
    };
    pacer->add(&receiver, QStringLiteral("test"), delivery(QStringLiteral("answer 1")));
    pacer->add(&receiver, QStringLiteral("test"), delivery(QStringLiteral("answer 2")));
    pacer->addFirst(&receiver, QStringLiteral("paint"), delivery(QStringLiteral("paint")));
    QTRY_COMPARE(order.size(), std::size_t(3));
    QCOMPARE(order, (std::vector<QString>{QStringLiteral("paint"), QStringLiteral("answer 1"), QStringLiteral("answer 2")}));
    for (std::size_t i = 1; i < ticksAtDelivery.size(); ++i)
        QVERIFY2(ticksAtDelivery[i] > ticksAtDelivery[i - 1], qPrintable(order[i - 1] + " and " + order[i] + " ran in one turn"));
}

// A paint that makes the window dirty again asks for the next turn again: it alternates with
// the answers waiting instead of keeping them waiting for ever.
void TestDeliveryPacer::aDeliveryAheadThatAsksAgainLetsTheOthersThrough()
{
    DeliveryPacer* pacer = DeliveryPacer::forApplicationThread();
    QObject receiver;
    std::vector<QString> order;
    int paintsLeft = 6;
    std::function<void()> paint = [&] {
        order.push_back(QStringLiteral("paint"));
        if (--paintsLeft > 0)
            pacer->addFirst(&receiver, QStringLiteral("paint"), paint);
    };
    for (int i = 1; i <= 3; ++i)
        pacer->add(&receiver, QStringLiteral("test"), [&order, i] { order.push_back(QStringLiteral("answer %1").arg(i)); });
    pacer->addFirst(&receiver, QStringLiteral("paint"), paint);
    QTRY_COMPARE(order.size(), std::size_t(9));
    const std::vector<QString> expected{QStringLiteral("paint"), QStringLiteral("answer 1"), QStringLiteral("paint"),
                                        QStringLiteral("answer 2"), QStringLiteral("paint"), QStringLiteral("answer 3"),
                                        QStringLiteral("paint"), QStringLiteral("paint"), QStringLiteral("paint")};
    QCOMPARE(order, expected);
}

void TestDeliveryPacer::aWorkersAnswersArePaced()
{
    test::TestMirror mirror;
    const QString path = QString::fromStdString(mirror.path());
    // Three models' workers answer at about the same time, as after an import.
    std::vector<std::unique_ptr<MirrorWorker>> workers;
    for (int i = 0; i < 3; ++i)
        workers.push_back(std::make_unique<MirrorWorker>(path));
    Ticks ticks;
    std::vector<int> ticksAtDelivery;
    QObject context;
    for (auto& w : workers)
        w->run(
            &context,
            [](Database& db) {
                QThread::msleep(30);   // all three are back before the loop looks
                return ledgerCount(db);
            },
            [&](std::optional<std::int64_t> n, const QString& error) {
                QVERIFY2(n.has_value(), qPrintable(error));
                ticksAtDelivery.push_back(ticks.count);
                busy(20);
            });
    QThread::msleep(200);   // every answer is posted before the loop runs again
    QTRY_COMPARE(ticksAtDelivery.size(), std::size_t(3));
    for (std::size_t i = 1; i < ticksAtDelivery.size(); ++i)
        QVERIFY2(ticksAtDelivery[i] > ticksAtDelivery[i - 1],
                 qPrintable(QStringLiteral("answers %1 and %2 were applied in one turn").arg(i - 1).arg(i)));
}

void TestDeliveryPacer::aWorkerGoneIsNotDelivered()
{
    test::TestMirror mirror;
    const QString path = QString::fromStdString(mirror.path());
    auto first = std::make_unique<MirrorWorker>(path);
    auto second = std::make_unique<MirrorWorker>(path);
    QObject context;
    std::vector<int> delivered;
    auto job = [](Database& db) { return ledgerCount(db); };
    first->run(&context, job, [&](std::optional<std::int64_t>, const QString&) { delivered.push_back(1); });
    second->run(&context, job, [&](std::optional<std::int64_t>, const QString&) { delivered.push_back(2); });
    // The arrivals only (no timer runs here) until both answers wait in the pacer.
    DeliveryPacer* pacer = DeliveryPacer::forApplicationThread();
    QDeadlineTimer deadline(20000);
    while (pacer->waiting() < 2 && !deadline.hasExpired()) {
        QThread::msleep(5);
        QCoreApplication::sendPostedEvents(first.get(), QEvent::MetaCall);
        QCoreApplication::sendPostedEvents(second.get(), QEvent::MetaCall);
    }
    QCOMPARE(pacer->waiting(), std::size_t(2));
    first.reset();   // its model went away before its turn
    QTRY_COMPARE(delivered.size(), std::size_t(1));
    QTest::qWait(50);
    QCOMPARE(delivered, std::vector<int>{2});
}

void TestDeliveryPacer::anotherThreadHasNoPacer()
{
    DeliveryPacer* seen = reinterpret_cast<DeliveryPacer*>(1);
    std::unique_ptr<QThread> t(QThread::create([&] { seen = DeliveryPacer::forApplicationThread(); }));
    t->start();
    QVERIFY(t->wait(5000));
    QCOMPARE(seen, static_cast<DeliveryPacer*>(nullptr));
}

QTEST_GUILESS_MAIN(TestDeliveryPacer)
#include "tst_delivery_pacer.moc"
