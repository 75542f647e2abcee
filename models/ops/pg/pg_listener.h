#pragma once
// LISTEN on the operations server's change channel, on a libpq connection of its own (never
// the store's: a store connection is busy in transactions, a listener waits). Every committed
// change to refund_request, policy_change, operator and outbox_export is announced with
// pg_notify('reconsole_ops', <table>) (migration 0002); a console reads again when it hears one.
// Connecting and waiting never block past a deadline, and stop() from another thread wakes
// them at once, so a window that closes never waits for a server that went away.
#include "ops/ops_store.h"

#include <atomic>
#include <functional>
#include <string>
#include <vector>

struct pg_conn;

namespace reconsole::ops::pg {

inline constexpr const char* kChangeChannel = "reconsole_ops";

struct Notification {
    std::string channel;
    std::string payload;   // the table that changed
    int serverPid = 0;     // the session that made the change
};

class PgListener {
public:
    // `conninfo` and `signIn` as for the store (ops::openOpsStore). Nothing is opened yet.
    PgListener(std::string conninfo, ServerSignIn signIn, std::string channel = kChangeChannel);
    ~PgListener();
    PgListener(const PgListener&) = delete;
    PgListener& operator=(const PgListener&) = delete;

    // Opens the connection and runs LISTEN, within `timeoutMs`. False when it cannot (why()
    // says why, never with the password or the conninfo in it) or when stopped.
    bool connect(int timeoutMs = 10000);
    bool connected() const { return conn_ != nullptr; }
    // Waits up to `timeoutMs` for notifications and returns those that arrived (in order).
    // A lost connection returns what arrived before it and leaves connected() false.
    std::vector<Notification> wait(int timeoutMs);
    const std::string& why() const { return why_; }
    // The last failure was the server refusing the sign-in (password, unknown role), not the
    // server being out of reach: trying again will not help.
    bool signInRefused() const { return signInRefused_; }

    struct Handlers {
        std::function<void(const Notification&)> notified;
        // Reported on every change of state: up (why empty) or down (why says why).
        std::function<void(bool up, const std::string& why)> link;
    };
    // Connects, waits and delivers until stop(); a lost connection is reported and tried again
    // after 0.5 s, doubling up to `maxBackoffMs`. A refused sign-in is reported and ends it.
    void run(const Handlers& handlers, int maxBackoffMs = 5000);
    // From any thread: wakes connect(), wait() and run(), which return soon.
    void stop();
    bool stopping() const { return stop_.load(); }

private:
    enum class Ready { Yes, TimedOut, Stopped };
    Ready waitSocket(bool forWrite, int timeoutMs);
    bool listen(int timeoutMs);
    void fail(const std::string& what);
    void drain(std::vector<Notification>& out);

    std::string conninfo_, channel_;
    ServerSignIn signIn_;
    pg_conn* conn_ = nullptr;
    std::string why_;
    bool signInRefused_ = false;
    int wake_[2] = {-1, -1};   // a pipe: stop() writes to it, waits poll it beside the socket
    std::atomic<bool> stop_{false};
};

}  // namespace reconsole::ops::pg
