// Kill -9 in the middle of an import, several times: the mirror must always hold exactly the
// records of lines 1..N (N = its cursor, a whole number of batches), never a torn record, and
// finishing the import afterwards must give the same mirror as importing in one go.
#include "mirror_dump.h"
#include "recon/orphan_rebuild.h"
#include "store/database.h"
#include "store/store_error.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <cstdio>
#include <optional>

using namespace reconsole;

namespace {

constexpr int kLines = 200000;
constexpr int kBatch = 1000;
const Instant kBase = parseRfc3339("2026-03-11T05:02:09Z")->ms;
const Instant kCreated = parseRfc3339("2025-01-01T00:00:00+09:00")->ms;

// Line n has seq n. Odd lines are customers; even lines ledger entries: a fee debit, then a
// refund giving back half of the debit before it. Offsets alternate so instants are compared.
Instant ledgerAt(int n) { return kBase + n * 1000LL + n % 1000; }
bool isCredit(int n) { return n % 4 == 0; }
std::int64_t ledgerAmount(int n) { return isCredit(n) ? ((n - 2) * 7LL + 1) / 2 + 1 : n * 7LL + 1; }
std::optional<std::string> phone(int n)
{
    if (n % 3 == 0)
        return std::nullopt;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04d", n % 10000);
    return std::string(buf);
}

std::string feedLine(int n)
{
    const std::string seq = "{\"seq\":" + std::to_string(n);
    if (n % 2) {
        const auto p = phone(n);
        return seq + R"(,"type":"customer","id":"C-)" + std::to_string(n) + R"(","name":"고객)" + std::to_string(n)
            + "\"" + (p ? R"(,"phone_last4":")" + *p + "\"" : std::string()) + R"(,"created_at":"2025-01-01T00:00:00+09:00"})";
    }
    const std::string who = std::to_string(n - 1 - (isCredit(n) ? 2 : 0));
    return seq + R"(,"type":"ledger","id":"L-)" + std::to_string(n) + R"(","account_id":"A-)" + who
        + R"(","customer_id":"C-)" + who + R"(","direction":")" + (isCredit(n) ? "credit" : "debit")
        + R"(","amount":)" + std::to_string(ledgerAmount(n)) + R"(,"purpose":")" + (isCredit(n) ? "refund" : "fee")
        + "\"" + (isCredit(n) ? R"(,"ref_id":"L-)" + std::to_string(n - 2) + "\"" : std::string()) + R"(,"at":")"
        + formatWithOffset(ledgerAt(n), n % 3 == 0 ? kSeoulOffsetMinutes : 0) + "\"}";
}

// The row line n must leave, in the form of the queries in checkPrefix.
std::string expectedRow(int n)
{
    if (n % 2) {
        const auto p = phone(n);
        return std::to_string(n) + "|'C-" + std::to_string(n) + "'|'고객" + std::to_string(n) + "'|"
            + (p ? "'" + *p + "'" : "NULL") + "|" + std::to_string(kCreated);
    }
    const std::string who = std::to_string(n - 1 - (isCredit(n) ? 2 : 0));
    return std::to_string(n) + "|'L-" + std::to_string(n) + "'|'A-" + who + "'|'C-" + who + "'|"
        + (isCredit(n) ? "'credit'" : "'debit'") + "|" + std::to_string(ledgerAmount(n)) + "|"
        + (isCredit(n) ? "'refund'" : "'fee'") + "|NULL|NULL|" + (isCredit(n) ? "'L-" + std::to_string(n - 2) + "'" : "NULL")
        + "|NULL|" + std::to_string(ledgerAt(n));
}

std::vector<std::string> rows(Database& db, const std::string& sql)
{
    auto st = db.prepare(sql);
    std::vector<std::string> out;
    while (st.step())
        out.push_back(st.string(0));
    return out;
}

std::int64_t number(Database& db, const std::string& sql)
{
    auto st = db.prepare(sql);
    return st.step() ? st.int64(0) : -1;
}

QStringList importArgs(const QString& mirror, const QString& feed, const QString& bulk)
{
    return {"import", "--db", mirror, "--batch-lines", QString::number(kBatch), "--bulk", bulk, "--format", "json", feed};
}

// The cursor as another process sees it, or -1 while the mirror cannot be read yet.
std::int64_t cursorOf(const std::string& mirror)
{
    try {
        Database db(mirror, Database::Mode::ReadOnly);
        return number(db, "SELECT max_seq FROM feed_cursor");
    } catch (const StoreError&) {
        return -1;
    }
}

}  // namespace

class TestKillImport : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void killedImportLeavesWholeLinePrefix_data();
    void killedImportLeavesWholeLinePrefix();

private:
    // Verifies the mirror holds exactly lines 1..N; returns N.
    std::int64_t checkPrefix(const std::string& mirror);

    QTemporaryDir dir_;
    QString feed_;
};

void TestKillImport::initTestCase()
{
    QVERIFY(dir_.isValid());
    feed_ = dir_.path() + "/feed.jsonl";
    std::FILE* f = std::fopen(feed_.toLocal8Bit().constData(), "wb");
    QVERIFY(f);
    for (int n = 1; n <= kLines; ++n) {
        const std::string l = feedLine(n) + "\n";
        std::fwrite(l.data(), 1, l.size(), f);
    }
    QCOMPARE(std::fclose(f), 0);
}

std::int64_t TestKillImport::checkPrefix(const std::string& mirror)
{
    Database db(mirror);   // read-write, as the next import would open it (WAL recovery included)
    [&] { QCOMPARE(rows(db, "PRAGMA integrity_check"), std::vector<std::string>{"ok"}); }();
    const std::int64_t n = number(db, "SELECT max_seq FROM feed_cursor");
    if (QTest::currentTestFailed())
        return n;
    [&] {
        QVERIFY2(n % kBatch == 0 || n == kLines, qPrintable(QString("cursor %1").arg(n)));
        const auto customers = rows(db, "SELECT seq||'|'||quote(id)||'|'||quote(name)||'|'||quote(phone_last4)||'|'||"
                                        "created_at FROM customer ORDER BY seq");
        const auto ledger = rows(db, "SELECT seq||'|'||quote(id)||'|'||quote(account_id)||'|'||quote(customer_id)||'|'||"
                                     "quote(direction)||'|'||amount||'|'||quote(purpose)||'|'||quote(payment_id)||'|'||"
                                     "quote(order_id)||'|'||quote(ref_id)||'|'||quote(request_id)||'|'||at "
                                     "FROM ledger ORDER BY seq");
        QCOMPARE(std::int64_t(customers.size()), (n + 1) / 2);
        QCOMPARE(std::int64_t(ledger.size()), n / 2);
        for (int i = 1; i <= n; ++i) {
            const auto& actual = i % 2 ? customers[std::size_t(i / 2)] : ledger[std::size_t(i / 2 - 1)];
            QCOMPARE(actual, expectedRow(i));
        }
        QCOMPARE(number(db, "SELECT count(*) FROM quarantine"), 0);
        // The orphan state is either consistent with the records or marked for a rebuild.
        if (number(db, "SELECT needs_rebuild FROM orphan_state") == 0) {
            const auto kept = test::dumpTable(db, "unsettled_debit");
            recon::rebuildUnsettled(db);
            QCOMPARE(test::firstDifference(kept, test::dumpTable(db, "unsettled_debit")), std::string());
        }
    }();
    return n;
}

void TestKillImport::killedImportLeavesWholeLinePrefix_data()
{
    QTest::addColumn<QString>("bulk");   // reconsole-cli import --bulk
    QTest::newRow("batch by batch") << "never";
    QTest::newRow("bulk load (indexes deferred, orphan state rebuilt)") << "always";
}

void TestKillImport::killedImportLeavesWholeLinePrefix()
{
    QFETCH(QString, bulk);
    const QString mirror = dir_.path() + "/killed-" + bulk + ".db";
    const QString cli = QStringLiteral(RECONSOLE_BIN_DIR "/reconsole-cli");
    std::int64_t previous = 0;
    // Kill right after a commit, and a few ms later, when the next batch is half-written.
    const std::pair<int, int> kills[] = {{30000, 0}, {90000, 7}, {150000, 23}};
    for (const auto& [target, delayMs] : kills) {
        QProcess p;
        p.start(cli, importArgs(mirror, feed_, bulk));
        QVERIFY(p.waitForStarted());
        QElapsedTimer waited;
        waited.start();
        // Poll through a connection of our own until the child has committed past the target.
        while (cursorOf(mirror.toStdString()) < target && p.state() == QProcess::Running && waited.elapsed() < 120000)
            QThread::msleep(2);
        QThread::msleep(static_cast<unsigned long>(delayMs));
        QVERIFY2(p.state() == QProcess::Running, "the import finished before it could be killed");
        ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
        QVERIFY(p.waitForFinished());
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);

        const std::int64_t n = checkPrefix(mirror.toStdString());
        if (QTest::currentTestFailed())
            return;
        qInfo("killed at cursor %lld (target %d, %d ms later)", static_cast<long long>(n), target, delayMs);
        QVERIFY(n >= target && n < kLines);
        QVERIFY(n > previous);
        previous = n;
    }

    // Once more, killed after its last batch while it rebuilds indexes and orphan state, if
    // it can be caught there: the mirror then holds every line, and the next run finishes the job.
    bool caughtAtTheEnd = false;
    {
        QProcess p;
        p.start(cli, importArgs(mirror, feed_, bulk));
        QVERIFY(p.waitForStarted());
        while (cursorOf(mirror.toStdString()) < kLines && p.state() == QProcess::Running)
            QThread::msleep(1);
        if (p.state() == QProcess::Running)
            ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
        QVERIFY(p.waitForFinished());
        caughtAtTheEnd = p.exitStatus() == QProcess::CrashExit;   // else it ended just before the kill
        if (!caughtAtTheEnd)
            QCOMPARE(p.exitCode(), 0);
        qInfo(caughtAtTheEnd ? "killed after the last batch" : "finished before it could be killed after the last batch");
        QCOMPARE(checkPrefix(mirror.toStdString()), kLines);
        if (QTest::currentTestFailed())
            return;
    }

    QProcess finish;
    finish.start(cli, importArgs(mirror, feed_, bulk));
    QVERIFY(finish.waitForFinished(300000));
    QCOMPARE(finish.exitCode(), 0);
    const auto summary = QJsonDocument::fromJson(finish.readAllStandardOutput()).object();
    QCOMPARE(summary.value("redelivered").toInteger(), kLines);
    QCOMPARE(summary.value("applied").toInteger(), 0);
    QCOMPARE(checkPrefix(mirror.toStdString()), kLines);
    if (QTest::currentTestFailed())
        return;

    // The reference: the whole feed imported in one go, batch by batch.
    const QString oneGo = dir_.path() + "/one-go.db";
    if (!QFileInfo::exists(oneGo)) {
        QProcess whole;
        whole.start(cli, importArgs(oneGo, feed_, "never"));
        QVERIFY(whole.waitForFinished(300000));
        QCOMPARE(whole.exitCode(), 0);
    }
    Database a(mirror.toStdString()), b(oneGo.toStdString());
    QCOMPARE(test::firstDifference(test::dumpMirror(a), test::dumpMirror(b)), std::string());
    // The same schema too: every index a bulk load may have deferred is back.
    const std::string schema = "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master ORDER BY name";
    QCOMPARE(test::firstDifference(rows(a, schema), rows(b, schema)), std::string());
    // The killed runs are recorded as interrupted by the run after them. The kill after the
    // last batch may land before or after that run recorded itself done: 3 or 4 interrupted,
    // and exactly 3 when it was not killed at all.
    const auto interrupted =
        number(a, "SELECT count(*) FROM import_run WHERE status = 'failed' AND message LIKE 'interrupted%'");
    const auto done = number(a, "SELECT count(*) FROM import_run WHERE status = 'done'");
    QVERIFY2(interrupted == 3 || (caughtAtTheEnd && interrupted == 4), qPrintable(QString::number(interrupted)));
    QCOMPARE(interrupted + done, 5);
    QCOMPARE(number(a, "SELECT count(*) FROM import_run"), 5);
}

QTEST_GUILESS_MAIN(TestKillImport)
#include "tst_kill_import.moc"
