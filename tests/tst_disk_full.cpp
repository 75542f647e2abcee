// A full disk during an import and during a refund request, through real reconsole-cli
// processes. The disk is "full" when a write needs more pages than PRAGMA max_page_count allows
// (RECONSOLE_TEST_MAX_PAGE_COUNT_MIRROR / _OPS, store/fault_injection.h): SQLite then fails the
// statement with SQLITE_FULL, as when the disk has no room. Expected: a message that says what
// failed and to free disk space and run again, exit 1, nothing of the failed step kept, and the
// next import after space is freed resumes exactly where the last committed batch ended.
#include "cli_process.h"
#include "mirror_dump.h"
#include "ops/sqlite_ops_store.h"
#include "store/database.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace reconsole;
using test::CliRun;
using test::runCli;

namespace {

const QString kAsOf = QStringLiteral("2030-01-01T00:00:00Z");   // one answer for every orphans run
const QString kBatch = QStringLiteral("200");

std::int64_t number(Database& db, const std::string& sql)
{
    auto st = db.prepare(sql);
    return st.step() ? st.int64(0) : -1;
}

std::int64_t mirrorNumber(const QString& mirror, const std::string& sql)
{
    Database db(mirror.toStdString(), Database::Mode::ReadOnly);
    return number(db, sql);
}

std::vector<std::string> mirrorDump(const QString& mirror)
{
    Database db(mirror.toStdString(), Database::Mode::ReadOnly);
    return test::dumpMirror(db);
}

// Every table of the store but the audit log, row by row (the audit log is compared by its new rows).
std::vector<std::string> opsDumpBesideAudit(const QString& store)
{
    Database db(store.toStdString(), Database::Mode::ReadOnly, ops::opsSchema());
    std::vector<std::string> rows;
    for (const auto& t : test::mirrorTables(db, true))
        if (t != "audit_log") {
            auto part = test::dumpTable(db, t);
            rows.insert(rows.end(), part.begin(), part.end());
        }
    return rows;
}

std::int64_t opsNumber(const QString& store, const std::string& sql)
{
    Database db(store.toStdString(), Database::Mode::ReadOnly, ops::opsSchema());
    return number(db, sql);
}

QStringList importArgs(const QString& mirror, const QString& feed, const QString& batch = kBatch)
{
    return {"import", "--quiet", "--db", mirror, "--batch-lines", batch, feed};
}

// The orphan debits, as a script reads them (brings the orphan state up to date first).
QByteArray orphansJson(const QString& mirror)
{
    const CliRun r = runCli({"orphans", "--db", mirror, "--format", "json", "--as-of", kAsOf});
    return r.code == 0 ? r.out : "exit " + QByteArray::number(r.code) + ": " + r.err;
}

#define EXPECT_EXIT(run, expected)                                                                       \
    do {                                                                                                 \
        const CliRun finished_ = (run);                                                                  \
        QVERIFY2(!finished_.crashed && finished_.code == (expected),                                     \
                 qPrintable(QStringLiteral("expected exit %1; ").arg(expected) + finished_.text()));     \
    } while (false)

}  // namespace

class TestDiskFull : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void importStopsCleanlyAndResumes_data();
    void importStopsCleanlyAndResumes();
    void refundRequestIsWholeOrNothing();

private:
    // The lines of the feed whose seq is at most `cursor`, as a feed file of their own.
    QString feedPrefix(std::int64_t cursor, const QString& name);

    QTemporaryDir dir_;
    QString feed_, clean_;
    int cleanExit_ = -1;
    std::vector<std::string> cleanDump_;
    QByteArray cleanOrphans_;
};

void TestDiskFull::initTestCase()
{
    QVERIFY(dir_.isValid());
    feed_ = dir_.path() + "/feed.jsonl";
    const CliRun demo = runCli({"demo", "--feed-only", "--feed-out", feed_, "--orders", "5000", "--customers", "500"});
    EXPECT_EXIT(demo, 0);
    // The mirror one clean import of the whole feed makes: what every resumed import must equal.
    clean_ = dir_.path() + "/clean.db";
    const CliRun imported = runCli(importArgs(clean_, feed_));
    QVERIFY2(!imported.crashed && (imported.code == 0 || imported.code == 3), qPrintable(imported.text()));
    cleanExit_ = imported.code;
    cleanOrphans_ = orphansJson(clean_);
    QVERIFY2(cleanOrphans_.startsWith('['), cleanOrphans_.constData());
    cleanDump_ = mirrorDump(clean_);
}

QString TestDiskFull::feedPrefix(std::int64_t cursor, const QString& name)
{
    QFile in(feed_), out(dir_.path() + "/" + name);
    if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly))
        return {};
    static const QRegularExpression seq(QStringLiteral("\"seq\":(\\d+)"));
    while (!in.atEnd()) {
        const QByteArray line = in.readLine();
        const auto m = seq.match(QString::fromUtf8(line));
        if (m.hasMatch() && m.captured(1).toLongLong() <= cursor)
            out.write(line);
    }
    return out.fileName();
}

void TestDiskFull::importStopsCleanlyAndResumes_data()
{
    QTest::addColumn<double>("room");   // share of the clean mirror's growth the disk has room for
    QTest::addColumn<QString>("batch");  // --batch-lines of the import that fills the disk
    // One batch of the whole feed cannot fit in the free space of the empty mirror's pages.
    QTest::newRow("full before the first batch commits") << 0.0 << "100000";
    QTest::newRow("full half-way through the feed") << 0.5 << kBatch;
    // Chunks of 500 lines: records written 32 rows to a statement when the disk fills.
    QTest::newRow("full half-way, 2 000-line batches") << 0.5 << "2000";
}

void TestDiskFull::importStopsCleanlyAndResumes()
{
    QFETCH(double, room);
    QFETCH(QString, batch);
    const QString mirror = dir_.path() + QStringLiteral("/full-%1-%2.db").arg(int(room * 100)).arg(batch);
    // A new, empty mirror: the import of an empty file creates it and brings its schema up.
    const QString empty = dir_.path() + "/empty.jsonl";
    QVERIFY(QFile(empty).open(QIODevice::WriteOnly));
    EXPECT_EXIT(runCli(importArgs(mirror, empty)), 0);
    const std::int64_t emptyPages = mirrorNumber(mirror, "PRAGMA page_count");
    const std::int64_t cleanPages = mirrorNumber(clean_, "PRAGMA page_count");
    const auto limit = emptyPages + static_cast<std::int64_t>(room * double(cleanPages - emptyPages));
    const auto before = mirrorDump(mirror);

    const CliRun full = runCli(importArgs(mirror, feed_, batch), {{"RECONSOLE_TEST_MAX_PAGE_COUNT_MIRROR", QString::number(limit)}});
    EXPECT_EXIT(full, 1);
    QVERIFY2(full.err.contains("database or disk is full"), qPrintable(full.text()));   // what failed
    QVERIFY2(full.err.contains("Free disk space and run the command again (an import resumes where it stopped)"),
             qPrintable(full.text()));   // what to do
    QVERIFY2(full.err.contains(mirror.toUtf8()), qPrintable(full.text()));

    // Nothing of the failed batch was kept: the mirror holds exactly the lines up to its cursor.
    const std::int64_t cursor = mirrorNumber(mirror, "SELECT max_seq FROM feed_cursor");
    if (room == 0.0) {
        QCOMPARE(cursor, 0);
        // The summary does not speak of a "seq 0" that was never a line.
        QVERIFY2(full.out.contains("; no line in the mirror yet"), qPrintable(full.text()));
        QCOMPARE(test::firstDifference(mirrorDump(mirror), before), std::string());
    } else {
        QVERIFY2(cursor > 0 && cursor < mirrorNumber(clean_, "SELECT max_seq FROM feed_cursor"),
                 qPrintable(QStringLiteral("cursor %1").arg(cursor)));
        const QString prefixMirror = dir_.path() + QStringLiteral("/prefix-%1-%2.db").arg(cursor).arg(batch);
        const CliRun prefix = runCli(importArgs(prefixMirror, feedPrefix(cursor, QStringLiteral("prefix.jsonl"))));
        QVERIFY2(!prefix.crashed && (prefix.code == 0 || prefix.code == 3), qPrintable(prefix.text()));
        // The orphan state is brought up to date on both (the failed run could not finish it).
        QCOMPARE(orphansJson(mirror), orphansJson(prefixMirror));
        QCOMPARE(test::firstDifference(mirrorDump(mirror), mirrorDump(prefixMirror)), std::string());
    }
    {
        Database db(mirror.toStdString(), Database::Mode::ReadOnly);
        auto st = db.prepare("PRAGMA integrity_check");
        QVERIFY(st.step());
        QCOMPARE(st.string(0), std::string("ok"));
    }

    // Space is freed: the next import resumes and the mirror is the one a clean import makes.
    const CliRun resumed = runCli(importArgs(mirror, feed_));
    EXPECT_EXIT(resumed, cleanExit_);
    QCOMPARE(orphansJson(mirror), cleanOrphans_);
    QCOMPARE(test::firstDifference(mirrorDump(mirror), cleanDump_), std::string());
}

// Requests at a store that cannot grow, until one needs a new page: every request that was
// accepted has its audit entry, the one that was not left the store exactly as it was, and the
// audit chain verifies. Once space is freed the same request is accepted.
void TestDiskFull::refundRequestIsWholeOrNothing()
{
    const QString mirror = dir_.path() + "/refunds.db";
    const QString store = dir_.path() + "/refunds.ops.sqlite";
    EXPECT_EXIT(runCli({"demo", "--db", mirror, "--orders", "5000", "--customers", "500"}), 0);
    const QHash<QString, QString> signIn{{"RECONSOLE_PASSWORD", "lee.ops-demo-password"}};
    const CliRun orphans = runCli({"orphans", "--db", mirror, "--format", "json", "--as-of", kAsOf});
    EXPECT_EXIT(orphans, 0);
    const QJsonArray debits = QJsonDocument::fromJson(orphans.out).array();
    QVERIFY2(!debits.isEmpty(), orphans.out.left(300).constData());

    const std::int64_t pages = opsNumber(store, "PRAGMA page_count");
    auto full = signIn;
    std::int64_t limit = pages;
    QString refusedLedger;
    int accepted = 0;
    // Requests of 1 won each, over the orphan debits in turn (a debit takes many), until one
    // needs a page the store may not add.
    for (int attempt = 0; attempt < 300; ++attempt) {
        const QString ledger = debits[attempt % debits.size()].toObject().value("ledger_id").toString();
        const auto before = opsDumpBesideAudit(store);
        const std::int64_t lastEntry = opsNumber(store, "SELECT max(seq) FROM audit_log");
        const std::int64_t requests = opsNumber(store, "SELECT count(*) FROM refund_request");
        const std::int64_t entries = opsNumber(store, "SELECT count(*) FROM audit_log");
        full.insert("RECONSOLE_TEST_MAX_PAGE_COUNT_OPS", QString::number(limit));
        const CliRun r = runCli({"refund", "request", "--db", mirror, "--as", "lee.ops", "--ledger", ledger, "--reason",
                                 "ORPHAN_DEBIT", "--amount", "1"},
                                full);
        if (r.code == 0) {
            ++accepted;
            QCOMPARE(opsNumber(store, "SELECT count(*) FROM refund_request"), requests + 1);
            QVERIFY(opsNumber(store, "SELECT count(*) FROM audit_log") > entries);
            continue;
        }
        EXPECT_EXIT(r, 1);
        QVERIFY2(r.err.contains("database or disk is full"), qPrintable(r.text()));
        QVERIFY2(r.err.contains("Free disk space and run the command again."), qPrintable(r.text()));
        QVERIFY2(r.err.contains("operations store"), qPrintable(r.text()));
        const std::string changed = test::firstDifference(opsDumpBesideAudit(store), before);
        QVERIFY2(changed.empty(), changed.c_str());
        // The sign-in before the request is a decision of its own, audited in its own transaction;
        // of the request nothing is in the log.
        const auto added = opsNumber(store, "SELECT count(*) FROM audit_log WHERE seq > " + std::to_string(lastEntry));
        const auto signIns = opsNumber(store, "SELECT count(*) FROM audit_log WHERE seq > " + std::to_string(lastEntry)
                                                  + " AND action = 'operator.sign_in'");
        QCOMPARE(added, signIns);
        if (signIns == 0) {
            // Even the sign-in found no room: give the store one page more, so that what fails is
            // the request's own transaction.
            ++limit;
            continue;
        }
        refusedLedger = ledger;
        break;
    }
    QVERIFY2(!refusedLedger.isEmpty(), qPrintable(QStringLiteral("%1 requests fitted; the store never filled").arg(accepted)));
    qInfo("%d request(s) fitted in the store's free space (%lld pages, %lld allowed) before one needed a new page",
          accepted, static_cast<long long>(pages), static_cast<long long>(limit));
    QVERIFY(opsNumber(store, "PRAGMA page_count") <= limit);

    const CliRun verified = runCli({"audit", "verify", "--db", mirror, "--as", "lee.ops"}, signIn);
    EXPECT_EXIT(verified, 0);
    const CliRun again = runCli({"refund", "request", "--db", mirror, "--as", "lee.ops", "--ledger", refusedLedger,
                                 "--reason", "ORPHAN_DEBIT", "--amount", "1"},
                                signIn);
    EXPECT_EXIT(again, 0);
    EXPECT_EXIT(runCli({"audit", "verify", "--db", mirror, "--as", "lee.ops"}, signIn), 0);
}

QTEST_GUILESS_MAIN(TestDiskFull)
#include "tst_disk_full.moc"
