// reconsole-cli operator add|list|passwd|disable|enable, policy show|set|approve|reject
#include "ops_common.h"
#include "secret_prompt.h"

#include "ops/operator_service.h"
#include "ops/policy_service.h"
#include "ops/service_support.h"
#include "ops/sign_in_service.h"

namespace reconsole::cli {
namespace {

// "operator add ..." -> the action, and args as the parser should see them.
QString takeAction(QStringList& args)
{
    const QString action = args.size() > 1 ? args[1] : QString();
    if (!action.isEmpty() && !action.startsWith(QLatin1Char('-')))
        args.removeAt(1);
    return action;
}

std::string policyText(const ops::Policy& p)
{
    return "approval threshold: KRW " + groupedWon(p.approvalThreshold) + "\ndaily limit, agent: KRW "
        + groupedWon(p.dailyLimitAgent) + "\ndaily limit, ops: KRW " + groupedWon(p.dailyLimitOps)
        + "\noverdue after: " + std::to_string(p.overdueAfter / kMinuteMs) + " minutes\n";
}

}  // namespace

namespace {

bool isOperatorAction(const QString& a)
{
    for (const char* known : {"add", "list", "passwd", "password", "disable", "enable"})
        if (a == QLatin1String(known))
            return true;
    return false;
}

// A new password: RECONSOLE_NEW_PASSWORD or asked on a terminal, never an argument.
std::optional<std::string> newPasswordOf(const std::string& who)
{
    auto pw = secretFrom("RECONSOLE_NEW_PASSWORD", "New password of " + who + " (12 characters or more): ");
    if (!pw || pw->empty())
        return std::nullopt;
    return pw;
}

int needNewPassword(const CommandParser& cmd)
{
    return usageError(cmd.parser, QStringLiteral("give the new password in RECONSOLE_NEW_PASSWORD or at the prompt "
                                                 "(never as an argument)"));
}

// operator passwd: one's own (with the current one, the sign-in's), or another's by an admin.
int changePassword(OpsSession& session, const std::string& who, const CommandParser& cmd)
{
    const auto pw = newPasswordOf(who);
    if (!pw)
        return needNewPassword(cmd);
    if (session.actor.empty()) {   // a store from before sign-in: its first admin's password
        const auto set = ops::OperatorService(*session.ctx).setFirstPassword(who, *pw);
        if (!set)
            return refused(set.refusal());
        out("the password of " + who + " is set: sign in with --as " + who + "\n");
        return Ok;
    }
    if (who == session.actor) {
        const auto changed = ops::SignInService(*session.ctx).changeOwnPassword(who, session.password, *pw);
        if (!changed)
            return refused(changed.refusal());
        out("the password of " + who + " is changed\n");
        return Ok;
    }
    const auto set = ops::OperatorService(*session.ctx).setPassword(session.actor, who, *pw);
    if (!set)
        return refused(set.refusal());
    out("the password of " + who + " is set; " + who + " sets their own at the next sign-in (operator passwd)\n");
    return Ok;
}

}  // namespace

int runOperator(const QStringList& argsIn)
{
    QStringList args = argsIn;
    const QString action = takeAction(args);
    CommandParser cmd(QStringLiteral("operator add|list|passwd|disable ID|enable ID: the operators who act. The "
                                     "first operator of a store is added without --as and must be an admin; "
                                     "passwords come from RECONSOLE_PASSWORD / RECONSOLE_NEW_PASSWORD or a prompt."));
    OpsOptions opts(cmd.parser);
    QCommandLineOption id(QStringList{"id"}, "The operator's id (add: the new one; passwd: another's, by an admin).", "ID");
    QCommandLineOption role(QStringList{"role"}, "agent, ops, admin or merchant (repeat or comma-separate).", "ROLE");
    QCommandLineOption merchant(QStringList{"merchant"}, "For a merchant partner: the merchant id.", "MID");
    QCommandLineOption name(QStringList{"name"}, "Display name.", "NAME");
    cmd.parser.addOptions({id, role, merchant, name});
    if (!isOperatorAction(action)) {
        err("reconsole-cli: operator add|list|passwd|disable ID|enable ID\n");
        return Usage;
    }
    const bool takesId = action == QLatin1String("disable") || action == QLatin1String("enable");
    if (!cmd.parse(args, takesId ? 1 : 0, takesId ? 1 : 0))
        return Usage;
    return guarded([&]() -> int {
        auto session = openOpsSession(cmd, opts);
        if (!session)
            return Fatal;
        ops::OperatorService operators(*session->ctx);
        if (action == QLatin1String("list")) {
            const auto list = operators.list(session->actor);
            if (!list)
                return refused(list.refusal());
            for (const auto& op : *list)
                out(op.id + "\t" + ops::rolesText(op.roles) + "\t" + op.name + (op.merchantId ? "\t" + *op.merchantId : "")
                    + (op.enabled ? "" : "\t(disabled)") + "\n");
            return Ok;
        }
        if (takesId) {
            const std::string who = cmd.parser.positionalArguments().value(0).toStdString();
            const auto r = operators.setEnabled(session->actor, who, action == QLatin1String("enable"));
            if (!r)
                return refused(r.refusal());
            out("operator " + who + (r->enabled ? " enabled\n" : " disabled: it can neither sign in nor act\n"));
            return Ok;
        }
        if (action != QLatin1String("add"))   // passwd, and password as its older name
            return changePassword(*session, cmd.parser.isSet(id) ? cmd.parser.value(id).toStdString() : session->actor,
                                  cmd);
        if (!cmd.parser.isSet(id) || !cmd.parser.isSet(role))
            return usageError(cmd.parser, QStringLiteral("operator add needs --id and --role"));
        const auto roles = ops::rolesFromText(cmd.parser.values(role).join(QLatin1Char(',')).toStdString());
        if (!roles)
            return usageError(cmd.parser, QStringLiteral("--role is agent, ops, admin or merchant"));
        ops::Operator draft;
        draft.id = cmd.parser.value(id).toStdString();
        draft.name = cmd.parser.isSet(name) ? cmd.parser.value(name).toStdString() : draft.id;
        draft.roles = *roles;
        if (cmd.parser.isSet(merchant))
            draft.merchantId = cmd.parser.value(merchant).toStdString();
        const auto pw = newPasswordOf(draft.id);
        if (!pw)
            return needNewPassword(cmd);
        const auto added = operators.add(session->actor, draft, *pw);
        if (!added)
            return refused(added.refusal());
        out("operator " + added->id + " (" + ops::rolesText(added->roles) + ") added"
            + (session->actor.empty() ? std::string() : "; " + added->id + " sets their own password at the first sign-in")
            + (ops::isServerSpec(opsSpecFor(cmd, opts)) ? std::string(", signing in as its own login role") : std::string())
            + "\n");
        return Ok;
    });
}

int runPolicy(const QStringList& argsIn)
{
    QStringList args = argsIn;
    const QString action = takeAction(args);
    CommandParser cmd(QStringLiteral("policy show|set|approve|reject: approval threshold, daily limits, overdue time. "
                                     "A change that weakens a control waits for a second admin."));
    OpsOptions opts(cmd.parser);
    QCommandLineOption threshold(QStringList{"threshold"}, "Approval threshold in won.", "N");
    QCommandLineOption agentLimit(QStringList{"daily-limit-agent"}, "Daily limit of an agent, in won.", "N");
    QCommandLineOption opsLimit(QStringList{"daily-limit-ops"}, "Daily limit of an ops operator, in won.", "N");
    QCommandLineOption overdue(QStringList{"overdue-minutes"}, "A sent refund not settled by then is overdue.", "MIN");
    cmd.parser.addOptions({threshold, agentLimit, opsLimit, overdue});
    const bool takesId = action == QLatin1String("approve") || action == QLatin1String("reject");
    if (!takesId && action != QLatin1String("show") && action != QLatin1String("set")) {
        err("reconsole-cli: policy show|set|approve CHANGE_ID|reject CHANGE_ID\n");
        return Usage;
    }
    if (!cmd.parse(args, takesId ? 1 : 0, takesId ? 1 : 0))
        return Usage;
    return guarded([&]() -> int {
        auto session = openOpsSession(cmd, opts);
        if (!session)
            return Fatal;
        ops::PolicyService policy(*session->ctx);
        if (takesId) {
            const auto changeId = cmd.parser.positionalArguments().value(0).toLongLong();
            const auto r = action == QLatin1String("approve") ? policy.approve(session->actor, changeId)
                                                              : policy.reject(session->actor, changeId);
            if (!r)
                return refused(r.refusal());
            out("policy change " + std::to_string(r->id) + ": " + action.toStdString() + "d\n");
            return Ok;
        }
        const auto current = policy.current(session->actor);
        if (!current)
            return refused(current.refusal());
        if (action == QLatin1String("show")) {
            out(policyText(*current));
            const auto pending = policy.pending(session->actor);
            if (pending)
                for (const auto& c : *pending)
                    out("pending change " + std::to_string(c.id) + " by " + c.proposedBy + ":\n" + policyText(c.proposed));
            return Ok;
        }
        ops::Policy next = *current;
        const auto won = [&](const QCommandLineOption& o, Money& into) {
            if (!cmd.parser.isSet(o))
                return true;
            const auto v = parseWon(cmd.parser.value(o));
            if (v)
                into = Money(*v);
            return v.has_value();
        };
        if (!won(threshold, next.approvalThreshold) || !won(agentLimit, next.dailyLimitAgent)
            || !won(opsLimit, next.dailyLimitOps))
            return usageError(cmd.parser, QStringLiteral("amounts are whole numbers of won"));
        if (cmd.parser.isSet(overdue))
            next.overdueAfter = cmd.parser.value(overdue).toLongLong() * kMinuteMs;
        const auto change = policy.propose(session->actor, next);
        if (!change)
            return refused(change.refusal());
        out(change->state == ops::PolicyChange::State::Applied
                ? "policy changed (change " + std::to_string(change->id) + ")\n"
                : "policy change " + std::to_string(change->id)
                    + " weakens a control: it takes effect when a second admin approves it\n");
        return Ok;
    });
}

}  // namespace reconsole::cli
