#pragma once
// One headline number on the dashboard: a caption, the value in large type, a note below.
#include <QFrame>

class QLabel;

namespace reconsole::ui {

class StatCard : public QFrame {
    Q_OBJECT
public:
    explicit StatCard(const QString& caption, QWidget* parent = nullptr);
    void setValue(const QString& value, const QString& note = {});
    QString value() const;
    QString note() const;

private:
    QLabel* value_;
    QLabel* note_;
};

}  // namespace reconsole::ui
