#pragma once
// What every service does inside its transaction: resolve the acting operator and check a
// permission, and write the audit entry of the action (refused attempts included).
#include "ops/ops_store.h"
#include "ops/permissions.h"
#include "ops/result.h"

#include <optional>
#include <string>

namespace reconsole::ops {

// The enabled operator `actorId` holding `permission`, or the refusal; also refused while the
// operator's password was set by someone else and not yet replaced by their own.
Result<Operator> requireActor(OpsReader& r, const std::string& actorId, Permission permission);

struct AuditNote {
    std::string action, target, before, after;
};

// Appends "ok" for `note`.
void auditDone(OpsTx& tx, Instant at, const std::string& actor, const AuditNote& note);
// "refused: <code>: <reason>", the outcome of a refused entry.
std::string refusedOutcome(const Refusal& why);
// Appends "refused: <reason>" for `note`.
void auditRefused(OpsTx& tx, Instant at, const std::string& actor, const AuditNote& note, const Refusal& why);

// How an action refuses inside its write: `refused(why)` appends the refused entry for `note`
// (as it stands then) and makes `why` the action's result in `out`; the action then returns.
template <typename T>
auto refuser(OpsTx& tx, Instant at, std::string actorId, const AuditNote& note, std::optional<Result<T>>& out)
{
    return [&tx, at, actor = std::move(actorId), &note, &out](Refusal why) {
        auditRefused(tx, at, actor, note, why);
        out = std::move(why);
    };
}

// A small JSON object written field by field, for audit values and outbox lines.
class JsonObject {
public:
    JsonObject& add(const char* key, const std::string& value);
    JsonObject& add(const char* key, const char* value) { return add(key, std::string(value)); }
    JsonObject& add(const char* key, std::int64_t value);
    JsonObject& add(const char* key, Money value) { return add(key, value.won()); }
    JsonObject& add(const char* key, bool value);
    JsonObject& add(const char* key, const std::optional<std::string>& value);
    JsonObject& addRaw(const char* key, const std::string& json);
    std::string str() const { return text_ + "}"; }

private:
    void key(const char* k);
    std::string text_ = "{";
};

std::string refundJson(const RefundRequest& r);
std::string catalogFixJson(const CatalogFix& f);
std::string operatorJson(const Operator& op);
std::string policyJson(const Policy& p);

}  // namespace reconsole::ops
