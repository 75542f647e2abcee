#pragma once
// What the window shows while no mirror is open, or while one is being opened.
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace reconsole::ui {

class WelcomePage : public QWidget {
    Q_OBJECT
public:
    explicit WelcomePage(QWidget* parent = nullptr);
    // `detail` (SQLite's words, in English, as the command line prints them) waits behind
    // "자세히": the advice is what a person acts on.
    void setMessage(const QString& text, bool offerActions, const QString& detail = {});

signals:
    void openMirrorRequested();
    void createDemoRequested();

private:
    QLabel* message_;
    QPushButton* showDetail_;
    QPlainTextEdit* detail_;
    QPushButton* open_;
    QPushButton* demo_;
};

}  // namespace reconsole::ui
