#include "ops/audit_service.h"

#include "ops/service_support.h"

namespace reconsole::ops {

Result<std::vector<AuditEntry>> AuditService::list(const std::string& actorId, const AuditFilter& filter)
{
    std::optional<Result<std::vector<AuditEntry>>> out;
    ctx_.store.read([&](OpsReader& r) {
        auto actor = requireActor(r, actorId, Permission::ReadAudit);
        out = actor ? Result<std::vector<AuditEntry>>(r.audit(filter))
                    : Result<std::vector<AuditEntry>>(actor.refusal());
    });
    return *out;
}

Result<ChainVerdict> AuditService::verify(const std::string& actorId, const std::optional<AuditHead>& against)
{
    std::optional<Result<ChainVerdict>> out;
    ctx_.store.read([&](OpsReader& r) {
        auto actor = requireActor(r, actorId, Permission::ReadAudit);
        if (!actor)
            out = actor.refusal();
        else
            out = against ? verifyAgainst(r, *against) : verifyChain(r);
    });
    return *out;
}

}  // namespace reconsole::ops
