#pragma once
// Operators for the GUI and service fixtures, made as people make them (docs/sign-in.md): the
// first admin with their own password; the others with an admin's initial password, which they
// replace with their own (passwordOf) before acting.
#include "ops/operator_service.h"
#include "ops/sign_in_service.h"

#include <QString>

#include <string>

namespace reconsole::test {

inline std::string passwordOf(const std::string& operatorId) { return operatorId + "-test-password"; }
inline QString passwordOf(const QString& operatorId) { return operatorId + QStringLiteral("-test-password"); }

inline ops::Result<ops::Operator> addOperatorWithPassword(ops::OpsContext ctx, const std::string& actor,
                                                          const ops::Operator& op)
{
    if (actor.empty())
        return ops::OperatorService(ctx).add("", op, passwordOf(op.id));
    const std::string initial = op.id + "-initial-password";
    auto made = ops::OperatorService(ctx).add(actor, op, initial);
    if (!made)
        return made;
    return ops::SignInService(ctx).changeOwnPassword(op.id, initial, passwordOf(op.id));
}

}  // namespace reconsole::test
