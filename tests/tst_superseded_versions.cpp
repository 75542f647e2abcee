// Versions a later line of the same chunk replaces are not written (feed/superseded_versions.h).
// The rule is checked on its own, as a table of chunks, and through the importer: a mirror
// imported in large chunks must equal, row for row, one imported a line at a time (chunks of
// one line, where nothing can be skipped), and so must the mirror after every commit of an
// import, against the lines it had taken by then.
#include "feed/superseded_versions.h"
#include "memory_temp_dir.h"
#include "mirror_dump.h"
#include "random_feed.h"
#include "test_mirror.h"

#include <QTest>


using namespace reconsole;

Q_DECLARE_METATYPE(std::vector<bool>)

namespace {

// One line of a chunk for the table: `kind` is o(rder), p(ayment), c(ustomer), a(ccount),
// m(erchant), P(roduct), l(edger), r(eceipt), x (a line that did not parse, seq readable),
// - (no readable seq).
struct Line {
    char kind;
    const char* id;
    std::int64_t seq;
};

template <class R>
feed::Record withId(std::string_view id)
{
    R r {};
    r.id = id;
    return r;
}

std::vector<feed::ParsedLine> chunk(const std::vector<Line>& spec)
{
    std::vector<feed::ParsedLine> lines;
    for (const auto& s : spec) {
        feed::ParsedLine& p = lines.emplace_back();
        if (s.kind != '-')
            p.seq = s.seq;
        switch (s.kind) {
        case 'o': p.record = withId<feed::OrderRecord>(s.id); break;
        case 'p': p.record = withId<feed::PaymentRecord>(s.id); break;
        case 'c': p.record = withId<feed::CustomerRecord>(s.id); break;
        case 'a': p.record = withId<feed::AccountRecord>(s.id); break;
        case 'm': p.record = withId<feed::MerchantRecord>(s.id); break;
        case 'P': p.record = withId<feed::ProductRecord>(s.id); break;
        case 'l': p.record = withId<feed::LedgerRecord>(s.id); break;
        case 'r': p.record = withId<feed::CashReceiptRecord>(s.id); break;
        default: break;
        }
    }
    return lines;
}

std::vector<std::string> mirrorRows(test::TestMirror& m) { return test::dumpMirror(m.db()); }

// The quarantined lines by line number (the file's path and the run differ between mirrors).
std::vector<std::string> quarantined(test::TestMirror& m)
{
    auto st = m.db().prepare("SELECT line_no || '|' || coalesce(seq, '') || '|' || reason FROM quarantine ORDER BY line_no");
    std::vector<std::string> rows;
    while (st.step())
        rows.push_back(st.string(0));
    return rows;
}

// How many lines of the file the parse thread marks as replaced, in the importer's chunks.
int supersededLines(const std::string& file)
{
    feed::ParsePipeline pipeline({file}, 2500);
    int n = 0;
    for (auto c = pipeline.next(); !c->endOfInput; c = pipeline.next())
        for (const auto& line : c->lines)
            n += line.superseded ? 1 : 0;
    return n;
}

}  // namespace

class TestSupersededVersions : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::preferMemoryTempDir(); }
    void marking_data();
    void marking();
    void chunkedImportEqualsLineByLine();
    void everyCommitHoldsAWholePrefix();
};

void TestSupersededVersions::marking_data()
{
    QTest::addColumn<std::vector<Line>>("lines");
    QTest::addColumn<std::vector<bool>>("superseded");
    using L = std::vector<Line>;
    using S = std::vector<bool>;
    QTest::newRow("an order's two versions") << L {{'o', "O-1", 1}, {'o', "O-1", 2}} << S {true, false};
    QTest::newRow("three versions, lines between") << L {{'o', "O-1", 1}, {'p', "P-1", 2}, {'o', "O-1", 3}, {'o', "O-1", 5}}
                                                    << S {true, false, true, false};
    QTest::newRow("other ids untouched") << L {{'o', "O-1", 1}, {'o', "O-2", 2}} << S {false, false};
    QTest::newRow("same id, other kind") << L {{'o', "X-1", 1}, {'p', "X-1", 2}} << S {false, false};
    QTest::newRow("payment, customer, account, merchant")
        << L {{'p', "P", 1}, {'c', "C", 2}, {'a', "A", 3}, {'m', "M", 4}, {'p', "P", 5}, {'c', "C", 6}, {'a', "A", 7}, {'m', "M", 8}}
        << S {true, true, true, true, false, false, false, false};
    // Every product version is kept; a ledger copy must be compared; a receipt names its order.
    QTest::newRow("product versions all written") << L {{'P', "P-1", 1}, {'P', "P-1", 2}} << S {false, false};
    QTest::newRow("ledger copies all compared") << L {{'l', "L-1", 1}, {'l', "L-1", 2}} << S {false, false};
    QTest::newRow("receipt versions all written") << L {{'r', "R-1", 1}, {'r', "R-1", 2}} << S {false, false};
    // The later line carries a lower seq: the stored version stays the earlier one.
    QTest::newRow("later line, lower seq") << L {{'o', "O-1", 5}, {'o', "O-1", 3}} << S {false, false};
    // B (seq 4) comes after seq 9: B is a re-delivery and never applied, so A must be written.
    QTest::newRow("replacement below an earlier seq") << L {{'o', "O-1", 2}, {'c', "C", 9}, {'o', "O-1", 4}}
                                                      << S {false, false, false};
    QTest::newRow("... also when that seq's line did not parse") << L {{'o', "O-1", 2}, {'x', "", 9}, {'o', "O-1", 4}}
                                                                 << S {false, false, false};
    QTest::newRow("a line without a seq moves nothing") << L {{'o', "O-1", 2}, {'-', "", 0}, {'o', "O-1", 4}}
                                                        << S {true, false, false};
    // Equal seqs: the second is a re-delivery of the first.
    QTest::newRow("same seq twice") << L {{'o', "O-1", 3}, {'o', "O-1", 3}} << S {false, false};
    // A re-delivered version (seq 2) between two real ones does not stop the first being replaced.
    QTest::newRow("a re-delivery in between") << L {{'o', "O-1", 2}, {'o', "O-1", 2}, {'o', "O-1", 4}}
                                              << S {true, true, false};
    // Seq 5 comes after 7 (a re-delivery, counted as such before the mark is looked at); 8 replaces both.
    QTest::newRow("a re-delivery, then the replacement") << L {{'o', "O-1", 1}, {'c', "C", 7}, {'o', "O-1", 5}, {'o', "O-1", 8}}
                                                         << S {true, false, true, false};
}

void TestSupersededVersions::marking()
{
    QFETCH(std::vector<Line>, lines);
    QFETCH(std::vector<bool>, superseded);
    auto parsed = chunk(lines);
    feed::markSupersededVersions(parsed);
    std::vector<bool> got;
    for (const auto& p : parsed)
        got.push_back(p.superseded);
    QCOMPARE(got, superseded);
}

void TestSupersededVersions::chunkedImportEqualsLineByLine()
{
    int skipped = 0;
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        const auto feed = test::randomFeed(seed, 400);
        test::TestMirror chunked, oneByOne;
        feed::ImportOptions big, single;
        big.batchLines = 10000;   // chunks of 2 500 lines: the whole feed is one chunk
        single.batchLines = 1;    // chunks of one line: nothing can be replaced within one
        const auto a = chunked.importLines(feed.lines, big);
        const auto b = oneByOne.importLines(feed.lines, single);
        QCOMPARE(int(a.status), int(feed::ImportStatus::Done));
        QCOMPARE(int(b.status), int(feed::ImportStatus::Done));
        QCOMPARE(a.counts.applied, b.counts.applied);
        QCOMPARE(a.counts.redelivered, b.counts.redelivered);
        QCOMPARE(a.counts.quarantined, b.counts.quarantined);
        QCOMPARE(a.cursor, b.cursor);
        QCOMPARE(test::firstDifference(mirrorRows(chunked), mirrorRows(oneByOne)), std::string());
        QCOMPARE(quarantined(chunked), quarantined(oneByOne));
        skipped += supersededLines(chunked.writeFeed(feed.lines));
    }
    // The comparison means something only if the rule skipped lines in these feeds.
    QVERIFY2(skipped > 100, qPrintable(QString::number(skipped)));
}

void TestSupersededVersions::everyCommitHoldsAWholePrefix()
{
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        const auto feed = test::randomFeed(seed, 1200);
        test::TestMirror m;
        // After each commit: the mirror, and how many non-blank lines were taken.
        std::vector<std::pair<std::int64_t, std::vector<std::string>>> commits;
        feed::ImportOptions options;
        options.batchLines = 300;   // chunks of 75 lines
        options.progress = [&](const feed::ImportProgress& p) {
            commits.emplace_back(p.counts.lines(), mirrorRows(m));
        };
        QCOMPARE(int(m.importLines(feed.lines, options).status), int(feed::ImportStatus::Done));
        QVERIFY(commits.size() >= 3);
        for (const auto& [taken, rows] : commits) {
            std::vector<std::string> head;
            for (std::int64_t nonBlank = 0; nonBlank < taken;) {
                head.push_back(feed.lines[head.size()]);
                nonBlank += head.back().empty() ? 0 : 1;
            }
            test::TestMirror prefix;
            feed::ImportOptions single;
            single.batchLines = 1;
            QCOMPARE(int(prefix.importLines(head, single).status), int(feed::ImportStatus::Done));
            QCOMPARE(test::firstDifference(rows, mirrorRows(prefix)), std::string());
        }
    }
}

QTEST_GUILESS_MAIN(TestSupersededVersions)
#include "tst_superseded_versions.moc"
