#pragma once
// Policy (approval threshold, daily limits, overdue time): admins only, audited. A change
// that tightens controls applies at once; one that weakens them waits for a second admin.
#include "ops/ops_context.h"
#include "ops/ops_types.h"
#include "ops/result.h"

#include <vector>

namespace reconsole::ops {

class PolicyService {
public:
    explicit PolicyService(OpsContext ctx) : ctx_(ctx) {}
    Result<Policy> current(const std::string& actorId);
    // Applied at once, or pending (state Pending) when it weakens a control.
    Result<PolicyChange> propose(const std::string& actorId, const Policy& proposed);
    Result<PolicyChange> approve(const std::string& actorId, std::int64_t changeId);
    Result<PolicyChange> reject(const std::string& actorId, std::int64_t changeId);
    Result<std::vector<PolicyChange>> pending(const std::string& actorId);

private:
    OpsContext ctx_;
};

}  // namespace reconsole::ops
