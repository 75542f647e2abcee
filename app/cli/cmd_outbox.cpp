// reconsole-cli outbox export, simulate-platform
#include "ops_common.h"

#include "ops/outbox.h"
#include "ops/platform_simulator.h"
#include "store/database.h"

#include <filesystem>

namespace reconsole::cli {

int runOutbox(const QStringList& argsIn)
{
    QStringList args = argsIn;
    if (args.size() < 2 || args[1] != QLatin1String("export")) {
        err("reconsole-cli: outbox export --db MIRROR --as OPERATOR --out DIR\n");
        return Usage;
    }
    args.removeAt(1);
    CommandParser cmd(QStringLiteral("Hands the approved requests not yet handed over to the platform as one outbox "
                                     "file (written atomically) and prints its path. Nothing waiting: writes nothing."));
    OpsOptions opts(cmd.parser);
    QCommandLineOption outDir(QStringList{"out"}, "The outbox folder.", "DIR");
    cmd.parser.addOption(outDir);
    if (!cmd.parse(args))
        return Usage;
    if (!cmd.parser.isSet(outDir))
        return usageError(cmd.parser, QStringLiteral("--out DIR is required"));
    return guarded([&]() -> int {
        auto session = openOpsSession(cmd, opts);
        if (!session)
            return Fatal;
        ops::OutboxService outbox(*session->ctx);
        const auto r = outbox.exportTo(session->actor, cmd.parser.value(outDir).toStdString());
        if (!r)
            return refused(r.refusal());
        if (r->files.empty())
            err("nothing to hand over\n");
        for (const auto& f : r->files)
            out(f + "\n");
        return Ok;
    });
}

int runSimulatePlatform(const QStringList& args)
{
    CommandParser cmd(QStringLiteral("Plays the platform for demos and tests: answers each refund request in the "
                                     "outbox files with a refund credit, and each catalog fix with a new version of "
                                     "the product as the mirror (--db) has it, or a refusal when the product no longer "
                                     "has the values the fix expected; acting on each idempotency key once."));
    QCommandLineOption outbox(QStringList{"outbox"}, "The outbox folder.", "DIR");
    QCommandLineOption feedOut(QStringList{"out"}, "The feed file to write.", "FEED");
    QCommandLineOption seqFrom(QStringList{"seq-from"}, "The first seq to write (or give --db).", "N");
    QCommandLineOption state(QStringList{"state"}, "The keys acted on (default: FEED.platform-state).", "FILE");
    QCommandLineOption at(QStringList{"at"}, "The credits' time, RFC 3339 (default: now).", "TIME");
    cmd.parser.addOptions({outbox, feedOut, seqFrom, state, at});
    if (!cmd.parse(args, 0, 0, false))
        return Usage;
    if (!cmd.parser.isSet(outbox) || !cmd.parser.isSet(feedOut))
        return usageError(cmd.parser, QStringLiteral("--outbox and --out are required"));
    ops::SimulationInput in;
    in.outboxDir = cmd.parser.value(outbox).toStdString();
    in.feedOut = cmd.parser.value(feedOut).toStdString();
    in.statePath = cmd.parser.isSet(state) ? cmd.parser.value(state).toStdString() : in.feedOut + ".platform-state";
    in.at = ops::wallClockNow();
    if (cmd.parser.isSet(at)) {
        const auto parsed = parseRfc3339(cmd.parser.value(at).toStdString());
        if (!parsed)
            return usageError(cmd.parser, QStringLiteral("--at is an RFC 3339 time with an offset"));
        in.at = parsed->ms;
    }
    if (cmd.parser.isSet(seqFrom)) {
        bool ok = false;
        in.seqFrom = cmd.parser.value(seqFrom).toLongLong(&ok);
        if (!ok || in.seqFrom < 1)
            return usageError(cmd.parser, QStringLiteral("--seq-from is a whole number of at least 1"));
    } else if (!cmd.parser.isSet(cmd.db)) {
        return usageError(cmd.parser, QStringLiteral("give --seq-from N or --db MIRROR"));
    }
    std::unique_ptr<Database> mirror;
    if (cmd.parser.isSet(cmd.db)) {
        mirror = openMirror(cmd.dbPath());
        if (!mirror)
            return Fatal;
        if (!cmd.parser.isSet(seqFrom)) {
            auto st = mirror->prepare("SELECT max_seq FROM feed_cursor");
            in.seqFrom = (st.step() ? st.int64(0) : 0) + 1;
        }
        in.catalog = mirror.get();
    }
    return guarded([&] {
        const auto r = ops::simulatePlatform(in);
        out("platform: " + std::to_string(r.requests) + " request(s) in " + std::to_string(r.files) + " file(s), "
            + std::to_string(r.credited) + " credited, " + std::to_string(r.fixesApplied) + " catalog fix(es) applied, "
            + std::to_string(r.fixesRefused) + " refused, " + std::to_string(r.alreadyActedOn)
            + " already acted on; feed " + in.feedOut + " (next seq " + std::to_string(r.nextSeq) + ")\n");
        for (const auto& line : r.refusals)
            out("  " + line + "\n");
        return int(Ok);
    });
}

}  // namespace reconsole::cli
