// reconsole-cli catalog fix|approve|reject|cancel|failed|fixes|repair|batch|rules: what operators
// do about catalog errors (docs/catalog.md, "Fixing the catalog", "Repair", "Rule settings").
// Each needs an operator and is audited in the operations store; refusals exit 5.
#include "ops/catalog_fix_service.h"
#include "ops/catalog_rules_in_force.h"
#include "ops/catalog_values.h"
#include "ops/repair_service.h"
#include "ops_common.h"

namespace reconsole::cli {
namespace {

std::string describe(const ops::CatalogFix& f)
{
    std::string s = "catalog fix " + f.id + " for " + f.productId + " (version " + std::to_string(f.productSeq)
        + "): " + ops::describeChange(f.expected, f.set) + ", " + ops::refundStateCode(f.state);
    if (f.state == ops::RefundState::Requested)
        s += " (needs approval by another ops operator)";
    if (f.settledSeq)
        s += " by version " + std::to_string(*f.settledSeq);
    if (!f.settlementFlag.empty())
        s += "\n  flag: " + f.settlementFlag;
    return s + ", key " + f.idempotencyKey + "\n";
}

int printed(const ops::Result<ops::CatalogFix>& r, bool idLast)
{
    if (!r)
        return refused(r.refusal());
    out(describe(*r));
    if (idLast)
        out(r->id + "\n");   // the fix's id is the last word of the output
    return Ok;
}

std::string lineText(const ops::RepairLine& l)
{
    std::string s = "  " + l.orderId + "  " + l.customerId + "  overcharged KRW " + groupedWon(l.overcharge);
    if (l.alreadyReserved.isPositive())
        s += ", already held KRW " + groupedWon(l.alreadyReserved);
    s += ", drafted KRW " + groupedWon(l.drafted);
    for (const auto& id : l.requestIds)
        s += " " + id;
    if (!l.skipped.empty())
        s += " (" + l.skipped + ")";
    return s + "\n";
}

int runFix(CommandParser& cmd, const OpsOptions& opts, const QStringList& args)
{
    QCommandLineOption set(QStringList{"set"}, "A corrected value: price=N, list_price=N, discount_bp=N or "
                                               "cash_receipt_eligible=true|false (repeat for several).", "FIELD=VALUE");
    QCommandLineOption reason(QStringList{"reason"}, "PRICE_ERROR, DISCOUNT_ERROR, RECEIPT_FLAG_ERROR, LIST_PRICE_ERROR "
                                                     "or MERCHANT_REQUEST.", "CODE");
    QCommandLineOption note(QStringList{"note"}, "Free text for the record.", "TEXT");
    QCommandLineOption seen(QStringList{"expect-seq"}, "The product version you looked at: refused if it changed since.",
                            "N");
    QCommandLineOption opId(QStringList{"op-id"}, "Operation id: the same id twice is one fix.", "ID");
    cmd.parser.addOptions({set, reason, note, seen, opId});
    if (!cmd.parse(args, 1, 1))
        return Usage;
    ops::FixDraft draft;
    draft.productId = cmd.parser.positionalArguments().at(0).toStdString();
    for (const auto& assignment : cmd.parser.values(set))
        if (const auto why = ops::parseCatalogAssignment(assignment.toStdString(), draft.set); !why.empty())
            return usageError(cmd.parser, QString::fromStdString("--set: " + why));
    if (draft.set.empty() || !cmd.parser.isSet(reason))
        return usageError(cmd.parser, QStringLiteral("catalog fix needs --set FIELD=VALUE and --reason CODE"));
    if (cmd.parser.isSet(seen)) {
        bool ok = false;
        draft.seenSeq = cmd.parser.value(seen).toLongLong(&ok);
        if (!ok)
            return usageError(cmd.parser, QStringLiteral("--expect-seq is a product version (seq)"));
    }
    draft.reason = cmd.parser.value(reason).toStdString();
    draft.note = cmd.parser.value(note).toStdString();
    draft.opId = cmd.parser.value(opId).toStdString();
    return guarded([&]() -> int {
        auto session = openOpsSession(cmd, opts);
        if (!session)
            return Fatal;
        return printed(ops::CatalogFixService(*session->ctx).propose(session->actor, draft), true);
    });
}

int runDecision(CommandParser& cmd, const OpsOptions& opts, const QStringList& args, const QString& action)
{
    QCommandLineOption note(QStringList{"note"}, "Why (needed to reject or to record a failure).", "TEXT");
    cmd.parser.addOptions({note});
    if (!cmd.parse(args, 1, 1))
        return Usage;
    const std::string id = cmd.parser.positionalArguments().at(0).toStdString();
    const std::string why = cmd.parser.value(note).toStdString();
    return guarded([&]() -> int {
        auto session = openOpsSession(cmd, opts);
        if (!session)
            return Fatal;
        ops::CatalogFixService fixes(*session->ctx);
        const std::string& who = session->actor;
        if (action == "approve")
            return printed(fixes.approve(who, id), false);
        if (action == "reject")
            return printed(fixes.reject(who, id, why), false);
        if (action == "cancel")
            return printed(fixes.cancel(who, id, why), false);
        return printed(fixes.recordFailure(who, id, why), false);
    });
}

int runFixes(CommandParser& cmd, const OpsOptions& opts, const QStringList& args)
{
    QCommandLineOption product(QStringList{"product"}, "Only this product's fixes.", "PRODUCT_ID");
    QCommandLineOption state(QStringList{"state"}, "Only fixes in this state.", "STATE");
    cmd.parser.addOptions({product, state});
    if (!cmd.parse(args))
        return Usage;
    ops::CatalogFixFilter filter;
    if (cmd.parser.isSet(product))
        filter.productId = cmd.parser.value(product).toStdString();
    if (cmd.parser.isSet(state)) {
        filter.state = ops::refundStateFromCode(cmd.parser.value(state).toStdString());
        if (!filter.state)
            return usageError(cmd.parser, QStringLiteral("unknown --state"));
    }
    return guarded([&]() -> int {
        auto session = openOpsSession(cmd, opts);
        if (!session)
            return Fatal;
        const auto rows = ops::CatalogFixService(*session->ctx).list(session->actor, filter);
        if (!rows)
            return refused(rows.refusal());
        for (const auto& row : *rows)
            out((row.overdue ? "overdue " : "") + describe(row.fix));
        out(std::to_string(rows->size()) + " fix(es)\n");
        return Ok;
    });
}

int runRepair(CommandParser& cmd, const OpsOptions& opts, const QStringList& args)
{
    QCommandLineOption preview(QStringList{"preview"}, "Say what would be drafted; draft nothing.");
    QCommandLineOption opId(QStringList{"op-id"}, "Operation id: the same id twice is one batch.", "ID");
    cmd.parser.addOptions({preview, opId});
    if (!cmd.parse(args, 1, 1))
        return Usage;
    const std::string productId = cmd.parser.positionalArguments().at(0).toStdString();
    return guarded([&]() -> int {
        auto session = openOpsSession(cmd, opts);
        if (!session)
            return Fatal;
        ops::RepairService repair(*session->ctx);
        const auto d = cmd.parser.isSet(preview) ? repair.preview(session->actor, productId)
                                                 : repair.draft(session->actor, productId,
                                                                cmd.parser.value(opId).toStdString());
        if (!d)
            return refused(d.refusal());
        for (const auto& l : d->lines)
            out(lineText(l));
        out(std::to_string(d->lines.size()) + " overcharged order(s): KRW " + groupedWon(d->overcharge)
            + " overcharged, KRW " + groupedWon(d->alreadyReserved) + " already held, KRW "
            + groupedWon(d->drafted) + (d->batch ? " drafted in " + std::to_string(d->requests) + " request(s)"
                                                         : " would be drafted")
            + "\n");
        if (d->batch)
            out("repair batch " + d->batch->id + " awaits approval: reconsole-cli refund approve --batch " + d->batch->id
                + "\n" + d->batch->id + "\n");
        return Ok;
    });
}

int runBatch(CommandParser& cmd, const OpsOptions& opts, const QStringList& args)
{
    if (!cmd.parse(args, 1, 1))
        return Usage;
    const std::string batchId = cmd.parser.positionalArguments().at(0).toStdString();
    return guarded([&]() -> int {
        auto session = openOpsSession(cmd, opts);
        if (!session)
            return Fatal;
        const auto v = ops::RepairService(*session->ctx).batch(session->actor, batchId);
        if (!v)
            return refused(v.refusal());
        out("repair batch " + v->batch.id + " for " + v->batch.productId + ", drafted by " + v->batch.draftedBy + " at "
            + formatUtc(v->batch.draftedAt) + "\n");
        for (const auto& r : v->refunds)
            out("  " + r.id + "  " + r.orderId.value_or("-") + "  " + r.ledgerId + "  KRW " + groupedWon(r.amount) + "  "
                + ops::refundStateCode(r.state) + "\n");
        out(std::to_string(v->refunds.size()) + " request(s), KRW " + groupedWon(v->total) + "; "
            + std::to_string(v->awaitingApproval) + " await approval\n");
        return Ok;
    });
}

int runRules(CommandParser& cmd, const OpsOptions& opts, const QStringList& args)
{
    QCommandLineOption set(QStringList{"set"}, "Change a setting (admin): key=value, e.g. "
                                               "price_far_from_list.max_pct=120 (repeat for several).", "KEY=VALUE");
    cmd.parser.addOptions({set});
    if (!cmd.parse(args))
        return Usage;
    catalog::CatalogRuleSettings::Entries changes;
    for (const auto& a : cmd.parser.values(set)) {
        const auto eq = a.indexOf('=');
        if (eq <= 0)
            return usageError(cmd.parser, QStringLiteral("--set takes key=value"));
        changes.emplace_back(a.left(eq).toStdString(), a.mid(eq + 1).toStdString());
    }
    return guarded([&]() -> int {
        auto session = openOpsSession(cmd, opts);
        if (!session)
            return Fatal;
        if (!changes.empty()) {
            const auto r = ops::changeCatalogRules(*session->ctx, session->actor, changes);
            if (!r)
                return refused(r.refusal());
            out("catalog rules changed; the findings are checked again at the next look\n");
        }
        const auto inForce = ops::catalogRulesInForce(*session->store);
        for (const auto& [k, v] : inForce.settings.toEntries())
            out(k + " = " + v + "\n");
        out(inForce.record ? "set by " + inForce.record->changedBy + " at " + formatUtc(inForce.record->changedAt) + "\n"
                           : std::string("the defaults (no admin has changed them)\n"));
        return Ok;
    });
}

}  // namespace

const char* kCatalogActUsage = R"(  fix      PRODUCT_ID --set FIELD=VALUE... --reason CODE [--note TEXT] [--expect-seq N]: ask the
           platform to correct a product (price, list_price, discount_bp, cash_receipt_eligible);
           another ops operator approves it
  approve  FIX_ID      reject FIX_ID --note TEXT      cancel FIX_ID [--note TEXT]
  failed   FIX_ID --note TEXT: the platform refused a sent fix (its report says why)
  fixes    [--product P] [--state S]: catalog fixes, newest first
  repair   PRODUCT_ID [--preview]: draft refunds (PRICE_ERROR) for every overcharged order as one
           batch; approve it with 'refund approve --batch BATCH_ID' or request by request
  batch    BATCH_ID: a repair batch and its requests
  rules    [--set KEY=VALUE...]: the rules' thresholds and switches (changed by an admin)
)";

bool isCatalogActAction(const QString& action)
{
    static const QStringList actions{"fix", "approve", "reject", "cancel", "failed", "fixes", "repair", "batch", "rules"};
    return actions.contains(action);
}

int runCatalogAct(const QString& action, const QStringList& args)
{
    CommandParser cmd(QStringLiteral("catalog ") + action);
    OpsOptions opts(cmd.parser);
    if (action == "fix")
        return runFix(cmd, opts, args);
    if (action == "fixes")
        return runFixes(cmd, opts, args);
    if (action == "repair")
        return runRepair(cmd, opts, args);
    if (action == "batch")
        return runBatch(cmd, opts, args);
    if (action == "rules")
        return runRules(cmd, opts, args);
    return runDecision(cmd, opts, args, action);
}

}  // namespace reconsole::cli
