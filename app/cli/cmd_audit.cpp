// reconsole-cli audit verify|list, ops backup
#include "ops_common.h"

#include "core/display.h"
#include "ops/audit_service.h"
#include "ops/ops_copy.h"
#include "ops/ops_store.h"
#include "ops/outbox.h"
#include "ops/pg/pg_connection.h"
#include "ops/pg/pg_ops_store.h"

namespace reconsole::cli {

int runAudit(const QStringList& argsIn)
{
    QStringList args = argsIn;
    const QString action = args.size() > 1 ? args[1] : QString();
    if (action != QLatin1String("verify") && action != QLatin1String("list")) {
        err("reconsole-cli: audit verify [--against OUTBOX_FILE] | audit list [--actor OP] [--target T]\n");
        return Usage;
    }
    args.removeAt(1);
    CommandParser cmd(QStringLiteral("audit verify: checks the audit chain (exit 0 intact, 4 broken, with the first "
                                     "broken entry on stderr); audit list: the newest entries."));
    OpsOptions opts(cmd.parser);
    QCommandLineOption against(QStringList{"against"}, "Also check the chain's head an outbox file carried.", "FILE");
    QCommandLineOption actor(QStringList{"actor"}, "Only this operator's entries.", "OP");
    QCommandLineOption target(QStringList{"target"}, "Only entries about this target.", "T");
    QCommandLineOption limit(QStringList{"limit"}, "At most this many entries.", "N", "50");
    cmd.parser.addOptions({against, actor, target, limit});
    if (!cmd.parse(args))
        return Usage;
    return guarded([&]() -> int {
        auto session = openOpsSession(cmd, opts);
        if (!session)
            return Fatal;
        ops::AuditService audit(*session->ctx);
        if (action == QLatin1String("list")) {
            ops::AuditFilter f;
            if (cmd.parser.isSet(actor))
                f.actor = cmd.parser.value(actor).toStdString();
            if (cmd.parser.isSet(target))
                f.target = cmd.parser.value(target).toStdString();
            f.limit = cmd.parser.value(limit).toInt();
            const auto entries = audit.list(session->actor, f);
            if (!entries)
                return refused(entries.refusal());
            for (const auto& e : *entries)
                out(std::to_string(e.seq) + "\t" + formatSeoul(e.at).toStdString() + "\t" + e.actor + "\t" + e.action
                    + "\t" + e.target + "\t" + e.outcome + "\n");
            return Ok;
        }
        std::optional<ops::AuditHead> head;
        if (cmd.parser.isSet(against)) {
            const auto requests = ops::readOutboxFile(cmd.parser.value(against).toStdString());
            if (requests.empty() || !requests.front().auditHead) {
                err("reconsole-cli: the outbox file carries no audit head to check against\n");
                return Fatal;
            }
            head = requests.front().auditHead;
        }
        const auto verdict = audit.verify(session->actor, head);
        if (!verdict)
            return refused(verdict.refusal());
        if (!verdict->intact) {
            err("audit chain broken at entry " + std::to_string(verdict->firstBroken.value_or(0)) + ": " + verdict->why
                + "\n");
            return AuditBroken;
        }
        out("audit chain intact: " + std::to_string(verdict->head.count) + " entries, head " + verdict->head.sha256
            + (head ? ", and it holds the head the outbox file carried" : "") + "\n");
        return Ok;
    });
}

namespace {

int runOpsMigrate(QStringList args)
{
    CommandParser cmd(QStringLiteral("ops migrate: brings a shared operations server's schema to this build's version "
                                     "(a console never changes a shared schema by itself)."));
    OpsOptions opts(cmd.parser);
    if (!cmd.parse(args, 0, 0, false))
        return Usage;
    const std::string spec = opsSpecFor(cmd, opts);
    if (!cmd.parser.isSet(opts.ops) || !ops::isServerSpec(spec))
        return usageError(cmd.parser, QStringLiteral("ops migrate takes --ops postgresql://...; a SQLite store is "
                                                     "migrated whenever it is opened"));
    return guarded([&]() -> int {
        if (ops::pg::conninfoHasPassword(spec)) {
            err("reconsole-cli: the address carries a password: keep it in ~/.pgpass or PGPASSWORD instead\n");
            return Usage;
        }
        if (const std::string why = ops::pg::transportProblem(spec); !why.empty()) {
            err("reconsole-cli: " + why + "\n");
            return Fatal;
        }
        const auto [before, after] = ops::pg::PgOpsStore::migrate(spec);
        out("operations server schema: version " + std::to_string(before) + " -> " + std::to_string(after) + "\n");
        return Ok;
    });
}

int runOpsCopy(QStringList args)
{
    CommandParser cmd(QStringLiteral("ops copy: moves a single machine's decisions (operators, requests, the audit "
                                     "chain intact) into a new, empty operations store, e.g. a team server."));
    QCommandLineOption from(QStringList{"from"}, "The store to copy (a SQLite file).", "STORE");
    QCommandLineOption to(QStringList{"to"}, "The new, empty store (postgresql://... after ops migrate).", "STORE");
    cmd.parser.addOptions({from, to});
    if (!cmd.parse(args, 0, 0, false))
        return Usage;
    if (!cmd.parser.isSet(from) || !cmd.parser.isSet(to))
        return usageError(cmd.parser, QStringLiteral("ops copy needs --from and --to"));
    return guarded([&]() -> int {
        auto source = ops::openOpsStore(cmd.parser.value(from).toStdString());
        auto target = ops::openOpsStore(cmd.parser.value(to).toStdString());
        const auto r = ops::copyOpsStore(*source, *target);
        out("copied " + std::to_string(r.operators) + " operators and " + std::to_string(r.refunds)
            + " refund requests; audit chain of " + std::to_string(r.head.count) + " entries intact, head "
            + r.head.sha256 + "\n");
        return Ok;
    });
}

}  // namespace

int runOps(const QStringList& argsIn)
{
    QStringList args = argsIn;
    if (args.size() >= 2 && args[1] == QLatin1String("migrate")) {
        args.removeAt(1);
        return runOpsMigrate(args);
    }
    if (args.size() >= 2 && args[1] == QLatin1String("copy")) {
        args.removeAt(1);
        return runOpsCopy(args);
    }
    if (args.size() < 2 || args[1] != QLatin1String("backup")) {
        err("reconsole-cli: ops backup --db MIRROR [--ops STORE] --out FILE | ops migrate --ops postgresql://... | "
            "ops copy --from STORE --to STORE\n");
        return Usage;
    }
    args.removeAt(1);
    CommandParser cmd(QStringLiteral("ops backup: an online copy of the operations store (SQLite's backup), safe "
                                     "while consoles use it."));
    OpsOptions opts(cmd.parser);
    QCommandLineOption outFile(QStringList{"out"}, "The backup file to create.", "FILE");
    cmd.parser.addOption(outFile);
    if (!cmd.parse(args, 0, 0, false))
        return Usage;
    if (!cmd.parser.isSet(outFile) || (!cmd.parser.isSet(cmd.db) && !cmd.parser.isSet(opts.ops)))
        return usageError(cmd.parser, QStringLiteral("ops backup needs --out and --db or --ops"));
    return guarded([&]() -> int {
        auto store = ops::openOpsStore(opsSpecFor(cmd, opts));
        store->backup(cmd.parser.value(outFile).toStdString());
        out("operations store " + store->describe() + " backed up to " + cmd.parser.value(outFile).toStdString() + "\n");
        return Ok;
    });
}

}  // namespace reconsole::cli
