#pragma once
// Reads audited like actions (docs/access.md): a read a service refuses, and every look at the
// audit log itself. A screen reads again after every change in the store, and an audit entry is
// a change: so the same read with the same answer by the same operator on the same store is
// written once per kRepeatWindowMs from this process, or a refused screen would write forever.
#include "ops/ops_context.h"
#include "ops/result.h"
#include "ops/service_support.h"

#include <cstddef>
#include <string>

namespace reconsole::ops {

inline constexpr Instant kRepeatWindowMs = 10 * 60 * 1000;

// Appends the entry in its own transaction, unless this process wrote the same one lately.
void auditRead(const OpsContext& ctx, const std::string& actorId, const AuditNote& note, const std::string& outcome);
// How many reads this process remembers writing (those of the last kRepeatWindowMs as of the
// latest write): for the test that it forgets the older ones.
std::size_t rememberedReads();

// `answer`, after auditing it when it is a refusal.
template <typename T>
Result<T> auditRefusedRead(const OpsContext& ctx, const std::string& actorId, const char* action,
                           const std::string& target, Result<T> answer)
{
    if (!answer)
        auditRead(ctx, actorId, AuditNote{action, target, "", ""}, refusedOutcome(answer.refusal()));
    return answer;
}

// A file of mirror records written by a signed-in operator (a CSV export): `export.<kind>`, with
// the file and its rows. Any enabled operator may export what it may read; nothing else is checked.
Result<AuditEntry> recordExport(const OpsContext& ctx, const std::string& actorId, const std::string& kind,
                                const std::string& what, const std::string& path, std::int64_t rows);

}  // namespace reconsole::ops
