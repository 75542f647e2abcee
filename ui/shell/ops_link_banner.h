#pragma once
// The bar across the top of the screens while the shared operations server is out of reach
// (or refused the sign-in): what is wrong, that the console keeps trying by itself, that the
// mirror screens still work, and a button to try now. Hidden while the server answers.
#include <QFrame>

class QLabel;
class QPushButton;

namespace reconsole::items {
class OpsSession;
}

namespace reconsole::ui {

class OpsLinkBanner : public QFrame {
    Q_OBJECT
public:
    explicit OpsLinkBanner(QWidget* parent = nullptr);

    // Follows this session (none: hidden).
    void setSession(items::OpsSession* session);
    QString text() const;

signals:
    void statusMessage(const QString& text);   // "다시 연결했습니다" when the server is back

private:
    void update();

    items::OpsSession* session_ = nullptr;
    QLabel* text_;
    QLabel* hint_;
    QPushButton* retry_;
    bool wasBroken_ = false;
};

}  // namespace reconsole::ui
