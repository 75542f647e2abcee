// The mirror's store: pragmas, versioned migrations (an older mirror is migrated, a newer one
// refused with a message a person can act on), and indexes deferred by a bulk load.
#include "store/bulk_load.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/store_error.h"
#include "store/wal_checkpointer.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <sqlite3.h>
#include <QTest>
#include <limits>

using namespace reconsole;

class TestStore : public QObject {
    Q_OBJECT
private slots:
    void newMirrorIsAtLatestSchemaInWal();
    void olderMirrorIsMigrated();
    void newerMirrorIsRefused_data();
    void newerMirrorIsRefused();
    void readOnlyNeedsAnUpgradedMirror();
    void deferredIndexesComeBackOnOpen();
    void unreadableFileIsAClearError();
    void wrongKindOfFileIsRefusedUntouched_data();
    void wrongKindOfFileIsRefusedUntouched();
    void checkpointsRunBesideTheWriter();
    void walStartsOverOnceLarge_data();
    void walStartsOverOnceLarge();
    void onlyTheMirrorLeavesDeletedCells();

private:
    std::string path(const char* name) { return (dir_.path() + "/" + name).toStdString(); }
    static std::string text(Database& db, const std::string& sql)
    {
        auto st = db.prepare(sql);
        return st.step() ? st.string(0) : std::string();
    }
    QTemporaryDir dir_;
};

void TestStore::newMirrorIsAtLatestSchemaInWal()
{
    Database db(path("new.db"));
    QCOMPARE(db.schemaVersion(), latestSchemaVersion());
    QCOMPARE(text(db, "PRAGMA journal_mode"), std::string("wal"));
    QCOMPARE(text(db, "PRAGMA foreign_keys"), std::string("1"));
    QCOMPARE(text(db, "SELECT max_seq FROM feed_cursor"), std::string("0"));
}

void TestStore::olderMirrorIsMigrated()
{
    // A mirror at version 1, as the first release made it: opening migrates it.
    const auto p = path("old.db");
    {
        Database db(p);
        db.exec("PRAGMA user_version = 1");
        for (const char* index : {"unsettled_class", "unsettled_amount", "unsettled_orphan_amount",   // migration 2
                                  "ledger_request",                                                 // migration 3
                                  "order_product", "product_version_merchant"})                     // migration 4
            db.exec(std::string("DROP INDEX ") + index);
        db.exec("DROP TABLE catalog_anomaly");
        db.exec("DROP TABLE catalog_state");
        db.exec("DROP TABLE orphan_detection");   // migration 5
        db.exec("DROP TABLE mirror_scope");       // migration 7
        db.exec("DROP INDEX unsettled_order");    // migration 8
        db.exec("ALTER TABLE unsettled_debit DROP COLUMN product_id");
        db.exec("ALTER TABLE unsettled_debit DROP COLUMN customer_name");
    }
    Database db(p);
    QCOMPARE(db.schemaVersion(), latestSchemaVersion());
    QCOMPARE(text(db, "SELECT count(*) FROM sqlite_master WHERE name = 'unsettled_class'"), std::string("1"));
    QCOMPARE(text(db, "SELECT count(*) FROM sqlite_master WHERE name = 'ledger_request'"), std::string("1"));
    QCOMPARE(text(db, "SELECT count(*) FROM sqlite_master WHERE name = 'order_product'"), std::string("1"));
    QCOMPARE(text(db, "SELECT count(*) FROM orphan_detection"), std::string("0"));
    QCOMPARE(text(db, "SELECT count(*) FROM mirror_scope"), std::string("0"));   // a full mirror
    QCOMPARE(text(db, "SELECT count(*) FROM pragma_table_info('unsettled_debit') WHERE name IN ('product_id', 'customer_name')"),
             std::string("2"));
    // The catalog findings of a migrated mirror are computed in full the first time they are read.
    QCOMPARE(text(db, "SELECT needs_recheck FROM catalog_state"), std::string("1"));
}

void TestStore::newerMirrorIsRefused_data()
{
    QTest::addColumn<bool>("readOnly");
    QTest::newRow("read-write") << false;
    QTest::newRow("read-only") << true;
}

void TestStore::newerMirrorIsRefused()
{
    QFETCH(bool, readOnly);
    const auto p = path(readOnly ? "newer-ro.db" : "newer-rw.db");
    {
        Database db(p);
        db.exec("PRAGMA user_version = " + std::to_string(latestSchemaVersion() + 1));
    }
    try {
        Database db(p, readOnly ? Database::Mode::ReadOnly : Database::Mode::ReadWrite);
        QFAIL("a mirror from a newer Reconsole was opened");
    } catch (const StoreError& e) {
        const QString why = QString::fromUtf8(e.what());
        QVERIFY2(why.contains("newer Reconsole") && why.contains("Update Reconsole"), e.what());
    }
}

void TestStore::readOnlyNeedsAnUpgradedMirror()
{
    const auto p = path("behind.db");
    {
        Database db(p);
        db.exec("PRAGMA user_version = 1");
    }
    try {
        Database db(p, Database::Mode::ReadOnly);
        QFAIL("a read-only connection read a mirror at an old schema");
    } catch (const StoreError& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains("must be upgraded"), e.what());
    }
}

void TestStore::deferredIndexesComeBackOnOpen()
{
    const auto p = path("deferred.db");
    {
        Database db(p);
        Transaction tx(db);
        deferFeedIndexes(db);
        tx.commit();
        QVERIFY(hasDeferredIndexes(db));
        QCOMPARE(text(db, "SELECT count(*) FROM sqlite_master WHERE name = 'ledger_payment'"), std::string("0"));
    }
    Database db(p);   // no import holds the lock: the indexes are built again
    QVERIFY(!hasDeferredIndexes(db));
    QCOMPARE(text(db, "SELECT count(*) FROM sqlite_master WHERE name = 'ledger_payment'"), std::string("1"));
    QCOMPARE(text(db, "SELECT count(*) FROM sqlite_master WHERE name = 'ledger_customer'"), std::string("1"));
}

void TestStore::unreadableFileIsAClearError()
{
    const auto p = path("not-a-mirror.db");
    {
        FILE* f = std::fopen(p.c_str(), "wb");
        QVERIFY(f);
        std::fputs("this is a text file, not a SQLite database, and it is long enough to have a header", f);
        std::fclose(f);
    }
    try {
        Database db(p);
        QFAIL("a text file was opened as a mirror");
    } catch (const StoreError& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains("not a database"), e.what());
    }
}

void TestStore::wrongKindOfFileIsRefusedUntouched_data()
{
    QTest::addColumn<QString>("setup");
    QTest::addColumn<QString>("says");
    QTest::newRow("an operations store") << "PRAGMA application_id = 1380142928; PRAGMA user_version = 1;"
                                            " CREATE TABLE operator(id)"
                                         << "is a Reconsole operations store, not a Reconsole mirror";
    QTest::newRow("another program's marked database") << "PRAGMA application_id = 7; CREATE TABLE t(x)"
                                                       << "is another program's database";
    QTest::newRow("another program's unmarked database") << "CREATE TABLE notes(text); INSERT INTO notes VALUES (1)"
                                                         << "already holds another program's tables";
}

void TestStore::wrongKindOfFileIsRefusedUntouched()
{
    QFETCH(QString, setup);
    QFETCH(QString, says);
    const auto p = path(QTest::currentDataTag());
    {
        sqlite3* raw = nullptr;
        QCOMPARE(sqlite3_open(p.c_str(), &raw), SQLITE_OK);
        QCOMPARE(sqlite3_exec(raw, setup.toUtf8().constData(), nullptr, nullptr, nullptr), SQLITE_OK);
        sqlite3_close(raw);
    }
    QFile file(QString::fromStdString(p));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = file.readAll();
    file.close();
    try {
        Database db(p);
        QFAIL("a file of another kind was opened as a mirror");
    } catch (const StoreError& e) {
        QVERIFY2(QString::fromUtf8(e.what()).contains(says), e.what());
    }
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);   // not even switched to WAL
}

void TestStore::onlyTheMirrorLeavesDeletedCells()
{
    Database mirror(path("cells.db"));
    QCOMPARE(text(mirror, "PRAGMA secure_delete"), std::string("0"));
    Schema decisions;
    decisions.kind = "durable test store";
    decisions.durable = true;
    decisions.acceptsUnmarked = true;
    Database store(path("decisions.db"), Database::Mode::ReadWrite, decisions);
    QCOMPARE(text(store, "PRAGMA secure_delete"), std::string("1"));
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"

void TestStore::checkpointsRunBesideTheWriter()
{
    // While an import writes, its own automatic checkpoint is off and a second connection
    // copies the frames into the file; afterwards the automatic one is back, and nothing is
    // left in the WAL that was not copied.
    Database db(path("checkpointed.db"));
    QCOMPARE(text(db, "PRAGMA wal_autocheckpoint"), std::string("1000"));
    db.exec("CREATE TABLE filler(id INTEGER PRIMARY KEY, body BLOB)");
    {
        const WalCheckpointer checkpointer(db);
        QCOMPARE(text(db, "PRAGMA wal_autocheckpoint"), std::string("0"));
        for (int batch = 0; batch < 20; ++batch) {
            Transaction tx(db);
            db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500) "
                    "INSERT INTO filler(body) SELECT randomblob(2000) FROM n");
            tx.commit();
        }
        QTRY_VERIFY_WITH_TIMEOUT(checkpointer.checkpointsDone() > 0, 5000);
    }
    QCOMPARE(text(db, "PRAGMA wal_autocheckpoint"), std::string("1000"));
    auto st = db.prepare("PRAGMA wal_checkpoint(PASSIVE)");   // busy | frames in the WAL | frames copied
    QVERIFY(st.step());
    QCOMPARE(st.int64(0), 0);
    QCOMPARE(st.int64(2), st.int64(1));
    QCOMPARE(text(db, "SELECT count(*) FROM filler"), std::string("10000"));
}

// A writer that commits back to back never lets SQLite start the WAL over: it grows by every
// page written. Past the restart size the writer copies the rest itself between two
// transactions, and the WAL file stays near that size.
void TestStore::walStartsOverOnceLarge_data()
{
    QTest::addColumn<qint64>("restartBytes");
    QTest::addColumn<bool>("startsOver");
    QTest::newRow("after 1 MiB") << qint64(1 << 20) << true;
    QTest::newRow("never") << std::numeric_limits<qint64>::max() << false;
}

void TestStore::walStartsOverOnceLarge()
{
    QFETCH(qint64, restartBytes);
    QFETCH(bool, startsOver);
    const std::string file = path(startsOver ? "restarted.db" : "grown.db");
    Database db(file);
    db.exec("CREATE TABLE filler(id INTEGER PRIMARY KEY, body BLOB)");
    constexpr int kBatches = 30;   // about 1 MB each
    int restarts = 0;
    {
        WalCheckpointer checkpointer(db, restartBytes);
        for (int batch = 0; batch < kBatches; ++batch) {
            Transaction tx(db);
            db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500) "
                    "INSERT INTO filler(body) SELECT randomblob(2000) FROM n");
            tx.commit();
            checkpointer.afterCommit();
        }
        restarts = checkpointer.restartsPrepared();
    }
    const qint64 walBytes = QFileInfo(QString::fromStdString(file + "-wal")).size();
    if (startsOver) {
        QVERIFY2(restarts >= 5, qPrintable(QString::number(restarts)));
        QVERIFY2(walBytes <= 4 * restartBytes, qPrintable(QString::number(walBytes)));
    } else {
        QCOMPARE(restarts, 0);
        // Half: SQLite itself starts over if the thread happens to copy everything between a
        // commit and the next transaction.
        QVERIFY2(walBytes >= kBatches * 1000000LL / 2, qPrintable(QString::number(walBytes)));
    }
    QCOMPARE(text(db, "SELECT count(*) FROM filler"), std::to_string(kBatches * 500));
}
