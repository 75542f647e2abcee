#pragma once
// The catalog screen: products with their open catalog findings highlighted and counted per
// rule, filtered by merchant, kind and rule; for the selected product, its findings explained
// (acknowledged ones marked), its version history as a table and its prices over time, a "fix
// pending" mark while a fix is under way, and its fixes. Its actions go through the operations
// session (catalog_screen_actions.cpp): propose a fix, acknowledge a finding, the impact view
// (and from there the repair), the undercharges CSV and, for admins, the rules' settings.
#include "ui/widgets/changed_columns.h"

#include <QWidget>

namespace reconsole::catalog {
struct AnomalyRow;
}

class QLabel;
class QPushButton;
class QSplitter;
class QTabWidget;
class QTableView;

namespace reconsole::items {
class CatalogProductModel;
class CatalogHistoryModel;
class CatalogOpsLoader;
class OpsSession;
}
namespace reconsole::charts {
class PriceHistoryChart;
}

namespace reconsole::ui {

class AcknowledgeDialog;
class CatalogFilterBar;
class CatalogFixPanel;
class CatalogRulesDialog;
class ImpactDialog;
class MoneyFirstColumns;
class ProposeFixDialog;
class UnderchargeExportDialog;

class CatalogScreen : public QWidget {
    Q_OBJECT
public:
    explicit CatalogScreen(const QString& mirrorPath, QWidget* parent = nullptr);
    ~CatalogScreen() override;

    items::CatalogProductModel* model() const { return model_; }
    items::CatalogHistoryModel* history() const { return history_; }
    CatalogFilterBar* filterBar() const { return filterBar_; }
    QTableView* productView() const { return products_; }
    QTableView* historyView() const { return historyView_; }
    charts::PriceHistoryChart* chart() const { return chart_; }
    bool isLoaded() const;
    bool isDetailLoaded() const;
    QString summaryText() const;
    QString explanationText() const;   // the selected product's findings, as shown

    // The operations side: fixes, acknowledgements, repair (none: the actions are disabled).
    void setOpsSession(items::OpsSession* session);
    items::CatalogOpsLoader* opsLoader() const { return opsLoader_; }
    CatalogFixPanel* fixPanel() const { return fixPanel_; }
    QTabWidget* detailTabs() const { return tabs_; }
    QString fixMarkText() const;   // "수정 대기 …" while the selected product has a fix under way
    QPushButton* proposeButton() const { return propose_; }
    QPushButton* acknowledgeButton() const { return acknowledge_; }
    QPushButton* impactButton() const { return impact_; }
    QPushButton* undersButton() const { return unders_; }
    QPushButton* rulesButton() const { return rules_; }
    QString selectedProductId() const;

    // The dialogs over the screen, for the selected product (returned for tests and screenshots).
    ProposeFixDialog* openProposeFix();
    AcknowledgeDialog* openAcknowledge();
    ImpactDialog* openImpact();
    UnderchargeExportDialog* openUndercharges();
    CatalogRulesDialog* openRules();

public slots:
    void reload();
    void selectProduct(const QString& productId);   // once listed; empty clears
    void selectRow(int row);

signals:
    // Open findings an acknowledgement covers now (they stop counting, also on the dashboard):
    // how many, of them high, and the products left with none open.
    void acknowledgedChanged(int findings, int high, int productsCleared);
    void loaded();
    void detailLoaded();
    void opsLoaded();   // the selected product's fixes and acknowledgements are in
    void statusMessage(const QString& text);
    // An admin changed the rules' settings: the findings must be checked again (by the window).
    void catalogRulesChanged();

private:
    void showLoaded();
    void showSummary();   // the listed products' open findings per rule
    void showDetail();
    void showExplanation();
    QString ackText(const catalog::AnomalyRow& row) const;   // "✔ 의도된 것으로 확인됨 …" or empty
    void currentChanged();
    void showOps();
    void updateActions();
    QWidget* buildDetail();

    items::CatalogProductModel* model_;
    items::CatalogHistoryModel* history_;
    CatalogFilterBar* filterBar_;
    QLabel* summary_;
    QLabel* stale_;
    QTableView* products_;
    QLabel* title_;
    QLabel* explanation_;
    QTableView* historyView_;
    charts::PriceHistoryChart* chart_;
    MoneyFirstColumns* moneyFirst_;
    ChangedColumns changedColumns_;   // the list's columns are sized again only when their texts change
    QString wanted_;   // a product to select once the list has it
    QString mirrorPath_;
    items::OpsSession* session_ = nullptr;
    items::CatalogOpsLoader* opsLoader_;
    QLabel* fixMark_;
    QPushButton* propose_;
    QPushButton* acknowledge_;
    QPushButton* impact_;
    QPushButton* unders_;
    QPushButton* rules_;
    QTabWidget* tabs_;
    CatalogFixPanel* fixPanel_;
};

}  // namespace reconsole::ui
