#pragma once
// The decisions on an existing request (approve, reject, cancel, amend, record a failure),
// each one transaction with its audit entry. RefundService's methods call these.
#include "ops/ops_context.h"
#include "ops/ops_store.h"
#include "ops/permissions.h"
#include "ops/result.h"

#include <functional>

namespace reconsole::ops {

// What a decision does to the request, or why it may not. `r` is the request as stored.
using Decision = std::function<std::optional<Refusal>(OpsTx& tx, const Operator& actor, RefundRequest& r)>;

// Runs `decide` on request `requestId` inside one transaction, as `actorId` holding
// `permission`: the request updated and audited as `action`, or the refusal audited.
Result<RefundRequest> decideRefund(const OpsContext& ctx, const std::string& actorId, Permission permission,
                                   const std::string& requestId, const char* action, const Decision& decide);

}  // namespace reconsole::ops
