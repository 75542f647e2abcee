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
    void commitsInBatchesOfItsMode_data();
    void commitsInBatchesOfItsMode();

private:
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

// Every row of the feed tables and the orphan state, as text, in key order.
std::string dump(Database& db)
{
    std::string out;
    for (const char* table : {"merchant", "product", "product_version", "customer", "account", "orders", "payment",
                              "ledger", "cash_receipt", "unsettled_debit", "feed_cursor"}) {
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
    feed::ImportOptions never;
    never.bulk = feed::BulkMode::Never;
    QCOMPARE(int(m.import({feed_}, never).status), int(feed::ImportStatus::Done));
    {
        Transaction tx(m.db());
        deferFeedIndexes(m.db());
        tx.commit();
    }
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
