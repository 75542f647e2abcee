// reconsole-cli refund request|approve|reject|cancel|amend|fail|list
#include "ops_common.h"

#include "core/display.h"
#include "ops/refund_service.h"
#include "ops/repair_service.h"
#include "ops/service_support.h"

#include <algorithm>

namespace reconsole::cli {
namespace {

const char* kRefundUsage = R"(usage: reconsole-cli refund ACTION --db MIRROR --as OPERATOR [options]

actions:
  request   --ledger LEDGER_ID [--amount N] --reason CODE [--note TEXT] [--op-id ID]
  approve   REQUEST_ID | --batch BATCH_ID   (a repair batch: every request awaiting approval, at once)
  reject    REQUEST_ID [--note TEXT]
  cancel    REQUEST_ID [--note TEXT]
  amend     REQUEST_ID --amount N        (voids an approval)
  fail      REQUEST_ID --note TEXT       (the platform failed a sent request: releases it)
  list      [--state S] [--ledger L] [--customer C] [--format table|json]
  quote     --ledger LEDGER_ID           (what may still be refunded, and why)
  flagged                                (for a person: settlement flags, credits of unknown requests)

A refused action exits 5 with the reason on stderr; a store that cannot be used exits 1.
)";

std::string pad(const std::string& s, std::size_t width, bool right = false)
{
    // Width in characters, not bytes, so Hangul notes line up as well as a terminal allows.
    const auto chars = static_cast<std::size_t>(QString::fromStdString(s).size());
    if (chars >= width)
        return s + " ";
    const std::string fill(width - chars, ' ');
    return right ? fill + s + " " : s + fill + " ";
}

std::string rowJson(const ops::RefundRow& row)
{
    const auto& r = row.request;
    ops::JsonObject o;
    o.add("request_id", r.id).add("ledger_id", r.ledgerId).add("customer_id", r.customerId);
    o.add("account_id", r.accountId).add("amount", r.amount).add("state", ops::refundStateCode(r.state));
    o.add("overdue", row.overdue).add("reason", r.reason).add("note", r.note).add("requested_by", r.requestedBy);
    o.add("requested_at", formatUtc(r.requestedAt)).add("approved_by", r.approvedBy);
    o.add("needs_approval", r.needsApproval).add("place", static_cast<std::int64_t>(r.place));
    o.add("idempotency_key", r.idempotencyKey).add("op_id", r.opId);
    if (r.settledAmount)
        o.add("settled_amount", *r.settledAmount);
    else
        o.addRaw("settled_amount", "null");
    o.add("flag", r.settlementFlag).add("decision_note", r.decisionNote);
    return o.str();
}

std::string rowsTable(const std::vector<ops::RefundRow>& rows)
{
    std::string out = pad("request_id", 28) + pad("ledger_id", 14) + pad("state", 10) + pad("amount", 14, true)
        + pad("settled", 14, true) + pad("requested_by", 14) + pad("approved_by", 14) + "requested (Asia/Seoul)\n";
    for (const auto& row : rows) {
        const auto& r = row.request;
        out += pad(r.id, 28) + pad(r.ledgerId, 14) + pad(std::string(ops::refundStateCode(r.state)) + (row.overdue ? "!" : ""), 10)
            + pad(groupedWon(r.amount), 14, true) + pad(r.settledAmount ? groupedWon(*r.settledAmount) : "-", 14, true)
            + pad(r.requestedBy, 14) + pad(r.approvedBy.value_or("-"), 14)
            + formatSeoul(r.requestedAt).toStdString() + "\n";
        if (!r.settlementFlag.empty())
            out += "    flag: " + r.settlementFlag + "\n";
    }
    out += std::to_string(rows.size()) + " request(s); '!' marks overdue\n";
    return out;
}

std::string describe(const ops::RefundRequest& r)
{
    std::string s = "refund " + r.id + ": KRW " + groupedWon(r.amount) + " for " + r.ledgerId + ", "
        + ops::refundStateCode(r.state);
    if (r.state == ops::RefundState::Requested && r.needsApproval)
        s += " (needs approval by another ops operator: " + r.approvalWhy + ")";
    return s + ", key " + r.idempotencyKey + "\n";
}

int printed(const ops::Result<ops::RefundRequest>& r, bool idLast)
{
    if (!r)
        return refused(r.refusal());
    out(describe(*r));
    if (idLast)
        out(r->id + "\n");   // the request id is the last word of the output
    return Ok;
}

}  // namespace

int runRefund(const QStringList& argsIn)
{
    QStringList args = argsIn;
    const QString action = args.size() > 1 ? args[1] : QString();
    if (action.isEmpty() || action == QLatin1String("--help") || action == QLatin1String("-h")) {
        (action.isEmpty() ? err : out)(kRefundUsage);
        return action.isEmpty() ? Usage : Ok;
    }
    args.removeAt(1);
    CommandParser cmd(QStringLiteral("refund ") + action);
    OpsOptions opts(cmd.parser);
    QCommandLineOption ledger(QStringList{"ledger"}, "The debit (ledger id).", "LEDGER_ID");
    QCommandLineOption amount(QStringList{"amount"}, "Amount in won.", "N");
    QCommandLineOption reason(QStringList{"reason"}, "Reason code (ORPHAN_DEBIT, DUPLICATE_CHARGE, ...).", "CODE");
    QCommandLineOption note(QStringList{"note"}, "Free text for the record.", "TEXT");
    QCommandLineOption opId(QStringList{"op-id"}, "Operation id: the same id twice is one request.", "ID");
    QCommandLineOption state(QStringList{"state"}, "Only requests in this state.", "STATE");
    QCommandLineOption customer(QStringList{"customer"}, "Only this customer's requests.", "CUSTOMER_ID");
    QCommandLineOption format(QStringList{"format"}, "table or json.", "FORMAT", "table");
    QCommandLineOption batch(QStringList{"batch"}, "approve: every request of this repair batch.", "BATCH_ID");
    cmd.parser.addOptions({ledger, amount, reason, note, opId, state, customer, format, batch});
    const bool takesId = action == "approve" || action == "reject" || action == "cancel" || action == "amend"
        || action == "fail";
    if (!takesId && action != "request" && action != "list" && action != "quote" && action != "flagged") {
        err("reconsole-cli: unknown refund action '" + action.toStdString() + "'\n\n" + kRefundUsage);
        return Usage;
    }
    const bool wholeBatch = action == "approve"
        && std::any_of(args.begin(), args.end(), [](const QString& a) { return a == "--batch" || a.startsWith("--batch="); });
    const int ids = takesId && !wholeBatch ? 1 : 0;
    if (!cmd.parse(args, ids, ids))
        return Usage;
    std::optional<Money> amountValue;
    if (cmd.parser.isSet(amount)) {
        const auto won = parseWon(cmd.parser.value(amount));
        if (!won)
            return usageError(cmd.parser, QStringLiteral("--amount takes a whole number of won"));
        amountValue = Money(*won);
    }
    return guarded([&]() -> int {
        auto session = openOpsSession(cmd, opts);
        if (!session)
            return Fatal;
        ops::RefundService refunds(*session->ctx);
        const std::string who = session->actor;
        const std::string id = takesId ? cmd.parser.positionalArguments().value(0).toStdString() : std::string();
        const std::string noteText = cmd.parser.value(note).toStdString();
        if (action == "request") {
            if (!cmd.parser.isSet(ledger) || !cmd.parser.isSet(reason))
                return usageError(cmd.parser, QStringLiteral("refund request needs --ledger and --reason"));
            return printed(refunds.request(who, {cmd.parser.value(ledger).toStdString(), amountValue,
                                                 cmd.parser.value(reason).toStdString(), noteText,
                                                 cmd.parser.value(opId).toStdString()}),
                           true);
        }
        if (action == "approve" && cmd.parser.isSet(batch)) {
            const std::string batchId = cmd.parser.value(batch).toStdString();
            const auto approved = ops::RepairService(*session->ctx).approveAll(who, batchId);
            if (!approved)
                return refused(approved.refusal());
            MoneyTotal total;
            for (const auto& r : *approved) {
                out(describe(r));
                total.add(r.amount);
            }
            out("approved " + std::to_string(approved->size()) + " request(s) of " + batchId + ": KRW "
                + groupedWon(total) + "\n");
            return Ok;
        }
        if (action == "approve")
            return printed(refunds.approve(who, id), false);
        if (action == "reject")
            return printed(refunds.reject(who, id, noteText), false);
        if (action == "cancel")
            return printed(refunds.cancel(who, id, noteText), false);
        if (action == "fail")
            return printed(refunds.recordFailure(who, id, noteText), false);
        if (action == "amend") {
            if (!amountValue)
                return usageError(cmd.parser, QStringLiteral("refund amend needs --amount"));
            return printed(refunds.amend(who, id, *amountValue), false);
        }
        if (action == "quote") {
            const auto q = refunds.quote(who, cmd.parser.value(ledger).toStdString());
            if (!q)
                return refused(q.refusal());
            out("debit " + q->ledgerId + " of " + q->customerId + " (" + q->accountId + "): KRW "
                + groupedWon(q->debitAmount) + "\n  held by requests here: KRW " + groupedWon(q->reserved)
                + "\n  returned by the platform itself: KRW " + groupedWon(q->platformReturns)
                + "\n  credits for unknown requests: KRW " + groupedWon(q->foreignCredits)
                + "\n  still refundable: KRW " + groupedWon(q->refundable) + " (default KRW "
                + groupedWon(q->defaultAmount) + ")\n");
            return Ok;
        }
        if (action == "flagged") {
            const auto rows = refunds.list(who, {});
            const auto foreign = refunds.foreignCredits(who);
            if (!rows || !foreign)
                return refused(rows ? foreign.refusal() : rows.refusal());
            int n = 0;
            for (const auto& row : *rows)
                if (!row.request.settlementFlag.empty() && ++n)
                    out(row.request.id + " (" + row.request.ledgerId + "): " + row.request.settlementFlag + "\n");
            for (const auto& c : *foreign) {
                ++n;
                out("credit " + c.creditId + " of KRW " + groupedWon(c.amount) + " for " + c.ledgerId.value_or("?")
                    + " names request " + c.requestId + ", unknown to this store (counted as given back, place "
                    + std::to_string(c.place) + ")\n");
            }
            out(std::to_string(n) + " flag(s)\n");
            return Ok;
        }
        ops::RefundFilter filter;
        if (cmd.parser.isSet(state)) {
            filter.state = ops::refundStateFromCode(cmd.parser.value(state).toStdString());
            if (!filter.state)
                return usageError(cmd.parser, QStringLiteral("unknown --state"));
        }
        if (cmd.parser.isSet(ledger))
            filter.ledgerId = cmd.parser.value(ledger).toStdString();
        if (cmd.parser.isSet(customer))
            filter.customerId = cmd.parser.value(customer).toStdString();
        const auto rows = refunds.list(who, filter);
        if (!rows)
            return refused(rows.refusal());
        if (cmd.parser.value(format) == QLatin1String("json")) {
            std::string json = "[";
            for (std::size_t i = 0; i < rows->size(); ++i)
                json += (i ? ",\n " : "\n ") + rowJson((*rows)[i]);
            out(json + (rows->empty() ? "]\n" : "\n]\n"));
        } else {
            out(rowsTable(*rows));
        }
        return Ok;
    });
}

}  // namespace reconsole::cli
