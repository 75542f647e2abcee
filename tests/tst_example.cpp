// The example feed of ../shared/examples gives exactly its expected orphans and import counts.
#include "recon/orphan_format.h"
#include "recon/orphan_query.h"
#include "test_mirror.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace reconsole;

class TestExample : public QObject {
    Q_OBJECT
private slots:
    void importCounts();
    void orphansMatchExpected();
    void reimportChangesNothing();
    void rebuildAgreesWithIncremental();
};

namespace {
QJsonDocument expected()
{
    QFile f(QString::fromStdString(test::sharedPath("examples/incident-small.expected.json")));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("expected file missing");
    return QJsonDocument::fromJson(f.readAll());
}
const std::string kFeed = "examples/incident-small.jsonl";
}  // namespace

void TestExample::importCounts()
{
    test::TestMirror m;
    const auto s = m.import({test::sharedPath(kFeed)});
    QCOMPARE(int(s.status), int(feed::ImportStatus::Done));
    QCOMPARE(s.counts.applied, 32);
    QCOMPARE(s.counts.quarantined, 2);
    QCOMPARE(s.counts.redelivered, 1);
    QCOMPARE(s.cursor, 33);
    QCOMPARE(m.count("SELECT count(*) FROM quarantine"), 2);
    QCOMPARE(m.count("SELECT count(*) FROM quarantine WHERE reason LIKE '%amount%'"), 1);
    QCOMPARE(m.count("SELECT count(*) FROM quarantine WHERE reason LIKE '%not valid JSON%'"), 1);
}

void TestExample::orphansMatchExpected()
{
    test::TestMirror m;
    m.import({test::sharedPath(kFeed)});
    const auto json = recon::orphansToJson(recon::listOrphans(m.db()));
    QJsonParseError err;
    const auto actual = QJsonDocument::fromJson(QByteArray::fromStdString(json), &err);
    QCOMPARE(err.error, QJsonParseError::NoError);
    QCOMPARE(actual, expected());
}

void TestExample::reimportChangesNothing()
{
    test::TestMirror m;
    m.import({test::sharedPath(kFeed)});
    const auto before = m.count("SELECT total_changes()");
    const auto s = m.import({test::sharedPath(kFeed)});
    // Every line with a readable seq is a re-delivery; the non-JSON line is reported again.
    QCOMPARE(s.counts.applied, 0);
    QCOMPARE(s.counts.redelivered, 34);
    QCOMPARE(s.counts.quarantined, 1);
    QCOMPARE(m.count("SELECT count(*) FROM ledger"), 12);
    Q_UNUSED(before);
    const auto json = recon::orphansToJson(recon::listOrphans(m.db()));
    QCOMPARE(QJsonDocument::fromJson(QByteArray::fromStdString(json)), expected());
}

void TestExample::rebuildAgreesWithIncremental()
{
    test::TestMirror m;
    feed::ImportOptions bulk;
    bulk.incrementalLimit = 0;   // force the bulk path: mark stale, rebuild at the end
    const auto s = m.import({test::sharedPath(kFeed)}, bulk);
    QVERIFY(!s.incremental);
    QCOMPARE(m.count("SELECT needs_rebuild FROM orphan_state"), 0);
    const auto json = recon::orphansToJson(recon::listOrphans(m.db()));
    QCOMPARE(QJsonDocument::fromJson(QByteArray::fromStdString(json)), expected());
}

QTEST_GUILESS_MAIN(TestExample)
#include "tst_example.moc"
