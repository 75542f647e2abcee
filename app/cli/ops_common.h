#pragma once
// Shared by the commands that read or change the operations store: --ops and --as, opening
// the mirror and the store together, and printing a refusal (exit 5) or a store failure (exit 1).
#include "cli_common.h"
#include "catalog/catalog_query.h"
#include "ops/catalog_rules_in_force.h"
#include "ops/ops_context.h"
#include "ops/ops_store.h"
#include "ops/result.h"
#include "store/database.h"

#include <memory>
#include <optional>

namespace reconsole::cli {

// Adds --ops STORE and --as OPERATOR to a command's parser.
struct OpsOptions {
    QCommandLineOption ops{QStringList{"ops"},
                           "The operations store (default: beside the mirror, MIRROR.ops.sqlite).", "STORE"};
    QCommandLineOption as{QStringList{"as"}, "The operator who acts.", "OPERATOR"};
    explicit OpsOptions(QCommandLineParser& parser);
};

// The mirror and the operations store of one command, on this thread, and the operator who
// signed in for it (`--as`; none only for the first operator of a fresh store).
struct OpsSession {
    std::unique_ptr<Database> mirror;
    std::unique_ptr<ops::OpsStore> store;
    std::string actor;
    std::optional<ops::Operator> signedIn;
    std::string password;   // the one signed in with, in memory only (operator passwd needs it)
    std::unique_ptr<ops::OpsContext> ctx;
};

// A refusal met before the command's own work (a sign-in refused): `guarded` prints it and
// exits 5.
struct CommandRefused {
    ops::Refusal why;
};

// Opens both and signs `--as` in: the password from RECONSOLE_PASSWORD or a prompt on a
// terminal, never an argument (docs/sign-in.md). Prints the error and returns nullopt when
// either cannot be opened; throws CommandRefused when the sign-in is refused.
std::optional<OpsSession> openOpsSession(const CommandParser& cmd, const OpsOptions& opts);
// For commands that only read the mirror: signs `--as` in on the operations store when given
// (nullopt without --as: the mirror file is the boundary). Throws CommandRefused when refused,
// StoreError when the store cannot be opened.
std::optional<ops::Operator> signInForCommand(const CommandParser& cmd, const OpsOptions& opts);
// The same, keeping the store open for what the command records there (an export's audit entry).
struct SignedInCommand {
    ops::Operator op;
    std::unique_ptr<ops::OpsStore> store;
};
std::optional<SignedInCommand> signInKeepingStore(const CommandParser& cmd, const OpsOptions& opts);
std::string opsSpecFor(const CommandParser& cmd, const OpsOptions& opts);
// Who signs in to a server store for `actor` (see docs/team-server.md).
ops::ServerSignIn signInFor(const std::string& spec, const std::string& actor);
// The sign-in password of `actor`: RECONSOLE_PASSWORD, or asked on a terminal; nullopt when
// neither is there.
std::optional<std::string> signInPassword(const std::string& actor);

// Marks the findings an operator acknowledged as intended (read from the operations store when
// there is one; a store that cannot be read is said on stderr, and every finding shown as found);
// `drop`: leaves them out.
void markAcknowledged(const CommandParser& cmd, const OpsOptions& opts, Database& mirror,
                      std::vector<catalog::AnomalyRow>& rows, bool drop);

// The catalog rules in force for this command's mirror (the admin's settings, and the versions
// that carry our own fixes): from the operations store when there is one, no operator needed;
// the defaults when there is none, or when it cannot be read (said on stderr).
ops::CatalogRulesInForce rulesInForceFor(const CommandParser& cmd, const OpsOptions& opts);

// Prints "reconsole-cli: refused: ..." and returns Refused.
int refused(const ops::Refusal& why);

// Runs `body`, turning a store failure into a message and exit 1 (nothing was queued), and a
// CommandRefused into exit 5.
int guarded(const std::function<int()>& body);

// Parses a whole number of won ("50000" or "50,000"); nullopt when it is not one.
std::optional<std::int64_t> parseWon(const QString& text);

}  // namespace reconsole::cli
