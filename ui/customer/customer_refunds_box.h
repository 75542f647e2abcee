#pragma once
// The customer's refund requests beside their timeline (RefundListModel filtered to the
// customer), the selected debit's requests highlighted, and "환불 요청…" for a selected debit.
#include "recon/customer_reply.h"

#include <QGroupBox>

class QLabel;
class QPushButton;
class QTableView;

namespace reconsole::items {
class OpsSession;
class RefundListModel;
}

namespace reconsole::ui {

class RefundDialog;

class CustomerRefundsBox : public QGroupBox {
    Q_OBJECT
public:
    explicit CustomerRefundsBox(QWidget* parent = nullptr);

    void setSession(items::OpsSession* session);
    items::RefundListModel* model() const { return model_; }
    QPushButton* refundButton() const { return refund_; }
    // What a reply to the customer may promise about this debit, from the requests listed.
    recon::RefundPromise promiseFor(const QString& ledgerId) const;

public slots:
    void showCustomer(const QString& customerId);
    // The debit selected in the timeline (empty: none): its requests are selected here and
    // "환불 요청…" opens the dialog on it.
    void setSelectedDebit(const QString& ledgerId);
    RefundDialog* openRefundDialog();

signals:
    void countChanged(int rows);   // the rows listed (0 while nothing can be read)
    void refundDialogOpened(reconsole::ui::RefundDialog* dialog);

private:
    void showCount();
    void selectDebitRows();

    items::OpsSession* session_ = nullptr;
    items::RefundListModel* model_ = nullptr;
    QTableView* view_;
    QLabel* count_;
    QPushButton* refund_;
    QString customerId_, debit_;
};

}  // namespace reconsole::ui
