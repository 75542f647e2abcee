// The importer against the rules of feed-v1: counting, re-delivery, the cursor, upserts,
// immutable ledger entries, out-of-order records, file order, failures, cancel, the import
// lock, and the command line's summary and exit codes.
#include "feed/table_statements.h"
#include "mirror_dump.h"
#include "recon/orphan_query.h"
#include "recon/orphan_rebuild.h"
#include "store/migrations.h"
#include "memory_temp_dir.h"
#include "test_mirror.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cstdio>
#include <limits>

using namespace reconsole;

namespace {

std::string rec(std::int64_t seq, const std::string& body) { return "{\"seq\":" + std::to_string(seq) + "," + body + "}"; }

std::string customer(const std::string& id, const std::string& name = "남**")
{
    return R"("type":"customer","id":")" + id + R"(","name":")" + name + R"(","created_at":"2024-05-02T10:11:00+09:00")";
}

std::string account(const std::string& id, const std::string& customerId = "C-1")
{
    return R"("type":"account","id":")" + id + R"(","customer_id":")" + customerId + R"(","kind":"money")";
}

std::string payment(const std::string& id, std::int64_t amount, const std::string& status)
{
    return R"("type":"payment","id":")" + id + R"(","order_id":"O-1","amount":)" + std::to_string(amount)
        + R"(,"status":")" + status + R"(","at":"2026-03-11T10:02:07+09:00")";
}

// A ledger entry; `extra` is appended verbatim (e.g. R"(,"payment_id":"PAY-1")").
std::string ledger(const std::string& id, const std::string& direction, std::int64_t amount, const std::string& purpose,
                   const std::string& extra = {}, const std::string& at = "2026-03-11T10:02:06+09:00")
{
    return R"("type":"ledger","id":")" + id + R"(","account_id":"A-1","customer_id":"C-1","direction":")" + direction
        + R"(","amount":)" + std::to_string(amount) + R"(,"purpose":")" + purpose + "\"" + extra + R"(,"at":")" + at
        + "\"";
}

std::string text(Database& db, const std::string& sql)
{
    auto st = db.prepare(sql);
    return st.step() ? st.string(0) : std::string("<no row>");
}

// (ledger id, class code) of every orphan, asking far in the future so that no debit is too young.
QStringList orphans(Database& db)
{
    recon::OrphanQuery query;
    query.asOf = parseRfc3339("2030-01-01T00:00:00Z")->ms;
    QStringList out;
    for (const auto& o : recon::listOrphans(db, query))
        out << QString::fromStdString(o.ledgerId + " " + std::string(orphanClassCode(o.cls)) + " "
                                      + std::to_string(o.orphanAmount.won()));
    return out;
}

// The orphan state kept batch by batch must equal one rebuilt from scratch.
void checkIncrementalAgreesWithRebuild(Database& db)
{
    const auto incremental = test::dumpTable(db, "unsettled_debit");
    recon::rebuildUnsettled(db);
    QCOMPARE(test::firstDifference(incremental, test::dumpTable(db, "unsettled_debit")), std::string());
}

struct CliResult {
    int exitCode = -1;
    QByteArray out, err;
};

CliResult runCli(const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral(RECONSOLE_BIN_DIR "/reconsole-cli"), args);
    if (!p.waitForFinished(120000))
        qFatal("reconsole-cli did not finish");
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

}  // namespace

class TestImporter : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::preferMemoryTempDir(); }
    void countsAddUpToNonBlankLines();
    void redeliverySkippedBeforeAnyCheck_data();
    void redeliverySkippedBeforeAnyCheck();
    void redeliveryWithinOneFile();
    void quarantinedLineWithReadableSeqAdvancesCursor();
    void lineWithoutReadableSeqDoesNotAdvanceCursor();
    void reimportChangesNoRecord();
    void laterSeqReplacesEarlier_data();
    void laterSeqReplacesEarlier();
    void productVersionsAllKept();
    void identicalLedgerVersionIsNoop_data();
    void identicalLedgerVersionIsNoop();
    void conflictingLedgerVersionIsQuarantined_data();
    void conflictingLedgerVersionIsQuarantined();
    void writesInGroupsAsLineByLine();
    void statementsMadeFromColumns();
    void recordsBeforeWhatTheyReferenceAreLinked_data();
    void recordsBeforeWhatTheyReferenceAreLinked();
    void refundBeforeItsDebit();
    void queueKeysFollowTheOrderAndCustomer_data();
    void queueKeysFollowTheOrderAndCustomer();
    void aMigratedMirrorGetsItsQueueKeys();
    void filesReadInOrderGiven();
    void missingFileFailsAndKeepsEarlierFiles();
    void missingFirstFileImportsNothing();
    void cancelStopsAtWholeBatch();
    void secondImporterRefusedWhileLockHeld();
    void overlongLineQuarantined_data();
    void overlongLineQuarantined();
    void hugeAmountsDoNotStopTheImport();
    void cliJsonSummary();
    void cliExitCodes_data();
    void cliExitCodes();
};

void TestImporter::countsAddUpToNonBlankLines()
{
    test::TestMirror m;
    const auto s = m.importLines({
        rec(1, customer("C-1")),                      // applied
        "",                                           // blank: ignored
        rec(2, customer("C-2")),                      // applied
        "   \t",                                      // whitespace only: ignored
        rec(1, customer("C-1", "other")),             // redelivered
        "this line is not JSON",                      // quarantined
        rec(3, ledger("L-1", "debit", -1, "fee")),    // quarantined, seq 3 delivered
        rec(3, customer("C-3")),                      // redelivered
        rec(4, customer("C-4")),                      // applied
        "",
    });
    QCOMPARE(int(s.status), int(feed::ImportStatus::Done));
    QCOMPARE(s.counts.applied, 3);
    QCOMPARE(s.counts.redelivered, 2);
    QCOMPARE(s.counts.quarantined, 2);
    QCOMPARE(s.counts.lines(), 7);
    QCOMPARE(s.cursor, 4);
    QCOMPARE(m.count("SELECT max_seq FROM feed_cursor"), 4);
    QCOMPARE(text(m.db(), "SELECT status || ' ' || applied || ' ' || redelivered || ' ' || quarantined FROM import_run"),
             std::string("done 3 2 2"));
    QCOMPARE(m.count("SELECT count(*) FROM customer"), 3);
    QCOMPARE(text(m.db(), "SELECT name FROM customer WHERE id = 'C-1'"), std::string("남**"));
}

void TestImporter::redeliverySkippedBeforeAnyCheck_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<bool>("redelivered");   // else quarantined: no readable seq to recognise it by
    auto row = [](const char* name, const std::string& l, bool redelivered) {
        QTest::newRow(name) << QByteArray::fromStdString(l) << redelivered;
    };
    row("negative amount", rec(5, ledger("L-9", "debit", -5, "fee")), true);
    row("unknown type", rec(3, R"("type":"refund","id":"X")"), true);
    row("missing fields, seq at the cursor", rec(10, R"("type":"payment","id":"PAY-9")"), true);
    row("key written twice", rec(2, customer("C-2") + R"(,"name":"again")"), true);
    row("timestamp without offset", rec(4, ledger("L-9", "debit", 5, "fee", {}, "2026-03-11T10:02:06")), true);
    row("conflicting ledger version", rec(6, ledger("L-1", "debit", 999, "fee")), true);
    row("amount 2^63", rec(8, R"("type":"payment","id":"P","amount":9223372036854775808)"), true);
    row("amount of 30 digits", rec(9, R"("type":"payment","id":"P","amount":123456789012345678901234567890)"), true);
    row("seq written as a string", R"({"seq":"3","type":"customer","id":"C-3"})", false);
    row("seq written twice", R"({"seq":3,"seq":3,"type":"customer","id":"C-3"})", false);
    row("seq 3.0", R"({"seq":3.0,"type":"customer","id":"C-3"})", false);
    row("not JSON", "seq 3", false);
}

void TestImporter::redeliverySkippedBeforeAnyCheck()
{
    QFETCH(QByteArray, line);
    QFETCH(bool, redelivered);
    test::TestMirror m;
    std::vector<std::string> first;
    for (int seq = 1; seq <= 10; ++seq)
        first.push_back(rec(seq, seq == 5 ? ledger("L-1", "debit", 5000, "fee") : customer("C-" + std::to_string(seq))));
    QCOMPARE(m.importLines(first).counts.applied, 10);
    const auto before = test::dumpMirror(m.db());

    const auto s = m.importLines({line.toStdString()});
    QCOMPARE(s.counts.applied, 0);
    QCOMPARE(s.counts.redelivered, redelivered ? 1 : 0);
    QCOMPARE(s.counts.quarantined, redelivered ? 0 : 1);
    QCOMPARE(m.count("SELECT count(*) FROM quarantine"), redelivered ? 0 : 1);
    QCOMPARE(test::firstDifference(before, test::dumpMirror(m.db())), std::string());
}

void TestImporter::redeliveryWithinOneFile()
{
    test::TestMirror m;
    const auto s = m.importLines({rec(5, customer("C-5")), rec(3, customer("C-3")), rec(5, customer("C-5", "again")),
                                  rec(6, customer("C-6"))});
    QCOMPARE(s.counts.applied, 2);
    QCOMPARE(s.counts.redelivered, 2);   // "at or below the highest seq already delivered"
    QCOMPARE(m.count("SELECT count(*) FROM customer WHERE id = 'C-3'"), 0);
    QCOMPARE(text(m.db(), "SELECT name FROM customer WHERE id = 'C-5'"), std::string("남**"));
}

void TestImporter::quarantinedLineWithReadableSeqAdvancesCursor()
{
    test::TestMirror m;
    auto s = m.importLines({rec(1, customer("C-1")), rec(2, ledger("L-2", "debit", -5, "fee"))});
    QCOMPARE(s.counts.quarantined, 1);
    QCOMPARE(s.cursor, 2);
    QCOMPARE(m.count("SELECT seq FROM quarantine"), 2);
    // The same seq re-sent, even corrected, is a re-delivery; the platform's correction has a new seq.
    s = m.importLines({rec(2, ledger("L-2", "debit", 5, "fee")), rec(3, ledger("L-2", "debit", 5, "fee"))});
    QCOMPARE(s.counts.redelivered, 1);
    QCOMPARE(s.counts.applied, 1);
    QCOMPARE(m.count("SELECT seq FROM ledger WHERE id = 'L-2'"), 3);
}

void TestImporter::lineWithoutReadableSeqDoesNotAdvanceCursor()
{
    test::TestMirror m;
    const std::string notJson = "{\"seq\":9, oops";
    auto s = m.importLines({rec(1, customer("C-1")), R"({"seq":"9","type":"customer","id":"C-9"})", notJson,
                            R"({"seq":9.0,"type":"customer","id":"C-9"})"});
    QCOMPARE(s.counts.quarantined, 3);
    QCOMPARE(s.cursor, 1);
    QCOMPARE(m.count("SELECT count(*) FROM quarantine WHERE seq IS NULL"), 3);
    s = m.importLines({rec(9, customer("C-9")), notJson});
    QCOMPARE(s.counts.applied, 1);   // seq 9 was never delivered
    QCOMPARE(s.counts.quarantined, 1);   // cannot be recognised, so it is reported again
    QCOMPARE(s.cursor, 9);
}

std::vector<std::string> richFeed()
{
    return {
        rec(1, R"("type":"merchant","id":"M-1","name":"롯데백화점","category":"department_store","max_discount_bp":0)"),
        rec(2, R"("type":"product","id":"P-1","merchant_id":"M-1","name":"상품권","kind":"voucher","list_price":50000,"price":50000,"discount_bp":0,"cash_receipt_eligible":false,"updated_at":"2026-02-01T09:00:00+09:00")"),
        rec(3, customer("C-1")),
        rec(4, account("A-1")),
        rec(5, ledger("L-1", "debit", 50000, "payment", R"(,"payment_id":"PAY-1","order_id":"O-1")")),
        rec(6, R"("type":"order","id":"O-1","customer_id":"C-1","product_id":"P-1","quantity":1,"unit_price":50000,"total":50000,"status":"pending","created_at":"2026-03-11T10:02:00+09:00","updated_at":"2026-03-11T10:02:00+09:00")"),
        rec(7, payment("PAY-1", 50000, "pending")),
        "this line is not JSON",
        rec(8, R"("type":"cash_receipt","id":"R-1","order_id":"O-1","amount":50000,"status":"failed","at":"2026-03-11T10:02:05+09:00")"),
        rec(9, payment("PAY-1", 50000, "failed")),
        rec(10, ledger("L-1", "debit", 50000, "payment", R"(,"payment_id":"PAY-1","order_id":"O-1")", "2026-03-11T01:02:06Z")),
        rec(11, ledger("L-1", "debit", 40000, "payment", R"(,"payment_id":"PAY-1","order_id":"O-1")")),   // conflict
        rec(12, R"("type":"product","id":"P-1","merchant_id":"M-1","name":"상품권","kind":"voucher","list_price":50000,"price":48000,"discount_bp":0,"cash_receipt_eligible":false,"updated_at":"2026-03-01T09:00:00+09:00")"),
        rec(13, ledger("L-2", "debit", 3000, "cash_receipt", R"(,"order_id":"O-1")")),
        rec(14, ledger("L-3", "credit", 1000, "refund", R"(,"ref_id":"L-2")")),
        rec(15, R"("type":"gift_wrap","id":"G-1")"),
        R"({"seq":"16","type":"customer","id":"C-16"})",
        rec(17, customer("C-1", "남*민")),
    };
}

void TestImporter::reimportChangesNoRecord()
{
    test::TestMirror m;
    const std::string file = m.writeFeed(richFeed());
    feed::ImportOptions small;
    small.batchLines = 3;
    auto s = m.import({file}, small);
    QCOMPARE(s.counts.applied, 14);
    QCOMPARE(s.counts.quarantined, 4);
    const auto before = test::dumpMirror(m.db());
    QCOMPARE(orphans(m.db()), QStringList({"L-1 PAYMENT_NOT_COMPLETED 50000", "L-2 NON_PAYMENT_DEBIT 2000"}));

    for (int batch : {3, 10000}) {
        feed::ImportOptions o;
        o.batchLines = batch;
        s = m.import({file}, o);
        QCOMPARE(s.counts.applied, 0);
        QCOMPARE(s.counts.redelivered, 16);   // every line with a readable seq
        QCOMPARE(s.counts.quarantined, 2);    // the two without one are reported again
        QCOMPARE(test::firstDifference(before, test::dumpMirror(m.db())), std::string());
    }
    QCOMPARE(m.count("SELECT count(*) FROM import_run WHERE status = 'done'"), 3);
}

void TestImporter::laterSeqReplacesEarlier_data()
{
    QTest::addColumn<QByteArray>("first");
    QTest::addColumn<QByteArray>("second");
    QTest::addColumn<QString>("query");      // one value, SQL-quoted, of the record's row
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("batchLines");
    const std::string order = R"("type":"order","id":"O-1","customer_id":"C-1","product_id":"P-1","quantity":1,"unit_price":50000,"total":50000,"created_at":"2026-03-11T10:02:00+09:00","updated_at":"2026-03-11T10:02:00+09:00","status":)";
    const std::string receipt = R"("type":"cash_receipt","id":"R-1","order_id":"O-1","amount":50000,"at":"2026-03-11T10:02:05+09:00","status":)";
    const std::string product = R"("type":"product","id":"P-1","merchant_id":"M-1","name":"상품권","kind":"voucher","list_price":50000,"discount_bp":0,"cash_receipt_eligible":false,"updated_at":"2026-02-01T09:00:00+09:00","price":)";
    struct Row {
        const char* name;
        std::string first, second, query, expected;
    };
    const std::vector<Row> rows = {
        {"payment status", payment("PAY-1", 50000, "pending"), payment("PAY-1", 50000, "approved"),
         "SELECT quote(status) || quote(seq) FROM payment", "'approved'9"},
        {"payment amount", payment("PAY-1", 50000, "pending"), payment("PAY-1", 45000, "pending"),
         "SELECT quote(amount) FROM payment", "45000"},
        {"order status", order + R"("pending")", order + R"("paid")", "SELECT quote(status) FROM orders", "'paid'"},
        {"product price", product + "50000", product + "45000", "SELECT quote(price) FROM product", "45000"},
        {"customer name", customer("C-1"), customer("C-1", "남*민"), "SELECT quote(name) FROM customer", "'남*민'"},
        {"customer phone dropped", customer("C-1") + R"(,"phone_last4":"4821")", customer("C-1"),
         "SELECT quote(phone_last4) FROM customer", "NULL"},
        {"account label", account("A-1") + R"(,"label":"old")", account("A-1") + R"(,"label":"new")",
         "SELECT quote(label) FROM account", "'new'"},
        {"merchant name", R"("type":"merchant","id":"M-1","name":"a","category":"cafe")",
         R"("type":"merchant","id":"M-1","name":"b","category":"cafe")", "SELECT quote(name) FROM merchant", "'b'"},
        {"cash receipt status", receipt + R"("failed")", receipt + R"("issued")", "SELECT quote(status) FROM cash_receipt",
         "'issued'"},
    };
    for (int batch : {1, 100})
        for (const auto& r : rows)
            QTest::addRow("%s, batches of %d", r.name, batch)
                << QByteArray::fromStdString(rec(2, r.first)) << QByteArray::fromStdString(rec(9, r.second))
                << QString::fromStdString(r.query) << QString::fromStdString(r.expected) << batch;
}

void TestImporter::laterSeqReplacesEarlier()
{
    QFETCH(QByteArray, first);
    QFETCH(QByteArray, second);
    QFETCH(QString, query);
    QFETCH(QString, expected);
    QFETCH(int, batchLines);
    test::TestMirror m;
    feed::ImportOptions o;
    o.batchLines = batchLines;
    const auto s = m.importLines({first.toStdString(), second.toStdString()}, o);
    QCOMPARE(s.counts.applied, 2);
    QCOMPARE(QString::fromStdString(text(m.db(), query.toStdString())), expected);
    const std::string table = query.split(" FROM ").last().toStdString();
    QCOMPARE(m.count("SELECT count(*) FROM " + table), 1);
    QCOMPARE(m.count("SELECT seq FROM " + table), 9);
}

void TestImporter::productVersionsAllKept()
{
    auto product = [](std::int64_t price, std::int64_t bp) {
        return R"("type":"product","id":"P-1","merchant_id":"M-1","name":"상품권","kind":"voucher","list_price":50000,"price":)"
            + std::to_string(price) + R"(,"discount_bp":)" + std::to_string(bp)
            + R"(,"cash_receipt_eligible":false,"updated_at":"2026-02-01T09:00:00+09:00")";
    };
    test::TestMirror m;
    const auto file = m.writeFeed({rec(1, product(50000, 0)), rec(3, product(45000, 0)), rec(5, product(45000, 500)),
                                   rec(6, product(-1, 0))});
    auto s = m.import({file});
    QCOMPARE(s.counts.applied, 3);
    QCOMPARE(s.counts.quarantined, 1);
    QCOMPARE(text(m.db(), "SELECT group_concat(seq || ':' || price || ':' || discount_bp, ' ') FROM "
                          "(SELECT * FROM product_version WHERE product_id = 'P-1' ORDER BY seq)"),
             std::string("1:50000:0 3:45000:0 5:45000:500"));
    QCOMPARE(text(m.db(), "SELECT seq || ':' || price || ':' || discount_bp FROM product"), std::string("5:45000:500"));
    s = m.import({file});
    QCOMPARE(m.count("SELECT count(*) FROM product_version"), 3);
}

namespace {
const std::string kLedgerAt = "2026-03-11T14:02:09.250+09:00";
std::string ledgerAt(const std::string& at, const std::string& extra = R"(,"payment_id":"PAY-1","order_id":"O-1")")
{
    return ledger("L-1", "debit", 50000, "payment", extra, at);
}
}  // namespace

void TestImporter::identicalLedgerVersionIsNoop_data()
{
    QTest::addColumn<QByteArray>("second");
    auto row = [](const char* name, const std::string& body) {
        QTest::newRow(name) << QByteArray::fromStdString(rec(2, body));
    };
    row("same line, new seq", ledgerAt(kLedgerAt));
    row("same instant in UTC", ledgerAt("2026-03-11T05:02:09.250Z"));
    row("same instant, lower-case t and z", ledgerAt("2026-03-11t05:02:09.250z"));
    row("same instant at -05:00", ledgerAt("2026-03-11T00:02:09.250-05:00"));
    row("finer digits dropped", ledgerAt("2026-03-11T05:02:09.250999Z"));
    row("fields in another order",
        R"("at":"2026-03-11T05:02:09.25Z","order_id":"O-1","payment_id":"PAY-1","purpose":"payment","amount":50000,"direction":"debit","customer_id":"C-1","account_id":"A-1","id":"L-1","type":"ledger")");
    row("absent optional written as null", ledgerAt(kLedgerAt, R"(,"payment_id":"PAY-1","order_id":"O-1","ref_id":null,"request_id":null)"));
    row("unknown extra field", ledgerAt(kLedgerAt, R"(,"payment_id":"PAY-1","order_id":"O-1","trace":"abc")"));
}

void TestImporter::identicalLedgerVersionIsNoop()
{
    QFETCH(QByteArray, second);
    test::TestMirror m;
    m.importLines({rec(1, ledgerAt(kLedgerAt))});
    const auto ledgerBefore = test::dumpTable(m.db(), "ledger");
    const auto stateBefore = test::dumpTable(m.db(), "unsettled_debit");
    const auto s = m.importLines({second.toStdString()});
    QCOMPARE(s.counts.applied, 1);   // "an identical version is applied as a no-op"
    QCOMPARE(s.counts.quarantined, 0);
    QCOMPARE(s.cursor, 2);
    // Only the cursor moved: the stored entry keeps its first seq and every field.
    QCOMPARE(m.count("SELECT seq FROM ledger WHERE id = 'L-1'"), 1);
    QCOMPARE(test::firstDifference(ledgerBefore, test::dumpTable(m.db(), "ledger")), std::string());
    QCOMPARE(test::firstDifference(stateBefore, test::dumpTable(m.db(), "unsettled_debit")), std::string());
    QCOMPARE(stateBefore.size(), std::size_t{1});
}

void TestImporter::conflictingLedgerVersionIsQuarantined_data()
{
    QTest::addColumn<QByteArray>("second");
    QTest::addColumn<QString>("field");
    const std::string links = R"(,"payment_id":"PAY-1","order_id":"O-1")";
    auto row = [](const char* name, const std::string& body, const char* field) {
        QTest::newRow(name) << QByteArray::fromStdString(rec(2, body)) << QString(field);
    };
    row("amount", ledger("L-1", "debit", 50001, "payment", links, kLedgerAt), "amount");
    row("direction", ledger("L-1", "credit", 50000, "payment", links, kLedgerAt), "direction");
    row("purpose", ledger("L-1", "debit", 50000, "fee", links, kLedgerAt), "purpose");
    row("payment_id changed", ledgerAt(kLedgerAt, R"(,"payment_id":"PAY-2","order_id":"O-1")"), "payment_id");
    row("payment_id value vs null", ledgerAt(kLedgerAt, R"(,"payment_id":null,"order_id":"O-1")"), "payment_id");
    row("order_id value vs absent", ledgerAt(kLedgerAt, R"(,"payment_id":"PAY-1")"), "order_id");
    row("ref_id null vs value", ledgerAt(kLedgerAt, links + R"(,"ref_id":"L-0")"), "ref_id");
    row("request_id null vs value", ledgerAt(kLedgerAt, links + R"(,"request_id":"REQ-1")"), "request_id");
    row("at by 1 ms", ledgerAt("2026-03-11T05:02:09.251Z"), "at");
    row("at by 1 s at another offset", ledgerAt("2026-03-11T14:02:10.250+09:00"), "at");
    {
        std::string body = ledgerAt(kLedgerAt);
        body.replace(body.find(R"("account_id":"A-1")"), 18, R"("account_id":"A-2")");
        row("account_id", body, "account_id");
        body = ledgerAt(kLedgerAt);
        body.replace(body.find(R"("customer_id":"C-1")"), 19, R"("customer_id":"C-2")");
        row("customer_id", body, "customer_id");
    }
}

void TestImporter::conflictingLedgerVersionIsQuarantined()
{
    QFETCH(QByteArray, second);
    QFETCH(QString, field);
    test::TestMirror m;
    m.importLines({rec(1, ledgerAt(kLedgerAt))});
    const auto ledgerBefore = test::dumpTable(m.db(), "ledger");
    const auto stateBefore = test::dumpTable(m.db(), "unsettled_debit");
    // The line after it is another customer's: what it writes is not the debit's.
    const auto s = m.importLines({second.toStdString(), rec(3, customer("C-9"))});
    QCOMPARE(s.counts.quarantined, 1);
    QCOMPARE(s.counts.applied, 1);   // the line after it still imports
    QCOMPARE(s.cursor, 3);
    const QString reason = QString::fromStdString(text(m.db(), "SELECT reason FROM quarantine"));
    QVERIFY2(reason.contains("immutable") && reason.contains("L-1") && reason.contains("stored " + field + " "),
             qPrintable(reason));
    QCOMPARE(m.count("SELECT seq FROM quarantine"), 2);
    QCOMPARE(test::firstDifference(ledgerBefore, test::dumpTable(m.db(), "ledger")), std::string());
    QCOMPARE(test::firstDifference(stateBefore, test::dumpTable(m.db(), "unsettled_debit")), std::string());
}

// One chunk's records are written TableStatements::kRows to a statement; a batch of one line
// writes each alone. Both must leave the same mirror, counts and quarantine: with ids new and
// already stored in one group, an id twice in a group (new, and stored before), and ledger
// entries that conflict with the stored ones, or repeat them exactly, inside a whole group or
// after it.
void TestImporter::writesInGroupsAsLineByLine()
{
    constexpr int kRows = feed::TableStatements::kRows;
    const std::string links = R"(,"payment_id":"PAY-1","order_id":"O-1")";
    auto receipt = [](int n, const char* status) {
        return R"("type":"cash_receipt","id":"R-)" + std::to_string(n) + R"(","order_id":"O-)" + std::to_string(n)
            + R"(","amount":1000,"status":")" + status + R"(","at":"2026-03-11T10:02:09+09:00")";
    };
    auto order = [](int n, const char* status) {
        return R"("type":"order","id":"O-)" + std::to_string(n) + R"(","customer_id":"C-1","product_id":"P-1",)"
            R"("quantity":1,"unit_price":1000,"total":1000,"status":")" + status
            + R"(","created_at":"2026-03-11T10:02:00+09:00","updated_at":"2026-03-11T10:02:00+09:00")";
    };
    std::vector<std::string> first = {rec(1, account("A-1")),
                                      rec(2, ledger("L-000", "debit", 700, "payment", links)),
                                      rec(3, receipt(7, "issued"))};
    std::int64_t seq = 3;
    for (int c = 0; c < kRows; c += 2) {
        first.push_back(rec(++seq, customer("C-" + std::to_string(c), "처음")));
        first.push_back(rec(++seq, order(c, "pending")));
        first.push_back(rec(++seq, payment("PAY-" + std::to_string(c), 1000, "pending")));
    }
    std::vector<std::string> second;
    auto add = [&](const std::string& body) { second.push_back(rec(++seq, body)); };
    for (int i = 1; i <= 3 * kRows; ++i) {
        char id[16];
        std::snprintf(id, sizeof id, "L-%03d", i);
        add(ledger(id, i % 3 ? "debit" : "credit", 1000 + i, i % 5 ? "payment" : "topup",
                   i % 3 ? links : R"(,"ref_id":"L-001")"));
        if (i <= kRows + 4) {
            add(customer("C-" + std::to_string(i - 1), "나중"));   // half of the first group stored before
            add(order(i - 1, "paid"));
            add(payment("PAY-" + std::to_string(i - 1), 1000, "approved"));
            add(receipt(i, "issued"));
        }
        if (i == 3)
            add(receipt(2, "failed"));   // R-2 twice in the first group of receipts
        if (i == 4)
            add(receipt(7, "failed"));   // R-7, stored before, twice in that group too
        if (i == 5)
            add(ledger("L-003", "debit", 9999, "payment", links));   // conflicts, inside the first group
        if (i == 6)
            add(ledger("L-004", "debit", 1004, "payment", links));   // repeats L-004 exactly
        if (i == 7)
            second.push_back("this line is not JSON");
        if (i == 8)
            add(ledger("L-000", "credit", 700, "payment", links));   // conflicts with the first import
        if (i == 9)
            second.push_back(rec(5, customer("C-0", "다시")));       // a re-delivery
        if (i == 3 * kRows - 1)
            add(ledger("L-010", "debit", 1010, "fee", links));       // conflicts, after the last whole group
    }
    test::TestMirror grouped, single;
    grouped.importLines(first);
    single.importLines(first);
    feed::ImportOptions oneChunk;
    oneChunk.batchLines = 10000;   // chunks of 2 500 lines: the whole file, written in groups
    QVERIFY(second.size() <= 2500);
    const auto g = grouped.importLines(second, oneChunk);
    feed::ImportOptions oneLine;
    oneLine.batchLines = 1;
    const auto s = single.importLines(second, oneLine);

    QCOMPARE(g.counts.quarantined, 4);   // three conflicts and the line that is not JSON
    QCOMPARE(g.counts.redelivered, 1);
    QCOMPARE(g.counts.applied, int(second.size()) - 5);
    QCOMPARE(s.counts.applied, g.counts.applied);
    QCOMPARE(s.counts.redelivered, g.counts.redelivered);
    QCOMPARE(s.counts.quarantined, g.counts.quarantined);
    QCOMPARE(s.cursor, g.cursor);
    const std::string quarantined = "SELECT group_concat(line_no || ' ' || coalesce(seq, '-') || ' ' || reason || ' ' "
                                    "|| CAST(raw AS TEXT), ' / ') FROM (SELECT * FROM quarantine ORDER BY id)";
    QCOMPARE(text(grouped.db(), quarantined), text(single.db(), quarantined));
    QVERIFY(text(grouped.db(), "SELECT reason FROM quarantine ORDER BY id LIMIT 1").find("'L-003'") != std::string::npos);
    QCOMPARE(test::firstDifference(test::dumpMirror(single.db()), test::dumpMirror(grouped.db())), std::string());
    QCOMPARE(grouped.count("SELECT amount FROM ledger WHERE id = 'L-003'"), 1003);
    QCOMPARE(text(grouped.db(), "SELECT group_concat(DISTINCT name) FROM customer"), std::string("나중"));
    QCOMPARE(text(grouped.db(), "SELECT group_concat(DISTINCT status) FROM orders"), std::string("paid"));
    QCOMPARE(text(grouped.db(), "SELECT group_concat(DISTINCT status) FROM payment"), std::string("approved"));
    QCOMPARE(grouped.count("SELECT count(*) FROM customer"), kRows + 4);
    QCOMPARE(text(grouped.db(), "SELECT status FROM cash_receipt WHERE id = 'R-2'"), std::string("failed"));
    QCOMPARE(text(grouped.db(), "SELECT status FROM cash_receipt WHERE id = 'R-7'"), std::string("issued"));
    checkIncrementalAgreesWithRebuild(grouped.db());
}

void TestImporter::statementsMadeFromColumns()
{
    const feed::TableColumns columns = {"id", "seq", "name"};
    QCOMPARE(feed::upsertSql("t", columns),
             std::string("INSERT INTO t(id, seq, name) VALUES (?1, ?2, ?3) ON CONFLICT(id) DO UPDATE SET "
                         "seq = excluded.seq, name = excluded.name WHERE excluded.seq > t.seq"));
    QCOMPARE(feed::insertSql("t", columns), std::string("INSERT OR IGNORE INTO t(id, seq, name) VALUES (?1, ?2, ?3)"));
    QCOMPARE(feed::insertRowsSql("t", columns, 2),
             std::string("INSERT OR IGNORE INTO t(id, seq, name) VALUES (?1, ?2, ?3), (?4, ?5, ?6)"));
    QCOMPARE(feed::updateRowsSql("t", columns, 2),
             std::string("UPDATE OR IGNORE t SET seq = v.column2, name = v.column3 FROM (VALUES (?1, ?2, ?3), "
                         "(?4, ?5, ?6)) AS v WHERE t.id = v.column1 AND v.column2 > t.seq"));
}

void TestImporter::recordsBeforeWhatTheyReferenceAreLinked_data()
{
    QTest::addColumn<bool>("separateImports");
    QTest::addColumn<int>("batchLines");
    QTest::newRow("one import per record") << true << 100;
    QTest::newRow("one import, one batch per line") << false << 1;
    QTest::newRow("one import, one batch") << false << 100;
}

void TestImporter::recordsBeforeWhatTheyReferenceAreLinked()
{
    QFETCH(bool, separateImports);
    QFETCH(int, batchLines);
    const std::vector<std::pair<std::string, QStringList>> steps = {
        {rec(1, ledger("L-1", "debit", 50000, "payment", R"(,"payment_id":"PAY-1")")), {"L-1 NO_PAYMENT 50000"}},
        {rec(2, account("A-1")), {"L-1 NO_PAYMENT 50000"}},
        {rec(3, customer("C-1")), {"L-1 NO_PAYMENT 50000"}},
        {rec(4, payment("PAY-1", 50000, "failed")), {"L-1 PAYMENT_NOT_COMPLETED 50000"}},
        {rec(5, payment("PAY-1", 30000, "approved")), {"L-1 OVER_CAPTURE 20000"}},
        {rec(6, payment("PAY-1", 50000, "approved")), {}},
    };
    test::TestMirror m;
    feed::ImportOptions o;
    o.batchLines = batchLines;
    if (separateImports) {
        for (const auto& [line, expected] : steps) {
            QCOMPARE(m.importLines({line}, o).counts.applied, 1);
            QCOMPARE(orphans(m.db()), expected);
            checkIncrementalAgreesWithRebuild(m.db());
        }
    } else {
        std::vector<std::string> lines;
        for (const auto& step : steps)
            lines.push_back(step.first);
        QCOMPARE(m.importLines(lines, o).counts.applied, 6);
        QCOMPARE(orphans(m.db()), QStringList());
        checkIncrementalAgreesWithRebuild(m.db());
    }
    QCOMPARE(m.count("SELECT count(*) FROM ledger"), 1);
    QCOMPARE(m.count("SELECT count(*) FROM customer"), 1);
    QCOMPARE(m.count("SELECT count(*) FROM account"), 1);
}

void TestImporter::queueKeysFollowTheOrderAndCustomer_data()
{
    // Each story: runs of lines (one import each), then the product and customer name the queue
    // must find beside the unsettled debit L-1 (migration 0008).
    QTest::addColumn<QList<QStringList>>("runs");
    QTest::addColumn<QString>("product");
    QTest::addColumn<QString>("name");
    const auto order = [](int seq, const std::string& product) {
        return QString::fromStdString(rec(seq, R"("type":"order","id":"O-1","customer_id":"C-1","product_id":")" + product
                                                   + R"(","quantity":1,"unit_price":5000,"total":5000,"status":"pending",)"
                                                     R"("created_at":"2026-03-11T10:00:00+09:00","updated_at":"2026-03-11T10:00:00+09:00")"));
    };
    const auto person = [](int seq, const std::string& name) { return QString::fromStdString(rec(seq, customer("C-1", name))); };
    const QString debit = QString::fromStdString(
        rec(10, ledger("L-1", "debit", 5000, "payment", R"(,"payment_id":"PAY-1","order_id":"O-1")")));
    QTest::newRow("debit before its order and customer")
        << QList<QStringList>{{debit}, {order(11, "P-1"), person(12, "김**")}} << "P-1" << "김**";
    QTest::newRow("the order moves to another product")
        << QList<QStringList>{{order(1, "P-1"), person(2, "김**"), debit}, {order(11, "P-2")}} << "P-2" << "김**";
    QTest::newRow("the customer's name changes")
        << QList<QStringList>{{order(1, "P-1"), person(2, "김**"), debit}, {person(11, "이**")}} << "P-1" << "이**";
    QTest::newRow("older versions arrive late")
        << QList<QStringList>{{order(5, "P-1"), person(6, "김**"), debit}, {order(3, "P-9"), person(4, "박**")}} << "P-1"
        << "김**";
    QTest::newRow("all in one run") << QList<QStringList>{{debit, order(11, "P-1"), person(12, "김**"), order(13, "P-2")}}
                                    << "P-2" << "김**";
}

void TestImporter::queueKeysFollowTheOrderAndCustomer()
{
    QFETCH(QList<QStringList>, runs);
    QFETCH(QString, product);
    QFETCH(QString, name);
    test::TestMirror m;
    for (const QStringList& run : runs) {
        std::vector<std::string> lines;
        for (const QString& l : run)
            lines.push_back(l.toStdString());
        QCOMPARE(m.importLines(lines).counts.quarantined, 0);
    }
    QCOMPARE(QString::fromStdString(text(m.db(), "SELECT product_id FROM unsettled_debit WHERE ledger_id = 'L-1'")), product);
    QCOMPARE(QString::fromStdString(text(m.db(), "SELECT customer_name FROM unsettled_debit WHERE ledger_id = 'L-1'")), name);
    checkIncrementalAgreesWithRebuild(m.db());
}

void TestImporter::aMigratedMirrorGetsItsQueueKeys()
{
    test::TestMirror m;
    m.import({test::sharedPath("examples/incident-small.jsonl")});
    const auto before = test::dumpTable(m.db(), "unsettled_debit");
    QVERIFY(m.count("SELECT 1 FROM unsettled_debit WHERE product_id IS NOT NULL") > 0);
    {
        Database old(m.path());   // back to schema 7, as a mirror made before migration 0008
        old.exec("DROP INDEX unsettled_order; ALTER TABLE unsettled_debit DROP COLUMN product_id;"
                 " ALTER TABLE unsettled_debit DROP COLUMN customer_name; PRAGMA user_version = 7;");
    }
    Database migrated(m.path());
    QCOMPARE(migrated.schemaVersion(), latestSchemaVersion());
    QCOMPARE(test::firstDifference(before, test::dumpTable(migrated, "unsettled_debit")), std::string());
}

void TestImporter::refundBeforeItsDebit()
{
    test::TestMirror m;
    feed::ImportOptions o;
    o.batchLines = 1;
    m.importLines({rec(1, ledger("L-2", "credit", 20000, "refund", R"(,"ref_id":"L-1")")),
                   rec(2, ledger("L-3", "credit", 10000, "reversal", R"(,"ref_id":"L-1")"))}, o);
    QCOMPARE(orphans(m.db()), QStringList());
    m.importLines({rec(3, ledger("L-1", "debit", 50000, "cash_receipt"))}, o);
    QCOMPARE(orphans(m.db()), QStringList({"L-1 NON_PAYMENT_DEBIT 20000"}));
    checkIncrementalAgreesWithRebuild(m.db());
}

void TestImporter::filesReadInOrderGiven()
{
    test::TestMirror m;
    const auto a = m.writeFeed({rec(1, customer("C-1", "A")), rec(2, payment("PAY-1", 5000, "pending")), "bad in A"});
    const auto b = m.writeFeed({rec(3, customer("C-1", "B")), "bad in B", rec(4, payment("PAY-1", 5000, "approved"))});
    auto s = m.import({a, b});
    QCOMPARE(s.counts.applied, 4);
    QCOMPARE(s.lastFile, b);
    QCOMPARE(s.lastLine, 3);
    QCOMPARE(text(m.db(), "SELECT name FROM customer"), std::string("B"));
    QCOMPARE(text(m.db(), "SELECT status FROM payment"), std::string("approved"));
    QCOMPARE(text(m.db(), "SELECT group_concat(file || ':' || line_no, ' ') FROM (SELECT * FROM quarantine ORDER BY id)"),
             a + ":3 " + b + ":2");

    test::TestMirror reversed;
    const auto a2 = reversed.writeFeed({rec(1, customer("C-1", "A")), rec(2, payment("PAY-1", 5000, "pending"))});
    const auto b2 = reversed.writeFeed({rec(3, customer("C-1", "B")), rec(4, payment("PAY-1", 5000, "approved"))});
    s = reversed.import({b2, a2});
    QCOMPARE(s.counts.applied, 2);
    QCOMPARE(s.counts.redelivered, 2);
    QCOMPARE(text(reversed.db(), "SELECT name FROM customer"), std::string("B"));
}

void TestImporter::missingFileFailsAndKeepsEarlierFiles()
{
    test::TestMirror m;
    std::vector<std::string> lines;
    for (int seq = 1; seq <= 25; ++seq)
        lines.push_back(rec(seq, customer("C-" + std::to_string(seq))));
    const auto good = m.writeFeed(lines);
    const std::string missing = m.dir().toStdString() + "/no-such-feed.jsonl";
    feed::ImportOptions o;
    o.batchLines = 10;
    const auto s = m.import({good, missing}, o);
    QCOMPARE(int(s.status), int(feed::ImportStatus::Failed));
    QVERIFY2(QString::fromStdString(s.error).contains(QString::fromStdString("cannot open feed file '" + missing + "'")),
             s.error.c_str());
    // The first file's batches are kept, and the summary says how far they reach.
    QCOMPARE(s.counts.applied, 25);
    QCOMPARE(s.lastFile, good);
    QCOMPARE(s.lastLine, 25);
    QCOMPARE(m.count("SELECT count(*) FROM customer"), 25);
    QCOMPARE(m.count("SELECT max_seq FROM feed_cursor"), 25);
    QCOMPARE(text(m.db(), "SELECT status || ' ' || applied FROM import_run"), std::string("failed 25"));
    QVERIFY(QString::fromStdString(text(m.db(), "SELECT message FROM import_run")).contains("no-such-feed.jsonl"));

    // Once the file is there, the same command carries on where the failed one stopped.
    const auto found = m.writeFeed({rec(26, customer("C-26"))}, "no-such-feed.jsonl");
    QCOMPARE(found, missing);
    const auto again = m.import({good, missing}, o);
    QCOMPARE(int(again.status), int(feed::ImportStatus::Done));
    QCOMPARE(again.counts.redelivered, 25);
    QCOMPARE(again.counts.applied, 1);
}

void TestImporter::missingFirstFileImportsNothing()
{
    test::TestMirror m;
    const std::string missing = m.dir().toStdString() + "/absent.jsonl";
    const auto s = m.import({missing, m.writeFeed({rec(1, customer("C-1"))})});
    QCOMPARE(int(s.status), int(feed::ImportStatus::Failed));
    QVERIFY2(QString::fromStdString(s.error).contains("absent.jsonl"), s.error.c_str());
    QCOMPARE(s.counts.lines(), 0);
    QCOMPARE(m.count("SELECT count(*) FROM customer"), 0);
    QCOMPARE(m.count("SELECT max_seq FROM feed_cursor"), 0);
}

void TestImporter::cancelStopsAtWholeBatch()
{
    std::vector<std::string> lines;
    for (int seq = 1; seq <= 95; ++seq)
        lines.push_back(seq % 2 ? rec(seq, customer("C-" + std::to_string(seq)))
                                : rec(seq, ledger("L-" + std::to_string(seq), "debit", seq, "fee")));
    test::TestMirror m;
    const auto file = m.writeFeed(lines);
    std::atomic<bool> cancel{false};
    feed::ImportOptions o;
    o.batchLines = 10;
    o.cancel = &cancel;
    int calls = 0;
    o.progress = [&](const feed::ImportProgress& p) {
        ++calls;
        QCOMPARE(p.counts.applied, 10);
        cancel = true;
    };
    auto s = m.import({file}, o);
    QCOMPARE(int(s.status), int(feed::ImportStatus::Cancelled));
    QCOMPARE(calls, 1);
    QCOMPARE(s.counts.applied, 10);
    QCOMPARE(s.cursor, 10);
    QCOMPARE(s.lastLine, 10);
    QCOMPARE(m.count("SELECT max_seq FROM feed_cursor"), 10);
    QCOMPARE(m.count("SELECT count(*) FROM customer") + m.count("SELECT count(*) FROM ledger"), 10);
    QCOMPARE(m.count("SELECT max(seq) FROM ledger"), 10);
    QCOMPARE(text(m.db(), "SELECT status || ' ' || applied || ' ' || last_line FROM import_run"),
             std::string("cancelled 10 10"));
    test::TestMirror prefix;   // the mirror must be exactly that of lines 1..10
    prefix.importLines({lines.begin(), lines.begin() + 10});
    QCOMPARE(test::firstDifference(test::dumpMirror(prefix.db()), test::dumpMirror(m.db())), std::string());

    s = m.import({file});
    QCOMPARE(int(s.status), int(feed::ImportStatus::Done));
    QCOMPARE(s.counts.redelivered, 10);
    QCOMPARE(s.counts.applied, 85);
    test::TestMirror oneGo;
    oneGo.import({file});
    QCOMPARE(test::firstDifference(test::dumpMirror(oneGo.db()), test::dumpMirror(m.db())), std::string());
}

void TestImporter::secondImporterRefusedWhileLockHeld()
{
    test::TestMirror m;
    const auto file = m.writeFeed({rec(1, customer("C-1"))});
    const int fd = ::open((m.path() + ".import-lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    QVERIFY(fd >= 0);
    QCOMPARE(::flock(fd, LOCK_EX | LOCK_NB), 0);
    const auto refused = m.import({file});
    QCOMPARE(int(refused.status), int(feed::ImportStatus::Failed));
    QVERIFY2(QString::fromStdString(refused.error).contains("another import"), refused.error.c_str());
    QCOMPARE(m.count("SELECT count(*) FROM import_run"), 0);
    QCOMPARE(m.count("SELECT count(*) FROM customer"), 0);

    const auto cli = runCli({"import", "--db", QString::fromStdString(m.path()), QString::fromStdString(file)});
    QCOMPARE(cli.exitCode, 1);
    QVERIFY2(cli.err.contains("another import"), cli.err.constData());

    ::close(fd);
    QCOMPARE(int(m.import({file}).status), int(feed::ImportStatus::Done));
    QCOMPARE(m.count("SELECT count(*) FROM customer"), 1);
}

void TestImporter::overlongLineQuarantined_data()
{
    QTest::addColumn<int>("mebibytes");
    QTest::newRow("5 MiB (fits the read buffer once grown)") << 5;
    QTest::newRow("13 MiB (never fits)") << 13;
}

void TestImporter::overlongLineQuarantined()
{
    QFETCH(int, mebibytes);
    const std::string huge = rec(2, customer("C-2", std::string(std::size_t(mebibytes) << 20, 'x')));
    test::TestMirror m;
    const auto s = m.importLines({rec(1, customer("C-1")), huge, rec(3, customer("C-3"))});
    QCOMPARE(s.counts.applied, 2);
    QCOMPARE(s.counts.quarantined, 1);
    QCOMPARE(s.lastLine, 3);
    QCOMPARE(m.count("SELECT count(*) FROM customer WHERE id = 'C-2'"), 0);
    QVERIFY(QString::fromStdString(text(m.db(), "SELECT reason FROM quarantine")).contains("longer than 4 MiB"));
    QCOMPARE(text(m.db(), "SELECT line_no || ' ' || length(raw) FROM quarantine"), std::string("2 4096"));
    QCOMPARE(text(m.db(), "SELECT raw FROM quarantine"), huge.substr(0, 4096));
}

void TestImporter::hugeAmountsDoNotStopTheImport()
{
    constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
    test::TestMirror m;
    const auto s = m.importLines({
        rec(1, ledger("L-1", "debit", kMax, "fee")),
        rec(2, ledger("L-2", "credit", kMax, "refund", R"(,"ref_id":"L-1")")),
        rec(3, ledger("L-3", "credit", kMax, "reversal", R"(,"ref_id":"L-1")")),
        rec(4, payment("PAY-1", kMax, "approved")),
        rec(5, ledger("L-4", "debit", kMax, "payment", R"(,"payment_id":"PAY-1")")),
        rec(6, ledger("L-5", "debit", kMax, "payment", R"(,"payment_id":"PAY-1")")),
    });
    QCOMPARE(int(s.status), int(feed::ImportStatus::Done));
    QCOMPARE(s.counts.applied, 6);
    QCOMPARE(m.count("SELECT amount FROM ledger WHERE id = 'L-1'"), kMax);
    QCOMPARE(orphans(m.db()), QStringList({"L-5 OVER_CAPTURE " + QString::number(kMax)}));
}

void TestImporter::cliJsonSummary()
{
    test::TestMirror m;
    const auto feedFile = QString::fromStdString(
        m.writeFeed({rec(1, customer("C-1")), rec(2, customer("C-2")), "not JSON", rec(1, customer("C-1"))}));
    const QString db = m.dir() + "/cli.db";
    const auto r = runCli({"import", "--db", db, "--format", "json", feedFile});
    QCOMPARE(r.exitCode, 3);
    QJsonParseError err;
    const auto json = QJsonDocument::fromJson(r.out, &err).object();
    QCOMPARE(err.error, QJsonParseError::NoError);
    for (const char* k : {"applied", "redelivered", "quarantined"}) {
        // Written as JSON integers (no quotes, no fraction), not strings or floats.
        QVERIFY2(QRegularExpression(QString("\"%1\":\\d+[,}]").arg(k)).match(QString::fromUtf8(r.out)).hasMatch(), k);
        QVERIFY(json.value(k).isDouble());
    }
    QCOMPARE(json.value("applied").toInteger(), 2);
    QCOMPARE(json.value("redelivered").toInteger(), 1);
    QCOMPARE(json.value("quarantined").toInteger(), 1);
    QCOMPARE(json.value("status").toString(), QString("done"));
    QCOMPARE(json.value("cursor").toInteger(), 2);
}

void TestImporter::cliExitCodes_data()
{
    QTest::addColumn<QStringList>("args");   // {db}, {clean}, {bad}, {missing} are replaced
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stderrPart");
    QTest::newRow("clean feed") << QStringList{"import", "--db", "{db}", "{clean}"} << 0 << QString();
    QTest::newRow("clean feed, json") << QStringList{"import", "--db", "{db}", "--format", "json", "{clean}"} << 0 << QString();
    QTest::newRow("some quarantined") << QStringList{"import", "--db", "{db}", "{bad}"} << 3 << QString();
    QTest::newRow("clean then bad") << QStringList{"import", "--db", "{db}", "{clean}", "{bad}"} << 3 << QString();
    QTest::newRow("unreadable file") << QStringList{"import", "--db", "{db}", "{missing}"} << 1 << "cannot open feed file";
    QTest::newRow("unreadable second file") << QStringList{"import", "--db", "{db}", "{clean}", "{missing}"} << 1
                                            << "cannot open feed file";
    QTest::newRow("no file") << QStringList{"import", "--db", "{db}"} << 2 << QString();
    QTest::newRow("no --db") << QStringList{"import", "{clean}"} << 2 << "--db";
    QTest::newRow("batch-lines 0") << QStringList{"import", "--db", "{db}", "--batch-lines", "0", "{clean}"} << 2
                                   << "--batch-lines";
    QTest::newRow("batch-lines not a number")
        << QStringList{"import", "--db", "{db}", "--batch-lines", "many", "{clean}"} << 2 << "--batch-lines";
    QTest::newRow("unknown format") << QStringList{"import", "--db", "{db}", "--format", "xml", "{clean}"} << 2
                                    << "--format";
    QTest::newRow("unknown option") << QStringList{"import", "--db", "{db}", "--fast", "{clean}"} << 2 << "fast";
}

void TestImporter::cliExitCodes()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, stderrPart);
    test::TestMirror m;
    const auto clean = QString::fromStdString(m.writeFeed({rec(1, customer("C-1")), rec(2, customer("C-2"))}));
    const auto bad = QString::fromStdString(m.writeFeed({rec(3, customer("C-3")), rec(4, ledger("L-4", "debit", 0, "fee"))}));
    for (auto& a : args)
        a.replace("{db}", m.dir() + "/cli.db").replace("{clean}", clean).replace("{bad}", bad)
            .replace("{missing}", m.dir() + "/missing.jsonl");
    const auto r = runCli(args);
    QVERIFY2(r.exitCode == exitCode, qPrintable(QString("exit %1, stderr: %2").arg(r.exitCode).arg(QString(r.err))));
    if (!stderrPart.isEmpty())
        QVERIFY2(QString::fromUtf8(r.err).contains(stderrPart), r.err.constData());
}

QTEST_GUILESS_MAIN(TestImporter)
#include "tst_importer.moc"
