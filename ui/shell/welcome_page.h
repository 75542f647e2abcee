#pragma once
// What the window shows while no mirror is open, or while one is being opened.
#include <QWidget>

class QLabel;
class QPushButton;

namespace reconsole::ui {

class WelcomePage : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget* parent = nullptr);
    void setMessage(const QString& text, bool offerActions);

signals:
    void openMirrorRequested();
    void createDemoRequested();

private:
    QLabel* message_;
    QPushButton* open_;
    QPushButton* demo_;
};

}  // namespace reconsole::ui
