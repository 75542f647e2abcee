#include "acting_operator.h"

namespace reconsole::cli {

// Signs --as in on the operations store (the password from RECONSOLE_PASSWORD or the terminal,
// throttled and audited there): a disabled operator, a wrong password or a password that must
// be changed first are refused here like on every other command.
std::optional<ops::Operator> actingOperatorFor(const CommandParser& cmd, const OpsOptions& opts)
{
    try {
        auto op = signInForCommand(cmd, opts);
        if (!op)
            err("reconsole-cli: --as OPERATOR names who reads\n");
        return op;
    } catch (const CommandRefused& r) {
        refused(r.why);
    }
    // A store that cannot be used is no refusal (exit 5): its StoreError reaches main, exit 1.
    return std::nullopt;
}

}  // namespace reconsole::cli
