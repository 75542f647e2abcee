#include "ops/sqlite_credentials.h"

#include "store/database.h"
#include "store/store_error.h"

namespace reconsole::ops::sqlite_credentials {

std::optional<Credential> find(Database& db, const std::string& operatorId)
{
    auto& st = db.cached("SELECT hash, must_change, failed_attempts, next_attempt_at, changed_at"
                         " FROM operator_credential WHERE operator_id = ?1");
    st.bind(1, operatorId);
    std::optional<Credential> out;
    if (st.step())
        out = Credential{operatorId, st.string(0), st.int64(1) != 0, static_cast<int>(st.int64(2)), st.int64(3),
                         st.int64(4)};
    st.reset();
    return out;
}

void setPassword(Database& db, const std::string& operatorId, const NewPassword& pw)
{
    if (pw.hash.empty())
        throw StoreError("the embedded operations store keeps only an Argon2id hash of a password: none was made");
    auto& st = db.cached("INSERT INTO operator_credential(operator_id, hash, must_change, failed_attempts,"
                         " next_attempt_at, changed_at) VALUES (?1, ?2, ?3, 0, 0, ?4)"
                         " ON CONFLICT(operator_id) DO UPDATE SET hash = excluded.hash,"
                         " must_change = excluded.must_change, failed_attempts = 0, next_attempt_at = 0,"
                         " changed_at = excluded.changed_at");
    st.bind(1, operatorId).bind(2, pw.hash).bind(3, pw.mustChange ? 1 : 0).bind(4, pw.at).run();
}

void recordAttempts(Database& db, const std::string& operatorId, int failedAttempts, Instant nextAttemptAt)
{
    auto& st = db.cached("UPDATE operator_credential SET failed_attempts = ?2, next_attempt_at = ?3"
                         " WHERE operator_id = ?1");
    st.bind(1, operatorId).bind(2, failedAttempts).bind(3, nextAttemptAt).run();
}

void replaceHash(Database& db, const std::string& operatorId, const std::string& hash)
{
    auto& st = db.cached("UPDATE operator_credential SET hash = ?2 WHERE operator_id = ?1");
    st.bind(1, operatorId).bind(2, hash).run();
    if (db.changes() != 1)
        throw StoreError("operator " + operatorId + " has no password to upgrade: nothing was written");
}

}  // namespace reconsole::ops::sqlite_credentials
