#include "ops/audit_service.h"
#include "ops/read_audit.h"

#include "ops/service_support.h"

namespace reconsole::ops {
namespace {

std::string filterJson(const AuditFilter& f)
{
    JsonObject o;
    o.add("actor", f.actor).add("action", f.actionPrefix).add("target", f.target).add("refused_only", f.refusedOnly);
    if (f.since)
        o.add("since", std::int64_t(*f.since));
    if (f.until)
        o.add("until", std::int64_t(*f.until));
    return o.str();
}

}  // namespace

Result<std::vector<AuditEntry>> AuditService::list(const std::string& actorId, const AuditFilter& filter)
{
    std::optional<Result<std::vector<AuditEntry>>> out;
    ctx_.store.read([&](OpsReader& r) {
        auto actor = requireActor(r, actorId, Permission::ReadAudit);
        out = actor ? Result<std::vector<AuditEntry>>(r.audit(filter))
                    : Result<std::vector<AuditEntry>>(actor.refusal());
    });
    if (*out)   // who looked at the audit log, and at which part of it
        auditRead(ctx_, actorId, AuditNote{"audit.view", "audit_log", "", filterJson(filter)}, "ok");
    return auditRefusedRead(ctx_, actorId, "audit.view", "audit_log", std::move(*out));
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
    return auditRefusedRead(ctx_, actorId, "audit.verify", std::string(), std::move(*out));
}

}  // namespace reconsole::ops
