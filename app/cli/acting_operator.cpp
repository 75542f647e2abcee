#include "acting_operator.h"

#include "ops/operator_service.h"
#include "ops/ops_store.h"
#include "store/store_error.h"

namespace reconsole::cli {

// For now: the operations store's word for who --as names. Sign-in replaces this body.
std::optional<ops::Operator> actingOperatorFor(const CommandParser& cmd, const OpsOptions& opts)
{
    const std::string actor = cmd.parser.value(opts.as).toStdString();
    try {
        const std::string spec = opsSpecFor(cmd, opts);
        auto store = ops::openOpsStore(spec, signInFor(spec, actor));
        std::optional<ops::Result<ops::Operator>> found;
        store->read([&](ops::OpsReader& r) { found = ops::resolveOperator(r, actor); });
        if (!*found) {
            refused(found->refusal());
            return std::nullopt;
        }
        return **found;
    } catch (const StoreError& e) {
        err(std::string("reconsole-cli: ") + e.what() + "\n");
        return std::nullopt;
    }
}

}  // namespace reconsole::cli
