// OpsSession: signing in, the must-change step, locking and signing out (docs/sign-in.md).
// Every check runs on the worker thread through ops::SignInService; this thread only keeps the
// state and closes the worker's gate whenever nobody may act.
#include "items/ops_session.h"

#include "items/ops_text.h"
#include "items/ops_worker.h"
#include "ops/demo_operations.h"
#include "ops/ops_store.h"
#include "ops/sign_in_service.h"

#include <QCoreApplication>
#include <QTimer>

#include <utility>

namespace reconsole::items {
namespace {

struct SignedIn {
    ops::Result<ops::Operator> op;
    bool mustChange = false;
};

QString lockedText() { return QCoreApplication::translate("OpsSession", "화면이 잠겨 있습니다: 암호를 넣어 잠금을 푸세요."); }

}  // namespace

void OpsSession::setSignIn(SignIn state, const QString& gateReason)
{
    const bool wasLocked = signIn_ == SignIn::Locked;
    signIn_ = state;
    if (state == SignIn::SignedIn)
        worker_->openGate();
    else
        worker_->closeGate(gateReason.isEmpty() ? QCoreApplication::translate("OpsSession", "로그인한 운영자가 없습니다.")
                                                : gateReason);
    if (wasLocked != (state == SignIn::Locked))
        emit lockChanged(state == SignIn::Locked);
}

void OpsSession::askForSignIn()
{
    // Given at start (--as with RECONSOLE_PASSWORD, a screenshot run), tried once; a demo
    // mirror tries its demo operator's known password; a server's connection is the sign-in.
    const QString id = options_.operatorId.trimmed();
    if (!id.isEmpty() && !options_.password.isEmpty()) {
        const QString password = std::exchange(options_.password, QString());
        return signIn(id, password);
    }
    if (isServer() && !id.isEmpty() && !triedServerSignIn_) {
        triedServerSignIn_ = true;
        return signIn(id, QString());
    }
    if (options_.demo && !triedDemo_) {
        triedDemo_ = true;
        const std::string demoId = id.isEmpty() ? std::string(ops::kDemoOperator) : id.toStdString();
        demoOperator_ = id.isEmpty();
        return signIn(QString::fromStdString(demoId), QString::fromStdString(ops::demoPassword(demoId)));
    }
    why_ = QCoreApplication::translate("OpsSession", "로그인하지 않았습니다: 조치를 하려면 로그인하세요.");
    setSignIn(SignIn::Needed, why_);
    emit signInNeeded();
}

void OpsSession::signIn(const QString& operatorId, const QString& password)
{
    const std::string id = operatorId.trimmed().toStdString();
    worker_->runThroughGate(
        this,
        [id, pw = password.toStdString()](ops::OpsContext& ctx) {
            SignedIn s{ops::SignInService(ctx).signIn(id, pw)};
            if (s.op)
                ctx.store.read([&](ops::OpsReader& r) {
                    const auto cred = r.credential(id);
                    s.mustChange = cred && cred->mustChange;
                });
            return s;
        },
        [this, password](std::optional<SignedIn> s, const QString& error) {
            if (!s || !s->op) {
                demoOperator_ = false;
                // The dialog first (an automatic sign-in has none yet), then the refusal in it.
                if (signIn_ != SignIn::Needed) {
                    why_ = QCoreApplication::translate("OpsSession", "로그인하지 않았습니다: 조치를 하려면 로그인하세요.");
                    setSignIn(SignIn::Needed, why_);
                    emit operatorResolved();
                    emit signInNeeded();
                }
                emit signInRefused(s ? refusalText(s->op.refusal()) : error);
                return;
            }
            // Kept in memory for the must-change step only (the dialog may not have typed it).
            changeFrom_ = s->mustChange ? password : QString();
            signedIn(s->op.value(), s->mustChange);
        });
}

void OpsSession::signedIn(const ops::Operator& op, bool mustChange)
{
    op_ = op;
    signedInId_ = op.id;
    why_.clear();
    if (mustChange) {
        why_ = QCoreApplication::translate("OpsSession", "관리자가 정한 암호입니다: 먼저 자신의 암호를 정하세요.");
        setSignIn(SignIn::MustChangePassword, why_);
        emit operatorResolved();
        emit passwordChangeNeeded();
        return;
    }
    setSignIn(SignIn::SignedIn);
    emit operatorResolved();
    refreshSummary();
    timer_->start();
    emit refundsChanged();   // every screen reads again, as this operator
}

void OpsSession::changeOwnPassword(const QString& current, const QString& next)
{
    if (!op_)
        return;
    const QString from = current.isEmpty() ? changeFrom_ : current;
    worker_->runThroughGate(
        this,
        [id = op_->id, cur = from.toStdString(), nxt = next.toStdString()](ops::OpsContext& ctx) {
            return ops::SignInService(ctx).changeOwnPassword(id, cur, nxt);
        },
        [this](std::optional<ops::Result<ops::Operator>> r, const QString& error) {
            if (!r || !*r) {
                emit signInRefused(r ? refusalText(r->refusal()) : error);
                return;
            }
            changeFrom_.clear();
            signedIn(r->value(), false);
        });
}

void OpsSession::lock()
{
    if (signIn_ != SignIn::SignedIn)
        return;
    setSignIn(SignIn::Locked, lockedText());
    emit operatorResolved();   // the status bar says why nothing can be done
}

void OpsSession::unlock(const QString& password)
{
    if (signIn_ != SignIn::Locked || !op_)
        return;
    worker_->runThroughGate(
        this,
        [id = op_->id, pw = password.toStdString()](ops::OpsContext& ctx) {
            return ops::SignInService(ctx).unlock(id, pw);
        },
        [this](std::optional<ops::Result<ops::Operator>> r, const QString& error) {
            if (signIn_ != SignIn::Locked)
                return;
            if (!r || !*r) {
                emit unlockRefused(r ? refusalText(r->refusal()) : error);
                return;
            }
            op_ = r->value();
            setSignIn(SignIn::SignedIn);
            emit operatorResolved();
            refreshSummary();
        });
}

void OpsSession::signOut()
{
    if (!op_)
        return;
    const std::string id = op_->id;
    worker_->runThroughGate(
        this, [id](ops::OpsContext& ctx) {
            ops::SignInService(ctx).signOut(id);
            return true;
        },
        [](std::optional<bool>, const QString&) {});
    op_.reset();
    signedInId_.clear();
    changeFrom_.clear();
    demoOperator_ = false;
    timer_->stop();
    summary_.reset();
    why_ = QCoreApplication::translate("OpsSession", "로그인하지 않았습니다: 조치를 하려면 로그인하세요.");
    setSignIn(SignIn::Needed, why_);
    emit operatorResolved();
    emit summaryChanged();
    emit signInNeeded();
}

QString OpsSession::signedInText() const
{
    return op_ ? QString::fromStdString(op_->id) : QString();
}

}  // namespace reconsole::items
