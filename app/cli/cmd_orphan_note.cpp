// reconsole-cli orphan-note add|list: notes on orphan debits (docs/access.md). A merchant partner
// notes orphan debits of its own orders and reads only its merchant's notes; refusals exit 5.
#include "core/instant.h"
#include "ops/orphan_note_service.h"
#include "ops_common.h"

namespace reconsole::cli {

int runOrphanNote(const QStringList& argsIn)
{
    QStringList args = argsIn;
    const QString action = args.size() > 1 ? args[1] : QString();
    if (action != "add" && action != "list") {
        err("usage: reconsole-cli orphan-note add LEDGER_ID --text T --db MIRROR --as OPERATOR\n"
            "       reconsole-cli orphan-note list LEDGER_ID --db MIRROR --as OPERATOR\n");
        return Usage;
    }
    args.removeAt(1);
    CommandParser cmd(QStringLiteral("orphan-note ") + action);
    OpsOptions opts(cmd.parser);
    QCommandLineOption text(QStringList{"text"}, "The note.", "T");
    cmd.parser.addOption(text);
    cmd.parser.addPositionalArgument("LEDGER_ID", "The orphan debit.");
    if (!cmd.parse(args, 1, 1))
        return Usage;
    const std::string ledgerId = cmd.parser.positionalArguments().at(0).toStdString();
    return guarded([&]() -> int {
        auto session = openOpsSession(cmd, opts);
        if (!session)
            return Fatal;
        ops::OrphanNoteService notes(*session->ctx);
        if (action == "add") {
            const auto n = notes.add(session->actor, ledgerId, cmd.parser.value(text).toStdString());
            if (!n)
                return refused(n.refusal());
            out("note " + std::to_string(n->id) + " on " + n->ledgerId + "\n");
            return Ok;
        }
        const auto list = notes.list(session->actor, ledgerId);
        if (!list)
            return refused(list.refusal());
        std::string textOut;
        for (const auto& n : *list)
            textOut += formatUtc(n.at) + "  " + n.writtenBy + (n.orderId ? "  " + *n.orderId : "") + "\n  " + n.text + "\n";
        out(textOut);
        return Ok;
    });
}

}  // namespace reconsole::cli
