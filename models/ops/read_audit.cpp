#include "ops/read_audit.h"

#include "ops/operator_service.h"

#include <map>
#include <mutex>
#include <tuple>

namespace reconsole::ops {
namespace {

using Key = std::tuple<std::string, std::string, std::string, std::string, std::string, std::string>;

// When this process last wrote each read's entry (store, actor, action, target, after, outcome).
std::map<Key, Instant>& lastWritten()
{
    static std::map<Key, Instant> written;
    return written;
}
std::mutex written;

}  // namespace

void auditRead(const OpsContext& ctx, const std::string& actorId, const AuditNote& note, const std::string& outcome)
{
    const Instant now = ctx.now();
    const Key key{ctx.store.describe(), actorId, note.action, note.target, note.after, outcome};
    {
        const std::lock_guard lock(written);
        const auto it = lastWritten().find(key);
        if (it != lastWritten().end() && now - it->second < kRepeatWindowMs && now >= it->second)
            return;
    }
    ctx.store.write([&](OpsTx& tx) {
        tx.appendAudit(AuditEntry{0, now, actorId, note.action, note.target, note.before, note.after, outcome, {}, {}});
    });
    const std::lock_guard lock(written);
    // What no longer holds a repeat back is forgotten: the map holds only the window's reads.
    std::erase_if(lastWritten(), [now](const auto& entry) { return now - entry.second >= kRepeatWindowMs; });
    lastWritten()[key] = now;
}

std::size_t rememberedReads()
{
    const std::lock_guard lock(written);
    return lastWritten().size();
}

Result<AuditEntry> recordExport(const OpsContext& ctx, const std::string& actorId, const std::string& kind,
                                const std::string& what, const std::string& path, std::int64_t rows)
{
    std::optional<Result<AuditEntry>> out;
    ctx.store.write([&](OpsTx& tx) {
        out.reset();
        const auto actor = resolveOperator(tx, actorId);
        if (!actor) {
            out = actor.refusal();
            return;
        }
        AuditEntry e{0, ctx.now(), actorId, "export." + kind, what, "",
                     JsonObject().add("file", path).add("rows", rows).str(), "ok", {}, {}};
        tx.appendAudit(e);
        out = e;
    });
    return *out;
}

}  // namespace reconsole::ops
