#pragma once
// Shown when the console starts with no mirror to open: build a demo mirror, or open one.
#include <QDialog>

namespace reconsole::ui {

class FirstRunDialog : public QDialog {
    Q_OBJECT
public:
    enum Choice { Later, CreateDemo, OpenExisting };

    FirstRunDialog(const QString& demoPath, const QString& notice, QWidget* parent = nullptr);
    Choice choice() const { return choice_; }

private:
    Choice choice_ = Later;
};

}  // namespace reconsole::ui
