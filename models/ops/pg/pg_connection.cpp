#include "ops/pg/pg_connection.h"

#include <libpq-fe.h>

#include <QSettings>

#include <cstdlib>
#include <sys/socket.h>

namespace reconsole::ops::pg {

namespace {

// Whether the conninfo sets `keyword` itself.
bool conninfoNames(const std::string& conninfo, const char* keyword)
{
    char* err = nullptr;
    PQconninfoOption* opts = PQconninfoParse(conninfo.c_str(), &err);
    PQfreemem(err);
    bool named = false;
    for (PQconninfoOption* o = opts; o && o->keyword; ++o)
        if (std::string(o->keyword) == keyword && o->val && *o->val)
            named = true;
    PQconninfoFree(opts);
    return named;
}

}  // namespace

PgResult::PgResult(pg_result* r) : r_(r) {}
PgResult::~PgResult() { PQclear(r_); }
PgResult::PgResult(PgResult&& o) noexcept : r_(o.r_) { o.r_ = nullptr; }
int PgResult::rows() const { return PQntuples(r_); }

std::string PgResult::Row::string(int c) const { return std::string(PQgetvalue(r_.r_, row_, c)); }

std::optional<std::string> PgResult::Row::optString(int c) const
{
    return isNull(c) ? std::nullopt : std::optional<std::string>(string(c));
}

std::int64_t PgResult::Row::int64(int c) const
{
    const char* v = PQgetvalue(r_.r_, row_, c);
    if (v[0] == 't' && v[1] == 0)
        return 1;   // booleans read as numbers, as in SQLite
    if (v[0] == 'f' && v[1] == 0)
        return 0;
    return std::strtoll(v, nullptr, 10);
}

bool PgResult::Row::isNull(int c) const { return PQgetisnull(r_.r_, row_, c) != 0; }

PgConnection::PgConnection(const std::string& conninfo, const std::string& user, const std::string& password)
{
    // expand_dbname: the first "dbname" is the whole conninfo; the later keywords override it.
    std::vector<const char*> keys{"dbname"}, values{conninfo.c_str()};
    if (!user.empty()) {
        keys.push_back("user");
        values.push_back(user.c_str());
    }
    if (!password.empty()) {
        keys.push_back("password");
        values.push_back(password.c_str());
    }
    // A link that dies silently (a laptop leaving the network) fails a query within about 30 s
    // instead of TCP's minutes; the conninfo may still say otherwise, it comes first.
    for (const auto& [key, value] : {std::pair{"keepalives_idle", "10"}, std::pair{"keepalives_interval", "5"},
                                     std::pair{"keepalives_count", "3"}, std::pair{"tcp_user_timeout", "30000"}}) {
        if (!conninfoNames(conninfo, key)) {
            keys.push_back(key);
            values.push_back(value);
        }
    }
    keys.push_back(nullptr);
    values.push_back(nullptr);
    conn_ = PQconnectdbParams(keys.data(), values.data(), 1);
    if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
        const std::string why = conn_ ? PQerrorMessage(conn_) : "out of memory";
        PQfinish(conn_);
        conn_ = nullptr;
        throw StoreError("cannot reach the operations server: " + why);
    }
    PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);   // notices are not errors
}

PgConnection::~PgConnection() { PQfinish(conn_); }

void PgConnection::execScript(const std::string& sql)
{
    pg_result* raw = PQexec(conn_, sql.c_str());
    const auto status = PQresultStatus(raw);
    if (raw && (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)) {
        PQclear(raw);
        return;
    }
    const char* state = raw ? PQresultErrorField(raw, PG_DIAG_SQLSTATE) : nullptr;
    const std::string sqlstate = state ? state : "";
    PQclear(raw);
    throw PgError(std::string("the operations server refused a migration: ") + PQerrorMessage(conn_), sqlstate);
}

bool conninfoHasPassword(const std::string& conninfo)
{
    char* err = nullptr;
    PQconninfoOption* opts = PQconninfoParse(conninfo.c_str(), &err);
    PQfreemem(err);
    if (!opts)
        return false;   // unparsable: the connection attempt says why
    bool has = false;
    for (PQconninfoOption* o = opts; o->keyword; ++o)
        if (std::string(o->keyword) == "password" && o->val && *o->val)
            has = true;
    PQconninfoFree(opts);
    return has;
}

std::string conninfoUser(const std::string& conninfo)
{
    char* err = nullptr;
    PQconninfoOption* opts = PQconninfoParse(conninfo.c_str(), &err);
    PQfreemem(err);
    std::string user;
    for (PQconninfoOption* o = opts; o && o->keyword; ++o)
        if (std::string(o->keyword) == "user" && o->val)
            user = o->val;
    PQconninfoFree(opts);
    return user;
}

std::string transportProblem(const std::string& conninfo)
{
    char* err = nullptr;
    PQconninfoOption* opts = PQconninfoParse(conninfo.c_str(), &err);
    PQfreemem(err);
    if (!opts)
        return {};   // unparsable: the connection attempt says why
    std::string host, hostaddr, sslmode;
    for (PQconninfoOption* o = opts; o->keyword; ++o) {
        const std::string key = o->keyword;
        const std::string value = o->val ? o->val : "";
        if (key == "host")
            host = value;
        else if (key == "hostaddr")
            hostaddr = value;
        else if (key == "sslmode")
            sslmode = value;
    }
    PQconninfoFree(opts);
    const auto local = [](const std::string& h) {
        return h.empty() || h[0] == '/' || h == "localhost" || h == "127.0.0.1" || h == "::1";
    };
    if ((local(host) && local(hostaddr)) || sslmode == "verify-full")
        return {};
    const char* allow = std::getenv("RECONSOLE_OPS_ALLOW_UNVERIFIED_TLS");
    if (allow && std::string(allow) == "1")
        return {};
    // The administrator's setting, machine-wide (/etc/xdg/Reconsole/reconsole.conf) or the user's.
    if (QSettings(QStringLiteral("Reconsole"), QStringLiteral("reconsole"))
            .value(QStringLiteral("ops/allow_unverified_tls"), false)
            .toBool())
        return {};
    return "the operations server is on another machine: connect with sslmode=verify-full (and the server's CA in "
           "~/.postgresql/root.crt), or have the administrator allow otherwise (ops/allow_unverified_tls=true in "
           "/etc/xdg/Reconsole/reconsole.conf)";
}

PgResult PgConnection::exec(const std::string& sql, const std::vector<Param>& params)
{
    std::vector<const char*> values;
    values.reserve(params.size());
    for (const auto& p : params)
        values.push_back(p ? p->c_str() : nullptr);
    pg_result* raw = PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                                  nullptr, nullptr, 0);
    const auto status = PQresultStatus(raw);
    if (raw && (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK))
        return PgResult(raw);
    const char* state = raw ? PQresultErrorField(raw, PG_DIAG_SQLSTATE) : nullptr;
    std::string sqlstate = state ? state : "";
    std::string why = PQerrorMessage(conn_);
    PQclear(raw);
    while (!why.empty() && (why.back() == '\n' || why.back() == ' '))
        why.pop_back();
    if (PQstatus(conn_) == CONNECTION_BAD)
        throw PgError("the operations server went away: " + why, sqlstate.empty() ? "08006" : sqlstate);
    throw PgError("the operations server refused a statement: " + why, sqlstate);
}

void PgConnection::reconnectIfLost()
{
    if (PQstatus(conn_) == CONNECTION_OK)
        return;
    PQreset(conn_);
    if (PQstatus(conn_) != CONNECTION_OK)
        throw StoreError(std::string("cannot reach the operations server: ") + PQerrorMessage(conn_));
}

std::string PgConnection::describe() const
{
    return std::string(PQuser(conn_)) + "@" + PQhost(conn_) + ":" + PQport(conn_) + "/" + PQdb(conn_);
}

std::string PgConnection::scramVerifier(const std::string& role, const std::string& password)
{
    char* v = PQencryptPasswordConn(conn_, password.c_str(), role.c_str(), "scram-sha-256");
    if (!v)
        throw StoreError("could not prepare the password for the operations server");
    std::string out(v);
    PQfreemem(v);
    return out;
}

bool PgConnection::isLost() const { return PQstatus(conn_) != CONNECTION_OK; }

void PgConnection::sendWithoutReply(const std::string& sql)
{
    PQsendQuery(conn_, sql.c_str());
    PQflush(conn_);
}

void PgConnection::cut()
{
    ::shutdown(PQsocket(conn_), SHUT_RDWR);
    while (pg_result* r = PQgetResult(conn_))   // reading finds the connection gone
        PQclear(r);
    PQconsumeInput(conn_);
}

std::string PgConnection::user() const { return PQuser(conn_); }

bool isRetryable(const std::string& sqlstate) { return sqlstate == "40001" || sqlstate == "40P01"; }

}  // namespace reconsole::ops::pg
