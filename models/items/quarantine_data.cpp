#include "items/quarantine_data.h"

#include "store/database.h"

namespace reconsole::items {
namespace {

// The WHERE clause of a request; ?1 run (or NULL), ?2 LIKE pattern (or NULL).
constexpr auto kWhere = " WHERE (?1 IS NULL OR run_id = ?1) AND (?2 IS NULL OR reason LIKE ?2 ESCAPE '\\'"
                        " OR CAST(raw AS TEXT) LIKE ?2 ESCAPE '\\' OR file LIKE ?2 ESCAPE '\\')";

// "50%_off" -> "%50\%\_off%": the agent's text matched as typed, anywhere.
std::string likePattern(const std::string& text)
{
    std::string p = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\')
            p += '\\';
        p += c;
    }
    return p + "%";
}

void bindRequest(Statement& st, const QuarantinePageRequest& r)
{
    if (r.runId)
        st.bind(1, *r.runId);
    else
        st.bindNull(1);
    if (r.text.empty())
        st.bindNull(2);
    else
        st.bind(2, likePattern(r.text));
}

}  // namespace

std::vector<ImportRunRow> loadImportRuns(Database& db, int limit)
{
    auto st = db.prepare("SELECT id, started_at, finished_at, files, status, coalesce(message, ''), applied, "
                         "redelivered, quarantined FROM import_run ORDER BY id DESC LIMIT ?1");
    st.bind(1, limit);
    std::vector<ImportRunRow> runs;
    while (st.step()) {
        ImportRunRow r;
        r.id = st.int64(0);
        r.startedAt = st.int64(1);
        if (!st.isNull(2))
            r.finishedAt = st.int64(2);
        r.files = st.string(3);
        r.status = st.string(4);
        r.message = st.string(5);
        r.applied = st.int64(6);
        r.redelivered = st.int64(7);
        r.quarantined = st.int64(8);
        runs.push_back(std::move(r));
    }
    return runs;
}

std::vector<QuarantineLine> loadQuarantinePage(Database& db, const QuarantinePageRequest& request)
{
    // Keyed on id (newest first), so a page deep in a long list costs what the first does.
    auto st = db.prepare(std::string("SELECT id, run_id, file, line_no, seq, reason, CAST(raw AS TEXT) FROM quarantine")
                         + kWhere + " AND (?3 = 0 OR id < ?3) ORDER BY id DESC LIMIT ?4");
    bindRequest(st, request);
    st.bind(3, request.afterId).bind(4, request.limit);
    std::vector<QuarantineLine> lines;
    while (st.step()) {
        QuarantineLine l;
        l.id = st.int64(0);
        l.runId = st.int64(1);
        l.file = st.string(2);
        l.lineNo = st.int64(3);
        if (!st.isNull(4))
            l.seq = st.int64(4);
        l.reason = st.string(5);
        l.raw = st.isNull(6) ? std::string() : st.string(6);
        lines.push_back(std::move(l));
    }
    return lines;
}

std::int64_t countQuarantine(Database& db, const QuarantinePageRequest& request)
{
    auto st = db.prepare(std::string("SELECT count(*) FROM quarantine") + kWhere);
    bindRequest(st, request);
    return st.step() ? st.int64(0) : 0;
}

}  // namespace reconsole::items
