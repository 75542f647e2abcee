#pragma once
// A repair batch to review: each drafted refund (order, debit, customer, amount, state), approved
// as a whole (RepairService::approveAll with the approval hashes of the requests as shown, so a
// request changed since voids the approval) or row by row (RefundService::approve, bound to that
// row's hash). Nobody approves their own batch; the buttons say so, the service decides.
#include "ops/repair_service.h"

#include <QDialog>

#include <optional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace reconsole::items {
class OpsSession;
}

namespace reconsole::ui {

class RepairBatchDialog : public QDialog {
    Q_OBJECT
public:
    RepairBatchDialog(items::OpsSession* session, const QString& batchId, QWidget* parent = nullptr);

    bool isLoaded() const { return view_.has_value(); }
    const std::optional<ops::RepairBatchView>& view() const { return view_; }
    QTableWidget* refundsTable() const { return table_; }
    QPushButton* approveAllButton() const { return approveAll_; }
    QPushButton* approveRowButton() const { return approveRow_; }
    QString statusText() const;

public slots:
    void reload();
    void approveAll();
    void approveSelected();

signals:
    void loaded();
    void acted(bool ok);   // an approval's answer arrived

private:
    void showView(const ops::RepairBatchView& view);
    void updateButtons();
    bool mayApprove(const ops::RefundRequest& r) const;
    void showProblem(const QString& text);

    items::OpsSession* session_;
    QString batchId_;
    std::optional<ops::RepairBatchView> view_;
    QLabel* summary_;
    QTableWidget* table_;
    QLabel* status_;
    QPushButton* approveAll_;
    QPushButton* approveRow_;
};

}  // namespace reconsole::ui
