// reconsole-cli as a person or a script uses it: outputs and exit codes of every command.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QDir>
#include <QHash>
#include "store/database.h"

#include <QTest>

#include <limits>

class TestCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void exitCodes_data();
    void exitCodes();
    void orphansJsonIsTheSpecsForm();
    void orphansCsvAndTable();
    void orphanTableColumnsNeverRunTogether();
    void anAcknowledgedFindingLeavesTheOpenList();
    void aCatalogFixThroughTheCommandLine();
    void aRepairBatchThroughTheCommandLine();
    void catalogRulesByAnAdmin();
    void aComplaintAnsweredInWriting();
    void aDamagedMirrorNeverAborts();
    void hugeTotalsAreClampedNotWrapped();
    void explainReadsOut();
    void customerTimelineMarksOrphans();
    void quarantineSaysWhereAndWhy();
    void catalogCheckJson();
    void signInOnTheCommandLine();
    void failedSignInsAreSlowed();

private:
    struct Run {
        int code;
        QByteArray out, err;
    };
    // Runs reconsole-cli with the passwords a person would type: RECONSOLE_PASSWORD for --as
    // (passwordOf), RECONSOLE_NEW_PASSWORD for the operator `operator add` makes (its own for the
    // first admin, an initial one an admin chose otherwise); `env` overrides.
    Run cli(const QStringList& args, const QHash<QString, QString>& env = {});
    // operator add by an admin, then the new operator sets their own password (operator passwd),
    // as they must before doing anything else. Returns the first exit code that is not 0.
    int addOperator(const QStringList& args);
    static QString passwordOf(const QString& op) { return op + "-own-password"; }
    static QString initialPasswordOf(const QString& op) { return op + "-initial-password"; }
    QTemporaryDir dir_;
    QString mirror_;
};

namespace {

QString valueAfter(const QStringList& args, const QString& option)
{
    const auto i = args.indexOf(option);
    return i >= 0 && i + 1 < args.size() ? args[i + 1] : QString();
}

}  // namespace

TestCli::Run TestCli::cli(const QStringList& args, const QHash<QString, QString>& env)
{
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    const QString as = valueAfter(args, "--as");
    if (!as.isEmpty())
        e.insert("RECONSOLE_PASSWORD", passwordOf(as));
    if (args.size() > 1 && args[0] == "operator" && args[1] == "add") {
        const QString id = valueAfter(args, "--id");
        e.insert("RECONSOLE_NEW_PASSWORD", as.isEmpty() ? passwordOf(id) : initialPasswordOf(id));
    }
    for (auto it = env.begin(); it != env.end(); ++it)
        e.insert(it.key(), it.value());
    QProcess p;
    p.setProcessEnvironment(e);
    p.start(QStringLiteral(RECONSOLE_BIN_DIR "/reconsole-cli"), args);
    if (!p.waitForFinished(120000))
        return {-1, {}, {}};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

int TestCli::addOperator(const QStringList& args)
{
    if (const auto added = cli(args); added.code != 0) {
        qWarning("%s", added.err.constData());
        return added.code;
    }
    const QString id = valueAfter(args, "--id");
    const auto changed = cli({"operator", "passwd", "--db", valueAfter(args, "--db"), "--as", id},
                             {{"RECONSOLE_PASSWORD", initialPasswordOf(id)}, {"RECONSOLE_NEW_PASSWORD", passwordOf(id)}});
    if (changed.code != 0)
        qWarning("%s", changed.err.constData());
    return changed.code;
}

void TestCli::initTestCase()
{
    QVERIFY(dir_.isValid());
    mirror_ = dir_.path() + "/example.db";
    const auto r = cli({"import", "--quiet", "--db", mirror_, RECONSOLE_SHARED_DIR "/examples/incident-small.jsonl"});
    QCOMPARE(r.code, 3);   // two lines quarantined, the rest imported
}

void TestCli::exitCodes_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("says");   // on stdout or stderr
    const QString db = QStringLiteral("@DB@");
    QTest::newRow("no command") << QStringList{} << 2 << "usage";
    QTest::newRow("unknown command") << QStringList{"rebate"} << 2 << "unknown command";
    QTest::newRow("orphans without --db") << QStringList{"orphans"} << 2 << "--db";
    QTest::newRow("bad --as-of") << QStringList{"orphans", "--db", db, "--as-of", "2026-03-11 12:00"} << 2 << "--as-of";
    QTest::newRow("bad --grace-minutes") << QStringList{"orphans", "--db", db, "--grace-minutes", "-5"} << 2
                                         << "grace";
    QTest::newRow("bad --format") << QStringList{"orphans", "--db", db, "--format", "xml"} << 2 << "--format";
    QTest::newRow("explain an orphan") << QStringList{"explain", "--db", db, "L-0003"} << 0 << "₩50,000";
    QTest::newRow("explain a settled debit") << QStringList{"explain", "--db", db, "L-0001"} << 1 << "not an orphan";
    QTest::newRow("explain a debit inside the grace period") << QStringList{"explain", "--db", db, "L-0012"} << 1
                                                             << "not an orphan";
    QTest::newRow("explain it with no grace") << QStringList{"explain", "--db", db, "--grace-minutes", "0", "L-0012"}
                                              << 0 << "₩4,700";
    QTest::newRow("unknown customer") << QStringList{"customer", "--db", db, "C-NOBODY"} << 1 << "no customer";
    QTest::newRow("demo into a mirror with records") << QStringList{"demo", "--db", db, "--orders", "10"} << 1
                                                     << "already holds";
    QTest::newRow("demo --feed-only without --feed-out") << QStringList{"demo", "--feed-only"} << 2 << "--feed-out";
    QTest::newRow("a mirror that is not a database")
        << QStringList{"orphans", "--db", RECONSOLE_SHARED_DIR "/examples/README.md"} << 1 << "not a database";
    QTest::newRow("catalog without an action") << QStringList{"catalog"} << 2 << "usage";
    QTest::newRow("unknown catalog action") << QStringList{"catalog", "rebate", "--db", db} << 2 << "unknown catalog action";
    QTest::newRow("catalog check without --db") << QStringList{"catalog", "check"} << 2 << "--db";
    QTest::newRow("catalog check bad --format") << QStringList{"catalog", "check", "--db", db, "--format", "csv"} << 2
                                                << "--format";
    QTest::newRow("catalog check unknown --rule") << QStringList{"catalog", "check", "--db", db, "--rule", "CHEAP"} << 2
                                                  << "--rule";
    QTest::newRow("catalog check") << QStringList{"catalog", "check", "--db", db} << 0
                                   << "2 catalog finding(s), 2 open (high 2, medium 0, low 0)";
    QTest::newRow("catalog check of a file that is not a mirror")
        << QStringList{"catalog", "check", "--db", RECONSOLE_SHARED_DIR "/examples/README.md"} << 1 << "not a database";
    QTest::newRow("catalog impact of the cake set") << QStringList{"catalog", "impact", "--db", db, "P-SBUX-CAKE"} << 0
                                                    << "undercharged (the merchant received too little): ₩29,700 over 1 order(s)";
    QTest::newRow("catalog impact of the voucher") << QStringList{"catalog", "impact", "--db", db, "P-LOTTE-50K"} << 0
                                                   << "1 orphan debit(s) they explain, ₩50,000";
    QTest::newRow("catalog impact as json") << QStringList{"catalog", "impact", "--db", db, "--format", "json", "P-SBUX-CAKE"}
                                            << 0 << "\"undercharge\":{\"total\":29700,";
    QTest::newRow("catalog impact of an unknown product") << QStringList{"catalog", "impact", "--db", db, "P-NOPE"} << 1
                                                          << "no product 'P-NOPE'";
    QTest::newRow("catalog impact without a product") << QStringList{"catalog", "impact", "--db", db} << 2
                                                      << "wrong number of arguments";
}

void TestCli::exitCodes()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, says);
    args.replaceInStrings(QStringLiteral("@DB@"), mirror_);
    const auto r = cli(args);
    QCOMPARE(r.code, code);
    const QString all = QString::fromUtf8(r.out + r.err);
    QVERIFY2(all.contains(says, Qt::CaseInsensitive), qPrintable(all.left(600)));
}

void TestCli::orphansJsonIsTheSpecsForm()
{
    const auto r = cli({"orphans", "--db", mirror_, "--format", "json"});
    QCOMPARE(r.code, 0);
    QFile expected(QStringLiteral(RECONSOLE_SHARED_DIR "/examples/incident-small.expected.json"));
    QVERIFY(expected.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(r.out), QJsonDocument::fromJson(expected.readAll()));
    // Another as_of, written at another offset: 30 minutes after L-0006 to the second, so
    // L-0006 sits exactly on the grace edge (old enough) and the later debits are too young.
    const auto earlier = cli({"orphans", "--db", mirror_, "--format", "json", "--as-of", "2026-03-11T11:00:09+09:00"});
    QCOMPARE(earlier.code, 0);
    const auto rows = QJsonDocument::fromJson(earlier.out).array();
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[0].toObject().value("ledger_id").toString(), QStringLiteral("L-0003"));
    QCOMPARE(rows[1].toObject().value("ledger_id").toString(), QStringLiteral("L-0006"));
}

void TestCli::orphansCsvAndTable()
{
    const auto csv = cli({"orphans", "--db", mirror_, "--format", "csv"});
    QCOMPARE(csv.code, 0);
    const auto lines = QString::fromUtf8(csv.out).trimmed().split('\n');
    QCOMPARE(lines.size(), 5);
    QCOMPARE(lines[0], QStringLiteral("ledger_id,customer_id,account_id,order_id,payment_id,class,amount,orphan_amount,at"));
    QCOMPARE(lines[1], QStringLiteral("L-0003,C-NAM,A-NAM-MONEY,O-1001,PAY-1001,PAYMENT_NOT_COMPLETED,50000,50000,"
                                      "2026-03-11T01:02:06Z"));
    const auto table = cli({"orphans", "--db", mirror_});
    QCOMPARE(table.code, 0);
    QVERIFY(QString::fromUtf8(table.out).contains("4 orphan debit(s), KRW 93,000 missing"));
}

// catalog ack (audited, ops only) and catalog check reading it back without an operator.
void TestCli::anAcknowledgedFindingLeavesTheOpenList()
{
    const QString db = dir_.path() + "/ack.db";
    QCOMPARE(cli({"import", "--quiet", "--db", db, RECONSOLE_SHARED_DIR "/examples/incident-small.jsonl"})
                 .code,
             3);
    QCOMPARE(cli({"catalog", "check", "--db", db, "--open", "--rule", "PRICE_FAR_FROM_LIST"}).code, 0);
    QCOMPARE(cli({"operator", "add", "--db", db, "--id", "boss", "--role", "admin"}).code, 0);
    QCOMPARE(addOperator({"operator", "add", "--db", db, "--as", "boss", "--id", "kim", "--role", "agent"}), 0);
    QCOMPARE(addOperator({"operator", "add", "--db", db, "--as", "boss", "--id", "lee", "--role", "ops"}), 0);
    const QStringList ack{"catalog", "ack", "--db", db, "P-SBUX-CAKE", "--rule", "PRICE_FAR_FROM_LIST", "--reason", "행사"};
    QCOMPARE(cli(ack + QStringList{"--as", "kim"}).code, 5);   // an agent may not
    QCOMPARE(cli(ack + QStringList{"--as", "lee"}).code, 0);
    const auto open = cli({"catalog", "check", "--db", db, "--open", "--format", "json"});
    QCOMPARE(open.code, 0);
    QVERIFY2(!open.out.contains("P-SBUX-CAKE") && open.out.contains("P-LOTTE-50K"), open.out.constData());
    const auto all = cli({"catalog", "check", "--db", db});
    QVERIFY2(all.out.contains("acked PRICE_FAR_FROM_LIST") && all.out.contains("1 acknowledged as intended"),
             all.out.constData());
    const auto audit = cli({"audit", "list", "--db", db, "--as", "lee", "--target", "P-SBUX-CAKE"});
    QVERIFY2(audit.out.count("catalog.ack") == 2, audit.out.constData());   // the refused one too
}

// The cake set's price fixed: proposed, refused where it must be, approved by another operator,
// handed over, answered by the platform, settled; no sudden change left behind.
void TestCli::aCatalogFixThroughTheCommandLine()
{
    const QString db = dir_.path() + "/fix.db";
    QCOMPARE(cli({"import", "--quiet", "--db", db, RECONSOLE_SHARED_DIR "/examples/incident-small.jsonl"}).code, 3);
    QCOMPARE(cli({"operator", "add", "--db", db, "--id", "boss", "--role", "admin"}).code, 0);
    for (const char* op : {"lee", "park"})
        QCOMPARE(addOperator({"operator", "add", "--db", db, "--as", "boss", "--id", op, "--role", "ops"}), 0);
    QCOMPARE(addOperator({"operator", "add", "--db", db, "--as", "boss", "--id", "kim", "--role", "agent"}), 0);
    const QStringList fix{"catalog", "fix", "--db", db, "P-SBUX-CAKE", "--set", "price=33000"};
    QCOMPARE(cli(fix + QStringList{"--as", "lee"}).code, 2);   // no --reason
    QCOMPARE(cli(fix + QStringList{"--as", "lee", "--reason", "PRICE_ERROR", "--set", "price=lots"}).code, 2);
    QCOMPARE(cli(fix + QStringList{"--as", "kim", "--reason", "PRICE_ERROR"}).code, 5);
    const auto stale = cli(fix + QStringList{"--as", "lee", "--reason", "PRICE_ERROR", "--expect-seq", "4"});
    QCOMPARE(stale.code, 5);
    QVERIFY2(stale.err.contains("changed since you looked"), stale.err.constData());
    const auto made = cli(fix + QStringList{"--as", "lee", "--reason", "PRICE_ERROR", "--expect-seq", "5"});
    QCOMPARE(made.code, 0);
    const QString id = QString::fromUtf8(made.out).trimmed().split('\n').last();
    QVERIFY2(id.startsWith("CF-"), made.out.constData());
    QCOMPARE(cli({"catalog", "approve", "--db", db, "--as", "lee", id}).code, 5);   // their own
    QCOMPARE(cli({"catalog", "approve", "--db", db, "--as", "park", id}).code, 0);
    const QString outbox = dir_.path() + "/fix-outbox";
    QVERIFY(QDir().mkpath(outbox));
    QCOMPARE(cli({"outbox", "export", "--db", db, "--as", "park", "--out", outbox}).code, 0);
    const QString feed = dir_.path() + "/fix-platform.jsonl";
    const auto platform = cli({"simulate-platform", "--db", db, "--outbox", outbox, "--out", feed});
    QCOMPARE(platform.code, 0);
    QVERIFY2(platform.out.contains("1 catalog fix(es) applied, 0 refused"), platform.out.constData());
    QCOMPARE(cli({"import", "--quiet", "--db", db, feed}).code, 0);
    const auto fixes = cli({"catalog", "fixes", "--db", db, "--as", "kim"});
    QVERIFY2(fixes.out.contains("settled by version 34"), fixes.out.constData());
    const auto open = cli({"catalog", "check", "--db", db, "--open"});
    QVERIFY2(!open.out.contains("P-SBUX-CAKE") && !open.out.contains("SUDDEN"), open.out.constData());
    // The merchant received too little for the order placed at the wrong price: reported, not taken back.
    const QString csv = dir_.path() + "/undercharges.csv";
    const auto under = cli({"catalog", "undercharges", "--db", db, "--out", csv});
    QCOMPARE(under.code, 0);
    QVERIFY2(under.out.contains("M-SBUX: 1 order(s) undercharged, KRW 29,700"), under.out.constData());
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.startsWith("\xEF\xBB\xBF"));
    QVERIFY(text.contains("O-1003,C-KIM,2026-03-11T10:40:00+09:00,1,3300,33000,3300,33000,29700"));
    QCOMPARE(cli({"catalog", "repair", "--db", db, "--as", "lee", "P-SBUX-CAKE"}).code, 5);   // nobody overpaid
}

// A price with an extra zero for two hours: the repair drafted, drafted again (nothing new),
// approved as a batch by another operator.
void TestCli::aRepairBatchThroughTheCommandLine()
{
    const QString db = dir_.path() + "/repair.db";
    QFile feed(dir_.path() + "/repair.jsonl");
    QVERIFY(feed.open(QIODevice::WriteOnly));
    const char* product = R"("type":"product","id":"P-EXTRA","merchant_id":"M-A","name":"세트","kind":"goods",)"
                          R"("list_price":5000,"discount_bp":0,"cash_receipt_eligible":true,)";
    int seq = 1;
    const auto line = [&](const QString& body) { feed.write(QStringLiteral("{\"seq\":%1,%2}\n").arg(seq++).arg(body).toUtf8()); };
    line(R"("type":"merchant","id":"M-A","name":"카페","category":"cafe")");
    line(QString::fromUtf8(product) + R"("price":5000,"updated_at":"2026-01-10T00:00:00Z")");
    line(QString::fromUtf8(product) + R"("price":50000,"updated_at":"2026-01-10T10:00:00Z")");
    line(QString::fromUtf8(product) + R"("price":5000,"updated_at":"2026-01-10T12:00:00Z")");
    for (const QString o : {"O-1", "O-2"}) {
        line(R"("type":"order","id":")" + o + R"(","customer_id":"C-1","product_id":"P-EXTRA","quantity":1,)"
             R"("unit_price":50000,"total":50000,"status":"paid","created_at":"2026-01-10T11:00:00Z",)"
             R"("updated_at":"2026-01-10T11:00:00Z")");
        line(R"("type":"payment","id":"PAY-)" + o + R"(","order_id":")" + o
             + R"(","amount":50000,"status":"approved","at":"2026-01-10T11:00:00Z")");
        line(R"("type":"ledger","id":"L-)" + o + R"(","account_id":"A-1","customer_id":"C-1","direction":"debit",)"
             R"("amount":50000,"purpose":"payment","payment_id":"PAY-)" + o + R"(","order_id":")" + o
             + R"(","at":"2026-01-10T11:00:00Z")");
    }
    feed.close();
    QCOMPARE(cli({"import", "--quiet", "--db", db, feed.fileName()}).code, 0);
    QCOMPARE(cli({"operator", "add", "--db", db, "--id", "boss", "--role", "admin"}).code, 0);
    for (const char* op : {"lee", "park"})
        QCOMPARE(addOperator({"operator", "add", "--db", db, "--as", "boss", "--id", op, "--role", "ops"}), 0);
    const auto preview = cli({"catalog", "repair", "--db", db, "--as", "lee", "--preview", "P-EXTRA"});
    QCOMPARE(preview.code, 0);
    QVERIFY2(preview.out.contains("KRW 90,000 would be drafted"), preview.out.constData());
    const auto drafted = cli({"catalog", "repair", "--db", db, "--as", "lee", "P-EXTRA"});
    QCOMPARE(drafted.code, 0);
    QVERIFY2(drafted.out.contains("KRW 90,000 drafted in 2 request(s)"), drafted.out.constData());
    const QString batch = QString::fromUtf8(drafted.out).trimmed().split('\n').last();
    QVERIFY2(batch.startsWith("RB-"), drafted.out.constData());
    QCOMPARE(cli({"catalog", "repair", "--db", db, "--as", "park", "P-EXTRA"}).code, 5);   // nothing left
    QCOMPARE(cli({"refund", "approve", "--db", db, "--as", "lee", "--batch", batch}).code, 5);   // the drafter
    const auto approved = cli({"refund", "approve", "--db", db, "--as", "park", "--batch", batch});
    QCOMPARE(approved.code, 0);
    QVERIFY2(approved.out.contains("approved 2 request(s) of " + batch.toUtf8() + ": KRW 90,000"), approved.out.constData());
    const auto shown = cli({"catalog", "batch", "--db", db, "--as", "lee", batch});
    QVERIFY2(shown.out.contains("2 request(s), KRW 90,000; 0 await approval"), shown.out.constData());
}

void TestCli::catalogRulesByAnAdmin()
{
    const QString db = dir_.path() + "/rules.db";
    QCOMPARE(cli({"import", "--quiet", "--db", db, RECONSOLE_SHARED_DIR "/examples/incident-small.jsonl"}).code, 3);
    QCOMPARE(cli({"operator", "add", "--db", db, "--id", "boss", "--role", "admin"}).code, 0);
    QCOMPARE(addOperator({"operator", "add", "--db", db, "--as", "boss", "--id", "lee", "--role", "ops"}), 0);
    const auto shown = cli({"catalog", "rules", "--db", db, "--as", "lee"});
    QCOMPARE(shown.code, 0);
    QVERIFY2(shown.out.contains("price_far_from_list.max_pct = 110") && shown.out.contains("the defaults"),
             shown.out.constData());
    QCOMPARE(cli({"catalog", "rules", "--db", db, "--as", "lee", "--set", "price_far_from_list.enabled=0"}).code, 5);
    QCOMPARE(cli({"catalog", "rules", "--db", db, "--as", "boss", "--set", "price_far_from_list.min_pct=200"}).code, 5);
    const auto changed = cli({"catalog", "rules", "--db", db, "--as", "boss", "--set", "price_far_from_list.enabled=0"});
    QCOMPARE(changed.code, 0);
    QVERIFY2(changed.out.contains("price_far_from_list.enabled = 0") && changed.out.contains("set by boss"),
             changed.out.constData());
    // The next check follows the admin's rules (no operator needed to read them).
    const auto check = cli({"catalog", "check", "--db", db});
    QVERIFY2(!check.out.contains("PRICE_FAR_FROM_LIST") && check.out.contains("RECEIPT_ON_INELIGIBLE"),
             check.out.constData());
}

// The incident as a complaint: opened, the orphan linked, refunded, answered, and the written
// notice produced as a PDF that holds the cause and the amounts (read back with pdftotext).
void TestCli::aComplaintAnsweredInWriting()
{
    const QString db = dir_.path() + "/case.db";
    QCOMPARE(cli({"import", "--quiet", "--db", db, RECONSOLE_SHARED_DIR "/examples/incident-small.jsonl"}).code, 3);
    QCOMPARE(cli({"operator", "add", "--db", db, "--id", "boss", "--role", "admin"}).code, 0);
    QCOMPARE(addOperator({"operator", "add", "--db", db, "--as", "boss", "--id", "kim", "--role", "agent"}), 0);
    QCOMPARE(addOperator({"operator", "add", "--db", db, "--as", "boss", "--id", "lee", "--role", "ops"}), 0);
    const QStringList open{"case", "open", "--db", db, "--customer", "C-NAM", "--received-at", "2026-03-11T15:00:00+09:00",
                           "--amount", "50000", "--date", "2026-03-11", "--text", "돈만 빠져나갔어요"};
    QCOMPARE(cli(open + QStringList{"--as", "kim"}).code, 2);   // no --channel
    QCOMPARE(cli(open + QStringList{"--as", "boss", "--channel", "phone"}).code, 5);   // an admin does not take complaints
    const auto opened = cli(open + QStringList{"--as", "kim", "--channel", "phone"});
    QCOMPARE(opened.code, 0);
    const QString id = QString::fromUtf8(opened.out).trimmed().split('\n').last();
    QVERIFY2(id.startsWith("CS-"), opened.out.constData());
    const auto matches = cli({"case", "matches", "--db", db, "--as", "kim", id});
    QVERIFY2(matches.out.startsWith("L-0003\tKRW 50,000"), matches.out.constData());
    QCOMPARE(cli({"case", "link", "--db", db, "--as", "kim", id, "--ledger", "L-0003"}).code, 0);
    const auto list = cli({"case", "list", "--db", db, "--as", "kim", "--format", "json", "--as-of", "2026-03-20T09:00:00+09:00"});
    const auto rows = QJsonDocument::fromJson(list.out).array();
    QJsonObject mine;
    for (const auto& r : rows)
        if (r.toObject().value("id").toString() == id)
            mine = r.toObject();
    QCOMPARE(mine.value("deadline").toString(), QStringLiteral("2026-03-25"));
    QCOMPARE(mine.value("overdue").toBool(), false);
    QCOMPARE(mine.value("ledger_ids").toArray().size(), 1);
    // The complaint, the three other orphans the company found itself, and the automatic case of
    // L-0003, closed when its debit moved to the complaint.
    QCOMPARE(rows.size(), 5);
    QCOMPARE(rows.last().toObject().value("state").toString(), QStringLiteral("closed"));
    // Refunded: requested, approved, handed over, credited, settled.
    const auto req = cli({"refund", "request", "--db", db, "--as", "kim", "--ledger", "L-0003", "--reason", "ORPHAN_DEBIT"});
    const QString rf = QString::fromUtf8(req.out).trimmed().split('\n').last();
    QCOMPARE(cli({"refund", "approve", "--db", db, "--as", "lee", rf}).code, 0);
    const QString outbox = dir_.path() + "/case-outbox";
    QVERIFY(QDir().mkpath(outbox));
    QCOMPARE(cli({"outbox", "export", "--db", db, "--as", "lee", "--out", outbox}).code, 0);
    const QString feed = dir_.path() + "/case-platform.jsonl";
    QCOMPARE(cli({"simulate-platform", "--db", db, "--outbox", outbox, "--out", feed, "--at", "2026-03-12T10:00:00+09:00"}).code, 0);
    QCOMPARE(cli({"import", "--quiet", "--db", db, feed}).code, 0);
    const QString pdf = dir_.path() + "/notice.pdf";
    QCOMPARE(cli({"case", "notice", "--db", db, "--as", "kim", id, "--out", pdf}).code, 5);   // not answered yet
    QCOMPARE(cli({"case", "answer", "--db", db, "--as", "kim", id, "--outcome", "refunded"}).code, 5);   // not linked
    QCOMPARE(cli({"case", "link", "--db", db, "--as", "kim", id, "--request", rf}).code, 0);
    const auto answered = cli({"case", "answer", "--db", db, "--as", "kim", id, "--outcome", "refunded"});
    QCOMPARE(answered.code, 0);
    QVERIFY2(answered.out.contains("answered late"), answered.out.constData());   // today is long after 2026-03-25
    const auto notice = cli({"case", "notice", "--db", db, "--as", "kim", id, "--out", pdf});
    QCOMPARE(notice.code, 0);
    QProcess text;
    text.start("pdftotext", {"-layout", pdf, "-"});
    QVERIFY2(text.waitForFinished(30000) && text.exitCode() == 0, "pdftotext (poppler-utils) could not read the notice");
    const QString body = QString::fromUtf8(text.readAllStandardOutput());
    QVERIFY2(body.contains("거래 오류 조사 결과 안내") && body.contains("남** 고객님께"), qPrintable(body));
    QVERIFY2(body.contains("결제가 끝까지 완료되지 않았는데"), qPrintable(body));   // the cause, in a customer's words
    QVERIFY2(body.contains("50,000원 출금") && body.contains("2026년 3월 12일에 50,000원을"), qPrintable(body));
    QVERIFY2(body.contains("카카오머니로 돌려드렸습니다"), qPrintable(body));
    QVERIFY2(!body.contains("PAYMENT_NOT_COMPLETED") && !body.contains("orphan"), qPrintable(body));
    const auto shown = cli({"case", "show", "--db", db, "--as", "lee", id});
    QVERIFY2(shown.out.contains("told by document (kim,"), shown.out.constData());
    const auto audit = cli({"audit", "list", "--db", db, "--as", "lee", "--target", id.toUtf8().constData()});
    QVERIFY2(audit.out.contains("case.notice") && audit.out.contains("case.answer"), audit.out.constData());
}

// A mirror missing tables (a damaged schema): every reading command says so and exits 1, none
// aborts (issue 12: 'quarantine' used to die with "terminate called", exit 134).
void TestCli::aDamagedMirrorNeverAborts()
{
    const QString db = dir_.path() + "/damaged.db";
    QCOMPARE(cli({"import", "--quiet", "--db", db, RECONSOLE_SHARED_DIR "/examples/incident-small.jsonl"}).code, 3);
    {
        reconsole::Database m(db.toStdString());
        m.exec("DROP TABLE quarantine");
        m.exec("DROP TABLE unsettled_debit");
    }
    for (const QStringList& args : {QStringList{"quarantine", "--db", db}, QStringList{"customer", "--db", db, "C-NAM"},
                                    QStringList{"orphans", "--db", db}, QStringList{"explain", "--db", db, "L-0003"}}) {
        const auto r = cli(args);
        QVERIFY2(r.code == 1, qPrintable(args.join(' ') + ": exit " + QString::number(r.code) + " " + r.err));
        QVERIFY2(r.err.contains("no such table"), r.err.constData());
        QVERIFY2(!r.err.contains("terminate called"), r.err.constData());
    }
}

// A time with milliseconds and a long ledger id: every column still stands apart.
void TestCli::orphanTableColumnsNeverRunTogether()
{
    const QString feed = dir_.path() + "/ms.jsonl";
    {
        QFile f(feed);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"seq":1,"type":"ledger","id":"L-2026-03-11-000000000001","account_id":"A-MS","customer_id":"C-MS",)"
                R"("direction":"debit","amount":1234567,"purpose":"fee","at":"2026-03-11T01:00:00.123Z"})");
    }
    const QString db = dir_.path() + "/ms.db";
    QCOMPARE(cli({"import", "--quiet", "--db", db, feed}).code, 0);
    const auto table = cli({"orphans", "--db", db, "--as-of", "2026-03-12T00:00:00Z"});
    QCOMPARE(table.code, 0);
    const QStringList lines = QString::fromUtf8(table.out).split('\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.size() == 3, qPrintable(table.out));
    const QStringList cells = lines[1].split(QRegularExpression(QStringLiteral("\\s{2,}")), Qt::SkipEmptyParts);
    QCOMPARE(cells, (QStringList{"2026-03-11T10:00:00.123+09:00", "L-2026-03-11-000000000001", "C-MS", "NON_PAYMENT_DEBIT",
                                 "1,234,567", "1,234,567"}));
}

// Two debits of the largest amount the feed allows: each is exact, and their total, which
// no 64-bit integer holds, is shown clamped with a "+" instead of wrapping to a negative.
void TestCli::hugeTotalsAreClampedNotWrapped()
{
    const QString max = QString::number(std::numeric_limits<qint64>::max());
    const auto debit = [&](int seq, const QString& id, const QString& amount, const QString& at) {
        return QStringLiteral(R"({"seq":%1,"type":"ledger","id":"%2","account_id":"A-BIG","customer_id":"C-BIG",)"
                              R"("direction":"debit","amount":%3,"purpose":"fee","at":"%4"})")
            .arg(seq)
            .arg(id, amount, at);
    };
    const QString feed = dir_.path() + "/huge.jsonl";
    {
        QFile f(feed);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringList{debit(1, "L-BIG-1", max, "2026-03-11T01:00:00Z"),
                            debit(2, "L-BIG-2", max, "2026-03-11T01:00:01Z"),
                            debit(3, "L-LATER", "700", "2026-03-11T03:00:00Z")}   // as_of, inside the grace
                    .join('\n')
                    .toUtf8());
    }
    const QString db = dir_.path() + "/huge.db";
    const auto imported = cli({"import", "--quiet", "--db", db, feed});
    QCOMPARE(imported.code, 0);

    const auto table = cli({"orphans", "--db", db});
    QCOMPARE(table.code, 0);
    const QString text = QString::fromUtf8(table.out);
    QVERIFY2(text.contains("2 orphan debit(s), KRW 9,223,372,036,854,775,807+ missing"), qPrintable(text));
    QVERIFY2(!text.contains("KRW -"), qPrintable(text));
    QCOMPARE(text.count("  9,223,372,036,854,775,807  9,223,372,036,854,775,807\n"), 2);   // each row, exact
    QCOMPARE(text.count("9,223,372,036,854,775,807+"), 1);

    const auto json = cli({"orphans", "--db", db, "--format", "json"});
    QCOMPARE(json.code, 0);
    const auto rows = QJsonDocument::fromJson(json.out).array();
    QCOMPARE(rows.size(), 2);
    for (const auto& row : rows)
        QCOMPARE(row.toObject().value("orphan_amount").toInteger(), std::numeric_limits<qint64>::max());

    const auto customer = cli({"customer", "--db", db, "C-BIG"});
    QCOMPARE(customer.code, 0);
    QVERIFY2(QString::fromUtf8(customer.out).contains("orphan debits total ₩9,223,372,036,854,775,807+"),
             qPrintable(QString::fromUtf8(customer.out + customer.err)));
}

void TestCli::explainReadsOut()
{
    const auto r = cli({"explain", "--db", mirror_, "L-0003"});
    QCOMPARE(r.code, 0);
    const QString text = QString::fromUtf8(r.out);
    for (const char* word : {"남**", "카카오머니", "롯데백화점 모바일상품권 5만원권", "PAY-1001", "R-1001", "₩50,000",
                             "현금영수증 대상이 아닌 상품"})
        QVERIFY2(text.contains(QString::fromUtf8(word)), word);
    const auto reply = cli({"explain", "--db", mirror_, "--reply", "L-0003"});
    QVERIFY(QString::fromUtf8(reply.out).startsWith(QStringLiteral("고객님")));
}

void TestCli::customerTimelineMarksOrphans()
{
    const auto r = cli({"customer", "--db", mirror_, "--format", "json", "C-NAM"});
    QCOMPARE(r.code, 0);
    const auto doc = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(doc.value("orphan_total").toInteger(), 85000);
    int orphans = 0;
    qint64 previous = 0;
    for (const auto& v : doc.value("events").toArray()) {
        const auto e = v.toObject();
        const auto at = QDateTime::fromString(e.value("at").toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
        QVERIFY(at >= previous);   // in time order
        previous = at;
        if (e.contains("orphan"))
            ++orphans;
    }
    QCOMPARE(orphans, 3);   // L-0003, L-0010, L-0011
    const auto accounts = doc.value("accounts").toArray();
    QCOMPARE(accounts.size(), 2);
}

void TestCli::quarantineSaysWhereAndWhy()
{
    const auto r = cli({"quarantine", "--db", mirror_});
    QCOMPARE(r.code, 0);
    const QString text = QString::fromUtf8(r.out);
    QVERIFY2(text.startsWith("2 quarantined line(s)"), qPrintable(text));
    QVERIFY(text.contains("incident-small.jsonl:33"));
    QVERIFY(text.contains("incident-small.jsonl:34"));
    QVERIFY(text.contains("amount"));
    QVERIFY(text.contains("this line is not JSON"));
}

// The example's cake set at ₩3,300 against ₩33,000, and the voucher order whose cash-receipt
// step ran although vouchers are not eligible.
void TestCli::catalogCheckJson()
{
    const auto r = cli({"catalog", "check", "--db", mirror_, "--format", "json"});
    QCOMPARE(r.code, 0);
    const auto rows = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(rows.size(), 2);
    const auto cake = rows[0].toObject();
    QCOMPARE(cake.value("rule").toString(), QStringLiteral("PRICE_FAR_FROM_LIST"));
    QCOMPARE(cake.value("product_id").toString(), QStringLiteral("P-SBUX-CAKE"));
    QCOMPARE(cake.value("severity").toString(), QStringLiteral("high"));
    QCOMPARE(cake.value("open").toBool(), true);
    QCOMPARE(cake.value("value").toInteger(), 3300);
    QCOMPARE(cake.value("reference").toInteger(), 33000);
    QVERIFY(cake.value("order_id").isNull());
    QVERIFY(cake.value("explanation").toString().contains(QStringLiteral("₩33,000")));
    const auto voucher = rows[1].toObject();
    QCOMPARE(voucher.value("rule").toString(), QStringLiteral("RECEIPT_ON_INELIGIBLE"));
    QCOMPARE(voucher.value("order_id").toString(), QStringLiteral("O-1001"));
    QCOMPARE(voucher.value("kind").toString(), QStringLiteral("voucher"));
    const auto one = cli({"catalog", "check", "--db", mirror_, "--format", "json", "--rule", "RECEIPT_ON_INELIGIBLE"});
    QCOMPARE(QJsonDocument::fromJson(one.out).array().size(), 1);
}


// Every command that reads or changes the operations store signs --as in; the password comes
// from the environment (or a terminal), never an argument; a password someone else set is
// replaced first; disabled operators do nothing; catalog check needs no sign-in.
void TestCli::signInOnTheCommandLine()
{
    const QString db = dir_.path() + "/signin.db";
    QCOMPARE(cli({"import", "--quiet", "--db", db, RECONSOLE_SHARED_DIR "/examples/incident-small.jsonl"}).code, 3);
    const QStringList first{"operator", "add", "--db", db, "--id", "boss", "--role", "admin"};
    QCOMPARE(cli(first, {{"RECONSOLE_NEW_PASSWORD", ""}}).code, 2);   // no password: no operator
    QCOMPARE(cli(first, {{"RECONSOLE_NEW_PASSWORD", "short"}}).code, 5);
    QCOMPARE(cli(first).code, 0);
    QCOMPARE(cli({"operator", "add", "--db", db, "--id", "eve", "--role", "admin"}).code, 5);   // not a fresh store
    QCOMPARE(cli({"operator", "add", "--db", db, "--as", "boss", "--id", "kim", "--role", "agent"}).code, 0);
    const QStringList kimLists{"refund", "list", "--db", db, "--as", "kim"};
    const auto unchanged = cli(kimLists, {{"RECONSOLE_PASSWORD", initialPasswordOf("kim")}});
    QCOMPARE(unchanged.code, 5);
    QVERIFY2(unchanged.err.contains("set their own password first: operator passwd"), unchanged.err.constData());
    const auto wrong = cli(kimLists, {{"RECONSOLE_PASSWORD", "not kim's password"}});
    const auto nobody = cli({"refund", "list", "--db", db, "--as", "nobody"});
    QCOMPARE(wrong.code, 5);
    QCOMPARE(nobody.code, 5);
    QVERIFY2(wrong.err.contains("unknown operator or wrong password"), wrong.err.constData());
    QCOMPARE(wrong.err, nobody.err);   // an unknown operator is answered like a wrong password
    const auto noPassword = cli(kimLists, {{"RECONSOLE_PASSWORD", ""}});
    QCOMPARE(noPassword.code, 5);
    QVERIFY2(noPassword.err.contains("RECONSOLE_PASSWORD"), noPassword.err.constData());
    QCOMPARE(cli(kimLists + QStringList{"--password", passwordOf("kim")}).code, 2);   // never an argument
    // Changing one's own password needs the current one, and a real new one.
    const QStringList kimPasswd{"operator", "passwd", "--db", db, "--as", "kim"};
    QCOMPARE(cli(kimPasswd, {{"RECONSOLE_PASSWORD", initialPasswordOf("kim")}, {"RECONSOLE_NEW_PASSWORD", "too-short"}}).code, 5);
    QCOMPARE(cli(kimPasswd, {{"RECONSOLE_PASSWORD", initialPasswordOf("kim")}, {"RECONSOLE_NEW_PASSWORD", passwordOf("kim")}}).code, 0);
    QCOMPARE(cli(kimLists).code, 0);
    QCOMPARE(cli(kimLists, {{"RECONSOLE_PASSWORD", initialPasswordOf("kim")}}).code, 5);   // the old one is gone
    // Disabled: signs in no more, acts no more; enabled again: both. Only admins; never the last admin.
    QCOMPARE(cli({"operator", "disable", "--db", db, "--as", "kim", "boss"}).code, 5);
    QCOMPARE(cli({"operator", "disable", "--db", db, "--as", "boss", "kim"}).code, 0);
    const auto disabled = cli(kimLists);
    QCOMPARE(disabled.code, 5);
    QVERIFY2(disabled.err.contains("disabled"), disabled.err.constData());
    QCOMPARE(cli({"operator", "enable", "--db", db, "--as", "boss", "kim"}).code, 0);
    QCOMPARE(cli(kimLists).code, 0);
    const auto lastAdmin = cli({"operator", "disable", "--db", db, "--as", "boss", "boss"});
    QCOMPARE(lastAdmin.code, 5);
    QVERIFY2(lastAdmin.err.contains("last enabled admin"), lastAdmin.err.constData());
    // An admin's reset: kim must set their own again before acting.
    QCOMPARE(cli({"operator", "passwd", "--db", db, "--as", "boss", "--id", "kim"},
                 {{"RECONSOLE_NEW_PASSWORD", "reset-by-the-admin"}}).code, 0);
    QCOMPARE(cli(kimLists, {{"RECONSOLE_PASSWORD", "reset-by-the-admin"}}).code, 5);
    QCOMPARE(cli({"operator", "passwd", "--db", db, "--as", "kim", "--id", "boss"},
                 {{"RECONSOLE_PASSWORD", "reset-by-the-admin"}, {"RECONSOLE_NEW_PASSWORD", "kim-takes-over-boss"}}).code, 5);
    // Audited, refusals included; no password anywhere in the store's files.
    const auto audit = cli({"audit", "list", "--db", db, "--as", "boss", "--target", "kim", "--limit", "100"});
    QCOMPARE(audit.code, 0);
    for (const char* seen : {"kim\toperator.sign_in\tkim\tok", "kim\toperator.sign_in\tkim\trefused: sign_in_refused",
                             "kim\toperator.sign_in\tkim\trefused: operator_disabled", "boss\toperator.disable\tkim\tok",
                             "boss\toperator.enable\tkim\tok", "boss\toperator.password\tkim\tok",
                             "kim\toperator.password\tkim\tok", "kim\toperator.password\tkim\trefused: invalid_input"})
        QVERIFY2(audit.out.contains(seen), qPrintable(QString::fromUtf8(seen) + "\n" + audit.out));
    QByteArray store;
    for (const char* suffix : {"", "-wal"}) {
        QFile f(dir_.path() + "/signin.ops.sqlite" + suffix);
        if (f.open(QIODevice::ReadOnly))
            store += f.readAll();
    }
    QVERIFY(store.contains("$argon2id$v=19$m=19456,t=2,p=1$"));   // the tests' floor
    for (const QString& pw : {passwordOf("kim"), initialPasswordOf("kim"), passwordOf("boss"), QString("reset-by-the-admin")})
        QVERIFY2(!store.contains(pw.toUtf8()), qPrintable(pw));
    // The mirror's side needs nobody.
    QCOMPARE(cli({"catalog", "check", "--db", db}, {{"RECONSOLE_PASSWORD", ""}}).code, 0);
    QCOMPARE(cli({"catalog", "impact", "--db", db, "P-SBUX-CAKE"}, {{"RECONSOLE_PASSWORD", ""}}).code, 0);
}

// Three wrong passwords in a row: the next attempt waits, and is refused before the password
// is looked at (the right one included), saying how long.
void TestCli::failedSignInsAreSlowed()
{
    const QString db = dir_.path() + "/slowed.db";
    QCOMPARE(cli({"import", "--quiet", "--db", db, RECONSOLE_SHARED_DIR "/examples/incident-small.jsonl"}).code, 3);
    QCOMPARE(cli({"operator", "add", "--db", db, "--id", "boss", "--role", "admin"}).code, 0);
    const QStringList list{"operator", "list", "--db", db, "--as", "boss"};
    for (int i = 0; i < 3; ++i)
        QCOMPARE(cli(list, {{"RECONSOLE_PASSWORD", "a wrong password"}}).code, 5);
    const auto waits = cli(list);
    QCOMPARE(waits.code, 5);
    QVERIFY2(waits.err.contains("too_many_attempts") && waits.err.contains("try again in"), waits.err.constData());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
