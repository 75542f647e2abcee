// Fuzz target: the importer as a whole, on a fresh mirror (an empty mirror made once and
// copied for each input, in memory where /dev/shm exists). The input is one feed file,
// imported with the orphan and catalog state kept batch by batch (small batches, so that
// several batches and their incremental updates run), as `reconsole-cli import` does.
// Properties (feed-v1 "Counting", "Re-delivery", "Bad input"):
// - the import never fails on any content of the file;
// - applied + redelivered + quarantined is the number of non-blank lines, in the summary and
//   in the run's row, and every quarantined line has its row in the quarantine table;
// - the mirror passes PRAGMA integrity_check and foreign_key_check;
// - the orphan state kept batch by batch equals a rebuild from scratch;
// - importing the same file again applies nothing and changes no record.
#include "fuzz_support.h"
#include "mirror_dump.h"

#include "catalog/catalog_check.h"
#include "feed/importer.h"
#include "recon/orphan_rebuild.h"
#include "recon/orphan_state.h"
#include "store/database.h"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

using namespace reconsole;
namespace fs = std::filesystem;

namespace {

// Non-blank lines as feed-v1 counts them: LF-separated, a CR before the LF and a BOM at the
// start of the file are not content, and a line of only spaces, tabs and CRs is blank.
std::int64_t nonBlankLines(std::string_view text)
{
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    std::int64_t n = 0;
    while (!text.empty()) {
        const std::size_t end = std::min(text.find('\n'), text.size());
        if (text.substr(0, end).find_first_not_of(" \t\r") != std::string_view::npos)
            ++n;
        text.remove_prefix(std::min(end + 1, text.size()));
    }
    return n;
}

std::int64_t number(Database& db, const std::string& sql, std::int64_t arg = 0)
{
    auto st = db.prepare(sql);
    if (sql.find("?1") != std::string::npos)
        st.bind(1, arg);
    FUZZ_CHECK(st.step(), "no row from %s", sql.c_str());
    return st.int64(0);
}

std::vector<std::string> rows(Database& db, const std::string& sql)
{
    std::vector<std::string> out;
    auto st = db.prepare(sql);
    while (st.step())
        out.push_back(st.isNull(0) ? "NULL" : st.string(0));
    return out;
}

const std::string& emptyMirror()
{
    static const std::string path = [] {
        const std::string p = fuzz::scratchDir() + "/empty.db";
        Database db(p);   // creates and migrates
        return p;
    }();
    return path;
}

feed::ImportSummary import(Database& db, const std::string& feedPath)
{
    recon::OrphanState orphans;
    catalog::CatalogState catalog;
    feed::ImportOptions options;
    options.batchLines = 3;
    options.bulk = feed::BulkMode::Never;
    options.derived = &orphans;
    options.catalog = &catalog;
    return feed::importFeed(db, {feedPath}, options);
}

void checkRun(Database& db, const feed::ImportSummary& s, std::int64_t lines, const char* which)
{
    FUZZ_CHECK(s.status == feed::ImportStatus::Done, "%s import failed: %s", which, s.error.c_str());
    FUZZ_CHECK(s.counts.lines() == lines, "%s import: %lld applied + %lld redelivered + %lld quarantined != %lld lines",
               which, (long long)s.counts.applied, (long long)s.counts.redelivered, (long long)s.counts.quarantined,
               (long long)lines);
    FUZZ_CHECK(number(db, "SELECT applied FROM import_run WHERE id = ?1", s.runId) == s.counts.applied
                   && number(db, "SELECT redelivered FROM import_run WHERE id = ?1", s.runId) == s.counts.redelivered
                   && number(db, "SELECT quarantined FROM import_run WHERE id = ?1", s.runId) == s.counts.quarantined,
               "%s import: the run's row disagrees with the summary", which);
    FUZZ_CHECK(number(db, "SELECT count(*) FROM quarantine WHERE run_id = ?1", s.runId) == s.counts.quarantined,
               "%s import: quarantine rows != quarantined count", which);
    FUZZ_CHECK(number(db, "SELECT max_seq FROM feed_cursor") == s.cursor, "%s import: cursor", which);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string dir = fuzz::scratchDir();
    const std::string mirror = dir + "/mirror.db", feedPath = dir + "/feed.jsonl";
    for (const char* suffix : {"", "-wal", "-shm"})
        fs::remove(mirror + suffix);
    fs::copy_file(emptyMirror(), mirror);
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    {
        std::ofstream out(feedPath, std::ios::binary | std::ios::trunc);
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
    }
    const std::int64_t lines = nonBlankLines(text);

    Database db(mirror);
    const auto first = import(db, feedPath);
    checkRun(db, first, lines, "first");
    const auto integrity = rows(db, "PRAGMA integrity_check");
    FUZZ_CHECK(integrity == std::vector<std::string>{"ok"}, "integrity_check: %s", integrity.front().c_str());
    FUZZ_CHECK(rows(db, "PRAGMA foreign_key_check").empty(), "foreign_key_check finds rows");

    const auto unsettled = test::dumpTable(db, "unsettled_debit");
    recon::rebuildUnsettled(db);   // its own transaction; equal, so the second import starts the same
    FUZZ_CHECK(test::dumpTable(db, "unsettled_debit") == unsettled, "the kept orphan state differs from a rebuild");

    const auto before = test::dumpMirror(db);
    const auto second = import(db, feedPath);
    checkRun(db, second, lines, "second");
    FUZZ_CHECK(second.counts.applied == 0, "the same file again applied %lld lines", (long long)second.counts.applied);
    FUZZ_CHECK(second.counts.quarantined <= first.counts.quarantined, "the same file again quarantined more");
    FUZZ_CHECK(test::dumpMirror(db) == before, "the same file again changed a record");
    return 0;
}
