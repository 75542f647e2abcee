// reconsole-cli catalog ack|acks: what operators decided about catalog findings (docs/catalog.md).
// Acknowledging needs an operator (ops or admin) and is audited in the operations store.
#include "catalog/catalog_check.h"
#include "ops/catalog_acks.h"
#include "ops/scoped_reads.h"
#include "ops_common.h"

#include <QFileInfo>

namespace reconsole::cli {
namespace {

int runAck(const QStringList& args)
{
    CommandParser cmd(QStringLiteral("catalog ack PRODUCT_ID --rule CODE --reason TEXT [--order ORDER_ID]: the finding "
                                     "is intended; it stops counting until the product changes again."));
    OpsOptions opts(cmd.parser);
    QCommandLineOption rule(QStringList{"rule"}, "The finding's rule (e.g. PRICE_FAR_FROM_LIST).", "CODE");
    QCommandLineOption order(QStringList{"order"}, "For an order's finding: the order id.", "ORDER_ID");
    QCommandLineOption reason(QStringList{"reason"}, "Why it is intended (a promotion, a real price, ...).", "TEXT");
    cmd.parser.addOptions({rule, order, reason});
    cmd.parser.addPositionalArgument("PRODUCT_ID", "The product.");
    if (!cmd.parse(args, 1, 1))
        return Usage;
    if (!cmd.parser.isSet(rule) || !cmd.parser.isSet(reason))
        return usageError(cmd.parser, QStringLiteral("catalog ack needs --rule and --reason"));
    return guarded([&]() -> int {
        auto session = openOpsSession(cmd, opts);
        if (!session)
            return Fatal;
        // A partner's scoped mirror cannot be rechecked (its findings are views); the service
        // refuses a partner's acknowledgement anyway.
        if (!ops::isScopedMirror(*session->mirror)) {
            const auto rules = ops::catalogRulesInForce(*session->store);
            catalog::CatalogState(rules.settings, rules.settles).rebuildIfStale(*session->mirror);
        }
        ops::AckDraft draft{cmd.parser.positionalArguments().at(0).toStdString(),
                            cmd.parser.value(order).toStdString(), cmd.parser.value(rule).toStdString(),
                            cmd.parser.value(reason).toStdString()};
        const auto ack = ops::CatalogAckService(*session->ctx).acknowledge(session->actor, draft);
        if (!ack)
            return refused(ack.refusal());
        out("acknowledged " + ack->rule + " for " + ack->productId + (ack->orderId.empty() ? "" : " / " + ack->orderId)
            + " at product version " + std::to_string(ack->productSeq) + " by " + ack->by + "\n");
        return Ok;
    });
}

int runAcks(const QStringList& args)
{
    CommandParser cmd(QStringLiteral("catalog acks: every acknowledged finding, and whether it still holds (the product "
                                     "has not changed since)."));
    OpsOptions opts(cmd.parser);
    if (!cmd.parse(args))
        return Usage;
    return guarded([&]() -> int {
        auto session = openOpsSession(cmd, opts);
        if (!session)
            return Fatal;
        for (const auto& a : ops::CatalogAckService(*session->ctx).all()) {
            // --as a merchant partner: its own products' acknowledgements only.
            if (ops::isScopedMirror(*session->mirror) && !ops::mirrorShows(*session->mirror, "product", a.productId))
                continue;
            const bool holds = ops::currentProductSeq(*session->mirror, a.productId) == a.productSeq;
            out(a.productId + "\t" + (a.orderId.empty() ? "-" : a.orderId) + "\t" + a.rule + "\tv" + std::to_string(a.productSeq)
                + "\t" + a.by + "\t" + (holds ? "holds" : "product changed since") + "\t" + a.reason + "\n");
        }
        return Ok;
    });
}

}  // namespace

ops::CatalogRulesInForce rulesInForceFor(const CommandParser& cmd, const OpsOptions& opts)
{
    const std::string spec = opsSpecFor(cmd, opts);
    if (!ops::isServerSpec(spec) && !QFileInfo::exists(QString::fromStdString(spec)))
        return {};   // nobody decided anything yet: the defaults
    try {
        auto store = ops::openOpsStore(spec, signInFor(spec, cmd.parser.value(opts.as).toStdString()));
        return ops::catalogRulesInForce(*store);
    } catch (const StoreError& e) {
        err(std::string("reconsole-cli: the catalog rules' settings not read, the defaults apply: ") + e.what() + "\n");
        return {};
    }
}

void markAcknowledged(const CommandParser& cmd, const OpsOptions& opts, Database& mirror,
                      std::vector<catalog::AnomalyRow>& rows, bool drop)
{
    const std::string spec = opsSpecFor(cmd, opts);
    if (!ops::isServerSpec(spec) && !QFileInfo::exists(QString::fromStdString(spec)))
        return;   // nobody decided anything yet
    std::vector<ops::CatalogAck> acks;
    try {
        auto store = ops::openOpsStore(spec, signInFor(spec, cmd.parser.value(opts.as).toStdString()));
        ops::OpsContext ctx{*store, mirror};
        acks = ops::CatalogAckService(ctx).all();
    } catch (const StoreError& e) {
        err(std::string("reconsole-cli: acknowledgements not read, every finding is shown as found: ") + e.what() + "\n");
        return;
    }
    const auto acked = ops::acknowledgedNow(mirror, rows, acks);
    std::vector<catalog::AnomalyRow> kept;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        rows[i].acknowledged = acked[i];
        if (!(drop && acked[i]))
            kept.push_back(std::move(rows[i]));
    }
    rows = std::move(kept);
}

int runCatalogCommand(const QStringList& args)
{
    const QString action = args.size() > 1 ? args[1] : QString();
    QStringList rest = args;
    if (isCatalogActAction(action)) {
        rest.removeAt(1);
        return runCatalogAct(action, rest);   // fix, approve, repair, rules, ...: decisions
    }
    if (action != QLatin1String("ack") && action != QLatin1String("acks"))
        return runCatalog(args);   // check, impact, ...: the mirror's side
    rest.removeAt(1);
    return action == QLatin1String("ack") ? runAck(rest) : runAcks(rest);
}

}  // namespace reconsole::cli
