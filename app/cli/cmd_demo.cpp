#include "catalog/catalog_check.h"
#include "cli_common.h"
#include "demo/demo_feed.h"
#include "feed/importer.h"
#include "ops/demo_operations.h"
#include "ops/ops_store.h"
#include "recon/orphan_state.h"
#include "store/database.h"

#include <QTemporaryDir>
#include <fstream>

namespace reconsole::cli {

namespace {

// Operators and refunds in every state, in the store beside the demo mirror (once).
int seedOperations(const std::string& mirrorPath)
{
    try {
        const std::string opsPath = ops::defaultOpsPath(mirrorPath);
        const auto seeded = ops::seedDemoOperations(mirrorPath, opsPath);
        out("demo operations " + opsPath + ": " + std::to_string(seeded.operators) + " operators, "
            + std::to_string(seeded.refunds) + " refund requests (sign in as " + ops::kDemoOperator + ")\n");
        // A demo store only: its passwords are for anyone to read.
        out("demo operators and their passwords:\n");
        for (const auto& [id, password] : seeded.signIns)
            out("  " + id + "\t" + password + "\n");
        return Ok;
    } catch (const std::exception& e) {
        err(std::string("reconsole-cli: demo operations failed: ") + e.what() + "\n");
        return Fatal;
    }
}

}  // namespace

int runDemo(const QStringList& args)
{
    CommandParser cmd(QStringLiteral("Build a realistic demo mirror: a feed is written, then imported through "
                                     "the real importer."));
    QCommandLineOption orders(QStringList{"orders"}, "Orders (default 20000).", "N", "20000");
    QCommandLineOption customers(QStringList{"customers"}, "Customers (default 2000).", "N", "2000");
    QCommandLineOption seed(QStringList{"seed"}, "Random seed (default 1).", "S", "1");
    QCommandLineOption feedOut(QStringList{"feed-out"}, "Keep the feed written at FILE.", "FILE");
    QCommandLineOption feedOnly(QStringList{"feed-only"}, "Only write the feed (to --feed-out); import nothing.");
    QCommandLineOption operationsOnly(QStringList{"operations-only"},
                                      "Only give an existing demo mirror its operators and refunds (when its "
                                      "operations store has none yet).");
    cmd.parser.addOptions({orders, customers, seed, feedOut, feedOnly, operationsOnly});
    const bool onlyFeed = args.contains(QStringLiteral("--feed-only"));
    if (!cmd.parse(args, 0, 0, !onlyFeed))
        return Usage;
    if (onlyFeed && !cmd.parser.isSet(feedOut))
        return usageError(cmd.parser, QStringLiteral("--feed-only needs --feed-out FILE"));
    if (cmd.parser.isSet(operationsOnly))
        return seedOperations(cmd.dbPath());
    bool ok1 = false, ok2 = false, ok3 = false;
    demo::DemoOptions o;
    o.orders = cmd.parser.value(orders).toLongLong(&ok1);
    o.customers = cmd.parser.value(customers).toLongLong(&ok2);
    o.seed = cmd.parser.value(seed).toULongLong(&ok3);
    if (!ok1 || !ok2 || !ok3 || o.orders < 0 || o.customers < 1)
        return usageError(cmd.parser, QStringLiteral("--orders, --customers and --seed take whole numbers"));
    std::unique_ptr<Database> db;
    if (!onlyFeed) {
        db = openMirror(cmd.dbPath());
        if (!db)
            return Fatal;
        auto st = db->prepare("SELECT max_seq FROM feed_cursor");
        if (st.step() && st.int64(0) > 0) {
            err("reconsole-cli: the mirror '" + cmd.dbPath()
                + "' already holds feed records; build the demo into a new file\n");
            return Fatal;
        }
    }
    QTemporaryDir tmp;
    const std::string feedPath = cmd.parser.isSet(feedOut) ? cmd.parser.value(feedOut).toStdString()
                                                           : (tmp.path() + "/demo-feed.jsonl").toStdString();
    {
        std::ofstream file(feedPath, std::ios::binary | std::ios::trunc);
        if (!file) {
            err("reconsole-cli: cannot write '" + feedPath + "'\n");
            return Fatal;
        }
        const auto stats = demo::writeDemoFeed(file, o);
        file.flush();
        if (!file) {
            err("reconsole-cli: writing '" + feedPath + "' failed (disk full?)\n");
            return Fatal;
        }
        err("demo feed: " + std::to_string(stats.lines) + " lines, " + std::to_string(stats.customers)
            + " customers, " + std::to_string(stats.orders) + " orders, " + std::to_string(stats.ledger)
            + " ledger entries\n");
    }
    if (onlyFeed)
        return Ok;
    recon::OrphanState state;
    catalog::CatalogState catalogState;
    feed::ImportOptions options;
    options.derived = &state;
    options.catalog = &catalogState;
    const auto summary = feed::importFeed(*db, {feedPath}, options);
    if (summary.status != feed::ImportStatus::Done) {
        err("reconsole-cli: demo import failed: " + summary.error + "\n");
        return Fatal;
    }
    out("demo mirror " + cmd.dbPath() + ": " + std::to_string(summary.counts.applied) + " lines applied, "
        + std::to_string(summary.counts.quarantined) + " quarantined\n");
    if (const int rc = seedOperations(cmd.dbPath()); rc != Ok)
        return rc;
    return summary.counts.quarantined > 0 ? Quarantined : Ok;
}

}  // namespace reconsole::cli
