#include "ops/pg/pg_listener.h"

#include "ops/pg/pg_fault.h"

#include <libpq-fe.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <fcntl.h>
#include <poll.h>
#include <set>
#include <unistd.h>

namespace reconsole::ops::pg {
namespace {

using Clock = std::chrono::steady_clock;

int msLeft(Clock::time_point deadline)
{
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    return int(std::max<long long>(0, left));
}

std::string trimmed(std::string s)
{
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())))
        s.pop_back();
    return s;
}

// The keywords the conninfo itself sets: the administrator's choices win over our defaults.
std::set<std::string> keywordsSetIn(const std::string& conninfo)
{
    std::set<std::string> out;
    char* err = nullptr;
    PQconninfoOption* opts = PQconninfoParse(conninfo.c_str(), &err);
    PQfreemem(err);
    if (!opts)
        return out;
    for (PQconninfoOption* o = opts; o->keyword; ++o)
        if (o->val && *o->val)
            out.insert(o->keyword);
    PQconninfoFree(opts);
    return out;
}

}  // namespace

PgListener::PgListener(std::string conninfo, ServerSignIn signIn, std::string channel)
    : conninfo_(std::move(conninfo)), channel_(std::move(channel)), signIn_(std::move(signIn))
{
    if (::pipe2(wake_, O_CLOEXEC | O_NONBLOCK) != 0)
        wake_[0] = wake_[1] = -1;
}

PgListener::~PgListener()
{
    PQfinish(conn_);
    for (int fd : wake_)
        if (fd >= 0)
            ::close(fd);
}

void PgListener::stop()
{
    stop_.store(true);
    if (wake_[1] >= 0) {
        const char byte = 1;
        [[maybe_unused]] const auto n = ::write(wake_[1], &byte, 1);
    }
}

PgListener::Ready PgListener::waitSocket(bool forWrite, int timeoutMs)
{
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    for (;;) {
        if (stop_.load())
            return Ready::Stopped;
        pollfd fds[2] = {{conn_ ? PQsocket(conn_) : -1, short(forWrite ? POLLOUT : POLLIN), 0}, {wake_[0], POLLIN, 0}};
        const int n = ::poll(fds, 2, msLeft(deadline));
        if (n < 0 && errno == EINTR)
            continue;
        if (fds[1].revents != 0 || stop_.load())
            return Ready::Stopped;   // the byte stays in the pipe: a stop is for good
        if (n > 0 && fds[0].revents != 0)
            return Ready::Yes;
        if (n < 0 || msLeft(deadline) == 0)
            return Ready::TimedOut;
    }
}

void PgListener::fail(const std::string& what)
{
    why_ = trimmed(what);
    signInRefused_ = looksLikeSignInRefusal(why_) || (conn_ && PQconnectionNeedsPassword(conn_));
    PQfinish(conn_);
    conn_ = nullptr;
}

bool PgListener::connect(int timeoutMs)
{
    PQfinish(conn_);
    conn_ = nullptr;
    signInRefused_ = false;
    if (stop_.load())
        return false;
    // expand_dbname: the first "dbname" is the whole conninfo; later keywords override it.
    std::vector<const char*> keys{"dbname"}, values{conninfo_.c_str()};
    if (!signIn_.user.empty()) {
        keys.push_back("user");
        values.push_back(signIn_.user.c_str());
    }
    if (!signIn_.password.empty()) {
        keys.push_back("password");
        values.push_back(signIn_.password.c_str());
    }
    // Over TCP a server that vanished without closing the connection (a cable, a crashed host)
    // is noticed within about 25 s, unless the administrator chose otherwise in the conninfo.
    const std::set<std::string> given = keywordsSetIn(conninfo_);
    for (const auto& [k, v] : {std::pair{"keepalives_idle", "10"}, std::pair{"keepalives_interval", "5"},
                               std::pair{"keepalives_count", "3"}, std::pair{"application_name", "reconsole listener"}})
        if (!given.count(k)) {
            keys.push_back(k);
            values.push_back(v);
        }
    keys.push_back(nullptr);
    values.push_back(nullptr);

    const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    conn_ = PQconnectStartParams(keys.data(), values.data(), 1);
    if (!conn_) {
        why_ = "cannot reach the operations server: out of memory";
        return false;
    }
    PostgresPollingStatusType state = PQstatus(conn_) == CONNECTION_BAD ? PGRES_POLLING_FAILED : PGRES_POLLING_WRITING;
    while (state != PGRES_POLLING_OK) {
        if (state == PGRES_POLLING_FAILED) {
            fail(std::string("cannot reach the operations server: ") + PQerrorMessage(conn_));
            return false;
        }
        const Ready ready = waitSocket(state == PGRES_POLLING_WRITING, msLeft(deadline));
        if (ready == Ready::Stopped) {
            fail("stopped");
            return false;
        }
        if (ready == Ready::TimedOut) {
            fail("cannot reach the operations server: no answer within " + std::to_string(timeoutMs / 1000) + " s");
            return false;
        }
        state = PQconnectPoll(conn_);
    }
    PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);   // a server's goodbye is reported as why()
    return listen(msLeft(deadline));
}

bool PgListener::listen(int timeoutMs)
{
    char* quoted = PQescapeIdentifier(conn_, channel_.c_str(), channel_.size());
    if (!quoted) {
        fail(std::string("cannot listen on the operations server: ") + PQerrorMessage(conn_));
        return false;
    }
    const std::string sql = std::string("LISTEN ") + quoted;
    PQfreemem(quoted);
    if (!PQsendQuery(conn_, sql.c_str())) {
        fail(std::string("the operations server went away: ") + PQerrorMessage(conn_));
        return false;
    }
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    std::string refused;
    for (;;) {
        if (!PQconsumeInput(conn_)) {
            fail(std::string("the operations server went away: ") + PQerrorMessage(conn_));
            return false;
        }
        if (PQisBusy(conn_)) {
            const Ready ready = waitSocket(false, msLeft(deadline));
            if (ready != Ready::Yes) {
                fail(ready == Ready::Stopped ? "stopped" : "the operations server did not answer LISTEN in time");
                return false;
            }
            continue;
        }
        PGresult* r = PQgetResult(conn_);
        if (!r)
            break;
        if (PQresultStatus(r) != PGRES_COMMAND_OK)
            refused = PQresultErrorMessage(r);
        PQclear(r);
    }
    if (!refused.empty()) {
        fail("the operations server refused LISTEN: " + refused);
        return false;
    }
    why_.clear();
    return true;
}

void PgListener::drain(std::vector<Notification>& out)
{
    while (PGnotify* n = PQnotifies(conn_)) {
        out.push_back(Notification{n->relname ? n->relname : "", n->extra ? n->extra : "", n->be_pid});
        PQfreemem(n);
    }
}

std::vector<Notification> PgListener::wait(int timeoutMs)
{
    std::vector<Notification> out;
    if (!conn_)
        return out;
    drain(out);   // some may have come with the answer to LISTEN
    if (!out.empty())
        return out;
    if (waitSocket(false, timeoutMs) != Ready::Yes)
        return out;
    const bool read = PQconsumeInput(conn_) != 0;
    drain(out);
    if (!read || PQstatus(conn_) == CONNECTION_BAD)
        fail(std::string("the operations server went away: ") + PQerrorMessage(conn_));
    return out;
}

void PgListener::run(const Handlers& handlers, int maxBackoffMs)
{
    const auto report = [&](bool up, const std::string& why) {
        if (handlers.link)
            handlers.link(up, why);
    };
    const auto pause = [this](int ms) {
        pollfd fd{wake_[0], POLLIN, 0};
        const auto deadline = Clock::now() + std::chrono::milliseconds(ms);
        while (!stop_.load() && msLeft(deadline) > 0 && ::poll(&fd, 1, msLeft(deadline)) <= 0) {
        }
    };
    int backoff = 500;
    bool down = false;   // reported down and not up since
    while (!stop_.load()) {
        if (!conn_) {
            if (!connect()) {
                if (stop_.load())
                    break;
                if (!down || signInRefused_)
                    report(false, why_);
                down = true;
                if (signInRefused_)
                    return;   // the same password will be refused again: the person must act
                pause(backoff);
                backoff = std::min(backoff * 2, maxBackoffMs);
                continue;
            }
            backoff = 500;
            down = false;
            report(true, {});
        }
        for (const Notification& n : wait(30000))
            if (handlers.notified)
                handlers.notified(n);
        if (!conn_ && !stop_.load()) {
            report(false, why_);
            down = true;
        }
    }
}

}  // namespace reconsole::ops::pg
