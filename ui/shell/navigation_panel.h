#pragma once
// The list of screens down the left of the window.
#include <QListWidget>

namespace reconsole::ui {

enum class ScreenId { Dashboard, Orphans, Customers, Catalog, Refunds, AuditLog };
constexpr int kScreenCount = 6;

QString screenTitle(ScreenId id);

class NavigationPanel : public QListWidget {
    Q_OBJECT
public:
    explicit NavigationPanel(QWidget* parent = nullptr);
    void setCurrentScreen(ScreenId id);
    // A count after the entry's title ("환불 (3)"); 0 shows the title alone.
    void setBadge(ScreenId id, int count);
    int badge(ScreenId id) const;

signals:
    void screenChosen(reconsole::ui::ScreenId id);
};

}  // namespace reconsole::ui
