#pragma once
// The console's answer to a damaged, full or read-only mirror or operations store found while
// a screen reads it: a message box that says what to do (rebuild the mirror from the feed,
// restore the operations store from its backup, free disk space, make the file writable), once
// per file and fault while the window is open, instead of an empty screen and a line in the
// status bar that goes away (docs/broken-files.md).
#include <QObject>
#include <QSet>
#include <QString>

class QWidget;

namespace reconsole::items {
struct StoreFaultReport;
}

namespace reconsole::ui {

class StoreFaultAlerts : public QObject {
    Q_OBJECT
public:
    explicit StoreFaultAlerts(QWidget* window);

private:
    void show(const items::StoreFaultReport& report);
    QWidget* window_;
    QSet<QString> shown_;   // fault and file already told
};

}  // namespace reconsole::ui
