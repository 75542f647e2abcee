// PgOpsTx: complaint cases, orphan clocks and orphan notes.
#include "ops/pg/pg_ops_tx.h"

#include "ops/ops_rows.h"

namespace reconsole::ops::pg {

std::vector<OrphanClock> PgOpsTx::orphanClocks(const std::optional<std::string>& customerId)
{
    return all<OrphanClock>(c_.exec(sel(rows::kOrphanClockColumns, "FROM visible_orphan_clock WHERE $1::text IS NULL"
                                                                   " OR customer_id = $1 ORDER BY detected_at, ledger_id"),
                                    {p(customerId)}),
                            rows::orphanClockFrom<Row>);
}

std::vector<std::string> PgOpsTx::unclockedDebits(const std::vector<std::string>& ledgerIds)
{
    if (ledgerIds.empty())
        return {};
    return all<std::string>(c_.exec("SELECT id FROM unnest($1::text[]) AS t(id) WHERE NOT EXISTS"
                                    " (SELECT 1 FROM orphan_clock c WHERE c.ledger_id = t.id) ORDER BY id",
                                    {textArray(ledgerIds)}),
                            [](const Row& r) { return r.string(0); });
}

std::optional<ComplaintCase> PgOpsTx::findCase(const std::string& id)
{
    return first<ComplaintCase>(c_.exec(sel(rows::kCaseColumns, "FROM visible_case WHERE id = $1"), {p(id)}),
                                rows::caseFrom<Row>);
}

std::optional<ComplaintCase> PgOpsTx::findCaseByOpId(const std::string& opId)
{
    return first<ComplaintCase>(c_.exec(sel(rows::kCaseColumns, "FROM visible_case WHERE op_id = $1"), {p(opId)}),
                                rows::caseFrom<Row>);
}

std::vector<ComplaintCase> PgOpsTx::cases(const CaseFilter& f)
{
    return all<ComplaintCase>(
        c_.exec(sel(rows::kCaseColumns, "FROM visible_case c WHERE ($1::text IS NULL OR customer_id = $1)"
                                        " AND ($2::text IS NULL OR state = $2) AND ($3::text IS NULL OR owner = $3)"
                                        " AND ($5::text IS NULL OR EXISTS (SELECT 1 FROM visible_case_link l"
                                        " WHERE l.case_id = c.id AND l.merchant_id = $5))"
                                        " ORDER BY received_at, id LIMIT $4"),
                {p(f.customerId), f.state ? p(caseStateCode(*f.state)) : Param(), p(f.owner),
                 p(std::int64_t(f.limit)), p(f.merchantId)}),
        rows::caseFrom<Row>);
}

std::vector<CaseLink> PgOpsTx::caseLinks(const std::optional<std::string>& caseId)
{
    return all<CaseLink>(c_.exec(sel(rows::kCaseLinkColumns, "FROM visible_case_link WHERE $1::text IS NULL OR case_id = $1"
                                                             " ORDER BY case_id, added_at, kind, target_id"),
                                 {p(caseId)}),
                         rows::caseLinkFrom<Row>);
}

std::optional<CaseLink> PgOpsTx::linkOf(const std::string& kind, const std::string& targetId)
{
    return first<CaseLink>(c_.exec(sel(rows::kCaseLinkColumns, "FROM visible_case_link WHERE kind = $1 AND target_id = $2"
                                                               " ORDER BY added_at LIMIT 1"),
                                   {p(kind), p(targetId)}),
                           rows::caseLinkFrom<Row>);
}

std::vector<CaseNote> PgOpsTx::caseNotes(const std::string& caseId)
{
    return all<CaseNote>(c_.exec(sel(rows::kCaseNoteColumns, "FROM visible_case_note WHERE case_id = $1 ORDER BY id"),
                                 {p(caseId)}),
                         rows::caseNoteFrom<Row>);
}

std::vector<OrphanNote> PgOpsTx::orphanNotes(const std::optional<std::string>& ledgerId)
{
    if (!ledgerId)
        return all<OrphanNote>(c_.exec(sel(rows::kOrphanNoteColumns, "FROM orphan_note ORDER BY id"), {}),
                               rows::orphanNoteFrom<Row>);
    return all<OrphanNote>(c_.exec(sel(rows::kOrphanNoteColumns, "FROM orphan_note WHERE ledger_id = $1 ORDER BY id"),
                                   {p(*ledgerId)}),
                           rows::orphanNoteFrom<Row>);
}

std::vector<CaseNotice> PgOpsTx::caseNotices(const std::string& caseId)
{
    return all<CaseNotice>(c_.exec(sel(rows::kCaseNoticeColumns, "FROM case_notice WHERE case_id = $1 ORDER BY id"),
                                   {p(caseId)}),
                           rows::caseNoticeFrom<Row>);
}

CasePolicy PgOpsTx::casePolicy()
{
    return first<CasePolicy>(c_.exec("SELECT days, extend, holidays, changed_by, changed_at FROM case_policy"),
                             [](const Row& r) {
                                 return CasePolicy{static_cast<int>(r.int64(0)), r.int64(1) != 0, r.optString(2),
                                                   r.optString(3), rows::optInstant(r, 4)};
                             })
        .value_or(CasePolicy{});
}

void PgOpsTx::recordOrphanClock(const OrphanClock& x)
{
    JsonObject o;
    o.add("ledger_id", x.ledgerId).add("customer_id", x.customerId).add("amount", x.amount).add("class", x.cls);
    o.add("detected_at", std::int64_t(x.detectedAt)).add("first_told_at", std::int64_t(x.firstToldAt));
    c_.run("SELECT rc_record_orphan_clock($1::jsonb)", {o.str()});
}

void PgOpsTx::insertCase(const ComplaintCase& x) { c_.run("SELECT rc_add_case($1::jsonb)", {caseJson(x)}); }

void PgOpsTx::updateCase(const ComplaintCase& x) { c_.run("SELECT rc_update_case($1::jsonb)", {caseJson(x)}); }

void PgOpsTx::insertCaseLink(const CaseLink& l)
{
    JsonObject o;
    o.add("case_id", l.caseId).add("kind", l.kind).add("target_id", l.targetId).add("merchant_id", l.merchantId);
    o.add("added_by", l.addedBy).add("added_at", std::int64_t(l.addedAt));
    c_.run("SELECT rc_add_case_link($1::jsonb)", {o.str()});
}

void PgOpsTx::deleteCaseLink(const CaseLink& l)
{
    c_.run("SELECT rc_delete_case_link($1, $2, $3)", {p(l.caseId), p(l.kind), p(l.targetId)});
}

std::int64_t PgOpsTx::insertCaseNote(const CaseNote& n)
{
    JsonObject o;
    o.add("case_id", n.caseId).add("written_by", n.writtenBy).add("at", std::int64_t(n.at)).add("text", n.text);
    o.add("order_id", n.orderId).add("merchant_id", n.merchantId);
    return c_.exec("SELECT rc_add_case_note($1::jsonb)", {o.str()}).row(0).int64(0);
}

std::int64_t PgOpsTx::insertOrphanNote(const OrphanNote& n)
{
    JsonObject o;
    o.add("ledger_id", n.ledgerId).add("order_id", n.orderId).add("merchant_id", n.merchantId);
    o.add("written_by", n.writtenBy).add("at", std::int64_t(n.at)).add("text", n.text);
    return c_.exec("SELECT rc_add_orphan_note($1::jsonb)", {o.str()}).row(0).int64(0);
}

std::int64_t PgOpsTx::insertCaseNotice(const CaseNotice& n)
{
    JsonObject o;
    o.add("case_id", n.caseId).add("channel", n.channel).add("given_by", n.givenBy).add("at", std::int64_t(n.at));
    o.add("text", n.text);
    if (n.pdfBase64.empty())
        o.addRaw("pdf_base64", "null");
    else
        o.add("pdf_base64", n.pdfBase64);
    return c_.exec("SELECT rc_add_case_notice($1::jsonb)", {o.str()}).row(0).int64(0);
}

void PgOpsTx::setCasePolicy(const CasePolicy& x)
{
    JsonObject o;
    o.add("days", std::int64_t(x.days)).add("extend", std::int64_t(x.extend ? 1 : 0)).add("holidays", x.holidays);
    o.add("changed_by", x.changedBy);
    addOpt(o, "changed_at", x.changedAt);
    c_.run("SELECT rc_set_case_policy($1::jsonb)", {o.str()});
}

std::string PgOpsTx::caseJson(const ComplaintCase& x)
{
    JsonObject o;
    o.add("id", x.id).add("op_id", x.opId).add("origin", x.origin).add("customer_id", x.customerId);
    o.add("channel", x.channel).add("received_at", std::int64_t(x.receivedAt)).add("text", x.text);
    addOpt(o, "claimed_amount", x.claimedAmount ? std::optional<std::int64_t>(x.claimedAmount->won()) : std::nullopt);
    o.add("claimed_date", x.claimedDate).add("owner", x.owner).add("state", caseStateCode(x.state));
    o.add("outcome", x.outcome ? std::optional<std::string>(caseOutcomeCode(*x.outcome)) : std::nullopt);
    o.add("outcome_note", x.outcomeNote);
    addOpt(o, "answered_at", x.answeredAt);
    o.add("answered_late", std::int64_t(x.answeredLate ? 1 : 0));
    addOpt(o, "closed_at", x.closedAt);
    o.add("reopened", std::int64_t(x.reopened ? 1 : 0)).add("opened_by", x.openedBy);
    o.add("opened_at", std::int64_t(x.openedAt)).add("updated_at", std::int64_t(x.updatedAt));
    return o.str();
}

}  // namespace reconsole::ops::pg
