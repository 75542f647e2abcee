#pragma once
// The list of screens down the left of the window.
#include <QListWidget>

namespace reconsole::ui {

// Newer screens come last so the older ones keep their shortcuts (Ctrl+1 … Ctrl+7).
enum class ScreenId { Dashboard, Orphans, Customers, Catalog, Refunds, AuditLog, Cases, Quarantine };
constexpr int kScreenCount = 8;

QString screenTitle(ScreenId id);

class NavigationPanel : public QListWidget {
    Q_OBJECT
public:
    explicit NavigationPanel(QWidget* parent = nullptr);
    void setCurrentScreen(ScreenId id);
    // A merchant partner's view: the refund, audit and quarantine screens are absent (a
    // quarantined line may carry anything, so a partner's scope reads none).
    void setPartnerView(bool partner);
    static bool inPartnerView(ScreenId id)
    {
        return id != ScreenId::Refunds && id != ScreenId::AuditLog && id != ScreenId::Quarantine;
    }
    // A count after the entry's title ("환불 (3)"); 0 shows the title alone.
    void setBadge(ScreenId id, int count);
    int badge(ScreenId id) const;
    // The Cases entry: cases due within 3 days and overdue (red when any is overdue).
    void setCaseCounts(int dueSoon, int overdue);

signals:
    void screenChosen(reconsole::ui::ScreenId id);
};

}  // namespace reconsole::ui
