#include "cli_common.h"
#include "scoped_mirror.h"
#include "core/instant.h"
#include "recon/customer_reply.h"
#include "recon/explanation_text.h"
#include "recon/orphan_format.h"
#include "recon/orphan_query.h"
#include "recon/orphan_state.h"
#include "store/database.h"
#include "store/store_error.h"

namespace reconsole::cli {
namespace {

struct QueryOptions {
    QCommandLineOption asOf{QStringList{"as-of"}, "Check as of this RFC 3339 instant (default: latest ledger entry).",
                            "TIME"};
    QCommandLineOption grace{QStringList{"grace-minutes"}, "Grace period in minutes (default 30).", "N", "30"};
    void add(QCommandLineParser& p) { p.addOptions({asOf, grace}); }
    // Fills `q`; returns an error message on bad values.
    QString read(const QCommandLineParser& p, recon::OrphanQuery& q) const
    {
        if (p.isSet(asOf)) {
            std::string why;
            const auto parsed = parseRfc3339(p.value(asOf).toStdString(), &why);
            if (!parsed)
                return "--as-of: " + QString::fromStdString(why);
            q.asOf = parsed->ms;
        }
        bool ok = false;
        const qlonglong minutes = p.value(grace).toLongLong(&ok);
        if (!ok || minutes < 0 || minutes > 1'000'000'000)
            return QStringLiteral("--grace-minutes must be a whole number of minutes, 0 or more");
        q.grace = minutes * kMinuteMs;
        return {};
    }
};

}  // namespace

int runOrphans(const QStringList& args)
{
    CommandParser cmd(QStringLiteral("List orphan debits per orphan-rules v1, sorted by time then ledger id."));
    QueryOptions qo;
    qo.add(cmd.parser);
    QCommandLineOption format(QStringList{"format"}, "table (default), csv or json.", "FORMAT", "table");
    cmd.parser.addOption(format);
    OpsOptions opts(cmd.parser);   // --as: only what that operator may read
    if (!cmd.parse(args))
        return Usage;
    recon::OrphanQuery q;
    if (const QString e = qo.read(cmd.parser, q); !e.isEmpty())
        return usageError(cmd.parser, e);
    const QString fmt = cmd.parser.value(format);
    if (fmt != "table" && fmt != "csv" && fmt != "json")
        return usageError(cmd.parser, QStringLiteral("--format is table, csv or json"));
    auto mirror = openScopedMirror(cmd, opts);
    if (!mirror.db)
        return mirror.exit;
    auto& db = mirror.db;
    try {
        if (fmt == "table") {
            out(recon::orphansToTable(recon::listOrphans(*db, q)));
        } else {
            // Streamed: the rows go out as they are read, in 256 KiB pieces.
            recon::OrphanListWriter writer(fmt == "json" ? recon::OrphanListFormat::Json : recon::OrphanListFormat::Csv,
                                           [](std::string_view part) { std::fwrite(part.data(), 1, part.size(), stdout); });
            recon::forEachOrphan(*db, q, [&](const recon::Orphan& o) { writer.add(o); });
            writer.finish();
        }
    } catch (const StoreError& e) {
        err(std::string("reconsole-cli: ") + e.what() + "\n");
        return Fatal;
    }
    return Ok;
}

int runExplain(const QStringList& args)
{
    CommandParser cmd(QStringLiteral("Explain one orphan debit in words a support agent can read out."));
    QueryOptions qo;
    qo.add(cmd.parser);
    QCommandLineOption reply(QStringList{"reply"}, "Print the text for a reply to the customer instead.");
    cmd.parser.addOption(reply);
    cmd.parser.addPositionalArgument("LEDGER_ID", "The debit's ledger id.");
    OpsOptions opts(cmd.parser);
    if (!cmd.parse(args, 1, 1))
        return Usage;
    recon::OrphanQuery q;
    if (const QString e = qo.read(cmd.parser, q); !e.isEmpty())
        return usageError(cmd.parser, e);
    auto mirror = openScopedMirror(cmd, opts);
    if (!mirror.db)
        return mirror.exit;
    auto& db = mirror.db;
    const std::string id = cmd.parser.positionalArguments().at(0).toStdString();
    // For a merchant partner, another brand's debit reads exactly as one that does not exist.
    const auto e = recon::explainOrphan(*db, id, q);
    if (!e) {
        err("reconsole-cli: ledger entry '" + id + "' is not an orphan debit at this as_of and grace\n");
        return Fatal;
    }
    out((cmd.parser.isSet(reply) ? recon::customerReplyText(*e) : recon::explanationText(*e)).toStdString() + "\n");
    return Ok;
}

}  // namespace reconsole::cli
