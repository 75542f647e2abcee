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
    // On a team server the operator is a login role of its own, signing in with `password`
    // (none: it cannot sign in until one is set).
    Result<Operator> add(const std::string& actorId, const Operator& draft, const std::string& password = {});
    // An operator's own password, or another's by an admin; audited, the password never written.
    Result<Operator> setPassword(const std::string& actorId, const std::string& operatorId, const std::string& password);
    Result<std::vector<Operator>> list(const std::string& actorId);
    Result<Operator> whoAmI(const std::string& actorId);

private:
    OpsContext ctx_;
};

}  // namespace reconsole::ops
