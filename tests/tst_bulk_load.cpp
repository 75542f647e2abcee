// Bulk loads: deferring the feed tables' indexes and rebuilding the orphan state at the end
// gives exactly the mirror an ordinary import gives, and a bulk load killed half-way leaves a
// mirror that comes back whole (indexes built again, orphan state rebuilt) when next opened.
#include "demo/demo_feed.h"
#include "recon/orphan_format.h"
#include "recon/orphan_query.h"
#include "store/bulk_load.h"
#include "test_mirror.h"

#include <QProcess>
#include <sqlite3.h>
#include <QTest>
#include <QThread>
#include <fstream>

using namespace reconsole;

class TestBulkLoad : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void bulkEqualsIncremental();
    void killedBulkLoadComesBack();
    void restoreCommitsIndexByIndex();
    void restoreBuildsNamedIndexesFirst();
    void orphansReadBesideTheIndexBuild();
    void readAheadOfAnOlderFeedIsNotWritten();
    void readAheadOfAnotherMirrorIsNotWritten();
    void commitsInBatchesOfItsMode_data();
    void commitsInBatchesOfItsMode();

private:
    // The demo feed imported in ordinary batches, then its indexes set aside as a bulk load does.
    void importWithIndexesDeferred(test::TestMirror& m);
    QTemporaryDir dir_;
    std::string feed_;
    std::int64_t feedLines_ = 0;
};

namespace {

std::int64_t scalar(Database& db, const std::string& sql)
{
    auto st = db.prepare(sql);
    return st.step() ? st.int64(0) : -1;
}

const std::vector<std::string> kDumped {"merchant", "product", "product_version", "customer", "account", "orders",
                                        "payment", "ledger", "cash_receipt", "unsettled_debit", "feed_cursor"};

// Every row of the feed tables and the orphan state (or of the tables named), as text, in key order.
std::string dump(Database& db, const std::vector<std::string>& tables = kDumped)
{
    std::string out;
    for (const auto& table : tables) {
        auto st = db.prepare(std::string("SELECT * FROM ") + table + " ORDER BY 1, 2");
        while (st.step()) {
            out += table;
            for (int c = 0; c < st.columnCount(); ++c)
                out += "|" + std::string(st.text(c));
            out += "\n";
        }
    }
    return out;
}

}  // namespace

void TestBulkLoad::initTestCase()
{
    QVERIFY(dir_.isValid());
    feed_ = (dir_.path() + "/demo.jsonl").toStdString();
    std::ofstream out(feed_, std::ios::binary);
    demo::DemoOptions o;
    o.orders = 6000;
    o.customers = 800;
    o.seed = 3;
    const auto stats = demo::writeDemoFeed(out, o);
    QVERIFY(stats.lines > 30000);
    feedLines_ = std::int64_t(stats.lines);
}

void TestBulkLoad::importWithIndexesDeferred(test::TestMirror& m)
{
    feed::ImportOptions never;
    never.bulk = feed::BulkMode::Never;
    QCOMPARE(int(m.import({feed_}, never).status), int(feed::ImportStatus::Done));
    Transaction tx(m.db());
    deferFeedIndexes(m.db());
    tx.commit();
}

void TestBulkLoad::bulkEqualsIncremental()
{
    test::TestMirror plain, bulk;
    feed::ImportOptions never;
    never.bulk = feed::BulkMode::Never;
    never.incrementalLimit = std::numeric_limits<std::size_t>::max();   // incremental all the way
    feed::ImportOptions always;
    always.bulk = feed::BulkMode::Always;
    const auto a = plain.import({feed_}, never);
    const auto b = bulk.import({feed_}, always);
    QCOMPARE(int(a.status), int(feed::ImportStatus::Done));
    QCOMPARE(int(b.status), int(feed::ImportStatus::Done));
    QVERIFY(a.incremental);
    QVERIFY(!b.incremental);
    QCOMPARE(b.counts.applied, a.counts.applied);
    QCOMPARE(scalar(bulk.db(), "SELECT count(*) FROM deferred_index"), 0);
    const auto indexes = "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL";
    QCOMPARE(scalar(bulk.db(), indexes), scalar(plain.db(), indexes));
    QVERIFY(scalar(plain.db(), "SELECT count(*) FROM unsettled_debit") > 0);
    QCOMPARE(dump(bulk.db()), dump(plain.db()));
    QCOMPARE(recon::orphansToJson(recon::listOrphans(bulk.db())), recon::orphansToJson(recon::listOrphans(plain.db())));
}

void TestBulkLoad::killedBulkLoadComesBack()
{
    const QString mirror = dir_.path() + "/killed.db";
    const std::string mirrorPath = mirror.toStdString();
    { Database create(mirrorPath); }
    QProcess child;
    child.start(QStringLiteral(RECONSOLE_BIN_DIR "/reconsole-cli"),
                {"import", "--quiet", "--bulk", "always", "--batch-lines", "200", "--db", mirror,
                 QString::fromStdString(feed_)});
    QVERIFY(child.waitForStarted());
    // Wait until some batches are committed, then kill it without warning.
    std::int64_t cursor = 0;
    for (int i = 0; i < 2000 && cursor < 3000; ++i) {
        QThread::msleep(5);
        Database peek(mirrorPath, Database::Mode::ReadOnly);
        cursor = scalar(peek, "SELECT max_seq FROM feed_cursor");
    }
    child.kill();
    QVERIFY(child.waitForFinished());
    QVERIFY2(cursor >= 3000, "the import did not get far enough to be killed mid-way");
    {
        Database peek(mirrorPath, Database::Mode::ReadOnly);
        const auto at = scalar(peek, "SELECT max_seq FROM feed_cursor");
        if (at >= 30000)
            QSKIP("the import finished before it could be killed");
        QVERIFY(scalar(peek, "SELECT count(*) FROM deferred_index") > 0);   // killed with indexes set aside
        QCOMPARE(scalar(peek, "SELECT needs_rebuild FROM orphan_state"), 1);
        auto check = peek.prepare("PRAGMA integrity_check");
        QVERIFY(check.step());
        QCOMPARE(check.string(0), std::string("ok"));
    }
    // Opening for writing builds the indexes again; the orphan list rebuilds the stale state.
    Database reopened(mirrorPath);
    QCOMPARE(scalar(reopened, "SELECT count(*) FROM deferred_index"), 0);
    QVERIFY(scalar(reopened, "SELECT count(*) FROM sqlite_master WHERE name = 'ledger_payment'") == 1);
    recon::listOrphans(reopened);
    QCOMPARE(scalar(reopened, "SELECT needs_rebuild FROM orphan_state"), 0);

    // Finishing the import gives the mirror a single import gives.
    recon::OrphanState state;
    feed::ImportOptions options;
    options.derived = &state;
    const auto rest = feed::importFeed(reopened, {feed_}, options);
    QCOMPARE(int(rest.status), int(feed::ImportStatus::Done));
    test::TestMirror once;
    once.import({feed_});
    QCOMPARE(dump(reopened), dump(once.db()));
}

// Each deferred index is built and taken off deferred_index in a transaction of its own, so that
// a restore cut short keeps what it built and the WAL can start over between two indexes.
void TestBulkLoad::restoreCommitsIndexByIndex()
{
    test::TestMirror m;
    importWithIndexesDeferred(m);
    feed::ImportOptions never;
    never.bulk = feed::BulkMode::Never;
    const std::int64_t deferred = scalar(m.db(), "SELECT count(*) FROM deferred_index");
    QVERIFY(deferred >= 10);
    std::vector<std::int64_t> left;
    bool alwaysCommitted = true;
    restoreDeferredIndexes(m.db(), [&] {
        alwaysCommitted = alwaysCommitted && sqlite3_get_autocommit(m.db().handle()) != 0;
        left.push_back(scalar(m.db(), "SELECT count(*) FROM deferred_index"));
    });
    QVERIFY(alwaysCommitted);
    QCOMPARE(std::int64_t(left.size()), deferred);
    for (std::size_t i = 0; i < left.size(); ++i)
        QCOMPARE(left[i], deferred - std::int64_t(i) - 1);
    const auto indexes = "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL";
    test::TestMirror plain;
    plain.import({feed_}, never);
    QCOMPARE(scalar(m.db(), indexes), scalar(plain.db(), indexes));
}

// A reader beside the build asks for the indexes it reads first: those are built, in the order
// given, and the rest stay deferred; a name that is not deferred is passed over.
void TestBulkLoad::restoreBuildsNamedIndexesFirst()
{
    test::TestMirror m;
    importWithIndexesDeferred(m);
    const std::int64_t deferred = scalar(m.db(), "SELECT count(*) FROM deferred_index");
    const auto exists = [&](const std::string& name) {
        return scalar(m.db(), "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = '" + name + "'") == 1;
    };
    std::vector<bool> builtInOrder;
    restoreNamedDeferredIndexes(m.db(), {"ledger_ref", "no_such_index", "ledger_payment"}, [&] {
        builtInOrder.push_back(exists("ledger_ref") && !exists("ledger_payment"));
    });
    QCOMPARE(builtInOrder, (std::vector<bool> {true, false}));
    QVERIFY(exists("ledger_ref") && exists("ledger_payment"));
    QVERIFY(!exists("order_customer"));
    QCOMPARE(scalar(m.db(), "SELECT count(*) FROM deferred_index"), deferred - 2);
    restoreNamedDeferredIndexes(m.db(), {}, [] { QFAIL("no index named: none built"); });
    QCOMPARE(scalar(m.db(), "SELECT count(*) FROM deferred_index"), deferred - 2);
    restoreDeferredIndexes(m.db());
    QCOMPARE(scalar(m.db(), "SELECT count(*) FROM deferred_index"), 0);
    // The build's small page cache does not outlive it.
    QCOMPARE(scalar(m.db(), "PRAGMA cache_size"), -std::int64_t(Database::kCacheKiB));
}

// A bulk load finds the orphan state's unsettled debits on a connection of its own while the
// indexes the rules do not read are still being built, then writes them: the same mirror as an
// ordinary import's.
void TestBulkLoad::orphansReadBesideTheIndexBuild()
{
    test::TestMirror plain, bulk;
    feed::ImportOptions never;
    never.bulk = feed::BulkMode::Never;
    QCOMPARE(int(plain.import({feed_}, never).status), int(feed::ImportStatus::Done));

    recon::OrphanState state;
    feed::ImportOptions always;
    always.bulk = feed::BulkMode::Always;
    always.derived = &state;
    QCOMPARE(int(feed::importFeed(bulk.db(), {feed_}, always).status), int(feed::ImportStatus::Done));
    QCOMPARE(state.readAheadsWritten(), 1);
    QVERIFY(!state.isStale(bulk.db()));
    // The indexes the read-ahead waits for are indexes a bulk load defers (a name that is not
    // would be passed over, and the read would sort instead).
    test::TestMirror deferred;
    importWithIndexesDeferred(deferred);
    for (const auto& name : state.readAheadIndexes())
        QCOMPARE(scalar(deferred.db(), "SELECT count(*) FROM deferred_index WHERE name = '" + name + "'"), 1);
    QVERIFY(scalar(bulk.db(), "SELECT count(*) FROM unsettled_debit") > 0);
    QCOMPARE(dump(bulk.db()), dump(plain.db()));

    // An ordinary import has nothing to read ahead.
    recon::OrphanState ordinary;
    never.derived = &ordinary;
    test::TestMirror again;
    QCOMPARE(int(feed::importFeed(again.db(), {feed_}, never).status), int(feed::ImportStatus::Done));
    QCOMPARE(ordinary.readAheadsWritten(), 0);
}

// What was read ahead at one feed cursor is not written once the feed has moved on: the state
// is rebuilt from the mirror as it is then.
void TestBulkLoad::readAheadOfAnOlderFeedIsNotWritten()
{
    const std::string firstHalf = (dir_.path() + "/first-half.jsonl").toStdString();
    const std::string secondHalf = (dir_.path() + "/second-half.jsonl").toStdString();
    {
        std::ifstream in(feed_, std::ios::binary);
        std::ofstream first(firstHalf, std::ios::binary), second(secondHalf, std::ios::binary);
        std::string line;
        for (std::int64_t n = 0; std::getline(in, line); ++n)
            (n < feedLines_ / 2 ? first : second) << line << "\n";
    }
    test::TestMirror m, whole;
    QCOMPARE(int(m.import({firstHalf}).status), int(feed::ImportStatus::Done));
    const std::string unsettledAfterFirstHalf = dump(m.db(), {"unsettled_debit"});
    recon::OrphanState state;
    {
        Transaction tx(m.db());
        state.markStale(m.db());
        tx.commit();
    }
    state.readAhead(m.db());
    state.waitForReadAhead();     // read at the first half's cursor
    feed::ImportOptions unkept;   // no derived state: the import marks it stale
    QCOMPARE(int(feed::importFeed(m.db(), {secondHalf}, unkept).status), int(feed::ImportStatus::Done));
    state.rebuildIfStale(m.db());
    QCOMPARE(state.readAheadsWritten(), 0);
    QVERIFY(!state.isStale(m.db()));
    QCOMPARE(int(whole.import({feed_}).status), int(feed::ImportStatus::Done));
    QVERIFY(dump(whole.db(), {"unsettled_debit"}) != unsettledAfterFirstHalf);   // the second half matters
    QCOMPARE(dump(m.db()), dump(whole.db()));
}

// A state object outlives an import that failed before writing what it read ahead: the next
// mirror it is used on, at the same cursor, does not receive that read.
void TestBulkLoad::readAheadOfAnotherMirrorIsNotWritten()
{
    test::TestMirror read, other;
    QCOMPARE(int(read.import({feed_}).status), int(feed::ImportStatus::Done));
    QCOMPARE(int(other.import({feed_}).status), int(feed::ImportStatus::Done));
    recon::OrphanState state;
    for (auto* m : {&read, &other}) {
        Transaction tx(m->db());
        state.markStale(m->db());
        tx.commit();
    }
    state.readAhead(read.db());
    state.rebuildIfStale(other.db());
    QCOMPARE(state.readAheadsWritten(), 0);
    QVERIFY(!state.isStale(other.db()));
}

// A bulk load commits in batches of its own size (fewer commits, fewer pages written twice);
// an ordinary import keeps batchLines, which readers and the incremental state depend on.
void TestBulkLoad::commitsInBatchesOfItsMode_data()
{
    QTest::addColumn<bool>("bulk");
    QTest::addColumn<int>("batchLines");      // chunks of a quarter of this
    QTest::addColumn<int>("bulkBatchLines");
    QTest::addColumn<int>("linesPerCommit");
    QTest::newRow("ordinary, 1 000") << false << 1000 << 5000 << 1000;
    QTest::newRow("bulk, 5 000") << true << 1000 << 5000 << 5000;
    QTest::newRow("bulk, default size: one commit") << true << 1000 << feed::ImportOptions {}.bulkBatchLines
                                                    << feed::ImportOptions {}.bulkBatchLines;
    QTest::newRow("bulk, smaller than a chunk: one chunk") << true << 1000 << 10 << 250;
}

void TestBulkLoad::commitsInBatchesOfItsMode()
{
    QFETCH(bool, bulk);
    QFETCH(int, batchLines);
    QFETCH(int, bulkBatchLines);
    QFETCH(int, linesPerCommit);
    feed::ImportOptions o;
    o.bulk = bulk ? feed::BulkMode::Always : feed::BulkMode::Never;
    o.batchLines = batchLines;
    o.bulkBatchLines = bulkBatchLines;
    std::vector<std::int64_t> applied;
    o.progress = [&](const feed::ImportProgress& p) { applied.push_back(p.counts.applied); };
    test::TestMirror m;
    const auto s = m.import({feed_}, o);
    QCOMPARE(int(s.status), int(feed::ImportStatus::Done));
    QCOMPARE(s.counts.applied, feedLines_);
    QCOMPARE(std::int64_t(applied.size()), (feedLines_ + linesPerCommit - 1) / linesPerCommit);
    for (std::size_t i = 0; i + 1 < applied.size(); ++i)
        QCOMPARE(applied[i], std::int64_t(linesPerCommit) * std::int64_t(i + 1));
}

QTEST_GUILESS_MAIN(TestBulkLoad)
#include "tst_bulk_load.moc"
