#pragma once
// Signing in (docs/sign-in.md). On the embedded store the password is checked here against its
// Argon2id hash, failures are counted per operator and slow the next attempt; on a team server
// the server's own authentication is the sign-in (SCRAM, auth_delay). Every attempt is audited
// as "operator.sign_in" (or "operator.unlock"), refused ones included; a password never
// appears in an argument list, a log, an audit entry or a message.
#include "ops/ops_context.h"
#include "ops/ops_types.h"
#include "ops/password_hash.h"
#include "ops/result.h"

#include <string>

namespace reconsole::ops {

class SignInService {
public:
    explicit SignInService(OpsContext ctx, Argon2Params policy = argon2Policy()) : ctx_(ctx), policy_(policy) {}

    // The enabled operator `operatorId` when `password` is theirs. An unknown operator and a
    // wrong password get the same answer; an attempt before the throttle's time is refused
    // without looking at the password. A hash made with weaker parameters than the policy is
    // made again. On a team server the connection's own sign-in already proved the password.
    Result<Operator> signIn(const std::string& operatorId, const std::string& password);
    // A locked console: the same check as signIn, always against the password (on a team server
    // by a new connection), audited as "operator.unlock".
    Result<Operator> unlock(const std::string& operatorId, const std::string& password);
    // One's own password, with the current one (counted and slowed like a sign-in); clears the
    // must-change flag.
    Result<Operator> changeOwnPassword(const std::string& operatorId, const std::string& current,
                                       const std::string& next);

    // Signing out (the console's menu), audited.
    void signOut(const std::string& operatorId);

    // How long the next attempt waits after `failedAttempts` failures in a row: nothing for the
    // first two, then 2^n seconds, at most 15 minutes.
    static DurationMs delayAfter(int failedAttempts);

private:
    enum class Purpose { SignIn, Unlock, ChangePassword };
    // Checks `password` for `purpose`; with `next`, also sets it as the new password in the same
    // transaction as the audit entry.
    Result<Operator> check(const std::string& operatorId, const std::string& password, Purpose purpose,
                           const std::string* next = nullptr);
    Result<Operator> checkOnServer(const std::string& operatorId, const std::string& password, Purpose purpose,
                                   const std::string* next);

    OpsContext ctx_;
    Argon2Params policy_;
};

// The one answer for an unknown operator and a wrong password.
inline constexpr const char* kSignInRefusedText = "unknown operator or wrong password";

}  // namespace reconsole::ops
