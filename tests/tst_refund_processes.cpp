// Refunds through real reconsole-cli processes, on a real example mirror and its real SQLite
// operations store beside it (m.db -> m.ops.sqlite): the full loop with the platform played by
// simulate-platform, every refusal's exit code, 50 processes at once, a process killed at each
// step of a request and of an export, the mirror deleted and rebuilt, a restore from backup
// meeting a credit it does not know, and an attacker editing the audit log behind the triggers.
// With RECONSOLE_TEST_OPS=postgresql every command uses a new database on a throwaway PostgreSQL
// cluster instead (RECONSOLE_OPS_URL); the rows that edit or restore a SQLite file are skipped.
#include "pg_cluster.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QHash>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include "ops/audit_chain.h"
#include "ops/ops_types.h"

#include <sqlite3.h>

#include <memory>
#include <vector>

namespace {

const QString kCli = QStringLiteral(RECONSOLE_BIN_DIR "/reconsole-cli");
const QString kExample = QStringLiteral(RECONSOLE_SHARED_DIR "/examples/incident-small.jsonl");

bool onServer() { return qgetenv("RECONSOLE_TEST_OPS") == "postgresql"; }
// The server store of the current mirror, given to every child as RECONSOLE_OPS_URL.
QString gOpsUrl;
#define SQLITE_STORE_ONLY()                                                                        \
    do {                                                                                           \
        if (onServer())                                                                            \
            QSKIP("edits, copies or restores the SQLite store's file (a server's backups and tampering are tested with the team server)"); \
    } while (false)

struct Run {
    int code = -1;          // exit code of a normal exit
    bool crashed = false;   // died by a signal
    bool finished = false;
    QByteArray out, err;

    // The request id: the last word of stdout.
    QString lastWord() const
    {
        const auto words = QString::fromUtf8(out).split(QRegularExpression("\\s+"), Qt::SkipEmptyParts);
        return words.isEmpty() ? QString() : words.last();
    }
    QString text() const
    {
        return QStringLiteral("exit %1%2%3\nstdout: %4\nstderr: %5")
            .arg(code)
            .arg(crashed ? " (crashed)" : "")
            .arg(finished ? "" : " (did not finish)")
            .arg(QString::fromUtf8(out.left(1500)), QString::fromUtf8(err.left(1500)));
    }
    bool is(int expected) const { return finished && !crashed && code == expected; }
};

// Every operator of these tests signs in with this password (after replacing the initial one
// the admin chose, as they must before acting).
const QString kPassword = QStringLiteral("process-test-password");
const QString kInitialPassword = QStringLiteral("chosen-by-the-admin");

// The environment of every child: no inherited store override, no crash point unless asked,
// the sign-in password in RECONSOLE_PASSWORD as a script gives it.
QProcessEnvironment childEnv(const QString& crashAt = {})
{
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("RECONSOLE_PASSWORD"), kPassword);
    env.insert(QStringLiteral("RECONSOLE_NEW_PASSWORD"), kPassword);
    env.remove(QStringLiteral("RECONSOLE_OPS"));
    env.remove(QStringLiteral("RECONSOLE_OPS_URL"));
    env.remove(QStringLiteral("RECONSOLE_CRASH_AT"));
    if (!gOpsUrl.isEmpty())
        env.insert(QStringLiteral("RECONSOLE_OPS_URL"), gOpsUrl);
    if (!crashAt.isEmpty())
        env.insert(QStringLiteral("RECONSOLE_CRASH_AT"), crashAt);
    return env;
}

Run collect(QProcess& p)
{
    Run r;
    r.finished = p.state() == QProcess::NotRunning;
    r.crashed = p.exitStatus() == QProcess::CrashExit;
    r.code = r.crashed ? -1 : p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

Run cli(const QStringList& args, const QString& crashAt = {}, const QHash<QString, QString>& passwords = {})
{
    QProcess p;
    auto env = childEnv(crashAt);
    for (auto it = passwords.begin(); it != passwords.end(); ++it)
        env.insert(it.key(), it.value());
    p.setProcessEnvironment(env);
    p.start(kCli, args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        Run r = collect(p);
        r.finished = false;
        return r;
    }
    return collect(p);
}

#define EXPECT_RUN(run, expected) QVERIFY2((run).is(expected), qPrintable(QStringLiteral("expected exit %1; ").arg(expected) + (run).text()))

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QList<QJsonObject> jsonLines(const QByteArray& text)
{
    QList<QJsonObject> out;
    for (const auto& line : text.split('\n'))
        if (!line.trimmed().isEmpty())
            out.append(QJsonDocument::fromJson(line).object());
    return out;
}

// Files handed over: everything in the outbox folder but temporaries.
QStringList handedOver(const QString& dir)
{
    QStringList out;
    for (const auto& name : QDir(dir).entryList(QDir::Files, QDir::Name))
        if (!name.endsWith(QLatin1String(".partial")))
            out << dir + "/" + name;
    return out;
}

bool execSql(const QString& dbPath, const QString& sql, QString* why)
{
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(dbPath.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        *why = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_close(db);
        return false;
    }
    char* msg = nullptr;
    const int rc = sqlite3_exec(db, sql.toUtf8().constData(), nullptr, nullptr, &msg);
    if (rc != SQLITE_OK)
        *why = QString::fromUtf8(msg ? msg : sqlite3_errmsg(db));
    sqlite3_free(msg);
    sqlite3_close(db);
    return rc == SQLITE_OK;
}

// Recomputes every prev_hash and hash of audit_log in seq order, as an attacker who read the
// source would after editing an entry.
void rehashChain(const QString& dbPath)
{
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open_v2(dbPath.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
    std::vector<reconsole::ops::AuditEntry> entries;
    sqlite3_stmt* st = nullptr;
    QCOMPARE(sqlite3_prepare_v2(db, "SELECT seq, at, actor, action, target, before_json, after_json, outcome "
                                    "FROM audit_log ORDER BY seq", -1, &st, nullptr),
             SQLITE_OK);
    const auto text = [&](int i) { return std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, i))); };
    while (sqlite3_step(st) == SQLITE_ROW) {
        reconsole::ops::AuditEntry e;
        e.seq = sqlite3_column_int64(st, 0);
        e.at = sqlite3_column_int64(st, 1);
        e.actor = text(2);
        e.action = text(3);
        e.target = text(4);
        e.before = text(5);
        e.after = text(6);
        e.outcome = text(7);
        entries.push_back(e);
    }
    sqlite3_finalize(st);
    QCOMPARE(sqlite3_prepare_v2(db, "UPDATE audit_log SET prev_hash = ?1, hash = ?2 WHERE seq = ?3", -1, &st, nullptr),
             SQLITE_OK);
    std::string prev = reconsole::ops::kGenesisHash;
    for (auto& e : entries) {
        e.prevHash = prev;
        e.hash = reconsole::ops::entryHash(e);
        sqlite3_bind_text(st, 1, e.prevHash.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, e.hash.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 3, e.seq);
        QCOMPARE(sqlite3_step(st), SQLITE_DONE);
        sqlite3_reset(st);
        prev = e.hash;
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
}

}  // namespace

class TestRefundProcesses : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void fullLoop();
    void refusals_data();
    void refusals();
    void fiftyProcesses_data();
    void fiftyProcesses();
    void settlementSeenByManyAtOnce();
    void killedRequest_data();
    void killedRequest();
    void killedExport_data();
    void killedExport();
    void failedAfterKilledExportIsNeverResent();
    void concurrentExports();
    void mirrorDeletedAndRebuilt();
    void restoredBackupMeetsForeignCredit_data();
    void restoredBackupMeetsForeignCredit();
    void backupWhileRequestsAreMade();
    void auditTampering_data();
    void auditTampering();

private:
    struct Mirror {
        QString dir, db, ops, outbox;
    };
    struct Loop {
        QString requestId, outboxFile, feed;
    };
    // A new folder with the example imported and the operators: admin, agent1, agent2, ops1,
    // ops2, and merch (merchant of M-LOTTE).
    void freshMirror(Mirror& m);
    void list(const Mirror& m, QJsonArray& rows, const QStringList& extra = {});
    void request(const Mirror& m, const QString& as, const QStringList& extra, QString& id);
    void exportOnce(const Mirror& m, QString& file);
    void simulateAndImport(const Mirror& m, const QString& feed, int credited);
    // Request (agent1, approved by ops1), export (ops2), simulate, import: settled.
    void runLoop(const Mirror& m, Loop& loop, const QString& amount = {});
    QJsonObject only(const QJsonArray& rows);

    QTemporaryDir root_;
    int serial_ = 0;
    QElapsedTimer clock_;
};

void TestRefundProcesses::initTestCase()
{
    QVERIFY(root_.isValid());
    QVERIFY2(QFileInfo(kCli).isExecutable(), qPrintable(kCli));
    QVERIFY(QFileInfo::exists(kExample));
}

void TestRefundProcesses::init() { clock_.start(); }

void TestRefundProcesses::cleanup()
{
    qInfo("%s %s: %lld ms", QTest::currentTestFunction(), QTest::currentDataTag() ? QTest::currentDataTag() : "",
          static_cast<long long>(clock_.elapsed()));
}

void TestRefundProcesses::freshMirror(Mirror& m)
{
    m.dir = root_.path() + "/m" + QString::number(++serial_);
    QVERIFY(QDir().mkpath(m.dir + "/outbox"));
    m.db = m.dir + "/m.db";
    m.ops = m.dir + "/m.ops.sqlite";
    m.outbox = m.dir + "/outbox";
    if (onServer()) {
        auto& cluster = reconsole::test::PgCluster::shared();
        QVERIFY2(cluster.running(), cluster.error().c_str());
        gOpsUrl = QString::fromStdString(cluster.createDatabase());
        const auto migrated = cli({"ops", "migrate", "--ops", gOpsUrl});
        EXPECT_RUN(migrated, 0);
    }
    const auto imported = cli({"import", "--quiet", "--db", m.db, kExample});
    EXPECT_RUN(imported, 3);   // two lines quarantined, the rest applied
    const auto admin = cli({"operator", "add", "--db", m.db, "--id", "admin", "--role", "admin"});
    EXPECT_RUN(admin, 0);
    QVERIFY2(onServer() || QFileInfo::exists(m.ops), "the operations store is not beside the mirror as m.ops.sqlite");
    const QList<QStringList> others{{"--id", "agent1", "--role", "agent"},
                                    {"--id", "agent2", "--role", "agent"},
                                    {"--id", "ops1", "--role", "ops"},
                                    {"--id", "ops2", "--role", "ops"},
                                    {"--id", "merch", "--role", "merchant", "--merchant", "M-LOTTE"}};
    for (const auto& o : others) {
        const auto r = cli(QStringList{"operator", "add", "--db", m.db, "--as", "admin"} + o, {},
                           {{"RECONSOLE_NEW_PASSWORD", kInitialPassword}});
        EXPECT_RUN(r, 0);
        // Set by the admin: the operator sets their own before doing anything else.
        const auto own = cli({"operator", "passwd", "--db", m.db, "--as", o.value(1)}, {},
                             {{"RECONSOLE_PASSWORD", kInitialPassword}});
        EXPECT_RUN(own, 0);
    }
}

void TestRefundProcesses::list(const Mirror& m, QJsonArray& rows, const QStringList& extra)
{
    const auto r = cli(QStringList{"refund", "list", "--db", m.db, "--as", "admin", "--format", "json"} + extra);
    EXPECT_RUN(r, 0);
    QJsonParseError pe;
    const auto doc = QJsonDocument::fromJson(r.out, &pe);
    QVERIFY2(pe.error == QJsonParseError::NoError && doc.isArray(), qPrintable(r.text()));
    rows = doc.array();
}

QJsonObject TestRefundProcesses::only(const QJsonArray& rows)
{
    [&] { QCOMPARE(rows.size(), 1); }();
    return rows.isEmpty() ? QJsonObject() : rows.first().toObject();
}

void TestRefundProcesses::request(const Mirror& m, const QString& as, const QStringList& extra, QString& id)
{
    // L-0003 unless `extra` names another debit.
    const QStringList ledger = extra.contains("--ledger") ? QStringList{} : QStringList{"--ledger", "L-0003"};
    const auto r = cli(QStringList{"refund", "request", "--db", m.db, "--as", as, "--reason", "ORPHAN_DEBIT"} + ledger
                       + extra);
    EXPECT_RUN(r, 0);
    id = r.lastWord();
    QVERIFY2(id.startsWith("RF-"), qPrintable(r.text()));
}

void TestRefundProcesses::exportOnce(const Mirror& m, QString& file)
{
    const auto r = cli({"outbox", "export", "--db", m.db, "--as", "ops2", "--out", m.outbox});
    EXPECT_RUN(r, 0);
    const auto lines = QString::fromUtf8(r.out).split('\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.size() == 1, qPrintable(r.text()));
    file = lines.first().trimmed();
    QVERIFY2(QFileInfo(file).isFile(), qPrintable(file));
}

void TestRefundProcesses::simulateAndImport(const Mirror& m, const QString& feed, int credited)
{
    // One platform per mirror: it remembers the keys it acted on across runs.
    const auto sim = cli({"simulate-platform", "--outbox", m.outbox, "--out", feed, "--db", m.db, "--state",
                          m.dir + "/platform.state"});
    EXPECT_RUN(sim, 0);
    QVERIFY2(QString::fromUtf8(sim.out).contains(QStringLiteral(", %1 credited").arg(credited)), qPrintable(sim.text()));
    const auto imported = cli({"import", "--quiet", "--db", m.db, feed});
    EXPECT_RUN(imported, 0);
}

void TestRefundProcesses::runLoop(const Mirror& m, Loop& loop, const QString& amount)
{
    request(m, "agent1", amount.isEmpty() ? QStringList{} : QStringList{"--amount", amount}, loop.requestId);
    if (QTest::currentTestFailed())
        return;
    const auto approved = cli({"refund", "approve", "--db", m.db, "--as", "ops1", loop.requestId});
    EXPECT_RUN(approved, 0);
    exportOnce(m, loop.outboxFile);
    if (QTest::currentTestFailed())
        return;
    loop.feed = m.dir + "/platform-" + QString::number(++serial_) + ".jsonl";
    simulateAndImport(m, loop.feed, 1);
    if (QTest::currentTestFailed())
        return;
    QJsonArray rows;
    list(m, rows, {"--ledger", "L-0003"});
    bool found = false;
    for (const auto& v : rows) {
        const auto o = v.toObject();
        if (o.value("request_id").toString() != loop.requestId)
            continue;
        found = true;
        QCOMPARE(o.value("state").toString(), QStringLiteral("settled"));
        QCOMPARE(o.value("settled_amount").toInteger(), o.value("amount").toInteger());
    }
    QVERIFY(found);
}

// 1. Request, approve, export, simulate, import: settled, the orphan gone, the chain intact.
void TestRefundProcesses::fullLoop()
{
    Mirror m;
    freshMirror(m);
    if (QTest::currentTestFailed())
        return;
    if (!onServer()) {
        // The store is a WAL database of its own, beside the mirror.
        sqlite3* db = nullptr;
        QCOMPARE(sqlite3_open_v2(m.ops.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
        sqlite3_stmt* st = nullptr;
        QCOMPARE(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &st, nullptr), SQLITE_OK);
        QCOMPARE(sqlite3_step(st), SQLITE_ROW);
        const QString mode = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
        sqlite3_finalize(st);
        sqlite3_close(db);
        QCOMPARE(mode, QStringLiteral("wal"));
    }
    QString id;
    request(m, "agent1", {}, id);
    if (QTest::currentTestFailed())
        return;

    QJsonArray rows;
    list(m, rows);
    QJsonObject r = only(rows);
    for (const char* field : {"request_id", "ledger_id", "amount", "state", "overdue", "reason", "requested_by",
                              "approved_by", "idempotency_key", "settled_amount"})
        QVERIFY2(r.contains(field), field);
    QCOMPARE(r.value("request_id").toString(), id);
    QCOMPARE(r.value("ledger_id").toString(), QStringLiteral("L-0003"));
    QCOMPARE(r.value("amount").toInteger(), 50000);   // the orphan amount by default
    QCOMPARE(r.value("state").toString(), QStringLiteral("requested"));
    QCOMPARE(r.value("overdue").toBool(true), false);
    QCOMPARE(r.value("reason").toString(), QStringLiteral("ORPHAN_DEBIT"));
    QCOMPARE(r.value("requested_by").toString(), QStringLiteral("agent1"));
    QVERIFY(r.value("approved_by").isNull());
    QCOMPARE(r.value("idempotency_key").toString(), QStringLiteral("refund:L-0003:1"));
    QVERIFY(r.value("settled_amount").isNull());

    const auto approved = cli({"refund", "approve", "--db", m.db, "--as", "ops2", id});
    EXPECT_RUN(approved, 0);
    list(m, rows);
    r = only(rows);
    QCOMPARE(r.value("state").toString(), QStringLiteral("approved"));
    QCOMPARE(r.value("approved_by").toString(), QStringLiteral("ops2"));

    QString file;
    exportOnce(m, file);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(handedOver(m.outbox), QStringList{file});
    QVERIFY2(QDir(m.outbox).entryList(QDir::Files).size() == 1, "a temporary file was left in the outbox");
    const auto lines = jsonLines(readAll(file));
    QCOMPARE(lines.size(), 1);
    const QJsonObject line = lines.first();
    for (const char* field : {"request_id", "idempotency_key", "kind", "requested_by", "approved_by", "requested_at",
                              "approved_at", "reason", "note", "audit_head", "ledger_id", "customer_id", "account_id",
                              "amount"})
        QVERIFY2(line.contains(field), field);
    QCOMPARE(line.value("request_id").toString(), id);
    QCOMPARE(line.value("idempotency_key").toString(), QStringLiteral("refund:L-0003:1"));
    QCOMPARE(line.value("kind").toString(), QStringLiteral("refund"));
    QCOMPARE(line.value("requested_by").toString(), QStringLiteral("agent1"));
    QCOMPARE(line.value("approved_by").toString(), QStringLiteral("ops2"));
    QCOMPARE(line.value("reason").toString(), QStringLiteral("ORPHAN_DEBIT"));
    QCOMPARE(line.value("ledger_id").toString(), QStringLiteral("L-0003"));
    QCOMPARE(line.value("customer_id").toString(), QStringLiteral("C-NAM"));
    QCOMPARE(line.value("account_id").toString(), QStringLiteral("A-NAM-MONEY"));
    QCOMPARE(line.value("amount").toInteger(), 50000);
    QVERIFY(QDateTime::fromString(line.value("requested_at").toString(), Qt::ISODateWithMs).isValid());
    QVERIFY(QDateTime::fromString(line.value("approved_at").toString(), Qt::ISODateWithMs).isValid());
    const auto head = line.value("audit_head").toObject();
    QVERIFY(head.value("count").toInteger() > 0);
    QVERIFY2(QRegularExpression("^[0-9a-f]{64}$").match(head.value("sha256").toString()).hasMatch(),
             qPrintable(head.value("sha256").toString()));
    list(m, rows);
    QCOMPARE(only(rows).value("state").toString(), QStringLiteral("sent"));

    const QString feed = m.dir + "/platform.jsonl";
    const auto sim = cli({"simulate-platform", "--outbox", m.outbox, "--out", feed, "--db", m.db});
    EXPECT_RUN(sim, 0);
    const auto credits = jsonLines(readAll(feed));
    QCOMPARE(credits.size(), 1);
    const auto c = credits.first();
    QCOMPARE(c.value("type").toString(), QStringLiteral("ledger"));
    QCOMPARE(c.value("direction").toString(), QStringLiteral("credit"));
    QCOMPARE(c.value("purpose").toString(), QStringLiteral("refund"));
    QCOMPARE(c.value("ref_id").toString(), QStringLiteral("L-0003"));
    QCOMPARE(c.value("request_id").toString(), id);
    QCOMPARE(c.value("amount").toInteger(), 50000);
    QVERIFY2(c.value("seq").toInteger() > 33, "the credit's seq is not above every seq of the example feed");
    const auto imported = cli({"import", "--quiet", "--db", m.db, feed});
    EXPECT_RUN(imported, 0);

    list(m, rows);
    r = only(rows);
    QCOMPARE(r.value("state").toString(), QStringLiteral("settled"));
    QCOMPARE(r.value("settled_amount").toInteger(), 50000);
    QCOMPARE(r.value("request_id").toString(), id);

    const auto orphans = cli({"orphans", "--db", m.db, "--format", "json"});
    EXPECT_RUN(orphans, 0);
    QStringList ids;
    for (const auto& v : QJsonDocument::fromJson(orphans.out).array())
        ids << v.toObject().value("ledger_id").toString();
    QVERIFY2(!ids.contains("L-0003"), qPrintable(ids.join(", ")));
    // The others stay (the credit's later time moves the default as_of, so L-0012 may join them).
    for (const char* other : {"L-0006", "L-0010", "L-0011"})
        QVERIFY2(ids.contains(other), qPrintable(ids.join(", ")));

    const auto verified = cli({"audit", "verify", "--db", m.db, "--as", "admin", "--against", file});
    EXPECT_RUN(verified, 0);

    // Nothing left to hand over: exit 0, nothing on stdout, no new file.
    const auto again = cli({"outbox", "export", "--db", m.db, "--as", "ops2", "--out", m.outbox});
    EXPECT_RUN(again, 0);
    QCOMPARE(again.out, QByteArray());
    QCOMPARE(QDir(m.outbox).entryList(QDir::Files).size(), 1);

    // The platform acts on each key once, also across runs.
    QVERIFY(QFile::copy(feed, m.dir + "/platform-first-run.jsonl"));
    const auto sim2 = cli({"simulate-platform", "--outbox", m.outbox, "--out", feed, "--db", m.db});
    EXPECT_RUN(sim2, 0);
    QVERIFY2(QString::fromUtf8(sim2.out).contains("0 credited"), qPrintable(sim2.text()));
    // Nothing new: the feed keeps the first run's line (not yet imported elsewhere, never lost).
    QCOMPARE(readAll(feed), readAll(m.dir + "/platform-first-run.jsonl"));
    const auto imported2 = cli({"import", "--quiet", "--db", m.db, m.dir + "/platform-first-run.jsonl", feed});
    QVERIFY2(imported2.is(0), qPrintable(imported2.text()));   // the credit again: a re-delivery, nothing new
    list(m, rows);
    QCOMPARE(only(rows).value("settled_amount").toInteger(), 50000);
}

// 2. A refused action exits 5 with the reason on stderr; a store that cannot be used exits 1.
void TestRefundProcesses::refusals_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("says");   // in stderr
    QTest::newRow("over the refundable amount") << "over" << 5 << "over_refundable";
    QTest::newRow("nothing left to refund") << "nothing-left" << 5 << "nothing_left";
    QTest::newRow("self approval") << "self-approval" << 5 << "self_approval";
    QTest::newRow("wrong role: an agent approves") << "agent-approves" << 5 << "not_permitted";
    QTest::newRow("wrong role: a merchant requests") << "merchant-requests" << 5 << "not_permitted";
    // Answered exactly as a wrong password would be (docs/sign-in.md).
    QTest::newRow("an unknown operator requests") << "nobody-requests" << 5 << "unknown operator or wrong password";
    QTest::newRow("unknown debit") << "unknown-debit" << 5 << "unknown_debit";
    QTest::newRow("a credit as target") << "credit-target" << 5 << "not_a_debit";
    QTest::newRow("unknown reason code") << "bad-reason" << 5 << "invalid_input";
    QTest::newRow("cancel after sent (requester)") << "cancel-sent-requester" << 5 << "wrong_state";
    QTest::newRow("cancel after sent (ops)") << "cancel-sent-ops" << 5 << "wrong_state";
    QTest::newRow("operations store is a directory") << "ops-dir" << 1 << "reconsole-cli";
    QTest::newRow("operations store is not SQLite") << "ops-text" << 1 << "reconsole-cli";
    QTest::newRow("operations store is another program's SQLite database") << "ops-foreign-sqlite" << 1
                                                                           << "reconsole-cli";
}

void TestRefundProcesses::refusals()
{
    QFETCH(QString, scenario);
    QFETCH(int, code);
    QFETCH(QString, says);
    Mirror m;
    freshMirror(m);
    if (QTest::currentTestFailed())
        return;
    const auto req = [&](const QString& as, const QStringList& extra) {
        return cli(QStringList{"refund", "request", "--db", m.db, "--as", as, "--ledger", "L-0003", "--reason",
                               "ORPHAN_DEBIT"}
                   + extra);
    };
    Run r;
    QString id;
    int requestsAfter = 0;   // how many requests the store must hold afterwards
    if (scenario == "over") {
        r = req("agent1", {"--amount", "50001"});
    } else if (scenario == "nothing-left") {
        request(m, "agent1", {"--amount", "30000"}, id);
        request(m, "ops1", {"--amount", "20000"}, id);
        r = req("agent2", {"--amount", "1"});
        requestsAfter = 2;
    } else if (scenario == "self-approval") {
        // A stricter threshold applies at once; then an ops operator's request needs a second person.
        const auto p = cli({"policy", "set", "--db", m.db, "--as", "admin", "--threshold", "10000"});
        EXPECT_RUN(p, 0);
        request(m, "ops1", {}, id);
        QJsonArray rows;
        list(m, rows);
        QCOMPARE(only(rows).value("state").toString(), QStringLiteral("requested"));
        r = cli({"refund", "approve", "--db", m.db, "--as", "ops1", id});
        requestsAfter = 1;
    } else if (scenario == "agent-approves") {
        request(m, "agent1", {}, id);
        r = cli({"refund", "approve", "--db", m.db, "--as", "agent2", id});
        requestsAfter = 1;
    } else if (scenario == "merchant-requests") {
        r = req("merch", {});
    } else if (scenario == "nobody-requests") {
        r = req("nobody", {});
    } else if (scenario == "unknown-debit") {
        r = cli({"refund", "request", "--db", m.db, "--as", "agent1", "--ledger", "L-9999", "--reason", "ORPHAN_DEBIT",
                 "--amount", "100"});
    } else if (scenario == "credit-target") {
        r = cli({"refund", "request", "--db", m.db, "--as", "ops1", "--ledger", "L-0002", "--reason", "GOODWILL",
                 "--amount", "100"});
    } else if (scenario == "bad-reason") {
        r = cli({"refund", "request", "--db", m.db, "--as", "agent1", "--ledger", "L-0003", "--reason", "BECAUSE"});
    } else if (scenario.startsWith("cancel-sent")) {
        request(m, "agent1", {}, id);
        const auto a = cli({"refund", "approve", "--db", m.db, "--as", "ops1", id});
        EXPECT_RUN(a, 0);
        QString file;
        exportOnce(m, file);
        r = cli({"refund", "cancel", "--db", m.db, "--as", scenario.endsWith("ops") ? "ops2" : "agent1", id});
        requestsAfter = 1;
    } else if (scenario == "ops-dir") {
        const QString dir = m.dir + "/a-directory";
        QVERIFY(QDir().mkpath(dir));
        r = cli({"refund", "list", "--db", m.db, "--as", "admin", "--ops", dir});
        const auto req2 = cli({"refund", "request", "--db", m.db, "--as", "agent1", "--ops", dir, "--ledger", "L-0003",
                               "--reason", "ORPHAN_DEBIT"});
        QVERIFY2(req2.is(1) && !req2.err.isEmpty(), qPrintable(req2.text()));
    } else if (scenario == "ops-text") {
        const QString text = m.dir + "/not-sqlite.txt";
        QByteArray junk;
        for (int i = 0; i < 200; ++i)
            junk += "this is a note, not an operations store\n";
        {
            QFile f(text);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(junk);
        }
        r = cli({"refund", "request", "--db", m.db, "--as", "agent1", "--ops", text, "--ledger", "L-0003", "--reason",
                 "ORPHAN_DEBIT"});
        QCOMPARE(readAll(text), junk);   // left as it was
    } else if (scenario == "ops-foreign-sqlite") {
        // An SQLite database of some other program, e.g. a mistyped --ops: not an operations store.
        const QString other = m.dir + "/notes.sqlite";
        {
            sqlite3* db = nullptr;
            QCOMPARE(sqlite3_open(other.toUtf8().constData(), &db), SQLITE_OK);
            QCOMPARE(sqlite3_exec(db, "CREATE TABLE notes(text); INSERT INTO notes VALUES ('keep me')", nullptr, nullptr,
                                  nullptr),
                     SQLITE_OK);
            sqlite3_close(db);
        }
        const QByteArray before = readAll(other);
        r = cli({"refund", "request", "--db", m.db, "--as", "agent1", "--ops", other, "--ledger", "L-0003", "--reason",
                 "ORPHAN_DEBIT"});
        QVERIFY2(readAll(other) == before, "another program's database was changed (the ops schema written into it)");
    } else {
        QFAIL("unknown scenario");
    }
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(r.is(code), qPrintable(QStringLiteral("expected exit %1; ").arg(code) + r.text()));
    QVERIFY2(!r.err.trimmed().isEmpty(), "nothing on stderr");
    QVERIFY2(QString::fromUtf8(r.err).contains(says), qPrintable(r.text()));
    if (code != 5)
        return;
    // The refusal changed nothing and was audited.
    QJsonArray rows;
    list(m, rows);
    QCOMPARE(rows.size(), requestsAfter);
    for (const auto& v : rows) {
        const auto s = v.toObject().value("state").toString();
        QVERIFY2(s != "cancelled" && s != "settled", qPrintable(s));
    }
    // The newest entry but the sign-ins of the commands that looked since (refund list, audit list).
    const auto audit = cli({"audit", "list", "--db", m.db, "--as", "admin", "--limit", "10"});
    EXPECT_RUN(audit, 0);
    QStringList newest;
    for (const auto& line : QString::fromUtf8(audit.out).split('\n', Qt::SkipEmptyParts)) {
        newest = line.split('\t');
        if (!(newest.value(4) == "admin" && newest.value(3) == "operator.sign_in" && newest.value(5) == "ok"))
            break;
    }
    // On a server an unknown login role never gets a connection: the server's log has it.
    if (!(onServer() && scenario == "nobody-requests"))
        QVERIFY2(newest.value(5).startsWith("refused"), qPrintable(QString::fromUtf8(audit.out)));
    const auto verified = cli({"audit", "verify", "--db", m.db, "--as", "admin"});
    EXPECT_RUN(verified, 0);
}

// 3. 50 processes at once: the same operation id is one request; different ones for the full
// amount give one request and 49 refusals; 2,000 each: 25 fit in the 50,000, each its own place.
void TestRefundProcesses::fiftyProcesses_data()
{
    QTest::addColumn<bool>("sameOpId");
    QTest::addColumn<QString>("amount");
    QTest::addColumn<int>("fit");   // requests made
    QTest::newRow("same --op-id") << true << QString() << 1;
    QTest::newRow("different --op-id, full amount") << false << "50000" << 1;
    QTest::newRow("different --op-id, 2,000 each") << false << "2000" << 25;
}

void TestRefundProcesses::fiftyProcesses()
{
    QFETCH(bool, sameOpId);
    QFETCH(QString, amount);
    QFETCH(int, fit);
    constexpr int kN = 50;
    Mirror m;
    freshMirror(m);
    if (QTest::currentTestFailed())
        return;
    std::vector<std::unique_ptr<QProcess>> procs;
    for (int i = 0; i < kN; ++i) {
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(childEnv());
        const QString op = sameOpId ? QStringLiteral("op-same-50") : QStringLiteral("op-each-%1").arg(i);
        const QString as = i % 3 == 0 ? "ops1" : i % 3 == 1 ? "agent1" : "agent2";
        QStringList args{"refund", "request", "--db", m.db, "--as", sameOpId ? QStringLiteral("agent1") : as,
                         "--ledger", "L-0003", "--reason", "ORPHAN_DEBIT", "--op-id", op};
        if (!amount.isEmpty())
            args << "--amount" << amount;
        p->start(kCli, args);
        procs.push_back(std::move(p));
    }
    const QDeadlineTimer deadline(120000);
    std::vector<Run> runs;
    for (auto& p : procs) {
        if (!p->waitForFinished(int(std::max<qint64>(1, deadline.remainingTime())))) {
            p->kill();
            p->waitForFinished();
        }
        runs.push_back(collect(*p));
    }
    int ok = 0, refused = 0;
    QSet<QString> ids;
    QStringList odd;
    for (const auto& r : runs) {
        if (r.is(0)) {
            ++ok;
            ids.insert(r.lastWord());
        } else if (r.is(5) && !r.err.isEmpty()) {
            ++refused;
        } else {
            odd << r.text();
        }
    }
    QVERIFY2(odd.isEmpty(), qPrintable(QStringLiteral("%1 process(es) neither succeeded nor were refused; first: %2")
                                           .arg(odd.size())
                                           .arg(odd.value(0))));
    if (sameOpId) {
        QCOMPARE(ok, kN);
        QCOMPARE(ids.size(), 1);
    } else {
        QCOMPARE(ok, fit);
        QCOMPARE(refused, kN - fit);
        QCOMPARE(ids.size(), fit);
    }
    QJsonArray rows;
    list(m, rows);
    QCOMPARE(rows.size(), fit);
    qint64 total = 0;
    QSet<QString> keys;
    for (const auto& v : rows) {
        const auto r = v.toObject();
        QVERIFY(ids.contains(r.value("request_id").toString()));
        total += r.value("amount").toInteger();
        keys.insert(r.value("idempotency_key").toString());
    }
    QCOMPARE(total, 50000);
    QCOMPARE(keys.size(), fit);   // one place each: refund:L-0003:1 .. :fit
    for (int place = 1; place <= fit; ++place)
        QVERIFY(keys.contains(QStringLiteral("refund:L-0003:%1").arg(place)));
    const auto verified = cli({"audit", "verify", "--db", m.db, "--as", "admin"});
    EXPECT_RUN(verified, 0);
}

// 3b. Settlement is recorded by whichever command looks first: 20 processes look at once
// right after the credit was imported; the request settles once, with one audit entry.
void TestRefundProcesses::settlementSeenByManyAtOnce()
{
    Mirror m;
    freshMirror(m);
    if (QTest::currentTestFailed())
        return;
    QString id, file;
    request(m, "agent1", {}, id);
    if (QTest::currentTestFailed())
        return;
    const auto approved = cli({"refund", "approve", "--db", m.db, "--as", "ops1", id});
    EXPECT_RUN(approved, 0);
    exportOnce(m, file);
    if (QTest::currentTestFailed())
        return;
    const QString feed = m.dir + "/platform.jsonl";
    simulateAndImport(m, feed, 1);   // import only: nothing has looked at the store since
    if (QTest::currentTestFailed())
        return;
    std::vector<std::unique_ptr<QProcess>> procs;
    for (int i = 0; i < 20; ++i) {
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(childEnv());
        if (i % 3 == 0)
            p->start(kCli, {"refund", "list", "--db", m.db, "--as", "admin", "--format", "json"});
        else if (i % 3 == 1)
            p->start(kCli, {"refund", "quote", "--db", m.db, "--as", "agent2", "--ledger", "L-0003"});
        else
            p->start(kCli, {"refund", "request", "--db", m.db, "--as", "ops2", "--ledger", "L-0003", "--reason",
                            "GOODWILL", "--amount", "1"});
        procs.push_back(std::move(p));
    }
    const QDeadlineTimer deadline(120000);
    for (std::size_t i = 0; i < procs.size(); ++i) {
        auto& p = procs[i];
        if (!p->waitForFinished(int(std::max<qint64>(1, deadline.remainingTime())))) {
            p->kill();
            p->waitForFinished();
        }
        const Run r = collect(*p);
        // A request after the credit: the settled refund holds the whole debit.
        const int expected = i % 3 == 2 ? 5 : 0;
        QVERIFY2(r.is(expected), qPrintable(QStringLiteral("process %1, expected exit %2; ").arg(i).arg(expected) + r.text()));
        if (i % 3 == 1)
            QVERIFY2(r.out.contains("still refundable: KRW 0 "), qPrintable(r.text()));
    }
    QJsonArray rows;
    list(m, rows);
    const auto r = only(rows);
    QCOMPARE(r.value("state").toString(), QStringLiteral("settled"));
    QCOMPARE(r.value("settled_amount").toInteger(), 50000);
    QCOMPARE(r.value("flag").toString(), QString());
    const auto audit = cli({"audit", "list", "--db", m.db, "--as", "admin", "--target", id, "--limit", "100"});
    EXPECT_RUN(audit, 0);
    int settles = 0;
    for (const auto& line : QString::fromUtf8(audit.out).split('\n', Qt::SkipEmptyParts))
        settles += line.split('\t').value(3) == QLatin1String("refund.settle") ? 1 : 0;
    QVERIFY2(settles == 1, qPrintable(QString::fromUtf8(audit.out)));
    const auto verified = cli({"audit", "verify", "--db", m.db, "--as", "admin", "--against", file});
    EXPECT_RUN(verified, 0);
}

// 4a. A request killed before, inside and after its transaction: the retry with the same
// operation id makes exactly one request.
void TestRefundProcesses::killedRequest_data()
{
    QTest::addColumn<QString>("point");
    QTest::addColumn<QString>("as");
    QTest::addColumn<QString>("state");
    for (const char* point : {"refund.before_tx", "refund.in_tx", "refund.after_tx"}) {
        QTest::addRow("%s, agent", point) << point << "agent1" << "requested";
        QTest::addRow("%s, ops", point) << point << "ops1" << "approved";
    }
}

void TestRefundProcesses::killedRequest()
{
    QFETCH(QString, point);
    QFETCH(QString, as);
    QFETCH(QString, state);
    Mirror m;
    freshMirror(m);
    if (QTest::currentTestFailed())
        return;
    const QStringList args{"refund", "request", "--db", m.db, "--as", as, "--ledger", "L-0003", "--reason",
                           "ORPHAN_DEBIT", "--op-id", "op-killed-1"};
    const auto killed = cli(args, point);
    QVERIFY2(killed.finished && killed.crashed, qPrintable("it did not die at " + point + ": " + killed.text()));
    const auto retried = cli(args);
    EXPECT_RUN(retried, 0);
    const auto again = cli(args);   // and once more: still the same request
    EXPECT_RUN(again, 0);
    QCOMPARE(again.lastWord(), retried.lastWord());
    QJsonArray rows;
    list(m, rows);
    const auto r = only(rows);
    QCOMPARE(r.value("request_id").toString(), retried.lastWord());
    QCOMPARE(r.value("state").toString(), state);
    QCOMPARE(r.value("amount").toInteger(), 50000);
    QCOMPARE(r.value("idempotency_key").toString(), QStringLiteral("refund:L-0003:1"));
    QCOMPARE(r.value("op_id").toString(), QStringLiteral("op-killed-1"));
    const auto verified = cli({"audit", "verify", "--db", m.db, "--as", "admin"});
    EXPECT_RUN(verified, 0);
}

// 4b. An export killed after claiming, in the middle of writing, and after writing: the next
// export hands the request over exactly once under a final name, and it settles once.
void TestRefundProcesses::killedExport_data()
{
    QTest::addColumn<QString>("point");
    QTest::newRow("export.after_claim") << "export.after_claim";
    QTest::newRow("export.mid_write") << "export.mid_write";
    QTest::newRow("export.after_write") << "export.after_write";
}

void TestRefundProcesses::killedExport()
{
    QFETCH(QString, point);
    Mirror m;
    freshMirror(m);
    if (QTest::currentTestFailed())
        return;
    QString id;
    request(m, "agent1", {}, id);
    if (QTest::currentTestFailed())
        return;
    const auto approved = cli({"refund", "approve", "--db", m.db, "--as", "ops1", id});
    EXPECT_RUN(approved, 0);
    const QStringList exportArgs{"outbox", "export", "--db", m.db, "--as", "ops2", "--out", m.outbox};
    const auto killed = cli(exportArgs, point);
    QVERIFY2(killed.finished && killed.crashed, qPrintable("it did not die at " + point + ": " + killed.text()));

    // No file under its final name is ever partial.
    for (const auto& f : handedOver(m.outbox)) {
        const QByteArray text = readAll(f);
        QVERIFY2(!text.isEmpty() && text.endsWith('\n'), qPrintable(f));
        for (const auto& line : jsonLines(text))
            QVERIFY2(!line.value("request_id").toString().isEmpty(), qPrintable(f));
    }
    if (point == "export.after_claim" || point == "export.mid_write")
        QVERIFY2(handedOver(m.outbox).isEmpty(), qPrintable(handedOver(m.outbox).join(", ")));
    else
        QCOMPARE(handedOver(m.outbox).size(), 1);

    // Claimed means sent: it may already be at the platform, so it can no longer be cancelled.
    QJsonArray rows;
    list(m, rows);
    QCOMPARE(only(rows).value("state").toString(), QStringLiteral("sent"));
    const auto cancelMine = cli({"refund", "cancel", "--db", m.db, "--as", "agent1", id});
    QVERIFY2(cancelMine.is(5) && !cancelMine.err.isEmpty(), qPrintable(cancelMine.text()));
    const auto cancelOps = cli({"refund", "cancel", "--db", m.db, "--as", "ops1", id});
    QVERIFY2(cancelOps.is(5) && !cancelOps.err.isEmpty(), qPrintable(cancelOps.text()));

    const auto finished = cli(exportArgs);
    EXPECT_RUN(finished, 0);
    const auto printed = QString::fromUtf8(finished.out).split('\n', Qt::SkipEmptyParts);
    QCOMPARE(printed.size(), 1);
    const auto files = handedOver(m.outbox);
    QCOMPARE(files.size(), 1);
    QCOMPARE(QFileInfo(printed.first().trimmed()).canonicalFilePath(), QFileInfo(files.first()).canonicalFilePath());
    int times = 0;
    for (const auto& f : files)
        for (const auto& line : jsonLines(readAll(f))) {
            times += line.value("request_id").toString() == id ? 1 : 0;
            QCOMPARE(line.value("idempotency_key").toString(), QStringLiteral("refund:L-0003:1"));
            QVERIFY(line.contains("audit_head"));
        }
    QCOMPARE(times, 1);
    const auto nothing = cli(exportArgs);
    EXPECT_RUN(nothing, 0);
    QCOMPARE(nothing.out, QByteArray());

    list(m, rows);
    QCOMPARE(only(rows).value("state").toString(), QStringLiteral("sent"));
    simulateAndImport(m, m.dir + "/platform.jsonl", 1);
    if (QTest::currentTestFailed())
        return;
    list(m, rows);
    const auto r = only(rows);
    QCOMPARE(r.value("state").toString(), QStringLiteral("settled"));
    QCOMPARE(r.value("settled_amount").toInteger(), 50000);
    QCOMPARE(r.value("flag").toString(), QString());
    const auto verified = cli({"audit", "verify", "--db", m.db, "--as", "admin", "--against", files.first()});
    EXPECT_RUN(verified, 0);
}

// 4c. A request claimed by an export that died before writing its file, then recorded as failed
// at the platform (which releases it), must not be handed over by the next export: the new
// request that the release allows would make the platform give the money back twice.
void TestRefundProcesses::failedAfterKilledExportIsNeverResent()
{
    Mirror m;
    freshMirror(m);
    if (QTest::currentTestFailed())
        return;
    QString first;
    request(m, "ops1", {}, first);   // 50,000 by ops: approved at once
    if (QTest::currentTestFailed())
        return;
    const QStringList exportArgs{"outbox", "export", "--db", m.db, "--as", "ops2", "--out", m.outbox};
    const auto killed = cli(exportArgs, "export.after_claim");
    QVERIFY2(killed.finished && killed.crashed, qPrintable(killed.text()));
    QVERIFY(handedOver(m.outbox).isEmpty());
    // Either the store refuses to record a failure of a request whose file may still go out (5),
    // or it records it (0) and then never hands that request over.
    const auto failed = cli({"refund", "fail", "--db", m.db, "--as", "ops2", first, "--note", "the platform never got it"});
    QVERIFY2(failed.is(0) || failed.is(5), qPrintable(failed.text()));
    cli({"refund", "request", "--db", m.db, "--as", "ops1", "--ledger", "L-0003", "--reason", "ORPHAN_DEBIT"});
    const auto exported = cli(exportArgs);
    EXPECT_RUN(exported, 0);
    QString resentIn;
    if (failed.is(0))
        for (const auto& f : handedOver(m.outbox))
            for (const auto& line : jsonLines(readAll(f)))
                if (line.value("request_id").toString() == first)
                    resentIn = f;
    const QString feed = m.dir + "/platform.jsonl";
    const auto sim = cli({"simulate-platform", "--outbox", m.outbox, "--out", feed, "--db", m.db});
    EXPECT_RUN(sim, 0);
    qint64 credited = 0;
    for (const auto& c : jsonLines(readAll(feed)))
        credited += c.value("ref_id").toString() == "L-0003" ? c.value("amount").toInteger() : 0;
    QVERIFY2(credited <= 50000, qPrintable(QStringLiteral("the platform gave back KRW %1 for a debit of KRW 50,000 "
                                                          "(the request recorded as failed was %2); ")
                                               .arg(credited)
                                               .arg(resentIn.isEmpty() ? "not handed over again"
                                                                       : "handed over again in " + resentIn)
                                           + sim.text()));
    const auto imported = cli({"import", "--quiet", "--db", m.db, feed});
    EXPECT_RUN(imported, 0);
    QJsonArray rows;
    list(m, rows);
    qint64 settled = 0;
    for (const auto& v : rows)
        settled += v.toObject().value("settled_amount").toInteger();
    QVERIFY2(settled <= 50000, qPrintable(QStringLiteral("KRW %1 settled for a debit of KRW 50,000").arg(settled)));
    QVERIFY2(resentIn.isEmpty(), qPrintable("the request recorded as failed was handed over again in " + resentIn));
}

// 4d. Two consoles (or windows) export at once while an earlier export is unfinished or a new
// one is being written: every export succeeds, one file, the request in it once.
void TestRefundProcesses::concurrentExports()
{
    constexpr int kN = 12;
    Mirror m;
    freshMirror(m);
    if (QTest::currentTestFailed())
        return;
    QStringList odd, torn;
    for (int round = 1; round <= 4; ++round) {
        const QString dir = m.dir + QStringLiteral("/outbox-%1").arg(round);
        QVERIFY(QDir().mkpath(dir));
        QString id;
        request(m, "ops1", {"--ledger", "L-0006", "--amount", "1000"}, id);   // approved at once
        if (QTest::currentTestFailed())
            return;
        std::vector<std::unique_ptr<QProcess>> procs;
        for (int i = 0; i < kN; ++i) {
            auto p = std::make_unique<QProcess>();
            p->setProcessEnvironment(childEnv());
            p->start(kCli, {"outbox", "export", "--db", m.db, "--as", i % 2 ? "ops2" : "admin", "--out", dir});
            procs.push_back(std::move(p));
        }
        // Watch the folder while they run: a file under its final name is never partial.
        const QDeadlineTimer deadline(60000);
        const auto running = [&] {
            for (auto& p : procs)
                if (p->state() != QProcess::NotRunning)
                    return true;
            return false;
        };
        while (running() && !deadline.hasExpired()) {
            for (const auto& f : handedOver(dir)) {
                const QByteArray text = readAll(f);
                if (!text.endsWith('\n') || jsonLines(text).value(0).value("request_id").toString().isEmpty())
                    torn << QStringLiteral("%1 (%2 bytes)").arg(f).arg(text.size());
            }
            for (auto& p : procs)
                p->waitForFinished(1);
        }
        int written = 0;
        for (auto& p : procs) {
            if (!p->waitForFinished(int(std::max<qint64>(1, deadline.remainingTime())))) {
                p->kill();
                p->waitForFinished();
            }
            const Run r = collect(*p);
            if (!r.is(0))
                odd << QStringLiteral("round %1: ").arg(round) + r.text();
            written += r.out.trimmed().isEmpty() ? 0 : 1;
        }
        const auto files = handedOver(dir);
        QCOMPARE(files.size(), 1);
        QVERIFY(written >= 1);
        int times = 0;
        for (const auto& line : jsonLines(readAll(files.first())))
            times += line.value("request_id").toString() == id ? 1 : 0;
        QCOMPARE(times, 1);
    }
    QVERIFY2(torn.isEmpty(), qPrintable("a file under its final name was partial: " + torn.join("; ")));
    QVERIFY2(odd.isEmpty(), qPrintable(QStringLiteral("%1 of %2 concurrent exports failed; first: %3")
                                           .arg(odd.size())
                                           .arg(4 * kN)
                                           .arg(odd.value(0))));
}

// 5. The mirror deleted and rebuilt from the feeds keeps every request and its state.
void TestRefundProcesses::mirrorDeletedAndRebuilt()
{
    Mirror m;
    freshMirror(m);
    if (QTest::currentTestFailed())
        return;
    Loop loop;
    runLoop(m, loop);
    if (QTest::currentTestFailed())
        return;
    // A second request still under way, to see more than one state survive.
    QString pending;
    request(m, "agent1", {"--ledger", "L-0006", "--amount", "3000"}, pending);
    QJsonArray before;
    list(m, before);
    QCOMPARE(before.size(), 2);
    const auto key = [](const QJsonArray& rows) {
        QMap<QString, QString> out;
        for (const auto& v : rows) {
            const auto o = v.toObject();
            out.insert(o.value("request_id").toString(),
                       o.value("state").toString() + " amount " + QString::number(o.value("amount").toInteger())
                           + " settled " + o.value("settled_amount").toVariant().toString() + " key "
                           + o.value("idempotency_key").toString());
        }
        return out;
    };

    for (const char* suffix : {"", "-wal", "-shm"})
        QFile::remove(m.db + suffix);
    QVERIFY(!QFileInfo::exists(m.db));
    QVERIFY(onServer() || QFileInfo::exists(m.ops));
    const auto example = cli({"import", "--quiet", "--db", m.db, kExample});
    EXPECT_RUN(example, 3);
    QJsonArray middle;
    list(m, middle);   // the credit is not in the mirror yet: the store still knows it settled
    QCOMPARE(key(middle), key(before));
    const auto platform = cli({"import", "--quiet", "--db", m.db, loop.feed});
    EXPECT_RUN(platform, 0);
    QJsonArray after;
    list(m, after);
    QCOMPARE(key(after), key(before));

    const auto refused = cli({"refund", "request", "--db", m.db, "--as", "ops1", "--ledger", "L-0003", "--reason",
                              "ORPHAN_DEBIT"});
    QVERIFY2(refused.is(5) && refused.err.contains("nothing_left"), qPrintable(refused.text()));
    const auto orphans = cli({"orphans", "--db", m.db, "--format", "json"});
    EXPECT_RUN(orphans, 0);
    QVERIFY(!QString::fromUtf8(orphans.out).contains("L-0003"));
    const auto verified = cli({"audit", "verify", "--db", m.db, "--as", "admin", "--against", loop.outboxFile});
    EXPECT_RUN(verified, 0);
}

// 6. A store restored from a backup taken before a refund meets that refund's credit: it is
// counted as given back and holds its place, so the next key is new.
void TestRefundProcesses::restoredBackupMeetsForeignCredit_data()
{
    QTest::addColumn<QString>("firstAmount");
    QTest::addColumn<QString>("grouped");
    QTest::newRow("whole debit refunded, then restored") << "50000" << "50,000";
    QTest::newRow("20000 of 50000 refunded, then restored") << "20000" << "20,000";
}

void TestRefundProcesses::restoredBackupMeetsForeignCredit()
{
    SQLITE_STORE_ONLY();
    QFETCH(QString, firstAmount);
    QFETCH(QString, grouped);
    Mirror m;
    freshMirror(m);
    if (QTest::currentTestFailed())
        return;
    const QString backup = m.dir + "/backup.ops.sqlite";
    const auto b = cli({"ops", "backup", "--db", m.db, "--out", backup});
    EXPECT_RUN(b, 0);
    QVERIFY(QFileInfo(backup).size() > 0);
    Loop loop;
    runLoop(m, loop, firstAmount);
    if (QTest::currentTestFailed())
        return;

    for (const char* suffix : {"", "-wal", "-shm"})
        QFile::remove(m.ops + suffix);
    QVERIFY(QFile::copy(backup, m.ops));
    QFile(m.ops).setPermissions(QFile::ReadOwner | QFile::WriteOwner);

    QJsonArray rows;
    list(m, rows);
    QCOMPARE(rows.size(), 0);   // the store knows no request: the credit is someone else's
    const auto quote = cli({"refund", "quote", "--db", m.db, "--as", "agent1", "--ledger", "L-0003"});
    EXPECT_RUN(quote, 0);
    QVERIFY2(quote.out.contains("credits for unknown requests: KRW " + grouped.toUtf8()),
             qPrintable(quote.text()));

    const int left = 50000 - firstAmount.toInt();
    if (left == 0) {
        const auto refused = cli({"refund", "request", "--db", m.db, "--as", "agent1", "--ledger", "L-0003", "--reason",
                                  "ORPHAN_DEBIT"});
        QVERIFY2(refused.is(5) && refused.err.contains("nothing_left"), qPrintable(refused.text()));
        list(m, rows);
        QCOMPARE(rows.size(), 0);
        return;
    }
    const auto over = cli({"refund", "request", "--db", m.db, "--as", "agent1", "--ledger", "L-0003", "--reason",
                           "ORPHAN_DEBIT", "--amount", QString::number(left + 1)});
    QVERIFY2(over.is(5) && over.err.contains("over_refundable"), qPrintable(over.text()));
    Loop second;
    runLoop(m, second, QString::number(left));
    if (QTest::currentTestFailed())
        return;
    list(m, rows);
    const auto r = only(rows);
    QCOMPARE(r.value("request_id").toString(), second.requestId);
    QCOMPARE(r.value("idempotency_key").toString(), QStringLiteral("refund:L-0003:2"));   // never :1 again
    QCOMPARE(r.value("amount").toInteger(), left);
    QCOMPARE(r.value("settled_amount").toInteger(), left);
    const auto done = cli({"refund", "request", "--db", m.db, "--as", "agent1", "--ledger", "L-0003", "--reason",
                           "ORPHAN_DEBIT"});
    QVERIFY2(done.is(5) && done.err.contains("nothing_left"), qPrintable(done.text()));
}

// 6b. An online backup taken while 20 processes make requests is one consistent moment: its
// chain verifies, and it holds as many requests as audit entries that made them.
void TestRefundProcesses::backupWhileRequestsAreMade()
{
    SQLITE_STORE_ONLY();
    constexpr int kN = 20;
    Mirror m;
    freshMirror(m);
    if (QTest::currentTestFailed())
        return;
    const QString backup = m.dir + "/during.ops.sqlite";
    std::vector<std::unique_ptr<QProcess>> procs;
    for (int i = 0; i <= kN; ++i) {
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(childEnv());
        if (i == kN / 2)
            p->start(kCli, {"ops", "backup", "--db", m.db, "--out", backup});
        else
            p->start(kCli, {"refund", "request", "--db", m.db, "--as", i % 2 ? "ops1" : "agent1", "--ledger", "L-0006",
                            "--amount", "100", "--reason", "DUPLICATE_CHARGE", "--op-id", QStringLiteral("op-b-%1").arg(i)});
        procs.push_back(std::move(p));
    }
    const QDeadlineTimer deadline(120000);
    for (std::size_t i = 0; i < procs.size(); ++i) {
        auto& p = procs[i];
        if (!p->waitForFinished(int(std::max<qint64>(1, deadline.remainingTime())))) {
            p->kill();
            p->waitForFinished();
        }
        const Run r = collect(*p);
        QVERIFY2(r.is(0), qPrintable(QStringLiteral("process %1: ").arg(i) + r.text()));
    }
    QJsonArray live;
    list(m, live);
    QCOMPARE(live.size(), kN);
    const QStringList inBackup{"--db", m.db, "--ops", backup, "--as", "admin"};
    const auto verified = cli(QStringList{"audit", "verify"} + inBackup);
    EXPECT_RUN(verified, 0);
    const auto listed = cli(QStringList{"refund", "list", "--format", "json"} + inBackup);
    EXPECT_RUN(listed, 0);
    const auto requests = QJsonDocument::fromJson(listed.out).array().size();
    const auto audit = cli(QStringList{"audit", "list", "--limit", "10000"} + inBackup);
    EXPECT_RUN(audit, 0);
    int made = 0;
    for (const auto& line : QString::fromUtf8(audit.out).split('\n', Qt::SkipEmptyParts)) {
        const auto f = line.split('\t');
        made += f.value(3) == QLatin1String("refund.request") && f.value(5) == QLatin1String("ok") ? 1 : 0;
    }
    QVERIFY2(requests >= 0 && requests <= kN, qPrintable(QString::number(requests)));
    QCOMPARE(made, int(requests));
}

// 7. An attacker drops the append-only triggers and edits the log: verify finds the first
// broken entry; a truncated tail is found against the head an outbox file carried.
void TestRefundProcesses::auditTampering_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<int>("brokenAt");   // 0: the chain alone still verifies
    QTest::newRow("entry 3's target changed") << "UPDATE audit_log SET target = 'someone-else' WHERE seq = 3" << 3;
    QTest::newRow("entry 4 deleted") << "DELETE FROM audit_log WHERE seq = 4" << 4;
    QTest::newRow("entries 3 and 4 swapped") << "UPDATE audit_log SET seq = -3 WHERE seq = 3;"
                                                "UPDATE audit_log SET seq = 3 WHERE seq = 4;"
                                                "UPDATE audit_log SET seq = 4 WHERE seq = -3"
                                             << 3;
    QTest::newRow("entries 3 and 4 contents swapped")
        << "CREATE TEMP TABLE t AS SELECT * FROM audit_log WHERE seq IN (3, 4);"
           "UPDATE audit_log SET (at, actor, action, target, before_json, after_json, outcome) = "
           "(SELECT at, actor, action, target, before_json, after_json, outcome FROM t WHERE t.seq = 7 - audit_log.seq) "
           "WHERE seq IN (3, 4)"
        << 3;
    QTest::newRow("tail truncated below the exported head") << "DELETE FROM audit_log WHERE seq >= @HEAD@" << 0;
    // An attacker who knows the hash recomputes the chain after the edit: only the head the
    // platform received catches it.
    QTest::newRow("entry 3 changed and every hash after it recomputed")
        << "UPDATE audit_log SET target = 'someone-else' WHERE seq = 3; @REHASH@" << 0;
}

void TestRefundProcesses::auditTampering()
{
    SQLITE_STORE_ONLY();
    QFETCH(QString, sql);
    QFETCH(int, brokenAt);
    Mirror m;
    freshMirror(m);
    if (QTest::currentTestFailed())
        return;
    Loop loop;
    runLoop(m, loop);
    if (QTest::currentTestFailed())
        return;
    // More entries after the export: a refused attempt and a request.
    cli({"refund", "request", "--db", m.db, "--as", "merch", "--ledger", "L-0003", "--reason", "GOODWILL"});
    QString other;
    request(m, "agent1", {"--ledger", "L-0006", "--amount", "1000"}, other);
    const auto head = jsonLines(readAll(loop.outboxFile)).value(0).value("audit_head").toObject();
    const qint64 headCount = head.value("count").toInteger();
    QVERIFY(headCount > 4);
    const auto intact = cli({"audit", "verify", "--db", m.db, "--as", "admin", "--against", loop.outboxFile});
    EXPECT_RUN(intact, 0);

    // The triggers hold against an ordinary edit.
    QString why;
    QVERIFY(!execSql(m.ops, "UPDATE audit_log SET target = 'x' WHERE seq = 3", &why));
    QVERIFY2(why.contains("append-only"), qPrintable(why));
    QVERIFY(!execSql(m.ops, "DELETE FROM audit_log WHERE seq = 3", &why));

    const bool rehash = sql.contains("@REHASH@");
    const bool dropped = execSql(m.ops,
                                 "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; "
                                     + QString(sql).replace("@HEAD@", QString::number(headCount - 1)).remove("@REHASH@"),
                                 &why);
    QVERIFY2(dropped, qPrintable(why));
    if (rehash) {
        rehashChain(m.ops);
        if (QTest::currentTestFailed())
            return;
    }

    const auto verify = cli({"audit", "verify", "--db", m.db, "--as", "admin"});
    const auto against = cli({"audit", "verify", "--db", m.db, "--as", "admin", "--against", loop.outboxFile});
    if (brokenAt) {
        QVERIFY2(verify.is(4), qPrintable(verify.text()));
        QVERIFY2(verify.err.contains(QStringLiteral("entry %1:").arg(brokenAt).toUtf8()), qPrintable(verify.text()));
        QVERIFY2(against.is(4), qPrintable(against.text()));
    } else {
        QVERIFY2(verify.is(0), qPrintable(verify.text()));   // a shorter chain is still a chain
        QVERIFY2(against.is(4), qPrintable(against.text()));
        QVERIFY2(!against.err.trimmed().isEmpty(), qPrintable(against.text()));
        // Rewritten: the entry the file's head names. Truncated: the two verifying commands'
        // sign-ins were audited after the cut (seq headCount - 1 and headCount), so the chain
        // reaches the exported head again with another entry there: also the head's entry.
        const qint64 named = headCount;
        QVERIFY2(against.err.contains(QStringLiteral("entry %1").arg(named).toUtf8()), qPrintable(against.text()));
    }
}

QTEST_GUILESS_MAIN(TestRefundProcesses)
#include "tst_refund_processes.moc"
