// Orphan rules v1, rule by rule and boundary by boundary: each row is a small feed sent
// through the real importer in four ways (see ImportMode) and the exact orphan list
// recon::listOrphans gives for it; findOrphan and a forced rebuild must agree. The rows
// live in orphan_rule_rows*.cpp; this file runs them and checks the output forms.
#include "memory_temp_dir.h"
#include "orphan_rule_rows.h"
#include "orphan_rule_rows_common.h"
#include "recon/orphan_format.h"
#include "recon/orphan_query.h"
#include "recon/orphan_rebuild.h"
#include "test_mirror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace reconsole;
using test::FeedLines;

class TestOrphanRules : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::preferMemoryTempDir(); }
    void graceEdge_data() { addRows(test::graceRows); }
    void graceEdge() { checkRow(); }
    void asOfOnlyMovesTheCutoff_data() { addRows(test::asOfRows); }
    void asOfOnlyMovesTheCutoff() { checkRow(); }
    void paymentAllocation_data() { addRows(test::allocationRows); }
    void paymentAllocation() { checkRow(); }
    void paymentStatus_data() { addRows(test::paymentStatusRows); }
    void paymentStatus() { checkRow(); }
    void topups_data() { addRows(test::topupRows); }
    void topups() { checkRow(); }
    void returns_data() { addRows(test::returnRows); }
    void returns() { checkRow(); }
    void otherPurposes_data() { addRows(test::otherPurposeRows); }
    void otherPurposes() { checkRow(); }
    void mixedOffsets_data() { addRows(test::offsetRows); }
    void mixedOffsets() { checkRow(); }
    void arrivalOrder_data() { addRows(test::arrivalRows); }
    void arrivalOrder() { checkRow(); }
    void int64Limits_data() { addRows(test::limitRows); }
    void int64Limits() { checkRow(); }

    void stepByStep_data();
    void stepByStep();
    void outputCarriesTheDebitsFields();
    void outputSortedByAtThenIdBytes();
    void jsonForm();
    void jsonEmptyList();
    void jsonLargeAmountsAndEscapes();
    void aLongListIsWrittenInPiecesAsOneDocument();

private:
    static void addRows(void (*rows)())
    {
        test::addRuleColumns();
        rows();
    }
    void checkRow();
};

namespace {

QStringList describe(const std::vector<recon::Orphan>& orphans)
{
    QStringList out;
    for (const auto& o : orphans)
        out << test::orphanRow(
            QString::fromStdString(o.ledgerId), std::string(orphanClassCode(o.cls)).c_str(), o.amount.won(),
            o.orphanAmount.won());
    return out;
}

feed::ImportOptions optionsFor(test::ImportMode mode)
{
    feed::ImportOptions options;
    options.bulk = mode == test::ImportMode::BulkLoad ? feed::BulkMode::Always : feed::BulkMode::Never;
    if (mode == test::ImportMode::LineByLine)
        options.batchLines = 1;
    if (mode == test::ImportMode::Rebuild)
        options.incrementalLimit = 0;
    return options;
}

void importAll(test::TestMirror& m, const FeedLines& feed, test::ImportMode mode = test::ImportMode::Batched)
{
    for (const auto& lines : feed.imports())
        QCOMPARE(int(m.importLines(lines, optionsFor(mode)).status), int(feed::ImportStatus::Done));
}

Instant instant(const char* text)
{
    const auto p = parseRfc3339(text);
    if (!p)
        qFatal("bad instant in test: %s", text);
    return p->ms;
}

recon::OrphanQuery at(std::optional<const char*> asOf, DurationMs grace = recon::kDefaultGrace)
{
    recon::OrphanQuery q;
    if (asOf)
        q.asOf = instant(*asOf);
    q.grace = grace;
    return q;
}

QJsonArray parsedJson(const std::vector<recon::Orphan>& orphans)
{
    QJsonParseError err;
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(recon::orphansToJson(orphans)), &err);
    if (err.error != QJsonParseError::NoError || !doc.isArray())
        qFatal("orphansToJson is not a JSON array: %s", qPrintable(err.errorString()));
    return doc.array();
}

}  // namespace

void TestOrphanRules::checkRow()
{
    QFETCH(FeedLines, feed);
    QFETCH(QString, asOf);
    QFETCH(qint64, grace);
    QFETCH(int, quarantined);
    QFETCH(int, mode);
    QFETCH(QStringList, expected);

    test::TestMirror m;
    importAll(m, feed, test::ImportMode(mode));
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(m.count("SELECT count(*) FROM quarantine"), quarantined);
    recon::OrphanQuery q;
    if (!asOf.isEmpty()) {
        const auto parsed = parseRfc3339(asOf.toStdString());
        QVERIFY2(parsed, qPrintable(asOf));
        q.asOf = parsed->ms;
    }
    if (grace != test::kSpecDefaultGrace)
        q.grace = grace;
    const auto listed = recon::listOrphans(m.db(), q);
    QCOMPARE(describe(listed), expected);
    // findOrphan agrees with the list for every ledger entry, orphan or not.
    auto ids = m.db().prepare("SELECT id FROM ledger");
    while (ids.step()) {
        const auto found = recon::findOrphan(m.db(), ids.string(0), q);
        const auto it
            = std::find_if(listed.begin(), listed.end(), [&](const auto& o) { return o.ledgerId == ids.text(0); });
        QVERIFY2(found.has_value() == (it != listed.end()), ids.string(0).c_str());
        if (found)
            QCOMPARE(describe({*found}), describe({*it}));
    }
    // The maintained state must be exactly what a full recompute gives.
    recon::rebuildUnsettled(m.db());
    QCOMPARE(describe(recon::listOrphans(m.db(), q)), expected);
}

void TestOrphanRules::stepByStep_data()
{
    QTest::addColumn<int>("mode");
    QTest::newRow("batched") << int(test::ImportMode::Batched);
    QTest::newRow("line by line") << int(test::ImportMode::LineByLine);
    QTest::newRow("rebuild") << int(test::ImportMode::Rebuild);
    QTest::newRow("bulk load") << int(test::ImportMode::BulkLoad);
}

// One payment's story over seven imports; the list after each import is checked, so a
// state that is only right at the end cannot pass.
void TestOrphanRules::stepByStep()
{
    QFETCH(int, mode);
    using test::orphanRow, test::pay, test::ref, test::z;
    const FeedLines story = FeedLines()
                                .payment("P-1", 8000, "pending", z("01:00:00"))
                                .debit("L-1", 8000, "payment", z("01:00:00"), pay("P-1"))
                                .credit("Z-clock", 1, "cashback", z("03:00:00"), test::kElsewhere)
                                .nextImport()
                                .payment("P-1", 8000, "approved", z("01:00:02"))
                                .nextImport()
                                .debit("L-2", 8000, "payment", z("01:00:05"), pay("P-1"))
                                .nextImport()
                                .credit("L-3", 5000, "refund", z("01:20:00"), ref("L-2"))
                                .nextImport()
                                .debit("L-0", 8000, "payment", z("00:59:00"), pay("P-1"))
                                .nextImport()
                                .payment("P-1", 8000, "cancelled", z("01:30:00"))
                                .nextImport()
                                .payment("P-1", 24000, "approved", z("01:40:00"));
    const QList<QStringList> after {
        {orphanRow("L-1", test::kNotCompleted, 8000, 8000)},
        {},
        {orphanRow("L-2", test::kOverCapture, 8000, 8000)},
        {orphanRow("L-2", test::kOverCapture, 8000, 3000)},
        // The late, earlier debit takes the payment first: L-1 loses its cover.
        {orphanRow("L-1", test::kOverCapture, 8000, 8000), orphanRow("L-2", test::kOverCapture, 8000, 3000)},
        {orphanRow("L-0", test::kNotCompleted, 8000, 8000), orphanRow("L-1", test::kNotCompleted, 8000, 8000),
            orphanRow("L-2", test::kNotCompleted, 8000, 3000)},
        {},
    };
    QCOMPARE(qsizetype(story.imports().size()), after.size());
    test::TestMirror m;
    for (qsizetype i = 0; i < after.size(); ++i) {
        const auto& lines = story.imports()[std::size_t(i)];
        QCOMPARE(int(m.importLines(lines, optionsFor(test::ImportMode(mode))).status), int(feed::ImportStatus::Done));
        QVERIFY2(describe(recon::listOrphans(m.db())) == after[i],
            qPrintable(
                QStringLiteral("after import %1: %2").arg(i + 1).arg(describe(recon::listOrphans(m.db())).join(", "))));
    }
}

void TestOrphanRules::outputCarriesTheDebitsFields()
{
    test::TestMirror m;
    importAll(m,
        FeedLines()
            .payment("P-1", 5000, "failed", test::z("01:00:00"), "O-7")
            .debit("L-1", 5000, "payment", "2026-03-11T10:00:00.250+09:00",
                test::Link().withPayment("P-1").withOrder("O-7").on("A-KIM-CARD", "C-KIM"))
            .debit("L-2", 700, "fee", test::z("01:00:01"), test::Link().on("A-NAM-MONEY", "C-NAM")));
    const auto orphans = recon::listOrphans(m.db(), at("2026-03-11T03:00:00Z"));
    QCOMPARE(orphans.size(), std::size_t(2));
    const auto& a = orphans[0];
    QCOMPARE(a.ledgerId, "L-1");
    QCOMPARE(a.customerId, "C-KIM");
    QCOMPARE(a.accountId, "A-KIM-CARD");
    QCOMPARE(a.orderId, std::optional<std::string>("O-7"));
    QCOMPARE(a.paymentId, std::optional<std::string>("P-1"));
    QCOMPARE(int(a.cls), int(OrphanClass::PaymentNotCompleted));
    QCOMPARE(a.amount, Money(5000));
    QCOMPARE(a.orphanAmount, Money(5000));
    QCOMPARE(a.at, instant("2026-03-11T01:00:00.250Z"));
    const auto& b = orphans[1];
    QCOMPARE(b.ledgerId, "L-2");
    QCOMPARE(b.customerId, "C-NAM");
    QCOMPARE(b.accountId, "A-NAM-MONEY");
    QVERIFY(!b.orderId);
    QVERIFY(!b.paymentId);
    QCOMPARE(b.at, instant("2026-03-11T01:00:01Z"));
}

void TestOrphanRules::outputSortedByAtThenIdBytes()
{
    test::TestMirror m;
    FeedLines feed;
    for (const char* id : {"L-가", "L-z", "L-b", "L-B", "L-a", "L-10", "L-9"})
        feed.debit(id, 100, "fee", test::z("01:00:00"));
    feed.debit("L-0", 100, "fee", "2026-03-11T10:00:00.001+09:00");  // 1 ms later, smallest id
    feed.debit("L-zz", 100, "fee", "2026-03-11T00:59:59.999Z");  // 1 ms earlier, large id
    importAll(m, feed);
    QStringList ids;
    for (const auto& o : recon::listOrphans(m.db(), at("2026-03-11T05:00:00Z")))
        ids << QString::fromStdString(o.ledgerId);
    QCOMPARE(ids, (QStringList {"L-zz", "L-10", "L-9", "L-B", "L-a", "L-b", "L-z", "L-가", "L-0"}));
}

void TestOrphanRules::jsonForm()
{
    test::TestMirror m;
    importAll(m,
        FeedLines()
            .debit("L-1", 5000, "fee", "2026-03-11T10:00:00+09:00")
            .debit(
                "L-2", 8000, "payment", "2026-03-11T01:00:00.25Z", test::Link().withPayment("P-404").withOrder("O-1"))
            .debit("L-3", 900, "payment", "2026-03-10T20:00:00.123456-05:00", test::Link().withNullPayment())
            .debit("L-4", 100000, "topup", "2026-03-11T01:00:02.5Z", test::kBank));
    const QJsonArray actual = parsedJson(recon::listOrphans(m.db(), at("2026-03-11T02:00:00Z")));
    const auto obj = [](const char* id, const char* acct, QJsonValue order, QJsonValue payment, const char* cls,
                         qint64 amount, const char* at) {
        return QJsonObject {{"ledger_id", id}, {"customer_id", "C-1"}, {"account_id", acct}, {"order_id", order},
            {"payment_id", payment}, {"class", cls}, {"amount", amount}, {"orphan_amount", amount}, {"at", at}};
    };
    const QJsonValue null(QJsonValue::Null);
    const QJsonArray expected {
        obj("L-1", "A-1", null, null, test::kNonPaymentDebit, 5000, "2026-03-11T01:00:00Z"),
        obj("L-3", "A-1", null, null, test::kNoPayment, 900, "2026-03-11T01:00:00.123Z"),
        obj("L-2", "A-1", "O-1", "P-404", test::kNoPayment, 8000, "2026-03-11T01:00:00.250Z"),
        obj("L-4", "A-1-BANK", null, null, test::kTopupNotCredited, 100000, "2026-03-11T01:00:02.500Z"),
    };
    QCOMPARE(actual, expected);  // equal as parsed JSON: the spec's own comparison
    const QRegularExpression atForm(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$)");
    const QStringList keys {
        "account_id", "amount", "at", "class", "customer_id", "ledger_id", "order_id", "orphan_amount", "payment_id"};
    for (const auto& v : actual) {
        const auto o = v.toObject();
        QCOMPARE(o.keys(), keys);  // exactly these keys, no more
        QVERIFY2(atForm.match(o["at"].toString()).hasMatch(), qPrintable(o["at"].toString()));
        QVERIFY(o["payment_id"].isNull() || o["payment_id"].isString());
    }
}

void TestOrphanRules::jsonEmptyList()
{
    test::TestMirror m;
    importAll(m, FeedLines().debit("L-1", 5000, "fee", test::z("01:00:00")));
    QCOMPARE(parsedJson(recon::listOrphans(m.db())), QJsonArray());
}

void TestOrphanRules::jsonLargeAmountsAndEscapes()
{
    test::TestMirror m;
    const std::string oddId = "L-\"q\"\\가\t";
    importAll(m,
        FeedLines().debit(oddId, std::numeric_limits<qint64>::max(), "fee", test::z("01:00:00"),
            test::Link().on("A-\\1", "C-\"1\"")));
    const auto orphans = recon::listOrphans(m.db(), at(std::nullopt, 0));
    const std::string json = recon::orphansToJson(orphans);
    // Integers written as integers, digit for digit (a double would round INT64_MAX).
    QVERIFY2(json.find("\"amount\":9223372036854775807,") != std::string::npos, json.c_str());
    QVERIFY2(json.find("\"orphan_amount\":9223372036854775807,") != std::string::npos, json.c_str());
    const QJsonArray parsed = parsedJson(orphans);
    QCOMPARE(parsed.size(), 1);
    const auto o = parsed[0].toObject();
    QCOMPARE(o["ledger_id"].toString(), QString::fromStdString(oddId));
    QCOMPARE(o["account_id"].toString(), QStringLiteral("A-\\1"));
    QCOMPARE(o["customer_id"].toString(), QStringLiteral("C-\"1\""));
}

void TestOrphanRules::aLongListIsWrittenInPiecesAsOneDocument()
{
    // 5 000 rows are over a megabyte of JSON: the writer hands it over in several pieces,
    // and the pieces joined are the same document, row for row, in both formats.
    std::vector<recon::Orphan> orphans(5000);
    for (std::size_t i = 0; i < orphans.size(); ++i) {
        recon::Orphan& o = orphans[i];
        o.ledgerId = "L-" + std::to_string(100000 + i);
        o.customerId = "C-\"" + std::to_string(i % 7);
        o.accountId = "A-1";
        if (i % 2)
            o.orderId = "O-" + std::to_string(i);
        o.amount = Money(static_cast<std::int64_t>(i) * 1000);
        o.orphanAmount = o.amount;
        o.at = 1773205329000 + static_cast<Instant>(i);
    }
    for (const auto format : {recon::OrphanListFormat::Json, recon::OrphanListFormat::Csv}) {
        std::string joined;
        int pieces = 0;
        recon::OrphanListWriter w(format, [&](std::string_view part) {
            QVERIFY(!part.empty());
            joined += part;
            ++pieces;
        });
        for (const auto& o : orphans)
            w.add(o);
        w.finish();
        QVERIFY2(pieces >= 2, qPrintable(QString::number(pieces)));
        if (format == recon::OrphanListFormat::Csv) {
            QCOMPARE(QByteArray::fromStdString(joined).count('\n'), qsizetype(5001));
            QVERIFY(joined.find("L-104999,\"C-\"\"1\",A-1,O-4999,,") != std::string::npos);
            continue;
        }
        QJsonParseError err;
        const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(joined), &err);
        QCOMPARE(err.error, QJsonParseError::NoError);
        const QJsonArray rows = doc.array();
        QCOMPARE(rows.size(), 5000);
        QCOMPARE(rows[4999].toObject()["ledger_id"].toString(), QStringLiteral("L-104999"));
        QCOMPARE(rows[4999].toObject()["at"].toString(), QStringLiteral("2026-03-11T05:02:13.999Z"));
        QVERIFY(rows[4998].toObject()["order_id"].isNull());
    }
}

QTEST_GUILESS_MAIN(TestOrphanRules)
#include "tst_orphan_rules.moc"
