#pragma once
// Signing in to the operations store of the open mirror: operator id and password, then, for a
// password someone else set, the operator's own one (twice). It only collects what is typed and
// shows the session's answers; the check itself runs in the session's worker (ops::SignInService).
#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace reconsole::items {
class OpsSession;
}

namespace reconsole::ui {

class SignInDialog : public QDialog {
    Q_OBJECT
public:
    SignInDialog(items::OpsSession* session, const QString& operatorId, QWidget* parent = nullptr);

    void showRefusal(const QString& why);
    void askNewPassword();      // the must-change step
    bool asksNewPassword() const;

    QLineEdit* operatorEdit() const { return operator_; }
    QLineEdit* passwordEdit() const { return password_; }
    QLineEdit* newPasswordEdit() const { return next_; }
    QLineEdit* repeatEdit() const { return repeat_; }
    QLabel* refusalLabel() const { return refusal_; }

private:
    void submit();

    items::OpsSession* session_;
    QStackedWidget* pages_;
    QLineEdit* operator_;
    QLineEdit* password_;
    QLineEdit* next_;
    QLineEdit* repeat_;
    QLabel* refusal_;
    QPushButton* ok_;
    QString current_;   // the password signed in with, for the must-change step; memory only
};

}  // namespace reconsole::ui
