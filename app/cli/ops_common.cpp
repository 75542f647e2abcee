#include "ops_common.h"

#include "access/read_scope.h"
#include "ops/ops_store.h"
#include "recon/orphan_state.h"
#include "ops/pg/pg_fault.h"
#include "ops/sign_in_service.h"
#include "secret_prompt.h"
#include "store/database.h"
#include "store/store_error.h"

namespace reconsole::cli {

OpsOptions::OpsOptions(QCommandLineParser& parser) { parser.addOptions({ops, as}); }

std::string opsSpecFor(const CommandParser& cmd, const OpsOptions& opts)
{
    if (cmd.parser.isSet(opts.ops))
        return cmd.parser.value(opts.ops).toStdString();
    for (const char* name : {"RECONSOLE_OPS_URL", "RECONSOLE_OPS"}) {
        const QByteArray env = qgetenv(name);
        if (!env.isEmpty())
            return env.toStdString();
    }
    return ops::defaultOpsPath(cmd.dbPath());
}

std::optional<std::string> signInPassword(const std::string& actor)
{
    return secretFrom("RECONSOLE_PASSWORD", "Password of " + actor + ": ");
}

namespace {

ops::ServerSignIn serverSignIn(const std::string& spec, const std::string& actor, const std::string& password)
{
    // On a team server each operator signs in as their own login role. A URI that names a user
    // is an administrator's own account (the schema's owner), who may act for others.
    if (!ops::isServerSpec(spec) || actor.empty() || !ops::serverSpecUser(spec).empty())
        return {};
    return ops::ServerSignIn{actor, password};
}

std::string requirePassword(const std::string& actor)
{
    auto pw = signInPassword(actor);
    if (!pw || pw->empty())
        throw CommandRefused{ops::refuse(ops::RefusalCode::SignInRefused,
                                         "signing in as " + actor
                                             + " needs its password: set RECONSOLE_PASSWORD or run on a terminal "
                                               "(never an argument)")};
    return *pw;
}

std::unique_ptr<ops::OpsStore> openSignedIn(const std::string& spec, const std::string& actor,
                                            const std::string& password)
{
    try {
        return ops::openOpsStore(spec, serverSignIn(spec, actor, password));
    } catch (const StoreError& e) {
        // The server's own authentication is the sign-in there: the same answer as ours.
        if (ops::pg::serverFaultOf(e) == ops::pg::ServerFault::SignInRefused)
            throw CommandRefused{ops::refuse(ops::RefusalCode::SignInRefused, ops::kSignInRefusedText)};
        throw;
    }
}

ops::Operator signedInOrRefused(ops::OpsContext& ctx, const std::string& actor, const std::string& password)
{
    auto op = ops::SignInService(ctx).signIn(actor, password);
    if (!op)
        throw CommandRefused{op.refusal()};
    return *op;
}

}  // namespace

ops::ServerSignIn signInFor(const std::string& spec, const std::string& actor)
{
    if (!ops::isServerSpec(spec) || actor.empty() || !ops::serverSpecUser(spec).empty())
        return {};
    return serverSignIn(spec, actor, signInPassword(actor).value_or(std::string()));
}

std::optional<OpsSession> openOpsSession(const CommandParser& cmd, const OpsOptions& opts)
{
    OpsSession s;
    s.mirror = openMirror(cmd.dbPath());
    if (!s.mirror)
        return std::nullopt;
    s.actor = cmd.parser.value(opts.as).toStdString();
    const std::string spec = opsSpecFor(cmd, opts);
    if (!s.actor.empty())
        s.password = requirePassword(s.actor);
    try {
        s.store = openSignedIn(spec, s.actor, s.password);
    } catch (const StoreError& e) {
        err(std::string("reconsole-cli: ") + e.what() + "\n");
        return std::nullopt;
    }
    // The services read the mirror through the actor's scope (docs/access.md): a merchant
    // partner's reads of the operations store are filtered through it.
    try {
        std::optional<ops::Operator> actor;
        s.store->read([&](ops::OpsReader& r) { actor = r.findOperator(s.actor); });
        const auto scope = access::fileScopeOf(*s.mirror).narrowedBy(actor ? access::scopeFor(*actor)
                                                                              : access::ReadScope::everything());
        if (!scope.isEverything()) {
            recon::OrphanState().rebuildIfStale(*s.mirror);   // before the views hide what it writes
            access::applyReadScope(*s.mirror, scope);
        }
    } catch (const StoreError& e) {
        err(std::string("reconsole-cli: ") + e.what() + "\n");
        return std::nullopt;
    }
    s.ctx = std::make_unique<ops::OpsContext>(ops::OpsContext{*s.store, *s.mirror});
    // Without --as only the first operator of a fresh store is added; every service refuses
    // everything else for want of an operator.
    if (!s.actor.empty())
        s.signedIn = signedInOrRefused(*s.ctx, s.actor, s.password);
    return s;
}

std::optional<SignedInCommand> signInKeepingStore(const CommandParser& cmd, const OpsOptions& opts)
{
    if (!cmd.parser.isSet(opts.as))
        return std::nullopt;
    const std::string actor = cmd.parser.value(opts.as).toStdString();
    const std::string password = requirePassword(actor);
    const std::string spec = opsSpecFor(cmd, opts);
    auto store = openSignedIn(spec, actor, password);
    Database mirror(cmd.dbPath(), Database::Mode::ReadOnly);
    ops::OpsContext ctx{*store, mirror};
    auto op = signedInOrRefused(ctx, actor, password);
    return SignedInCommand{std::move(op), std::move(store)};
}

std::optional<ops::Operator> signInForCommand(const CommandParser& cmd, const OpsOptions& opts)
{
    auto signedIn = signInKeepingStore(cmd, opts);
    return signedIn ? std::optional<ops::Operator>(std::move(signedIn->op)) : std::nullopt;
}

int refused(const ops::Refusal& why)
{
    err("reconsole-cli: refused (" + std::string(ops::refusalCodeName(why.code)) + "): " + why.message + "\n");
    return Refused;
}

int guarded(const std::function<int()>& body)
{
    try {
        return body();
    } catch (const CommandRefused& r) {
        return refused(r.why);
    } catch (const ops::StoreRefusal& e) {
        err(std::string("reconsole-cli: refused: ") + e.what() + "\n");
        return Refused;
    } catch (const StoreError& e) {
        err(std::string("reconsole-cli: the operations store or the mirror could not be used, nothing was done: ")
            + e.what() + "\n");
        return Fatal;
    } catch (const std::exception& e) {
        err(std::string("reconsole-cli: ") + e.what() + "\n");
        return Fatal;
    }
}

std::optional<std::int64_t> parseWon(const QString& text)
{
    QString digits = text.trimmed();
    digits.remove(QLatin1Char(','));
    digits.remove(QChar(0x20A9));   // ₩
    bool ok = false;
    const qlonglong v = digits.toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return v;
}

}  // namespace reconsole::cli
