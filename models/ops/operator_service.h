#pragma once
// Operators: who acts. Every action names an operator; only admins add them, audited. The
// first operator of a fresh store is created without an actor and must be an admin.
#include "ops/ops_context.h"
#include "ops/ops_types.h"
#include "ops/result.h"

#include <optional>
#include <vector>

namespace reconsole::ops {

class OpsReader;
class OpsTx;

// The enabled operator `id`, or the refusal to act as it (unknown, disabled).
Result<Operator> resolveOperator(OpsReader& r, const std::string& id);

class OperatorService {
public:
    explicit OperatorService(OpsContext ctx) : ctx_(ctx) {}
    // `actorId` empty only for the first operator of a store, who must be an admin.
    // The operator signs in with `password` (none: it cannot sign in until one is set); one set
    // by an admin must be changed by the operator before they act (docs/sign-in.md). On a team
    // server the operator is a login role of its own.
    Result<Operator> add(const std::string& actorId, const Operator& draft, const std::string& password = {});
    // Another operator's password, set by an admin: the operator must change it before acting.
    // One's own is changed with the current one (SignInService::changeOwnPassword). Audited,
    // the password never written.
    Result<Operator> setPassword(const std::string& actorId, const std::string& operatorId, const std::string& password);
    // Disables or enables an operator (admins; audited). A disabled operator can neither sign in
    // nor act; on a team server its login role becomes NOLOGIN. The last enabled admin is never
    // disabled.
    // A store from before sign-in (operators, no password at all): an admin's first password,
    // set without an actor like the first operator; refused once any operator has one.
    Result<Operator> setFirstPassword(const std::string& adminId, const std::string& password);
    Result<Operator> setEnabled(const std::string& actorId, const std::string& operatorId, bool enabled);
    Result<std::vector<Operator>> list(const std::string& actorId);
    Result<Operator> whoAmI(const std::string& actorId);

private:
    OpsContext ctx_;
};

}  // namespace reconsole::ops
