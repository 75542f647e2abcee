#include "scoped_mirror.h"

#include "acting_operator.h"
#include "recon/orphan_state.h"
#include "store/store_error.h"

namespace reconsole::cli {

ScopedMirror openScopedMirror(const CommandParser& cmd, const OpsOptions& opts,
                              const std::function<void(Database&)>& upkeep)
{
    ScopedMirror m;
    access::ReadScope operatorScope = access::ReadScope::everything();
    if (cmd.parser.isSet(opts.as)) {
        const auto op = actingOperatorFor(cmd, opts);
        if (!op) {
            m.exit = Refused;
            return m;
        }
        operatorScope = access::scopeFor(*op);
    }
    m.db = openMirror(cmd.dbPath());
    if (!m.db) {
        m.exit = Fatal;
        return m;
    }
    try {
        recon::OrphanState().rebuildIfStale(*m.db);   // after an interrupted bulk load
        if (upkeep)
            upkeep(*m.db);
        m.scope = access::fileScopeOf(*m.db).narrowedBy(operatorScope);
        access::applyReadScope(*m.db, m.scope);
    } catch (const StoreError& e) {
        err(std::string("reconsole-cli: ") + e.what() + "\n");
        m.db.reset();
        m.exit = Fatal;
    }
    return m;
}

}  // namespace reconsole::cli
