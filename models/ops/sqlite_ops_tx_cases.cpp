// SqliteOpsTx: complaint cases, orphan clocks and orphan notes.
#include "ops/sqlite_ops_tx.h"

#include "ops/sqlite_ops_rows.h"
#include "store/store_error.h"

namespace reconsole::ops {

std::vector<OrphanClock> SqliteOpsTx::orphanClocks(const std::optional<std::string>& customerId)
{
    auto& st = db_.cached(std::string("SELECT ") + rows::kOrphanClockColumns
                          + " FROM orphan_clock WHERE ?1 IS NULL OR customer_id = ?1 ORDER BY detected_at, ledger_id");
    bindOptText(st, 1, customerId);
    std::vector<OrphanClock> out;
    while (st.step())
        out.push_back(rows::orphanClockFrom(st));
    return out;
}

std::vector<std::string> SqliteOpsTx::unclockedDebits(const std::vector<std::string>& ledgerIds)
{
    auto& st = db_.cached("SELECT 1 FROM orphan_clock WHERE ledger_id = ?1");
    std::vector<std::string> out;
    for (const auto& id : ledgerIds) {
        st.bind(1, id);
        if (!firstRow(st, [](const Statement&) { return true; }))
            out.push_back(id);
    }
    return out;
}

std::optional<ComplaintCase> SqliteOpsTx::findCase(const std::string& id) { return oneCase("id = ?1", id); }

std::optional<ComplaintCase> SqliteOpsTx::findCaseByOpId(const std::string& opId) { return oneCase("op_id = ?1", opId); }

std::vector<ComplaintCase> SqliteOpsTx::cases(const CaseFilter& f)
{
    auto& st = db_.cached(std::string("SELECT ") + rows::kCaseColumns
                          + " FROM complaint_case WHERE (?1 IS NULL OR customer_id = ?1) AND (?2 IS NULL OR state = ?2)"
                            " AND (?3 IS NULL OR owner = ?3) AND (?5 IS NULL OR EXISTS (SELECT 1 FROM case_link l"
                            " WHERE l.case_id = complaint_case.id AND l.merchant_id = ?5))"
                            " ORDER BY received_at, id LIMIT ?4");
    bindOptText(st, 1, f.customerId);
    if (f.state)
        st.bind(2, caseStateCode(*f.state));
    else
        st.bindNull(2);
    bindOptText(st, 3, f.owner);
    st.bind(4, f.limit);
    bindOptText(st, 5, f.merchantId);
    std::vector<ComplaintCase> out;
    while (st.step())
        out.push_back(rows::caseFrom(st));
    return out;
}

std::vector<CaseLink> SqliteOpsTx::caseLinks(const std::optional<std::string>& caseId)
{
    auto& st = db_.cached(std::string("SELECT ") + rows::kCaseLinkColumns
                          + " FROM case_link WHERE ?1 IS NULL OR case_id = ?1 ORDER BY case_id, added_at, kind, target_id");
    bindOptText(st, 1, caseId);
    std::vector<CaseLink> out;
    while (st.step())
        out.push_back(rows::caseLinkFrom(st));
    return out;
}

std::optional<CaseLink> SqliteOpsTx::linkOf(const std::string& kind, const std::string& targetId)
{
    auto& st = db_.cached(std::string("SELECT ") + rows::kCaseLinkColumns
                          + " FROM case_link WHERE kind = ?1 AND target_id = ?2 ORDER BY added_at LIMIT 1");
    st.bind(1, kind).bind(2, targetId);
    return firstRow(st, rows::caseLinkFrom<Statement>);
}

std::vector<CaseNote> SqliteOpsTx::caseNotes(const std::string& caseId)
{
    auto& st = db_.cached(std::string("SELECT ") + rows::kCaseNoteColumns + " FROM case_note WHERE case_id = ?1 ORDER BY id");
    st.bind(1, caseId);
    std::vector<CaseNote> out;
    while (st.step())
        out.push_back(rows::caseNoteFrom(st));
    return out;
}

std::vector<OrphanNote> SqliteOpsTx::orphanNotes(const std::optional<std::string>& ledgerId)
{
    auto& st = db_.cached(std::string("SELECT ") + rows::kOrphanNoteColumns
                          + " FROM orphan_note WHERE ?1 IS NULL OR ledger_id = ?1 ORDER BY id");
    bindOptText(st, 1, ledgerId);
    std::vector<OrphanNote> out;
    while (st.step())
        out.push_back(rows::orphanNoteFrom(st));
    return out;
}

std::vector<CaseNotice> SqliteOpsTx::caseNotices(const std::string& caseId)
{
    auto& st = db_.cached(std::string("SELECT ") + rows::kCaseNoticeColumns
                          + " FROM case_notice WHERE case_id = ?1 ORDER BY id");
    st.bind(1, caseId);
    std::vector<CaseNotice> out;
    while (st.step())
        out.push_back(rows::caseNoticeFrom(st));
    return out;
}

CasePolicy SqliteOpsTx::casePolicy()
{
    auto& st = db_.cached("SELECT days, extend, holidays, changed_by, changed_at FROM case_policy");
    return firstRow(st, [](const Statement& r) {
               return CasePolicy{static_cast<int>(r.int64(0)), r.int64(1) != 0, r.optString(2), r.optString(3),
                                 rows::optInstant(r, 4)};
           }).value_or(CasePolicy{});
}

void SqliteOpsTx::recordOrphanClock(const OrphanClock& c)
{
    auto& st = db_.cached(std::string("INSERT INTO orphan_clock(") + rows::kOrphanClockColumns
                          + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT(ledger_id) DO UPDATE SET"
                            " detected_at = min(detected_at, excluded.detected_at)");
    st.bind(1, c.ledgerId).bind(2, c.customerId).bind(3, c.amount.won()).bind(4, c.cls).bind(5, c.detectedAt);
    st.bind(6, c.firstToldAt);
    st.run();
}

void SqliteOpsTx::insertCase(const ComplaintCase& c)
{
    auto& st = db_.cached(std::string("INSERT INTO complaint_case(") + rows::kCaseColumns
                          + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
                            " ?19, ?20)");
    bindCase(st, c);
    st.run();
}

void SqliteOpsTx::updateCase(const ComplaintCase& c)
{
    auto& st = db_.cached("UPDATE complaint_case SET channel = ?5, received_at = ?6, text = ?7, claimed_amount = ?8,"
                          " claimed_date = ?9, owner = ?10, state = ?11, outcome = ?12, outcome_note = ?13,"
                          " answered_at = ?14, answered_late = ?15, closed_at = ?16, reopened = ?17, updated_at = ?20"
                          " WHERE id = ?1 AND op_id = ?2 AND origin = ?3 AND customer_id = ?4 AND opened_by = ?18"
                          " AND opened_at = ?19");
    bindCase(st, c);
    st.run();
    if (db_.changes() != 1)
        throw StoreError("case " + c.id + " changed its identity or vanished: nothing was written");
}

void SqliteOpsTx::insertCaseLink(const CaseLink& l)
{
    auto& st = db_.cached(std::string("INSERT INTO case_link(") + rows::kCaseLinkColumns + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    st.bind(1, l.caseId).bind(2, l.kind).bind(3, l.targetId);
    bindOptText(st, 4, l.merchantId);
    st.bind(5, l.addedBy).bind(6, l.addedAt).run();
}

void SqliteOpsTx::deleteCaseLink(const CaseLink& l)
{
    auto& st = db_.cached("DELETE FROM case_link WHERE case_id = ?1 AND kind = ?2 AND target_id = ?3");
    st.bind(1, l.caseId).bind(2, l.kind).bind(3, l.targetId).run();
}

std::int64_t SqliteOpsTx::insertCaseNote(const CaseNote& n)
{
    auto& st = db_.cached("INSERT INTO case_note(case_id, written_by, at, text, order_id, merchant_id)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    st.bind(1, n.caseId).bind(2, n.writtenBy).bind(3, n.at).bind(4, n.text);
    bindOptText(st, 5, n.orderId);
    bindOptText(st, 6, n.merchantId);
    st.run();
    return db_.lastInsertRowId();
}

std::int64_t SqliteOpsTx::insertOrphanNote(const OrphanNote& n)
{
    auto& st = db_.cached("INSERT INTO orphan_note(ledger_id, order_id, merchant_id, written_by, at, text)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    st.bind(1, n.ledgerId);
    bindOptText(st, 2, n.orderId);
    bindOptText(st, 3, n.merchantId);
    st.bind(4, n.writtenBy).bind(5, n.at).bind(6, n.text);
    st.run();
    return db_.lastInsertRowId();
}

std::int64_t SqliteOpsTx::insertCaseNotice(const CaseNotice& n)
{
    auto& st = db_.cached("INSERT INTO case_notice(case_id, channel, given_by, at, text, pdf_base64)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    st.bind(1, n.caseId).bind(2, n.channel).bind(3, n.givenBy).bind(4, n.at).bind(5, n.text);
    if (n.pdfBase64.empty())
        st.bindNull(6);
    else
        st.bind(6, n.pdfBase64);
    st.run();
    return db_.lastInsertRowId();
}

void SqliteOpsTx::setCasePolicy(const CasePolicy& p)
{
    auto& st = db_.cached("UPDATE case_policy SET days = ?1, extend = ?2, holidays = ?3, changed_by = ?4,"
                          " changed_at = ?5");
    st.bind(1, p.days).bind(2, p.extend ? 1 : 0);
    bindOptText(st, 3, p.holidays);
    bindOptText(st, 4, p.changedBy);
    if (p.changedAt)
        st.bind(5, *p.changedAt);
    else
        st.bindNull(5);
    st.run();
}

std::optional<ComplaintCase> SqliteOpsTx::oneCase(const char* where, const std::string& value)
{
    auto& st = db_.cached(std::string("SELECT ") + rows::kCaseColumns + " FROM complaint_case WHERE " + where);
    st.bind(1, value);
    return firstRow(st, rows::caseFrom<Statement>);
}

void SqliteOpsTx::bindCase(Statement& st, const ComplaintCase& c)
{
    st.bind(1, c.id).bind(2, c.opId).bind(3, c.origin).bind(4, c.customerId);
    bindOptText(st, 5, c.channel);
    st.bind(6, c.receivedAt).bind(7, c.text);
    if (c.claimedAmount)
        st.bind(8, c.claimedAmount->won());
    else
        st.bindNull(8);
    bindOptText(st, 9, c.claimedDate);
    bindOptText(st, 10, c.owner);
    st.bind(11, caseStateCode(c.state));
    if (c.outcome)
        st.bind(12, caseOutcomeCode(*c.outcome));
    else
        st.bindNull(12);
    st.bind(13, c.outcomeNote);
    if (c.answeredAt)
        st.bind(14, *c.answeredAt);
    else
        st.bindNull(14);
    st.bind(15, c.answeredLate ? 1 : 0);
    if (c.closedAt)
        st.bind(16, *c.closedAt);
    else
        st.bindNull(16);
    st.bind(17, c.reopened ? 1 : 0).bind(18, c.openedBy).bind(19, c.openedAt).bind(20, c.updatedAt);
}

}  // namespace reconsole::ops
