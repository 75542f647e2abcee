// reconsole-cli case open|link|note|investigate|answer|close|reopen|list|show|matches|told:
// complaint cases and the two-week legal clock (docs/cases.md). Every case command acts as an
// operator (--as) and is audited in the operations store; refusals exit 5.
#include "core/json_text.h"
#include "notice/notice_pdf.h"
#include "ops/case_notice.h"
#include "ops/case_service.h"
#include "ops/outbox.h"
#include "ops/service_support.h"
#include "ops_common.h"

#include <QFile>

namespace reconsole::cli {
using ops::CasePolicy;
namespace {

const char* kCaseUsage = R"(usage: reconsole-cli case ACTION --db MIRROR --as OPERATOR [options]

actions:
  open        --customer ID --received-at TIME --channel phone|chat|email|app|fss [--amount N]
              [--date YYYY-MM-DD] [--text T]: a customer's complaint; prints the case id last
  link        CASE_ID --ledger ID | --order ID | --request ID | --fix ID
  matches     CASE_ID: the customer's debits, orphans first, matching the amount and date named
  note        CASE_ID --text T [--order ID]
  investigate CASE_ID
  assign      CASE_ID --owner OP: hand the case to another operator who works on cases
  answer      CASE_ID --outcome refunded|catalog_corrected|no_error [--note T]
  told        CASE_ID --channel phone|email|chat --text T: a notice given at the customer's request
  notice      CASE_ID --out FILE.pdf [--text-out FILE.txt] [--preview]: the written notice of an
              answered case (the cause and the result); recorded as given unless --preview
  close       CASE_ID
  reopen      CASE_ID --note T
  list        [--state S] [--customer ID] [--owner OP] [--merchant MID] [--as-of TIME]
              [--format table|json]: by time left
  show        CASE_ID [--as-of TIME]
  policy      [--days N --extend yes|no [--holidays FILE | --shipped-holidays]]: the deadline rule
              (an admin changes it; audited)

Times are RFC 3339 with an offset. The clock runs on the wall clock: --as-of defaults to now.
)";

std::string deadlineText(const ops::CaseClock& k)
{
    const std::string day = k.lastDay.toString(Qt::ISODate).toStdString();
    if (!k.running)
        return day + (k.overdue ? " (answered late)" : " (answered in time)");
    if (k.overdue)
        return day + " (overdue by " + std::to_string(-k.daysLeft) + " day(s))";
    return day + " (" + std::to_string(k.daysLeft) + " day(s) left" + (k.dueSoon ? ", due soon" : "") + ")";
}

std::string rowJson(const ops::CaseRow& row)
{
    ops::JsonObject o;
    o.add("id", row.c.id).add("origin", row.c.origin).add("customer_id", row.c.customerId);
    o.add("state", ops::caseStateCode(row.c.state)).add("received_at", formatUtc(row.c.receivedAt));
    o.add("clock_start", formatUtc(row.clock.start));
    o.add("deadline", row.clock.lastDay.toString(Qt::ISODate).toStdString());
    o.add("days_left", std::int64_t(row.clock.daysLeft)).add("overdue", row.clock.overdue);
    o.add("due_soon", row.clock.dueSoon).add("owner", row.c.owner);
    std::string ids = "[";
    for (const auto& id : row.ledgerIds)
        ids += (ids.size() > 1 ? "," : "") + jsonString(id);
    o.addRaw("ledger_ids", ids + "]");
    return o.str();
}

std::optional<Instant> timeOption(const CommandParser& cmd, const QCommandLineOption& opt)
{
    if (!cmd.parser.isSet(opt))
        return ops::wallClockNow();
    const auto t = parseRfc3339(cmd.parser.value(opt).toStdString());
    return t ? std::optional<Instant>(t->ms) : std::nullopt;
}

int printed(const ops::Result<ops::ComplaintCase>& r)
{
    if (!r)
        return refused(r.refusal());
    out("case " + r->id + " (" + r->customerId + "): " + ops::caseStateCode(r->state)
        + (r->owner ? ", owner " + *r->owner : std::string())
        + (r->outcome ? std::string(", ") + ops::caseOutcomeCode(*r->outcome) : std::string())
        + (r->answeredLate ? ", answered late" : "") + "\n");
    return Ok;
}

}  // namespace

int runCase(const QStringList& argsIn)
{
    QStringList args = argsIn;
    const QString action = args.size() > 1 ? args[1] : QString();
    if (action.isEmpty() || action == QLatin1String("--help") || action == QLatin1String("-h")) {
        (action.isEmpty() ? err : out)(kCaseUsage);
        return action.isEmpty() ? Usage : Ok;
    }
    static const QStringList withId{"link",  "matches", "note", "investigate", "answer",
                                    "told",  "close",   "reopen", "show",      "notice", "assign"};
    if (!withId.contains(action) && action != "open" && action != "list" && action != "policy") {
        err("reconsole-cli: unknown case action '" + action.toStdString() + "'\n\n" + kCaseUsage);
        return Usage;
    }
    args.removeAt(1);
    CommandParser cmd(QStringLiteral("case ") + action);
    OpsOptions opts(cmd.parser);
    QCommandLineOption customer(QStringList{"customer"}, "The customer.", "ID");
    QCommandLineOption received(QStringList{"received-at"}, "When the complaint was received (RFC 3339).", "TIME");
    QCommandLineOption channel(QStringList{"channel"}, "phone, chat, email, app or fss (open); phone, email, chat (told).",
                               "C");
    QCommandLineOption amount(QStringList{"amount"}, "The amount the customer names, in won.", "N");
    QCommandLineOption date(QStringList{"date"}, "The date the customer names (YYYY-MM-DD).", "DATE");
    QCommandLineOption text(QStringList{"text"}, "What the customer says; a note's or notice's text.", "T");
    QCommandLineOption ledger(QStringList{"ledger"}, "A debit (ledger id).", "ID");
    QCommandLineOption order(QStringList{"order"}, "An order.", "ID");
    QCommandLineOption request(QStringList{"request"}, "A refund request.", "ID");
    QCommandLineOption fix(QStringList{"fix"}, "A catalog fix.", "ID");
    QCommandLineOption outcome(QStringList{"outcome"}, "refunded, catalog_corrected or no_error.", "O");
    QCommandLineOption note(QStringList{"note"}, "The evidence, or why.", "T");
    QCommandLineOption state(QStringList{"state"}, "Only cases in this state.", "S");
    QCommandLineOption owner(QStringList{"owner"}, "assign: the new owner; list: only this owner's cases.", "OP");
    QCommandLineOption merchant(QStringList{"merchant"}, "list: only cases that hold this merchant's orders.", "MID");
    QCommandLineOption asOf(QStringList{"as-of"}, "The time the clock is read at (default: now).", "TIME");
    QCommandLineOption format(QStringList{"format"}, "table or json.", "FORMAT", "table");
    QCommandLineOption opId(QStringList{"op-id"}, "Operation id: the same id twice is one case.", "ID");
    QCommandLineOption pdfOut(QStringList{"out"}, "notice: the PDF to write.", "FILE");
    QCommandLineOption textOut(QStringList{"text-out"}, "notice: also the plain text, for e-mail or chat.", "FILE");
    QCommandLineOption preview(QStringList{"preview"}, "notice: write it, record nothing.");
    QCommandLineOption days(QStringList{"days"}, "policy: the period in days (14: two weeks).", "N");
    QCommandLineOption extend(QStringList{"extend"}, "policy: a last day on a Saturday or holiday moves on (yes|no).", "Y");
    QCommandLineOption holidays(QStringList{"holidays"}, "policy: the public holidays, 'YYYY-MM-DD name' lines.", "FILE");
    QCommandLineOption shipped(QStringList{"shipped-holidays"}, "policy: back to the holidays shipped with Reconsole.");
    cmd.parser.addOptions({customer, received, channel, amount, date, text, ledger, order, request, fix, outcome, note,
                           state, owner, merchant, asOf, format, opId, pdfOut, textOut, preview, days, extend, holidays, shipped});
    const int ids = withId.contains(action) ? 1 : 0;
    if (!cmd.parse(args, ids, ids))
        return Usage;
    const std::string id = ids ? cmd.parser.positionalArguments().at(0).toStdString() : std::string();
    const auto when = timeOption(cmd, asOf);
    if (!when)
        return usageError(cmd.parser, QStringLiteral("--as-of is an RFC 3339 time with an offset"));
    return guarded([&]() -> int {
        auto session = openOpsSession(cmd, opts);
        if (!session)
            return Fatal;
        ops::CaseService cases(*session->ctx);
        const std::string& who = session->actor;
        if (action == "open") {
            const auto t = parseRfc3339(cmd.parser.value(received).toStdString());
            if (!cmd.parser.isSet(customer) || !t || !cmd.parser.isSet(channel))
                return usageError(cmd.parser, QStringLiteral("case open needs --customer, --received-at TIME and --channel"));
            ops::ComplaintDraft d{cmd.parser.value(customer).toStdString(), t->ms, cmd.parser.value(channel).toStdString(),
                                  cmd.parser.value(text).toStdString(), std::nullopt, std::nullopt,
                                  cmd.parser.value(opId).toStdString()};
            if (cmd.parser.isSet(amount)) {
                const auto won = parseWon(cmd.parser.value(amount));
                if (!won)
                    return usageError(cmd.parser, QStringLiteral("--amount takes a whole number of won"));
                d.claimedAmount = Money(*won);
            }
            if (cmd.parser.isSet(date))
                d.claimedDate = cmd.parser.value(date).toStdString();
            const auto c = cases.open(who, d);
            if (!c)
                return refused(c.refusal());
            out("case " + c->id + " opened for " + c->customerId + "\n" + c->id + "\n");
            return Ok;
        }
        if (action == "link") {
            const QCommandLineOption* given = nullptr;
            for (const auto* o : {&ledger, &order, &request, &fix})
                if (cmd.parser.isSet(*o))
                    given = o;
            if (!given)
                return usageError(cmd.parser, QStringLiteral("case link needs --ledger, --order, --request or --fix"));
            const std::string kind = given == &ledger ? "ledger" : given == &order ? "order" : given == &request ? "request" : "fix";
            const auto l = cases.link(who, id, kind, cmd.parser.value(*given).toStdString());
            if (!l)
                return refused(l.refusal());
            out("linked " + l->kind + " " + l->targetId + " to case " + l->caseId + "\n");
            return Ok;
        }
        if (action == "matches") {
            const auto m = cases.matches(who, id);
            if (!m)
                return refused(m.refusal());
            for (const auto& x : *m)
                out(x.ledgerId + "\tKRW " + groupedWon(x.amount) + "\t" + formatUtc(x.at) + (x.orphan ? "\torphan" : "\t-")
                    + (x.amountMatches ? "\tamount matches" : "\t-") + (x.dateMatches ? "\tdate matches" : "\t-")
                    + (x.inCase ? "\tin " + *x.inCase : std::string()) + "\n");
            return Ok;
        }
        if (action == "note") {
            const auto n = cases.note(who, id, cmd.parser.value(text).toStdString(),
                                      cmd.parser.isSet(order) ? std::optional<std::string>(cmd.parser.value(order).toStdString())
                                                              : std::nullopt);
            if (!n)
                return refused(n.refusal());
            out("note " + std::to_string(n->id) + " added to case " + id + "\n");
            return Ok;
        }
        if (action == "investigate")
            return printed(cases.investigate(who, id));
        if (action == "assign") {
            if (!cmd.parser.isSet(owner))
                return usageError(cmd.parser, QStringLiteral("case assign needs --owner OP"));
            return printed(cases.assign(who, id, cmd.parser.value(owner).toStdString()));
        }
        if (action == "answer") {
            const auto o = ops::caseOutcomeFromCode(cmd.parser.value(outcome).toStdString());
            if (!o)
                return usageError(cmd.parser, QStringLiteral("--outcome is refunded, catalog_corrected or no_error"));
            return printed(cases.answer(who, id, *o, cmd.parser.value(note).toStdString()));
        }
        if (action == "told") {
            const auto n = cases.recordNotice(who, id, cmd.parser.value(channel).toStdString(),
                                              cmd.parser.value(text).toStdString());
            if (!n)
                return refused(n.refusal());
            out("notice by " + n->channel + " recorded for case " + id + "\n");
            return Ok;
        }
        if (action == "notice") {
            if (!cmd.parser.isSet(pdfOut))
                return usageError(cmd.parser, QStringLiteral("case notice needs --out FILE.pdf"));
            const auto doc = ops::composeNotice(*session->ctx, who, id);
            if (!doc)
                return refused(doc.refusal());
            const QByteArray pdf = notice::renderNoticePdf(*doc);
            ops::writeFileAtomically(cmd.parser.value(pdfOut).toStdString(), pdf.toStdString());
            if (cmd.parser.isSet(textOut))
                ops::writeFileAtomically(cmd.parser.value(textOut).toStdString(), doc->plainText());
            if (!cmd.parser.isSet(preview)) {
                const auto kept = cases.recordNotice(who, id, "document", doc->plainText(), pdf.toBase64().toStdString());
                if (!kept)
                    return refused(kept.refusal());
            }
            out(doc->plainText() + "\n" + (cmd.parser.isSet(preview) ? "preview written to " : "notice written to ")
                + cmd.parser.value(pdfOut).toStdString() + (cmd.parser.isSet(preview) ? "" : " and recorded as given") + "\n");
            return Ok;
        }
        if (action == "policy") {
            if (cmd.parser.isSet(days) || cmd.parser.isSet(extend) || cmd.parser.isSet(holidays) || cmd.parser.isSet(shipped)) {
                const auto now = ops::readCasePolicy(*session->ctx, who);
                if (!now)
                    return refused(now.refusal());
                bool okDays = true;
                const int n = cmd.parser.isSet(days) ? cmd.parser.value(days).toInt(&okDays) : now->days;
                const QString e = cmd.parser.value(extend);
                if (!okDays || (cmd.parser.isSet(extend) && e != "yes" && e != "no"))
                    return usageError(cmd.parser, QStringLiteral("--days is a number; --extend yes or no"));
                std::optional<std::string> list = cmd.parser.isSet(shipped) ? std::nullopt : now->holidays;
                if (cmd.parser.isSet(holidays)) {
                    QFile f(cmd.parser.value(holidays));
                    if (!f.open(QIODevice::ReadOnly))
                        return usageError(cmd.parser, QStringLiteral("cannot read the --holidays file"));
                    list = f.readAll().toStdString();
                }
                const auto p = ops::changeCasePolicy(*session->ctx, who, n, cmd.parser.isSet(extend) ? e == "yes" : now->extend,
                                                     list);
                if (!p)
                    return refused(p.refusal());
            }
            const auto read = ops::readCasePolicy(*session->ctx, who);
            if (!read)
                return refused(read.refusal());
            const ops::CasePolicy& p = *read;
            const auto rules = ops::caseRules(p);
            out("period: " + std::to_string(p.days) + " day(s), the first day not counted unless it began at 00:00 (Asia/Seoul)\n"
                + "a last day on a Saturday or holiday moves to the next working day: " + (p.extend ? "yes" : "no") + "\n"
                + "holidays: " + std::to_string(rules.holidays.listed().size()) + " listed ("
                + (p.holidays ? "an admin's list" : "shipped with Reconsole") + ")"
                + (p.changedBy ? ", changed by " + *p.changedBy + " at " + formatUtc(p.changedAt.value_or(0)) : std::string())
                + "\n");
            return Ok;
        }
        if (action == "close")
            return printed(cases.close(who, id));
        if (action == "reopen")
            return printed(cases.reopen(who, id, cmd.parser.value(note).toStdString()));
        if (action == "show") {
            const auto v = cases.show(who, id, *when);
            if (!v)
                return refused(v.refusal());
            const auto& c = v->row.c;
            out("case " + c.id + " (" + c.origin + ") for " + c.customerId + ", " + ops::caseStateCode(c.state)
                + "\n  received " + formatUtc(c.receivedAt) + (c.channel ? " by " + *c.channel : std::string())
                + "\n  due by the end of " + deadlineText(v->row.clock) + " (Asia/Seoul)\n");
            if (!c.text.empty())
                out("  says: " + c.text + "\n");
            for (const auto& l : v->links)
                out("  " + l.kind + " " + l.targetId + "\n");
            for (const auto& n : v->notes)
                out("  note by " + n.writtenBy + " at " + formatUtc(n.at) + ": " + n.text + "\n");
            for (const auto& n : v->notices)
                out("  told by " + n.channel + " (" + n.givenBy + ", " + formatUtc(n.at) + ")\n");
            if (c.outcome)
                out("  outcome: " + std::string(ops::caseOutcomeCode(*c.outcome)) + (c.answeredLate ? " (late)" : "")
                    + (c.outcomeNote.empty() ? "" : ": " + c.outcomeNote) + "\n");
            return Ok;
        }
        ops::CaseFilter filter;
        if (cmd.parser.isSet(state)) {
            filter.state = ops::caseStateFromCode(cmd.parser.value(state).toStdString());
            if (!filter.state)
                return usageError(cmd.parser, QStringLiteral("unknown --state"));
        }
        if (cmd.parser.isSet(customer))
            filter.customerId = cmd.parser.value(customer).toStdString();
        if (cmd.parser.isSet(owner))
            filter.owner = cmd.parser.value(owner).toStdString();
        if (cmd.parser.isSet(merchant))
            filter.merchantId = cmd.parser.value(merchant).toStdString();
        const auto rows = cases.list(who, filter, *when);
        if (!rows)
            return refused(rows.refusal());
        if (cmd.parser.value(format) == "json") {
            std::string json = "[";
            for (const auto& r : *rows)
                json += (json.size() > 1 ? ",\n" : "\n") + rowJson(r);
            out(json + "\n]\n");
            return Ok;
        }
        for (const auto& r : *rows)
            out(r.c.id + "\t" + r.c.customerId + "\t" + ops::caseStateCode(r.c.state) + "\t" + deadlineText(r.clock) + "\t"
                + std::to_string(r.ledgerIds.size()) + " debit(s)\n");
        out(std::to_string(rows->size()) + " case(s)\n");
        return Ok;
    });
}

}  // namespace reconsole::cli
