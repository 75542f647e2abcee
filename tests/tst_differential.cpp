// Differential test of the orphan engine: seeded random feeds go through the real importer
// (several imports, small and large batches, and as one bulk load), and recon::listOrphans
// must agree row for row with ReferenceOrphans, a plain reading of orphan-rules v1, for
// several as_of and grace choices. The maintained state must also equal a full rebuild.
//
// Reproduce one seed: RECONSOLE_DIFF_FIRST_SEED=<seed> RECONSOLE_DIFF_SEEDS=1 tst_differential
// (RECONSOLE_DIFF_LINES sets the feed size); a failing seed's feed is written to a temp file.
#include "memory_temp_dir.h"
#include "random_feed.h"
#include "recon/orphan_query.h"
#include "recon/orphan_rebuild.h"
#include "reference_orphans.h"
#include "test_mirror.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>
#include <map>
#include <random>

using namespace reconsole;

class TestDifferential : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::preferMemoryTempDir(); }
    void engineAgreesWithReference();
};

namespace {

int envInt(const char* name, int fallback)
{
    bool ok = false;
    const int v = qEnvironmentVariableIntValue(name, &ok);
    return ok ? v : fallback;
}

struct Query {
    std::optional<Instant> asOf;
    DurationMs grace = recon::kDefaultGrace;
    QString text() const
    {
        return QStringLiteral("as_of=%1 grace=%2ms")
            .arg(asOf ? QString::fromStdString(formatUtc(*asOf)) : QStringLiteral("default"))
            .arg(grace);
    }
};

// The defaults, grace 0 and 1 ms, and boundaries around random ledger instants.
std::vector<Query> queriesFor(const test::RandomFeed& feed, std::mt19937_64& rng)
{
    std::vector<Query> qs {
        {std::nullopt, recon::kDefaultGrace}, {std::nullopt, 0}, {std::nullopt, 1}, {std::nullopt, 45 * kMinuteMs}};
    if (feed.ledgerAts.empty())
        return qs;
    const auto [lo, hi] = std::minmax_element(feed.ledgerAts.begin(), feed.ledgerAts.end());
    qs.push_back({*lo - 1, 0});
    qs.push_back({*hi + 1, 0});
    for (int i = 0; i < 3; ++i) {
        const Instant t = feed.ledgerAts[rng() % feed.ledgerAts.size()];
        qs.push_back({t, 0});
        qs.push_back({t + recon::kDefaultGrace, recon::kDefaultGrace});  // t exactly at the boundary
        qs.push_back({t + recon::kDefaultGrace - 1, recon::kDefaultGrace});  // t 1 ms too young
        qs.push_back({t, DurationMs(rng() % 40) * kMinuteMs});
    }
    return qs;
}

QStringList engineRows(Database& db, const Query& q)
{
    QStringList out;
    for (const auto& o : recon::listOrphans(db, recon::OrphanQuery {q.asOf, q.grace}))
        out << test::ReferenceOrphans::describeRow(o.ledgerId, o.customerId, o.accountId, o.orderId, o.paymentId,
            QString::fromLatin1(orphanClassCode(o.cls)), o.amount.won(), o.orphanAmount.won(), o.at);
    return out;
}

QStringList unsettledTable(Database& db)
{
    QStringList out;
    auto st
        = db.prepare("SELECT ledger_id, customer_id, account_id, coalesce(order_id, '-'), coalesce(payment_id, '-'), "
                     "class, amount, covered, returned, orphan_amount, at FROM unsettled_debit ORDER BY ledger_id");
    while (st.step()) {
        QStringList cols;
        for (int c = 0; c < 6; ++c)
            cols << QString::fromStdString(st.string(c));
        for (int c = 6; c < 11; ++c)
            cols << QString::number(st.int64(c));
        out << cols.join('|');
    }
    return out;
}

QString difference(const QStringList& actual, const QStringList& expected)
{
    QString s;
    for (const auto& r : actual)
        if (!expected.contains(r))
            s += "\n    engine only:    " + r;
    for (const auto& r : expected)
        if (!actual.contains(r))
            s += "\n    reference only: " + r;
    if (s.isEmpty())
        s = "\n    same rows, different order:\n      engine    " + actual.join("\n      engine    ")
            + "\n      reference " + expected.join("\n      reference ");
    return s;
}

QString dumpFeed(std::uint64_t seed, const std::vector<std::string>& lines)
{
    const QString path = QDir::temp().filePath(QStringLiteral("reconsole-diff-seed-%1.jsonl").arg(seed));
    QFile f(path);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        for (const auto& l : lines)
            f.write(QByteArray::fromStdString(l + "\n"));
    return path;
}

// Imports the feed in 1-4 imports with a random batch size; sometimes the run crosses the
// incremental limit and switches to a rebuild part way, and sometimes an import is a bulk load.
QString importInPieces(test::TestMirror& m, const std::vector<std::string>& lines, std::mt19937_64& rng)
{
    feed::ImportOptions options;
    options.batchLines = std::vector<int> {1, 2, 7, 10000}[rng() % 4];
    options.bulkBatchLines = options.batchLines;   // a bulk load's own batches, as small as the others
    options.incrementalLimit = rng() % 5 == 0 ? 20 : 50000;
    const bool someBulk = rng() % 5 == 0;
    std::vector<std::size_t> cuts {0, lines.size()};
    for (int n = int(rng() % 4); n > 0; --n)
        cuts.push_back(rng() % (lines.size() + 1));
    std::sort(cuts.begin(), cuts.end());
    for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
        const std::vector<std::string> part(
            lines.begin() + std::ptrdiff_t(cuts[i]), lines.begin() + std::ptrdiff_t(cuts[i + 1]));
        options.bulk = someBulk && rng() % 2 ? feed::BulkMode::Always : feed::BulkMode::Never;
        const auto s = m.importLines(part, options);
        if (s.status != feed::ImportStatus::Done)
            return QString::fromStdString("import failed: " + s.error);
    }
    return QStringLiteral("%1 imports, batchLines %2, incrementalLimit %3%4")
        .arg(cuts.size() - 1)
        .arg(options.batchLines)
        .arg(options.incrementalLimit)
        .arg(someBulk ? ", some bulk loads" : "");
}

}  // namespace

// Checks lazily: the failure text (and the feed dump) is made only when the check fails;
// `failAt` is the caller's lambda that adds the seed and how the feed was imported.
#define DIFF_CHECK(cond, what)                                                                                         \
    do {                                                                                                               \
        if (!(cond))                                                                                                   \
            QFAIL(qPrintable(failAt(what)));                                                                           \
    } while (false)

void TestDifferential::engineAgreesWithReference()
{
    const int seeds = envInt("RECONSOLE_DIFF_SEEDS", 200);
    const int first = envInt("RECONSOLE_DIFF_FIRST_SEED", 1);
    const int size = envInt("RECONSOLE_DIFF_LINES", 150);
    std::map<QString, int> classesSeen;
    qint64 lines = 0, quarantined = 0, compared = 0;
    QElapsedTimer timer;
    timer.start();
    for (std::uint64_t seed = std::uint64_t(first); seed < std::uint64_t(first + seeds); ++seed) {
        const auto feed = test::randomFeed(seed, size);
        lines += qint64(feed.lines.size());
        test::ReferenceOrphans reference;
        for (const auto& l : feed.lines)
            reference.apply(l);

        std::mt19937_64 rng(seed * 0x9E3779B97F4A7C15ull);
        test::TestMirror pieces, bulk;
        const QString how = importInPieces(pieces, feed.lines, rng);
        feed::ImportOptions bulkOptions;
        bulkOptions.bulk = feed::BulkMode::Always;
        const auto bulkSummary = bulk.importLines(feed.lines, bulkOptions);
        const auto failAt = [&](const QString& what) {
            return QStringLiteral("seed %1 (%2; feed in %3): %4").arg(seed).arg(how, dumpFeed(seed, feed.lines), what);
        };
        DIFF_CHECK(bulkSummary.status == feed::ImportStatus::Done, "bulk import failed");
        DIFF_CHECK(!how.startsWith("import failed"), how);
        const auto quarantinedHere = pieces.count("SELECT count(*) FROM quarantine");
        quarantined += quarantinedHere;
        DIFF_CHECK(quarantinedHere == bulk.count("SELECT count(*) FROM quarantine"),
            "the two imports quarantined different lines");
        DIFF_CHECK(recon::defaultAsOf(pieces.db()) == reference.defaultAsOf(), "default as_of differs");

        for (const auto& q : queriesFor(feed, rng)) {
            const QStringList expected = reference.orphans(q.asOf, q.grace);
            for (const auto& r : expected)
                ++classesSeen[r.section('|', 5, 5)];
            for (auto* m : {&pieces, &bulk}) {
                const QStringList actual = engineRows(m->db(), q);
                ++compared;
                DIFF_CHECK(
                    actual == expected, (m == &bulk ? "bulk, " : "pieces, ") + q.text() + difference(actual, expected));
            }
        }
        const QStringList kept = unsettledTable(pieces.db());
        DIFF_CHECK(kept == unsettledTable(bulk.db()),
            "unsettled_debit differs between pieces and bulk" + difference(kept, unsettledTable(bulk.db())));
        recon::rebuildUnsettled(pieces.db());
        DIFF_CHECK(kept == unsettledTable(pieces.db()),
            "incremental unsettled_debit differs from a rebuild" + difference(kept, unsettledTable(pieces.db())));
    }
    QStringList seen;
    for (const auto& [cls, n] : classesSeen)
        seen << QStringLiteral("%1 %2").arg(cls).arg(n);
    qInfo("%d seeds, %lld lines, %lld quarantined, %lld orphan lists compared in %lld ms; orphan rows by class: %s",
        seeds, lines, quarantined, compared, timer.elapsed(), qPrintable(seen.join(", ")));
    // The generator must reach every class, or agreement would prove little.
    for (const char* cls :
        {"NO_PAYMENT", "PAYMENT_NOT_COMPLETED", "OVER_CAPTURE", "TOPUP_NOT_CREDITED", "NON_PAYMENT_DEBIT"})
        QVERIFY2(seeds < 20 || classesSeen[cls] > 0, cls);
    QVERIFY2(seeds < 20 || quarantined > 0, "the generator should produce some bad lines");
}

QTEST_GUILESS_MAIN(TestDifferential)
#include "tst_differential.moc"
