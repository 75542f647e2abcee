// Issue 12, "cancel what is superseded": a read that a newer request replaced is interrupted
// on its worker's connection, not run to its end; only that read is hit; an interrupted read
// is never reported as an error; destroying a worker mid-query returns because the query is
// interrupted; destroying the operations worker mid-job neither waits for the job nor runs the
// jobs queued behind it. These assert facts (counters, flags), never a time.
#include "items/mirror_worker.h"
#include "items/ops_worker.h"
#include "items/orphan_queue_model.h"
#include "items/query_cancel.h"
#include "items/timeline_model.h"
#include "orphan_fixture.h"
#include "store/cancel_point.h"
#include "store/database.h"
#include "test_mirror.h"

#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <chrono>
#include <thread>

using namespace reconsole;
using items::MirrorWorker;

namespace {

// Counts far enough to run for minutes: it ends early only when it is interrupted.
constexpr auto kEndless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 4000000000)"
                          " SELECT count(*) FROM c";
// Long enough to still run when the next request is queued behind it; short enough to finish.
constexpr auto kMedium = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000)"
                         " SELECT count(*) FROM c";

std::int64_t scalar(Database& db, const char* sql)
{
    auto st = db.prepare(sql);
    st.step();
    return st.int64(0);
}

// Waits, off the event loop, until the worker thread has set `flag`.
bool waitFor(const std::atomic<bool>& flag)
{
    for (int i = 0; i < 20000 && !flag.load(); ++i)
        std::this_thread::sleep_for(std::chrono::microseconds(500));
    return flag.load();
}

}  // namespace

class TestSupersededQueries : public QObject {
    Q_OBJECT
private slots:
    void staleQueryIsInterrupted();
    void onlyTheStaleRequestIsHit();
    void destroyingMidQueryInterrupts();
    void destroyingTheOpsWorkerMidJobDoesNotWait();
    void queueSummaryReplacedMidQuery();
    void queueDestroyedMidSummary();
    void timelineReplacedMidLoad();
    void cancelPointStopsALoopOfShortReads();
};

void TestSupersededQueries::staleQueryIsInterrupted()
{
    test::TestMirror mirror;
    MirrorWorker worker(QString::fromStdString(mirror.path()));
    std::atomic<bool> started{false};
    bool staleDelivered = false;
    const auto stale = worker.run(
        this,
        [&started](Database& db) {
            started = true;
            return scalar(db, kEndless);
        },
        [&](std::optional<std::int64_t>, const QString&) { staleDelivered = true; });
    QVERIFY(waitFor(started));
    worker.cancel(stale);   // a newer request replaces it
    std::optional<std::int64_t> answer;
    QString error = QStringLiteral("not delivered");
    worker.run(
        this, [](Database& db) { return scalar(db, "SELECT 42"); },
        [&](std::optional<std::int64_t> r, const QString& e) {
            answer = r;
            error = e;
        });
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 60000);
    QCOMPARE(*answer, 42);
    QVERIFY(error.isEmpty());
    QCOMPARE(worker.stats().interrupted, 1);
    QVERIFY(!staleDelivered);   // superseded, not an error to show
}

void TestSupersededQueries::onlyTheStaleRequestIsHit()
{
    test::TestMirror mirror;
    MirrorWorker worker(QString::fromStdString(mirror.path()));
    std::atomic<bool> started{false};
    std::optional<std::int64_t> first;
    QString firstError;
    worker.run(
        this,
        [&started](Database& db) {
            started = true;
            return scalar(db, kMedium);
        },
        [&](std::optional<std::int64_t> r, const QString& e) {
            first = r;
            firstError = e;
        });
    QVERIFY(waitFor(started));
    bool queuedDelivered = false;
    const auto queued = worker.run(
        this, [](Database& db) { return scalar(db, kEndless); },
        [&](std::optional<std::int64_t>, const QString&) { queuedDelivered = true; });
    worker.cancel(queued);   // cancelled while the first one runs: the first must not be hit
    QTRY_VERIFY_WITH_TIMEOUT(first.has_value() || !firstError.isEmpty(), 60000);
    QVERIFY2(firstError.isEmpty(), qPrintable(firstError));
    QCOMPARE(*first, 3000000);
    QTRY_COMPARE_WITH_TIMEOUT(worker.stats().skipped, 1, 10000);
    QCOMPARE(worker.stats().interrupted, 0);
    QVERIFY(!queuedDelivered);

    // The connection is usable afterwards, its transaction state clean.
    std::optional<std::int64_t> after;
    worker.run(this, [](Database& db) { return scalar(db, "SELECT count(*) FROM sqlite_master"); },
               [&](std::optional<std::int64_t> r, const QString&) { after = r; });
    QTRY_VERIFY_WITH_TIMEOUT(after.has_value(), 10000);
}

void TestSupersededQueries::destroyingMidQueryInterrupts()
{
    test::TestMirror mirror;
    const int before = items::QueryCanceller::interruptedEverywhere();
    auto* worker = new MirrorWorker(QString::fromStdString(mirror.path()));
    std::atomic<bool> started{false};
    worker->run(
        this,
        [&started](Database& db) {
            started = true;
            return scalar(db, kEndless);
        },
        [](std::optional<std::int64_t>, const QString&) {});
    QVERIFY(waitFor(started));
    delete worker;   // would wait for minutes if the query ran to its end
    QTRY_COMPARE_WITH_TIMEOUT(items::QueryCanceller::interruptedEverywhere(), before + 1, 10000);
}

// The job holds until the test lets it go, after the worker is destroyed: a destructor that
// waited for it would never return (the old one did: the test then hangs to ctest's timeout).
void TestSupersededQueries::destroyingTheOpsWorkerMidJobDoesNotWait()
{
    test::TestMirror mirror;
    auto* worker = new items::OpsWorker(QString::fromStdString(mirror.path()), mirror.dir() + QStringLiteral("/ops.db"));
    auto started = std::make_shared<std::atomic<bool>>(false), release = std::make_shared<std::atomic<bool>>(false),
         finished = std::make_shared<std::atomic<bool>>(false), secondRan = std::make_shared<std::atomic<bool>>(false);
    bool delivered = false;
    worker->run(
        this,
        [started, release, finished](ops::OpsContext&) {
            *started = true;
            waitFor(*release);
            *finished = true;
            return 1;
        },
        [&delivered](std::optional<int>, const QString&) { delivered = true; });
    worker->run(
        this, [secondRan](ops::OpsContext&) { return bool(*secondRan = true); },
        [&delivered](std::optional<bool>, const QString&) { delivered = true; });
    QVERIFY(waitFor(*started));
    delete worker;
    *release = true;
    QVERIFY(waitFor(*finished));   // the job that ran ends on its own thread
    QTest::qWait(300);              // time enough for the queued job, were it to run, and for answers
    QVERIFY(!*secondRan);
    QVERIFY(!delivered);
}

namespace {

constexpr int kOrphans = 100000;   // enough that a summary with a text filter scans for a while

bool waitForStart(const items::OrphanQueueModel& model, int startedBefore)
{
    for (int i = 0; i < 20000 && model.summaryReadsStarted() == startedBefore; ++i)
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    return model.summaryReadsStarted() > startedBefore;
}

}  // namespace

void TestSupersededQueries::queueSummaryReplacedMidQuery()
{
    test::TestMirror mirror;
    test::addSyntheticOrphans(mirror.db(), kOrphans);
    items::OrphanQueueModel model(QString::fromStdString(mirror.path()));
    QSignalSpy failed(&model, &items::OrphanQueueModel::loadFailed);
    QSignalSpy loaded(&model, &items::OrphanQueueModel::loaded);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 60000);
    QCOMPARE(model.matchingRows(), kOrphans);
    // The first page's causes are read after it; under a sanitizer they may still run below.
    QTRY_VERIFY_WITH_TIMEOUT(model.causesKnown(0), 60000);

    // A text no row holds: the summary reads every row and its joins to find none.
    items::OrphanFilter stale;
    stale.text = "no such text anywhere";
    const int startedBefore = model.summaryReadsStarted();
    model.setFilter(stale);
    QVERIFY(waitForStart(model, startedBefore));
    model.setFilter(items::OrphanFilter{});   // the user cleared it while the first one runs

    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, 60000);
    QCOMPARE(model.matchingRows(), kOrphans);   // the newer filter's answer, not the stale one's
    QCOMPARE(model.supersededReadsInterrupted(), 1);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.front().front().toString()));
}

void TestSupersededQueries::queueDestroyedMidSummary()
{
    test::TestMirror mirror;
    test::addSyntheticOrphans(mirror.db(), kOrphans);
    const int before = items::QueryCanceller::interruptedEverywhere();
    auto* model = new items::OrphanQueueModel(QString::fromStdString(mirror.path()));
    QSignalSpy loaded(model, &items::OrphanQueueModel::loaded);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 60000);
    // Only the summary may be running when the model goes: the first page's causes are in.
    QTRY_VERIFY_WITH_TIMEOUT(model->causesKnown(0), 60000);
    items::OrphanFilter slow;
    slow.text = "no such text anywhere";
    const int startedBefore = model->summaryReadsStarted();
    model->setFilter(slow);
    QVERIFY(waitForStart(*model, startedBefore));
    delete model;   // the screen closes while its summary runs
    QTRY_COMPARE_WITH_TIMEOUT(items::QueryCanceller::interruptedEverywhere(), before + 1, 10000);
}

void TestSupersededQueries::timelineReplacedMidLoad()
{
    // A busy wallet's timeline reads two short statements per order: no single statement runs
    // long enough for SQLite's progress handler, so the read stops at its cancel point.
    test::TestMirror mirror;
    mirror.db().exec(R"(
        INSERT INTO customer VALUES ('C-BUSY', 1, '김**', '0000', 0), ('C-QUIET', 2, '이**', '1234', 0);
        WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 40000)
        INSERT INTO orders SELECT printf('O-%06d', x), x, 'C-BUSY', 'P-1', 1, 1000, 1000, 'paid', x, x FROM c;
        INSERT INTO payment SELECT 'PAY' || substr(id, 2), seq, id, 1000, 'approved', seq FROM orders;)");
    items::TimelineModel model(QString::fromStdString(mirror.path()));
    model.setFirstPageWindow(std::nullopt);   // the whole read, the long one (no first page before it)
    QSignalSpy loaded(&model, &items::TimelineModel::loaded);
    QSignalSpy failed(&model, &items::TimelineModel::loadFailed);
    model.load(QStringLiteral("C-BUSY"));
    for (int i = 0; i < 20000 && model.readStats().started == 0; ++i)
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    QCOMPARE(model.readStats().started, 1);
    model.load(QStringLiteral("C-QUIET"));   // the agent opened another customer meanwhile

    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 60000);
    QCOMPARE(loaded.first().first().toString(), QStringLiteral("C-QUIET"));
    QCOMPARE(model.readStats().interrupted, 1);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.front().at(1).toString()));
    // The busy wallet, read to its end when nothing replaces it: the data were there to read.
    model.load(QStringLiteral("C-BUSY"));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, 60000);
    QCOMPARE(model.timeline()->events.size(), std::size_t(80000));
}

void TestSupersededQueries::cancelPointStopsALoopOfShortReads()
{
    // Cancelled while no statement runs: SQLite's interrupt has nothing to stop and is cleared
    // by the next statement, so only the loop's own cancel point ends the request.
    test::TestMirror mirror;
    MirrorWorker worker(QString::fromStdString(mirror.path()));
    std::atomic<bool> started{false}, go{false};
    std::atomic<int> shortReads{0};
    bool staleDelivered = false;
    const auto stale = worker.run(
        this,
        [&](Database& db) {
            started = true;
            waitFor(go);
            for (int i = 0; i < 1000; ++i) {
                throwIfCancelled();
                shortReads += int(scalar(db, "SELECT 1"));
            }
            return shortReads.load();
        },
        [&](std::optional<int>, const QString&) { staleDelivered = true; });
    QVERIFY(waitFor(started));
    worker.cancel(stale);
    go = true;
    std::optional<std::int64_t> answer;
    worker.run(
        this, [](Database& db) { return scalar(db, "SELECT 42"); },
        [&](std::optional<std::int64_t> r, const QString&) { answer = r; });
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 60000);
    QCOMPARE(*answer, 42);
    QCOMPARE(shortReads.load(), 0);
    QCOMPARE(worker.stats().interrupted, 1);
    QVERIFY(!staleDelivered);
}

QTEST_GUILESS_MAIN(TestSupersededQueries)
#include "tst_superseded_queries.moc"
