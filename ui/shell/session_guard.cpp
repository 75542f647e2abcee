#include "ui/shell/session_guard.h"

#include "items/ops_session.h"
#include "items/ops_text.h"
#include "ui/shell/lock_overlay.h"
#include "ui/shell/sign_in_dialog.h"

#include <QApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>

namespace reconsole::ui {

SessionGuard::SessionGuard(QWidget* window, items::OpsSession* session, int idleLockMs, QObject* parent)
    : QObject(parent), window_(window), session_(session), idle_(new QTimer(this)), overlay_(new LockOverlay(window))
{
    idle_->setObjectName(QStringLiteral("idle lock"));
    idle_->setSingleShot(true);
    setIdleLockMs(idleLockMs);
    connect(idle_, &QTimer::timeout, this, &SessionGuard::lockNow);
    qApp->installEventFilter(this);
    connect(session_, &items::OpsSession::signInNeeded, this, &SessionGuard::showDialog);
    connect(session_, &items::OpsSession::signInRefused, this, [this](const QString& why) {
        if (dialog_)
            dialog_->showRefusal(why);
    });
    connect(session_, &items::OpsSession::passwordChangeNeeded, this, [this] {
        showDialog();
        dialog_->askNewPassword();
    });
    connect(session_, &items::OpsSession::operatorResolved, this, &SessionGuard::sessionChanged);
    connect(session_, &items::OpsSession::lockChanged, this, [this](bool locked) {
        if (!overlay_)
            return;
        if (locked && session_->actingOperator())
            overlay_->showFor(items::operatorLabel(*session_->actingOperator()));
        else
            overlay_->hide();
    });
    connect(session_, &items::OpsSession::unlockRefused, overlay_.data(), &LockOverlay::showRefusal);
    connect(overlay_.data(), &LockOverlay::unlockRequested, session_, &items::OpsSession::unlock);
    connect(overlay_.data(), &LockOverlay::signOutRequested, this, &SessionGuard::signOut);
}

SessionGuard::~SessionGuard()
{
    qApp->removeEventFilter(this);
    delete overlay_.data();
    delete dialog_.data();
}

SignInDialog* SessionGuard::dialog() const { return dialog_.data(); }

LockOverlay* SessionGuard::overlay() const { return overlay_.data(); }

void SessionGuard::setIdleLockMs(int ms)
{
    idle_->setInterval(ms);
    if (ms > 0 && session_->canAct())
        idle_->start();
    else
        idle_->stop();
}

void SessionGuard::lockNow()
{
    idle_->stop();
    session_->lock();
}

void SessionGuard::signOut()
{
    idle_->stop();
    if (overlay_)
        overlay_->hide();
    session_->signOut();
}

void SessionGuard::showDialog()
{
    if (!dialog_) {
        dialog_ = new SignInDialog(session_, session_->options().operatorId, window_);
        dialog_->setAttribute(Qt::WA_DeleteOnClose);
    }
    dialog_->open();   // window-modal, never a nested event loop
}

void SessionGuard::sessionChanged()
{
    if (session_->canAct()) {
        if (dialog_)
            dialog_->accept();
        if (idle_->interval() > 0)
            idle_->start();
    }
}

bool SessionGuard::eventFilter(QObject* watched, QEvent* event)
{
    // Any input restarts the idle clock while someone is signed in and not locked.
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        if (idle_->interval() > 0 && session_->canAct())
            idle_->start();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

}  // namespace reconsole::ui
