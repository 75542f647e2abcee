#pragma once
// The screens of one open mirror, one per navigation entry, each reading through models of
// its own. Switching mirrors replaces the whole set.
#include "items/ops_session.h"
#include "ui/shell/navigation_panel.h"

#include <QStackedWidget>

namespace reconsole::items {
class MirrorChangeWatch;
class MirrorFreshness;
}

namespace reconsole::ui {

class AuditScreen;
class CasesScreen;
class CatalogScreen;
class DashboardScreen;
class OrphanQueueScreen;
class QuarantineScreen;
class RefundsScreen;
struct ConsoleSettings;

class MirrorScreens : public QStackedWidget {
    Q_OBJECT
public:
    // `ops`: the operations side (store, operator); its mirror and store default to this
    // mirror and ops::defaultOpsPath of it.
    explicit MirrorScreens(const QString& mirrorPath, items::OpsSessionOptions ops = {}, QWidget* parent = nullptr);
    ~MirrorScreens() override;

    QString mirrorPath() const { return path_; }
    DashboardScreen* dashboard() const { return dashboard_; }
    OrphanQueueScreen* orphans() const { return orphans_; }
    QWidget* customers() const { return customers_; }
    items::MirrorFreshness* freshness() const { return freshness_; }
    items::MirrorChangeWatch* changeWatch() const { return changeWatch_; }
    items::OpsSession* ops() const { return ops_; }
    RefundsScreen* refunds() const { return refunds_; }
    AuditScreen* audit() const { return audit_; }
    CatalogScreen* catalog() const { return catalog_; }
    CasesScreen* cases() const { return cases_; }
    QuarantineScreen* quarantine() const { return quarantine_; }
    static bool hasCustomerScreen();

    void showScreen(ScreenId id);
    ScreenId currentScreen() const;
    // The Customers screen on that customer, `ledgerId` selected (empty: the first orphan).
    void showCustomer(const QString& customerId, const QString& ledgerId = {});
    void focusCustomerSearch();
    // File ▸ CSV: the queue, or the open customer's timeline; false on a screen with no list to export.
    bool exportCurrentScreen();
    void reloadAll();   // after an import, the console's own or (noticed by the watch) another process's

    void restoreLayouts(const ConsoleSettings& settings);
    void saveLayouts(ConsoleSettings& settings) const;

signals:
    void statusMessage(const QString& text);
    // "사건 열기…" from the queue or the timeline, and a case chosen in the timeline's box.
    void openCaseRequested(const QString& customerId, const QString& ledgerId);
    void caseChosen(const QString& caseId);

private:
    void recordExport(const QString& what, const QString& path, qint64 rows);

    QString path_;
    items::OpsSession* ops_;
    items::MirrorFreshness* freshness_;
    items::MirrorChangeWatch* changeWatch_;
    DashboardScreen* dashboard_;
    OrphanQueueScreen* orphans_;
    QWidget* customers_;
    CatalogScreen* catalog_;
    RefundsScreen* refunds_;
    AuditScreen* audit_;
    CasesScreen* cases_;
    QuarantineScreen* quarantine_;
};

}  // namespace reconsole::ui
