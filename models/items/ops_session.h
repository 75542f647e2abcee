#pragma once
// The operations side of one open mirror: the worker that reaches the operations store, the
// operator the console acts as (chosen at start: `--as`, a setting, or the demo operator on a
// demo mirror; on a shared server also the login role it signs in as), and the refund summary
// behind the approvals badge, read after every action and every 30 s. Screens share one
// session, so an action in one is seen by all (refundsChanged).
//
// On a shared server the session also hears other consoles' changes (OpsLiveFeed: LISTEN on its
// own connection), reads the summary again and emits refundsChanged within a fraction of a
// second, a burst of announcements making one read; the periodic read (10 s) is the fallback.
// When the server is out of reach the session says so (linkChanged), refuses every action
// (canAct() false, cannotActReason() says why: nothing is kept to be replayed later), tries
// again every few seconds by itself, and when the server answers resolves the operator again
// and has every screen read again.
#include "ops/ops_store.h"
#include "ops/ops_types.h"
#include "ops/pg/pg_fault.h"
#include "ops/refund_service.h"

#include <QObject>
#include <QString>

#include <optional>

class QTimer;

namespace reconsole::items {

class OpsLiveFeed;
class OpsWorker;

struct OpsSessionOptions {
    QString mirrorPath;
    QString opsSpec;          // the operations store (ops::defaultOpsPath of the mirror unless set)
    QString operatorId;       // chosen at start (--as); empty: asked by the sign-in dialog
    // The embedded store: signs operatorId in without asking (RECONSOLE_PASSWORD, screenshots).
    // In memory only, never in settings; cleared once used.
    QString password;
    // A shared server: the login role and its password. Kept in memory only, never in settings.
    ops::ServerSignIn signIn;
    // A demo run with no operator chosen acts as ops::kDemoOperator when the store has it.
    bool demo = false;
    int summaryIntervalMs = 30000;        // the embedded store: the only way to see others' work
    int serverSummaryIntervalMs = 10000;  // a shared server: the fallback behind the announcements
    bool live = true;                     // a shared server: hear other consoles' changes
    int reconnectIntervalMs = 3000;       // out of reach: try again this often
    int coalesceMs = 150;                 // announcements within this window make one read
};

// Where the session is with signing in (docs/sign-in.md). Only SignedIn acts; in every other
// state the worker's gate is closed, so no job reaches the store but signing in or unlocking.
enum class SignIn { Checking, NoOperators, Needed, MustChangePassword, SignedIn, Locked };

// How the session reaches a shared server (the embedded store is always Embedded).
enum class ServerLink { Embedded, Connecting, Up, Unreachable, SignInRefused };

class OpsSession : public QObject {
    Q_OBJECT
public:
    explicit OpsSession(OpsSessionOptions options, QObject* parent = nullptr);
    ~OpsSession() override;

    OpsWorker* worker() const { return worker_; }
    const OpsSessionOptions& options() const { return options_; }

    // The operator actions are taken as, once resolved; none when unresolved or refused.
    bool isResolved() const { return resolved_; }
    // An operator is signed in, not locked, and the store can be reached now.
    bool canAct() const { return op_.has_value() && !linkBroken() && signIn_ == SignIn::SignedIn; }
    SignIn signInState() const { return signIn_; }
    bool isLocked() const { return signIn_ == SignIn::Locked; }
    QString signedInText() const;   // the signed-in operator's id, or empty
    const std::optional<ops::Operator>& actingOperator() const { return op_; }
    std::string actorId() const { return op_ ? op_->id : std::string(); }
    bool actsAsDemoOperator() const { return demoOperator_; }
    // Why no action can be taken (empty when one can), in words for the person.
    QString cannotActReason() const;
    // The status-bar text: "운영자 lee.ops (이운영 · 운영)" or why there is none.
    QString statusText() const;

    bool hasSummary() const { return summary_.has_value(); }
    const std::optional<ops::RefundSummary>& summary() const { return summary_; }
    int approvalsWaiting() const { return summary_ ? summary_->awaitingMyApproval : 0; }

    bool isServer() const { return link_ != ServerLink::Embedded; }
    ServerLink link() const { return link_; }
    bool isUnreachable() const { return link_ == ServerLink::Unreachable; }
    // The banner's text while the server is out of reach or refused the sign-in; else empty.
    QString linkText() const;
    // The store's own words for the last connection failure (for a tooltip; never a password).
    QString linkDetail() const { return linkDetail_; }
    // Other consoles' changes are heard as they happen (the listener is connected).
    bool isLive() const { return live_; }

    // Signing in, on the worker thread through ops::SignInService (never on this thread). The
    // answer comes as operatorResolved (and passwordChangeNeeded), or signInRefused.
    void signIn(const QString& operatorId, const QString& password);
    // A password someone else set, replaced by the operator's own before anything else
    // (`current` empty: the one just signed in with).
    void changeOwnPassword(const QString& current, const QString& next);
    // Locks: nothing reaches the store until unlock() with the same operator's password.
    void lock();
    void unlock(const QString& password);
    void signOut();

public slots:
    void resolve();          // looks the operator up again
    void refreshSummary();
    // An action changed the store: every screen reads again, and the badge.
    void notifyChanged();
    // Out of reach: try now instead of at the next retry.
    void reconnectNow();

signals:
    void operatorResolved();
    void summaryChanged();
    void refundsChanged();
    void storeFailed(const QString& error);
    void linkChanged();
    void signInNeeded();                          // show the sign-in dialog
    void signInRefused(const QString& why);       // the dialog shows it
    void passwordChangeNeeded();
    void lockChanged(bool locked);
    void unlockRefused(const QString& why);

private:
    bool linkBroken() const { return link_ == ServerLink::Unreachable || link_ == ServerLink::SignInRefused; }
    void setLink(ServerLink link);
    void serverFault(ops::pg::ServerFault fault, const QString& why);
    void announced(const QString& table);
    void liveRefresh();
    void feedLink(bool up, const QString& why, bool signInRefused);
    void probe();
    void setSignIn(SignIn state, const QString& gateReason = {});
    void signedIn(const ops::Operator& op, bool mustChange);
    void askForSignIn();

    OpsSessionOptions options_;
    OpsWorker* worker_;
    QTimer* timer_;
    QTimer* retry_;          // out of reach: the next try
    QTimer* coalesce_;       // announcements: one read per burst
    OpsLiveFeed* feed_ = nullptr;
    ServerLink link_ = ServerLink::Embedded;
    QString linkDetail_;
    bool live_ = false, feedWasUp_ = false, operatorAnnounced_ = false, fallbackRefresh_ = false;
    bool resolved_ = false;
    bool demoOperator_ = false;
    bool storeError_ = false;
    std::optional<ops::Operator> op_;
    SignIn signIn_ = SignIn::Checking;
    std::string signedInId_;   // who signed in; resolve() looks them up again
    bool triedDemo_ = false, triedServerSignIn_ = false;
    QString changeFrom_;   // the password just signed in with, while it must be changed; memory only
    QString why_;
    std::optional<ops::RefundSummary> summary_;
    bool summaryInFlight_ = false, summaryAgain_ = false;
};

}  // namespace reconsole::items
