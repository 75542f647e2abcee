// Damaged files under real reconsole-cli processes, as a table: damage × store × command. Each
// row gets fresh copies of a demo mirror and its operations store (in folders of their own, so
// that one can be made read-only alone), damages one, and runs one command. Every run ends in
// one of:
//   Advice  exit 1, the message says what to do (rebuild the mirror from the feed; restore the
//           operations store from its backup; make the file or folder writable);
//   Intact  exit 0 and the same output as on undamaged copies (what SQLite kept is whole);
//   Either  a damaged page of the mirror is only found when a command reads it: Advice, or
//           Intact when the command read none of the damaged pages;
//   Warned  exit 0, the import goes on with the default catalog rules and says on stderr that
//           the operations store must be restored (ops_common.h: rulesInForceFor).
// Never a crash (exit 134/139), never an empty answer as if all were well. docs/broken-files.md.
#include "cli_process.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using reconsole::test::CliRun;
using reconsole::test::runCli;

namespace {

enum class Damage { Page, EveryPage, TruncatedWal, NotSqlite, ReadOnlyOpen, ReadOnlyFolder };
enum class Store { Mirror, Ops };
enum class Expect { Advice, Intact, Either, Warned };

const QString kAsOf = QStringLiteral("2030-01-01T00:00:00Z");
const QString kPassword = QStringLiteral("lee.ops-demo-password");
const char* const kRebuild = "Rebuild the mirror from the feed";
const char* const kRestore = "Restore the operations store from its backup";
const char* const kWritable = "cannot be written";
const char* const kFolder = "folder";

bool runTool(const QString& program, const QStringList& args)
{
    QProcess p;
    p.start(program, args);
    return p.waitForFinished(10000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// The page size from the file's header (bytes 16-17, big-endian; 1 means 65 536).
int pageSizeOf(const QByteArray& header)
{
    const int v = (static_cast<unsigned char>(header[16]) << 8) | static_cast<unsigned char>(header[17]);
    return v == 1 ? 65536 : v;
}

// Whole pages overwritten with 0xFF, so that no page header survives: the middle third of the
// file, or every page after the first (the header and the start of the schema).
bool damagePages(const QString& path, bool everyPage)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite))
        return false;
    const int page = pageSizeOf(f.read(100));
    const qint64 pages = f.size() / page;
    const qint64 first = everyPage ? 1 : std::max<qint64>(1, pages / 3);
    const qint64 last = everyPage ? pages : std::max(first + 1, 2 * pages / 3);
    for (qint64 p = first; p < last; ++p) {
        f.seek(p * page);
        f.write(QByteArray(page, char(0xFF)));
    }
    return true;
}

bool exec(sqlite3* db, const char* sql) { return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK; }

// Two committed transactions left in the WAL of a copy, the second torn half-way through its
// last frame, as a crash while the disk was writing it leaves it. Table wal_probe holds 1 after
// the first and 2 after the second.
bool copyWithTornWal(const QString& base, const QString& target)
{
    const QString original = target + ".scratch";   // written to; the base stays as it is
    if (!QFile::copy(base, original))
        return false;
    sqlite3* db = nullptr;
    bool ok = sqlite3_open(original.toUtf8().constData(), &db) == SQLITE_OK
        && exec(db, "PRAGMA wal_autocheckpoint = 0; CREATE TABLE wal_probe(n INTEGER); INSERT INTO wal_probe VALUES(1)")
        && exec(db, "INSERT INTO wal_probe VALUES(2)");
    ok = ok && QFile::copy(original, target) && QFile::copy(original + "-wal", target + "-wal");
    // Closing checkpoints the original; the copy keeps its WAL.
    sqlite3_close(db);
    QFile wal(target + "-wal");
    if (!ok || !wal.open(QIODevice::ReadWrite))
        return false;
    // The WAL header (32 bytes) holds the page size at offset 8, big-endian.
    wal.seek(8);
    const QByteArray ps = wal.read(4);
    const qint64 frameSize = 24 + ((qint64(static_cast<unsigned char>(ps[0])) << 24) | (static_cast<unsigned char>(ps[1]) << 16)
                                   | (static_cast<unsigned char>(ps[2]) << 8) | static_cast<unsigned char>(ps[3]));
    return wal.size() > 32 + frameSize && wal.resize(wal.size() - frameSize / 2);
}

QString probeOf(const QString& path)
{
    sqlite3* db = nullptr;
    QString values;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, "SELECT group_concat(n) FROM wal_probe", -1, &st, nullptr) == SQLITE_OK
            && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
            values = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return values;
}

}  // namespace

class TestBrokenFiles : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void damagedStore_data();
    void damagedStore();
    void anUnreachableServerIsRefused_data();
    void anUnreachableServerIsRefused();

private:
    struct Copies {
        QString mirrorDir, opsDir, mirror, ops;
    };
    Copies freshCopies(const QString& name);
    QStringList commandArgs(const QString& command, const Copies& c, bool signIn) const;
    QHash<QString, QString> envFor(const Copies& c) const;

    QTemporaryDir dir_;
    QString baseMirror_, baseOps_, feed_, ledger_, customer_;
    QHash<QString, CliRun> intact_;   // command (with " --as" when signed in) -> its run on undamaged copies
    QStringList immutable_;           // folders to make writable again
    bool canFreezeFolders_ = false;
};

void TestBrokenFiles::initTestCase()
{
    QVERIFY(dir_.isValid());
    baseMirror_ = dir_.path() + "/base.db";
    baseOps_ = dir_.path() + "/base.ops.sqlite";
    feed_ = dir_.path() + "/feed.jsonl";
    const CliRun demo = runCli({"demo", "--db", baseMirror_, "--orders", "5000", "--customers", "500", "--feed-out", feed_});
    QVERIFY2(demo.code == 0, qPrintable(demo.text()));
    QVERIFY(!QFile::exists(baseMirror_ + "-wal") && !QFile::exists(baseOps_ + "-wal"));
    const CliRun orphans = runCli({"orphans", "--db", baseMirror_, "--format", "json", "--as-of", kAsOf});
    const QJsonArray rows = QJsonDocument::fromJson(orphans.out).array();
    QVERIFY2(!rows.isEmpty(), qPrintable(orphans.text()));
    customer_ = rows.last().toObject().value("customer_id").toString();
    // A debit with something left to refund (the demo's store has refunded some in full).
    for (const auto& row : rows) {
        const QString ledger = row.toObject().value("ledger_id").toString();
        const CliRun quote = runCli({"refund", "quote", "--db", baseMirror_, "--as", "lee.ops", "--ledger", ledger},
                                    {{"RECONSOLE_PASSWORD", kPassword}});
        static const QRegularExpression nothingLeft(QStringLiteral("still refundable: KRW 0(\\s|$)"));
        if (quote.code == 0 && !nothingLeft.match(QString::fromUtf8(quote.out)).hasMatch()) {
            ledger_ = ledger;
            break;
        }
    }
    QVERIFY(!ledger_.isEmpty() && !customer_.isEmpty());

    // A folder even root cannot add files to: the immutable attribute, where the file system has it.
    const QString probe = dir_.path() + "/freeze-probe";
    QVERIFY(QDir().mkpath(probe));
    canFreezeFolders_ = runTool("chattr", {"+i", probe}) && !QFile(probe + "/x").open(QIODevice::WriteOnly);
    runTool("chattr", {"-i", probe});

    // What every command answers on undamaged copies.
    const Copies c = freshCopies("intact");
    for (const QString command : {"import", "orphans", "customer", "quarantine", "refund list"})
        for (const bool signIn : {false, true}) {
            const CliRun r = runCli(commandArgs(command, c, signIn), envFor(c));
            QVERIFY2(r.code == 0, qPrintable(command + ": " + r.text()));
            intact_.insert(command + (signIn ? " --as" : ""), r);
        }
}

void TestBrokenFiles::cleanup()
{
    for (const QString& folder : std::as_const(immutable_))
        runTool("chattr", {"-i", folder});
    immutable_.clear();
}

TestBrokenFiles::Copies TestBrokenFiles::freshCopies(const QString& name)
{
    Copies c;
    c.mirrorDir = dir_.path() + "/" + name + "/mirror";
    c.opsDir = dir_.path() + "/" + name + "/ops";
    QDir().mkpath(c.mirrorDir);
    QDir().mkpath(c.opsDir);
    c.mirror = c.mirrorDir + "/m.db";
    c.ops = c.opsDir + "/m.ops.sqlite";
    QFile::copy(baseMirror_, c.mirror);
    QFile::copy(baseOps_, c.ops);
    return c;
}

QStringList TestBrokenFiles::commandArgs(const QString& command, const Copies& c, bool signIn) const
{
    QStringList args;
    if (command == "import")
        args = {"import", "--quiet", "--db", c.mirror, feed_};   // every line a re-delivery
    else if (command == "orphans")
        args = {"orphans", "--db", c.mirror, "--format", "json", "--as-of", kAsOf};
    else if (command == "customer")
        args = {"customer", "--db", c.mirror, customer_};
    else if (command == "quarantine")
        args = {"quarantine", "--db", c.mirror};
    else if (command == "refund list")
        args = {"refund", "list", "--db", c.mirror, "--format", "json"};
    else if (command == "refund request")
        args = {"refund", "request", "--db", c.mirror, "--ledger", ledger_, "--reason", "ORPHAN_DEBIT", "--amount", "1"};
    if (signIn || command.startsWith("refund"))
        args << "--as" << "lee.ops";
    return args;
}

QHash<QString, QString> TestBrokenFiles::envFor(const Copies& c) const
{
    return {{"RECONSOLE_OPS", c.ops}, {"RECONSOLE_PASSWORD", kPassword}};
}

void TestBrokenFiles::damagedStore_data()
{
    QTest::addColumn<int>("damage");
    QTest::addColumn<int>("store");
    QTest::addColumn<QString>("command");
    QTest::addColumn<int>("expect");
    QTest::addColumn<QString>("advice");   // what the message must say when it is Advice (or Warned)

    const QStringList commands{"import", "orphans", "customer", "quarantine", "refund list", "refund request"};
    const auto add = [](const char* damage, const char* store, const QString& command, Damage d, Store s, Expect e,
                        const char* advice) {
        QTest::newRow(qPrintable(QStringLiteral("%1 / %2 / %3").arg(damage, store, command)))
            << int(d) << int(s) << command << int(e) << QString::fromUtf8(advice);
    };
    for (const QString& c : commands) {
        // The mirror is opened for writing by import (and read by everything).
        add("damaged page", "mirror", c, Damage::Page, Store::Mirror, Expect::Either, kRebuild);
        add("every page damaged", "mirror", c, Damage::EveryPage, Store::Mirror, Expect::Advice, kRebuild);
        add("every page damaged", "ops store", c, Damage::EveryPage, Store::Ops,
            c == "import" ? Expect::Warned : Expect::Advice, kRestore);
        add("damaged page", "ops store", c, Damage::Page, Store::Ops, c == "import" ? Expect::Warned : Expect::Advice,
            kRestore);
        add("torn WAL", "mirror", c, Damage::TruncatedWal, Store::Mirror, Expect::Intact, "");
        add("torn WAL", "ops store", c, Damage::TruncatedWal, Store::Ops, Expect::Intact, "");
        add("not SQLite", "mirror", c, Damage::NotSqlite, Store::Mirror, Expect::Advice, kRebuild);
        add("not SQLite", "ops store", c, Damage::NotSqlite, Store::Ops, c == "import" ? Expect::Warned : Expect::Advice,
            kRestore);
        // Read-only: what only reads works and says nothing; what writes says what to do.
        add("read-only open", "mirror", c, Damage::ReadOnlyOpen, Store::Mirror,
            c == "import" ? Expect::Advice : Expect::Intact, kWritable);
        // Every sign-in is audited: whatever signs in on a read-only store cannot.
        add("read-only open", "ops store", c, Damage::ReadOnlyOpen, Store::Ops,
            c == "import" ? Expect::Intact : Expect::Advice, kWritable);
        add("read-only folder", "mirror", c, Damage::ReadOnlyFolder, Store::Mirror, Expect::Advice, kFolder);
        add("read-only folder", "ops store", c, Damage::ReadOnlyFolder, Store::Ops,
            c == "import" ? Expect::Warned : Expect::Advice, kFolder);
    }
}

void TestBrokenFiles::damagedStore()
{
    QFETCH(int, damage);
    QFETCH(int, store);
    QFETCH(QString, command);
    QFETCH(int, expect);
    QFETCH(QString, advice);
    const auto d = Damage(damage);
    const bool onOps = Store(store) == Store::Ops;
    if (d == Damage::ReadOnlyFolder && !canFreezeFolders_)
        QSKIP("this file system has no immutable attribute (chattr +i): a folder cannot be made read-only for root");

    const Copies c = freshCopies(QString::fromUtf8(QTest::currentDataTag()).replace(QRegularExpression("[^A-Za-z]+"), "-"));
    const QString target = onOps ? c.ops : c.mirror;
    auto env = envFor(c);
    switch (d) {
    case Damage::Page:
    case Damage::EveryPage:
        QVERIFY(damagePages(target, d == Damage::EveryPage));
        break;
    case Damage::TruncatedWal:
        QVERIFY(QFile::remove(target));
        QVERIFY(copyWithTornWal(onOps ? baseOps_ : baseMirror_, target));
        break;
    case Damage::NotSqlite: {
        QFile f(target);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        for (int i = 0; i < 200; ++i)
            f.write("This is a note somebody saved under the store's name, not an SQLite database.\n");
        break;
    }
    case Damage::ReadOnlyOpen:
        env.insert(onOps ? "RECONSOLE_TEST_READ_ONLY_OPS" : "RECONSOLE_TEST_READ_ONLY_MIRROR", "1");
        break;
    case Damage::ReadOnlyFolder: {
        const QString folder = onOps ? c.opsDir : c.mirrorDir;
        QVERIFY(runTool("chattr", {"+i", folder}));
        immutable_ << folder;
        break;
    }
    }
    const bool signIn = onOps && (command == "orphans" || command == "customer" || command == "quarantine");
    const CliRun r = runCli(commandArgs(command, c, signIn), env);
    const QString key = command + (signIn ? " --as" : "");
    QVERIFY2(!r.crashed && (r.code == 0 || r.code == 1), qPrintable(r.text()));
    QVERIFY2(!r.err.contains("terminate called"), qPrintable(r.text()));

    const bool advised = r.code == 1;
    switch (Expect(expect)) {
    case Expect::Advice:
        QVERIFY2(advised, qPrintable("expected a refusal with advice; " + r.text()));
        break;
    case Expect::Intact:
    case Expect::Warned:
        QVERIFY2(!advised, qPrintable("expected it to work; " + r.text()));
        break;
    case Expect::Either:
        qInfo("%s", advised ? "met a damaged page: refused with the advice" : "read none of the damaged pages");
        break;
    }
    if (advised || Expect(expect) == Expect::Warned) {
        QVERIFY2(r.err.contains(advice.toUtf8()), qPrintable("the message lacks '" + advice + "'; " + r.text()));
        QVERIFY2(r.err.contains(target.toUtf8()), qPrintable("the message does not name the file; " + r.text()));
        if (advice == kRebuild)
            QVERIFY2(r.err.contains(("reconsole-cli import --db " + c.mirror).toUtf8()), qPrintable(r.text()));
        if (advice == kRestore)
            QVERIFY2(r.err.contains("reconsole-cli ops backup"), qPrintable(r.text()));
        if (advised)
            QVERIFY2(r.out.isEmpty() || command == "import", qPrintable("a result printed beside the failure; " + r.text()));
    } else if (command == "refund request") {
        QVERIFY2(r.out.trimmed().size() > 0, qPrintable(r.text()));   // the new request's id
    } else if (command != "import") {
        QCOMPARE(QString::fromUtf8(r.out), QString::fromUtf8(intact_.value(key).out));
    }
    if (d == Damage::TruncatedWal) {
        cleanup();
        // SQLite recovers a torn WAL: the transaction whose frame was torn is gone, the one
        // committed before it is kept.
        QCOMPARE(probeOf(target), QStringLiteral("1"));
    }
}

// The shared PostgreSQL store is the server's to keep; from here only: a server nobody answers
// on refuses the action with its reason, exit 1, nothing done (the console's side is tst_ops_live).
void TestBrokenFiles::anUnreachableServerIsRefused_data()
{
    QTest::addColumn<QString>("command");
    for (const char* c : {"refund request", "refund list", "orphans"})
        QTest::newRow(c) << QString::fromLatin1(c);
}

void TestBrokenFiles::anUnreachableServerIsRefused()
{
    QFETCH(QString, command);
    const Copies c = freshCopies("unreachable-" + QString(command).replace(' ', '-'));
    const auto before = QFileInfo(c.ops).lastModified();
    QStringList args = commandArgs(command, c, true);
    args << "--ops" << "postgresql://127.0.0.1:1/reconsole_ops";   // port 1: nobody listens
    const CliRun r = runCli(args, {{"RECONSOLE_PASSWORD", kPassword}, {"PGCONNECT_TIMEOUT", "5"}});
    QVERIFY2(!r.crashed && r.code == 1, qPrintable(r.text()));
    QVERIFY2(r.err.contains("cannot reach the operations server"), qPrintable(r.text()));
    QVERIFY2(r.out.isEmpty(), qPrintable(r.text()));
    QCOMPARE(QFileInfo(c.ops).lastModified(), before);   // the file store beside it was not used instead
}

QTEST_GUILESS_MAIN(TestBrokenFiles)
#include "tst_broken_files.moc"
