#pragma once
// A screen that later work fills: says what it will hold and where that work is described.
#include <QWidget>

namespace reconsole::ui {

class PlaceholderScreen : public QWidget {
    Q_OBJECT
public:
    PlaceholderScreen(const QString& title, const QString& description, QWidget* parent = nullptr);
};

}  // namespace reconsole::ui
