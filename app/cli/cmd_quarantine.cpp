#include "cli_common.h"
#include "scoped_mirror.h"
#include "store/database.h"

namespace reconsole::cli {

int runQuarantine(const QStringList& args)
{
    CommandParser cmd(QStringLiteral("What the importer quarantined: file, line, seq, reason and the line itself."));
    QCommandLineOption limit(QStringList{"limit"}, "At most N lines, newest first (default 100).", "N", "100");
    cmd.parser.addOption(limit);
    OpsOptions opts(cmd.parser);   // --as: a merchant partner sees no quarantined line
    if (!cmd.parse(args))
        return Usage;
    bool ok = false;
    const int n = cmd.parser.value(limit).toInt(&ok);
    if (!ok || n < 1)
        return usageError(cmd.parser, QStringLiteral("--limit must be a positive number"));
    auto mirror = openScopedMirror(cmd, opts);
    if (!mirror.db)
        return mirror.exit;
    auto& db = mirror.db;
    auto count = db->prepare("SELECT count(*) FROM quarantine");
    count.step();
    const auto total = count.int64(0);
    auto st = db->prepare("SELECT q.file, q.line_no, q.seq, q.reason, substr(q.raw, 1, 200), q.run_id "
                          "FROM quarantine q ORDER BY q.id DESC LIMIT ?1");
    st.bind(1, n);
    std::string text = std::to_string(total) + " quarantined line(s)\n";
    while (st.step()) {
        text += st.string(0) + ":" + std::to_string(st.int64(1)) + "  run " + std::to_string(st.int64(5))
            + (st.isNull(2) ? "  seq -" : "  seq " + std::to_string(st.int64(2))) + "\n  reason: " + st.string(3)
            + "\n  line:   " + st.string(4) + "\n";
    }
    out(text);
    return Ok;
}

}  // namespace reconsole::cli
