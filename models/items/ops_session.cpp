#include "items/ops_session.h"

#include "items/ops_live_feed.h"
#include "items/ops_text.h"
#include "items/ops_worker.h"
#include "ops/demo_operations.h"
#include "ops/operator_service.h"

#include <QCoreApplication>
#include <QTimer>

#include <utility>

namespace reconsole::items {
namespace {

struct Resolution {
    std::optional<ops::Operator> op;
    std::optional<ops::Refusal> refusal;
    int operators = 0;
    bool mustChange = false;
};

// A read that meets a connection the server dropped meanwhile (a restart) finds it lost, and
// the store opens it again before the next one: one more try tells "back" from "still away".
template <typename F>
auto readTwice(F read)
{
    try {
        return read();
    } catch (const std::exception& e) {
        if (ops::pg::serverFaultOf(e) != ops::pg::ServerFault::Unreachable)
            throw;
    }
    return read();
}

bool sameCounts(const ops::RefundSummary& a, const ops::RefundSummary& b)
{
    return a.count == b.count && a.overdue == b.overdue && a.awaitingMyApproval == b.awaitingMyApproval
        && a.flagged == b.flagged;
}

}  // namespace

OpsSession::OpsSession(OpsSessionOptions options, QObject* parent)
    : QObject(parent),
      options_(std::move(options)),
      worker_(new OpsWorker(options_.mirrorPath, options_.opsSpec, options_.signIn, this)),
      timer_(new QTimer(this)),
      retry_(new QTimer(this)),
      coalesce_(new QTimer(this))
{
    why_ = QCoreApplication::translate("OpsSession", "운영자를 확인하는 중…");
    worker_->closeGate(why_);   // nothing reaches the store before someone signs in
    const bool server = ops::isServerSpec(options_.opsSpec.toStdString());
    link_ = server ? ServerLink::Connecting : ServerLink::Embedded;
    timer_->setInterval(server ? options_.serverSummaryIntervalMs : options_.summaryIntervalMs);
    connect(timer_, &QTimer::timeout, this, [this] {
        fallbackRefresh_ = true;   // a change seen only here was not announced: screens read again
        refreshSummary();
    });
    retry_->setSingleShot(true);
    retry_->setInterval(options_.reconnectIntervalMs);
    connect(retry_, &QTimer::timeout, this, &OpsSession::resolve);
    coalesce_->setSingleShot(true);
    coalesce_->setInterval(options_.coalesceMs);
    connect(coalesce_, &QTimer::timeout, this, &OpsSession::liveRefresh);
    connect(worker_, &OpsWorker::serverFault, this, &OpsSession::serverFault);
    if (server && options_.live) {
        feed_ = new OpsLiveFeed(options_.opsSpec, options_.signIn, this);
        connect(feed_, &OpsLiveFeed::changed, this, &OpsSession::announced);
        connect(feed_, &OpsLiveFeed::linkChanged, this, &OpsSession::feedLink);
    }
}

OpsSession::~OpsSession() = default;

QString OpsSession::linkText() const
{
    if (link_ == ServerLink::Unreachable)
        return QCoreApplication::translate("OpsSession", "운영 서버에 연결할 수 없습니다 · 다시 연결하는 중…");
    if (link_ == ServerLink::SignInRefused)
        return QCoreApplication::translate("OpsSession", "운영 서버가 로그인을 거부했습니다 (%1): 암호를 확인하고 콘솔을 다시 시작하세요.")
            .arg(options_.signIn.user.empty() ? options_.operatorId : QString::fromStdString(options_.signIn.user));
    return {};
}

QString OpsSession::cannotActReason() const
{
    if (link_ == ServerLink::Unreachable)
        return QCoreApplication::translate("OpsSession",
                                           "운영 서버에 연결할 수 없어 환불 조치를 받지 않습니다. 연결되면 다시 하세요 "
                                           "(콘솔은 조치를 모아 두었다가 나중에 보내지 않습니다).");
    if (link_ == ServerLink::SignInRefused)
        return linkText();
    return why_;
}

QString OpsSession::statusText() const
{
    if (link_ == ServerLink::Unreachable)
        return QCoreApplication::translate("OpsSession", "⚠ 운영 서버에 연결할 수 없음");
    if (link_ == ServerLink::SignInRefused)
        return QCoreApplication::translate("OpsSession", "⚠ 운영 서버 로그인 거부");
    if (op_) {
        const QString who = operatorLabel(*op_);
        return demoOperator_ ? QCoreApplication::translate("OpsSession", "%1 · 데모").arg(who) : who;
    }
    // A store error can be a long path and message, and the first-run advice a long command:
    // the status bar says what, the tooltip why (at 1024 px the bar has no room for more).
    if (storeError_)
        return QCoreApplication::translate("OpsSession", "⚠ 운영 저장소를 열 수 없습니다");
    if (signIn_ == SignIn::NoOperators)
        return QCoreApplication::translate("OpsSession", "⚠ 운영자 없음");
    return why_;
}

void OpsSession::resolve()
{
    // Who signed in, looked up again (disabled meanwhile?); before any sign-in, whether the
    // store has operators to sign in as.
    const std::string id = signedInId_;
    worker_->runThroughGate(
        this,
        [id](ops::OpsContext& ctx) { return readTwice([&] {
            Resolution r;
            ctx.store.read([&](ops::OpsReader& reader) {
                r.operators = reader.operatorCount();
                if (!id.empty())
                    if (const auto cred = reader.credential(id))
                        r.mustChange = cred->mustChange;
            });
            if (!id.empty()) {
                auto who = ops::OperatorService(ctx).whoAmI(id);
                if (who)
                    r.op = who.value();
                else
                    r.refusal = who.refusal();
            }
            return r;
        }); },
        [this, id](std::optional<Resolution> r, const QString& error) {
            if (!r && linkBroken()) {   // serverFault came first and said it all
                if (resolved_)
                    return;             // still away: the operator stays as it was, actions refused
                why_ = cannotActReason();
                resolved_ = true;
                emit operatorResolved();
                emit summaryChanged();
                return;
            }
            const bool recovered = linkBroken();
            if (r && isServer())
                setLink(ServerLink::Up);
            resolved_ = true;
            storeError_ = !r;
            if (!r) {
                op_.reset();
                why_ = QCoreApplication::translate("OpsSession", "운영 저장소를 열 수 없어 환불 조치를 할 수 없습니다: %1")
                           .arg(error);
                signedInId_.clear();
                setSignIn(SignIn::Needed, why_);   // nobody is signed in; no dialog for a store that cannot open
                emit storeFailed(error);
            } else if (r->op) {
                op_ = r->op;
                why_.clear();
                if (signIn_ != SignIn::Locked)
                    setSignIn(r->mustChange ? SignIn::MustChangePassword : SignIn::SignedIn);
            } else if (r->refusal) {
                // The signed-in operator was disabled (or removed) meanwhile: signed out.
                const QString who = QString::fromStdString(id);
                op_.reset();
                signedInId_.clear();
                why_ = r->refusal->code == ops::RefusalCode::OperatorDisabled
                    ? QCoreApplication::translate("OpsSession", "운영자 %1: 사용이 중지되어 조치를 할 수 없습니다.").arg(who)
                    : QCoreApplication::translate("OpsSession", "운영 저장소에 없는 운영자입니다: %1. 조치를 할 수 없습니다.")
                          .arg(who);
                setSignIn(SignIn::Needed, why_);
            } else if (r->operators == 0) {
                op_.reset();
                why_ = QCoreApplication::translate("OpsSession", "운영 저장소에 운영자가 없습니다: reconsole-cli operator add로 "
                                                                 "첫 관리자를 만드세요.");
                setSignIn(SignIn::NoOperators, why_);
            } else {
                op_.reset();
                askForSignIn();
            }
            emit operatorResolved();
            if (canAct()) {
                refreshSummary();
                timer_->start();
            } else if (!op_) {
                timer_->stop();
                summary_.reset();
                emit summaryChanged();
            }
            if (recovered)
                emit refundsChanged();   // whatever changed while it was away
        });
}

void OpsSession::refreshSummary()
{
    if (!canAct())
        return;
    if (summaryInFlight_) {   // the one under way may have read before the latest action
        summaryAgain_ = true;
        return;
    }
    summaryInFlight_ = true;
    worker_->run(
        this, [actor = op_->id](ops::OpsContext& ctx) { return ops::RefundService(ctx).summary(actor); },
        [this](std::optional<ops::Result<ops::RefundSummary>> r, const QString& error) {
            summaryInFlight_ = false;
            const bool fallback = std::exchange(fallbackRefresh_, false);
            if (std::exchange(summaryAgain_, false))
                refreshSummary();
            if (!r) {
                if (!linkBroken())   // the banner already says the server is away
                    emit storeFailed(error);
                return;
            }
            const bool changed = !summary_ || !r->ok() || !sameCounts(*summary_, r->value());
            if (r->ok())
                summary_ = r->value();
            else
                summary_.reset();   // a role that may not read refunds has no inbox
            emit summaryChanged();
            if (fallback && changed && isServer())
                emit refundsChanged();   // an announcement was missed: the lists read again too
        });
}

void OpsSession::notifyChanged()
{
    if (linkBroken()) {   // reading now would only fail: try the server instead
        reconnectNow();
        return;
    }
    emit refundsChanged();
    refreshSummary();
}

void OpsSession::reconnectNow()
{
    if (link_ != ServerLink::Unreachable)
        return;
    retry_->stop();
    resolve();
}

void OpsSession::setLink(ServerLink link)
{
    if (link == link_)
        return;
    link_ = link;
    if (linkBroken()) {
        timer_->stop();
        coalesce_->stop();
    } else {
        linkDetail_.clear();
    }
    emit linkChanged();
}

void OpsSession::serverFault(ops::pg::ServerFault fault, const QString& why)
{
    linkDetail_ = why;
    if (fault == ops::pg::ServerFault::SignInRefused) {
        retry_->stop();
        setLink(ServerLink::SignInRefused);
        return;
    }
    setLink(ServerLink::Unreachable);
    retry_->start();   // (again) from now: one try every few seconds, never a pile of them
}

void OpsSession::announced(const QString& table)
{
    if (table == QLatin1String("operator"))
        operatorAnnounced_ = true;   // roles or a disabled operator: who acts may have changed
    if (link_ == ServerLink::Unreachable) {
        reconnectNow();   // the server speaks again
        return;
    }
    if (!coalesce_->isActive())
        coalesce_->start();
}

void OpsSession::liveRefresh()
{
    if (linkBroken())
        return;
    if (std::exchange(operatorAnnounced_, false))
        resolve();
    emit refundsChanged();
    refreshSummary();
}

void OpsSession::feedLink(bool up, const QString& why, bool signInRefused)
{
    live_ = up;
    if (up) {
        if (link_ == ServerLink::Unreachable)
            reconnectNow();
        else if (feedWasUp_)
            liveRefresh();   // announcements made while it was away were missed
        feedWasUp_ = true;
    } else if (signInRefused) {
        serverFault(ops::pg::ServerFault::SignInRefused, why);
    } else if (link_ == ServerLink::Up) {
        probe();   // the listener lost the server: see whether the store did too
    }
    emit linkChanged();
}

void OpsSession::probe()
{
    worker_->runThroughGate(
        this,
        [](ops::OpsContext& ctx) {
            return readTwice([&] {
                ctx.store.read([](ops::OpsReader& r) { r.operatorCount(); });
                return true;
            });
        },
        [](std::optional<bool>, const QString&) {});   // a failure comes as serverFault
}

}  // namespace reconsole::items
