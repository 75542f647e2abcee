#pragma once
// Sign-in in the window (docs/sign-in.md): shows the sign-in dialog whenever the operations
// session needs an operator, the must-change step, and the lock overlay. It locks the session
// after an idle time (no keyboard, mouse or wheel input anywhere in the application: an
// application event filter) and on request; signing out returns to the dialog. The refusals
// themselves are the session's (its worker's gate and the services), not this class's.
#include <QObject>
#include <QPointer>

class QTimer;
class QWidget;

namespace reconsole::items {
class OpsSession;
}

namespace reconsole::ui {

class LockOverlay;
class SignInDialog;

class SessionGuard : public QObject {
    Q_OBJECT
public:
    // `idleLockMs` 0: never locks by itself.
    SessionGuard(QWidget* window, items::OpsSession* session, int idleLockMs, QObject* parent = nullptr);
    ~SessionGuard() override;

    void lockNow();
    void signOut();
    void setIdleLockMs(int ms);

    SignInDialog* dialog() const;   // while shown
    LockOverlay* overlay() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showDialog();
    void sessionChanged();

    QWidget* window_;
    items::OpsSession* session_;
    QTimer* idle_;
    QPointer<LockOverlay> overlay_;   // a child of the window, which may go first
    QPointer<SignInDialog> dialog_;
};

}  // namespace reconsole::ui
