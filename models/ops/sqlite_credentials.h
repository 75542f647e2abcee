#pragma once
// The embedded store's sign-in rows (operator_credential, schema 6), on the store's connection
// inside its transaction.
#include "ops/ops_types.h"

#include <optional>
#include <string>

namespace reconsole {
class Database;
}

namespace reconsole::ops::sqlite_credentials {

std::optional<Credential> find(Database& db, const std::string& operatorId);
void setPassword(Database& db, const std::string& operatorId, const NewPassword& pw);
void recordAttempts(Database& db, const std::string& operatorId, int failedAttempts, Instant nextAttemptAt);
void replaceHash(Database& db, const std::string& operatorId, const std::string& hash);

}  // namespace reconsole::ops::sqlite_credentials
