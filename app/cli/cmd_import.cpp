#include "catalog/catalog_check.h"
#include "access/read_scope.h"
#include "cli_common.h"
#include "ops_common.h"
#include "feed/importer.h"
#include "recon/orphan_format.h"
#include "recon/orphan_state.h"
#include "store/database.h"

#include <QElapsedTimer>
#include <atomic>
#include <csignal>

namespace reconsole::cli {
namespace {

std::atomic<bool> g_cancel{false};
extern "C" void onInterrupt(int) { g_cancel.store(true); }

const char* statusName(feed::ImportStatus s)
{
    return s == feed::ImportStatus::Done ? "done" : s == feed::ImportStatus::Cancelled ? "cancelled" : "failed";
}

std::string summaryJson(const feed::ImportSummary& s, double seconds)
{
    using recon::jsonString;
    std::string samples;
    for (const auto& q : s.samples) {
        samples += (samples.empty() ? "" : ",") + std::string("{\"file\":") + jsonString(q.file)
            + ",\"line\":" + std::to_string(q.line) + ",\"seq\":" + (q.seq ? std::to_string(*q.seq) : "null")
            + ",\"reason\":" + jsonString(q.reason) + "}";
    }
    return "{\"status\":\"" + std::string(statusName(s.status)) + "\",\"applied\":" + std::to_string(s.counts.applied)
        + ",\"redelivered\":" + std::to_string(s.counts.redelivered) + ",\"quarantined\":"
        + std::to_string(s.counts.quarantined) + ",\"cursor\":" + std::to_string(s.cursor) + ",\"run_id\":"
        + std::to_string(s.runId) + ",\"last_file\":" + jsonString(s.lastFile) + ",\"last_line\":"
        + std::to_string(s.lastLine) + ",\"orphan_state\":\"" + (s.incremental ? "incremental" : "rebuilt")
        + "\",\"seconds\":" + std::to_string(seconds) + ",\"first_quarantined\":[" + samples + "]"
        + (s.error.empty() ? "" : ",\"error\":" + jsonString(s.error)) + "}\n";
}

std::string summaryText(const feed::ImportSummary& s, double seconds)
{
    std::string t = "import " + std::string(statusName(s.status)) + " in " + std::to_string(seconds).substr(0, 5)
        + " s: " + std::to_string(s.counts.applied) + " applied, " + std::to_string(s.counts.redelivered)
        + " re-deliveries skipped, " + std::to_string(s.counts.quarantined) + " quarantined; "
        // A mirror that has taken no line has no cursor: "seq 0" read as if line 0 were in.
        + (s.cursor > 0 ? "cursor at seq " + std::to_string(s.cursor) : std::string("no line in the mirror yet"))
        + "\n";
    for (const auto& q : s.samples)
        t += "  quarantined " + q.file + ":" + std::to_string(q.line) + (q.seq ? " (seq " + std::to_string(*q.seq) + ")" : "")
            + ": " + q.reason + "\n";
    if (s.counts.quarantined > static_cast<std::int64_t>(s.samples.size()))
        t += "  ... see 'reconsole-cli quarantine --db MIRROR' for all of them\n";
    if (!s.lastFile.empty() && s.status != feed::ImportStatus::Done)
        t += "committed up to " + s.lastFile + " line " + std::to_string(s.lastLine) + "\n";
    return t;
}

}  // namespace

int runImport(const QStringList& args)
{
    CommandParser cmd(QStringLiteral("Import feed-v1 files into the mirror, in the order given."));
    QCommandLineOption format(QStringList{"format"}, "Summary as 'text' (default) or 'json'.", "FORMAT", "text");
    QCommandLineOption batch(QStringList{"batch-lines"}, "Lines per committed batch (default 10000; 400000 in a bulk load).", "N");
    QCommandLineOption quiet(QStringList{"quiet"}, "No progress on stderr.");
    QCommandLineOption bulk(QStringList{"bulk"},
                            "auto (default): a load of 64 MiB or more that is larger than the mirror defers the "
                            "indexes and rebuilds them at the end; always; never (keeps indexes live for readers).",
                            "MODE", "auto");
    cmd.parser.addOptions({format, batch, quiet, bulk});
    OpsOptions opts(cmd.parser);   // where the catalog rules' settings are read from (no operator needed)
    cmd.parser.addPositionalArgument("FILE", "Feed files (JSON Lines).", "FILE...");
    if (!cmd.parse(args, 1, -1))
        return Usage;
    const QString fmt = cmd.parser.value(format);
    const bool batchGiven = cmd.parser.isSet(batch);
    const int batchLines = batchGiven ? cmd.parser.value(batch).toInt() : 0;   // 0 when not a number
    const QString bulkMode = cmd.parser.value(bulk);
    if ((fmt != "text" && fmt != "json") || (batchGiven && batchLines < 1)
        || (bulkMode != "auto" && bulkMode != "always" && bulkMode != "never"))
        return usageError(cmd.parser, QStringLiteral("--format is text or json; --batch-lines a positive number; "
                                                     "--bulk auto, always or never"));
    auto db = openMirror(cmd.dbPath());
    if (!db)
        return Fatal;
    if (const auto merchant = access::merchantMirrorOf(*db)) {
        err(std::string("reconsole-cli: refused: ") + feed::kMerchantMirrorImportRefusal + " (merchant " + *merchant
            + ")\n");
        return Refused;
    }

    std::vector<std::string> files;
    for (const auto& f : cmd.parser.positionalArguments())
        files.push_back(f.toStdString());
    recon::OrphanState orphanState;
    const auto rules = rulesInForceFor(cmd, opts);
    catalog::CatalogState catalogState(rules.settings, rules.settles);
    feed::ImportOptions options;
    if (batchGiven)
        options.batchLines = options.bulkBatchLines = batchLines;   // one size, whatever the mode
    options.bulk = bulkMode == "always" ? feed::BulkMode::Always
                 : bulkMode == "never"  ? feed::BulkMode::Never
                                        : feed::BulkMode::Auto;
    options.derived = &orphanState;
    options.catalog = &catalogState;
    options.cancel = &g_cancel;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    if (!cmd.parser.isSet(quiet) && fmt == "text") {
        options.progress = [](const feed::ImportProgress& p) {
            const double pct = p.bytesTotal ? 100.0 * static_cast<double>(p.bytesDone) / static_cast<double>(p.bytesTotal) : 100;
            std::fprintf(stderr, "\r%5.1f%%  %lld lines", pct, static_cast<long long>(p.counts.lines()));
        };
    }
    QElapsedTimer timer;
    timer.start();
    const auto summary = feed::importFeed(*db, files, options);
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    if (options.progress)
        err("\n");
    out(fmt == "json" ? summaryJson(summary, seconds) : summaryText(summary, seconds));
    if (summary.status == feed::ImportStatus::Failed) {
        err("reconsole-cli: import failed: " + summary.error + "\n");
        return Fatal;
    }
    return summary.counts.quarantined > 0 ? Quarantined : Ok;
}

}  // namespace reconsole::cli
