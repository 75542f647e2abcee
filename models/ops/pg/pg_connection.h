#pragma once
// One libpq connection, owned by the thread that opened it: parameterized statements (text
// parameters, typed in the SQL), results with column access by index, and errors as StoreError
// carrying the SQLSTATE so that a store can tell a serialization failure from a real one.
#include "store/store_error.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct pg_conn;
struct pg_result;

namespace reconsole::ops::pg {

using Param = std::optional<std::string>;

// A failure reported by the server, with its SQLSTATE.
class PgError : public StoreError {
public:
    PgError(const std::string& what, std::string sqlstate) : StoreError(what), sqlstate_(std::move(sqlstate)) {}
    const std::string& sqlstate() const { return sqlstate_; }

private:
    std::string sqlstate_;
};

class PgResult {
public:
    explicit PgResult(pg_result* r);
    ~PgResult();
    PgResult(PgResult&& o) noexcept;
    PgResult(const PgResult&) = delete;
    PgResult& operator=(const PgResult&) = delete;
    PgResult& operator=(PgResult&&) = delete;
    int rows() const;

    // One row, read with the same calls as a SQLite statement (see ops_rows.h).
    class Row {
    public:
        Row(const PgResult& r, int row) : r_(r), row_(row) {}
        std::string string(int c) const;
        std::optional<std::string> optString(int c) const;
        std::int64_t int64(int c) const;
        bool isNull(int c) const;

    private:
        const PgResult& r_;
        int row_;
    };
    Row row(int i) const { return Row(*this, i); }

private:
    pg_result* r_;
};

class PgConnection {
public:
    // `conninfo`: a libpq connection URI or key=value string; `user` and `password`, when not
    // empty, sign in as that login role (given apart, so a password is never in a URI). Throws
    // StoreError; the message never repeats the conninfo or the password.
    explicit PgConnection(const std::string& conninfo, const std::string& user = {}, const std::string& password = {});
    ~PgConnection();
    PgConnection(const PgConnection&) = delete;
    PgConnection& operator=(const PgConnection&) = delete;

    PgResult exec(const std::string& sql, const std::vector<Param>& params = {});
    // Several statements at once, no parameters (a migration).
    void execScript(const std::string& sql);
    void run(const std::string& sql, const std::vector<Param>& params = {}) { exec(sql, params); }
    std::string describe() const;   // user@host:port/dbname, no password
    std::string user() const;       // the login role signed in
    // Between transactions: a connection the server or the network dropped is opened again.
    // Throws StoreError when the server cannot be reached now. Never replays anything.
    void reconnectIfLost();
    bool isLost() const;
    // The SCRAM-SHA-256 verifier of `password` for `role`, made here: the password itself is
    // never sent in a statement, so it cannot reach the server's logs.
    std::string scramVerifier(const std::string& role, const std::string& password);
    // For fault tests: sends `sql` without waiting for its answer, or cuts the connection on
    // this side as a network failure would (the server sees the socket close).
    void sendWithoutReply(const std::string& sql);
    void cut();

private:
    pg_conn* conn_ = nullptr;
};

// True when the conninfo (URI or key=value) carries a password: refused, as it would show in
// process lists, shell histories and settings files.
bool conninfoHasPassword(const std::string& conninfo);

// The user the conninfo names, or empty.
std::string conninfoUser(const std::string& conninfo);

// Empty when the conninfo may be used as it is; otherwise why not: a server on another machine
// must be reached with sslmode=verify-full (the administrator may allow otherwise by setting
// RECONSOLE_OPS_ALLOW_UNVERIFIED_TLS=1, or ops/allow_unverified_tls=true in the Reconsole
// settings, e.g. /etc/xdg/Reconsole/reconsole.conf).
std::string transportProblem(const std::string& conninfo);

// SQLSTATE "40001"/"40P01": the transaction may simply be run again.
bool isRetryable(const std::string& sqlstate);

}  // namespace reconsole::ops::pg
