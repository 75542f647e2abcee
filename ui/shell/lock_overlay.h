#pragma once
// What a locked console shows: an opaque cover over the whole window (the data underneath is
// hidden, never destroyed: the same screen and selection come back), the operator's name and a
// password field. The password is checked by the session's worker, never here.
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace reconsole::ui {

class LockOverlay : public QWidget {
    Q_OBJECT
public:
    explicit LockOverlay(QWidget* window);

    void showFor(const QString& operatorLabel);
    void showRefusal(const QString& why);

    QLineEdit* passwordEdit() const { return password_; }
    QLabel* refusalLabel() const { return refusal_; }

signals:
    void unlockRequested(const QString& password);
    void signOutRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QLabel* who_;
    QLineEdit* password_;
    QLabel* refusal_;
    QPushButton* unlock_;
};

}  // namespace reconsole::ui
