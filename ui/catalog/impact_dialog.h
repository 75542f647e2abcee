#pragma once
// "영향 보기…" (the blast radius): what a catalog error did to one product's orders, computed by
// catalog::computeImpact on a worker of its own (its own read-only mirror connection) with the
// rules in force: the periods the wrong value was live, the orders placed then (paid against
// what should have been paid), the figures, and the orphan debits the cash-receipt flag
// explains. From here an ops operator drafts the repair refunds and reviews their batch.
#include "catalog/catalog_impact.h"

#include <QDialog>

#include <optional>
#include <string>
#include <vector>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace reconsole::items {
class MirrorWorker;
class OpsSession;
}

namespace reconsole::ui {

class RepairBatchDialog;
class RepairDialog;

class ImpactDialog : public QDialog {
    Q_OBJECT
public:
    // `latestBatchId`: the product's newest repair batch, if any (reviewable from here).
    ImpactDialog(items::OpsSession* session, const QString& mirrorPath, const QString& productId,
                 const QString& latestBatchId = {}, QWidget* parent = nullptr);

    bool isLoaded() const { return loaded_; }
    const std::optional<catalog::CatalogImpact>& impact() const { return impact_; }
    QString figuresText() const;
    QString periodsText() const;
    QTableWidget* ordersTable() const { return orders_; }
    QTableWidget* orphansTable() const { return orphans_; }
    QPushButton* repairButton() const { return repair_; }
    QPushButton* batchButton() const { return batch_; }
    QString latestBatchId() const { return batchId_; }   // empty: none drafted yet

    // Open the repair preview, or a batch's review, over this dialog (returned for tests).
    RepairDialog* openRepair();
    RepairBatchDialog* openBatch(const QString& batchId);

signals:
    void loaded();

private:
    void compute(const catalog::CatalogRuleSettings& settings);
    void showImpact(const std::optional<catalog::CatalogImpact>& impact, const QString& error);
    void fillOrders(const catalog::CatalogImpact& impact);
    void fillOrphans(const catalog::CatalogImpact& impact);
    items::OpsSession* session_;
    items::MirrorWorker* worker_;
    QString productId_, batchId_, rulesNote_;
    std::optional<catalog::CatalogImpact> impact_;
    bool loaded_ = false;
    QLabel* title_;
    QProgressBar* busy_;
    QLabel* periods_;
    QLabel* figures_;
    QTableWidget* orders_;
    QLabel* orphansTitle_;
    QTableWidget* orphans_;
    QPushButton* repair_;
    QPushButton* batch_;
};

}  // namespace reconsole::ui
