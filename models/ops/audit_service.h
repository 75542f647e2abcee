#pragma once
// Reading and verifying the audit chain (ops and admins). Nothing edits it.
#include "ops/audit_chain.h"
#include "ops/ops_context.h"
#include "ops/ops_store.h"
#include "ops/result.h"

#include <vector>

namespace reconsole::ops {

class AuditService {
public:
    explicit AuditService(OpsContext ctx) : ctx_(ctx) {}
    Result<std::vector<AuditEntry>> list(const std::string& actorId, const AuditFilter& filter);
    Result<ChainVerdict> verify(const std::string& actorId, const std::optional<AuditHead>& against = {});

private:
    OpsContext ctx_;
};

}  // namespace reconsole::ops
