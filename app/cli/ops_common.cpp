#include "ops_common.h"

#include "access/read_scope.h"
#include "ops/ops_store.h"
#include "recon/orphan_state.h"
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

ops::ServerSignIn signInFor(const std::string& spec, const std::string& actor)
{
    // On a team server each operator signs in as their own login role. A URI that names a user
    // is an administrator's own account (the schema's owner), who may act for others.
    ops::ServerSignIn signIn;
    if (!ops::isServerSpec(spec) || actor.empty() || !ops::serverSpecUser(spec).empty())
        return signIn;
    signIn.user = actor;
    if (auto pw = secretFrom("RECONSOLE_PASSWORD", "Password of " + actor + " on the operations server: "))
        signIn.password = *pw;
    return signIn;
}

std::optional<OpsSession> openOpsSession(const CommandParser& cmd, const OpsOptions& opts)
{
    OpsSession s;
    s.mirror = openMirror(cmd.dbPath());
    if (!s.mirror)
        return std::nullopt;
    s.actor = cmd.parser.value(opts.as).toStdString();
    try {
        const std::string spec = opsSpecFor(cmd, opts);
        s.store = ops::openOpsStore(spec, signInFor(spec, s.actor));
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
    return s;
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
