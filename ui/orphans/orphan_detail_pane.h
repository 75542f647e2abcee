#pragma once
// The selected orphan explained: what happened, the evidence and the likely cause (read on
// a worker), and the reply for the customer (Korean in every console language, promising a
// refund only when one has been requested). Two copies: the explanation for a colleague, the
// reply for the customer.
#include "items/orphan_detail_loader.h"
#include "recon/customer_reply.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace reconsole::ui {

class OrphanDetailPane : public QWidget {
    Q_OBJECT
public:
    explicit OrphanDetailPane(const QString& mirrorPath, QWidget* parent = nullptr);

    // Shows the orphan with this ledger id; an empty id clears the pane.
    void showOrphan(const QString& ledgerId);
    QString ledgerId() const { return ledgerId_; }
    bool isLoaded() const { return loaded_; }
    QString explanation() const { return detail_.explanation; }
    QString customerReply() const;
    // What has been decided about refunding the shown debit (the refund marks); the reply
    // follows it.
    void setRefundPromise(const recon::RefundPromise& promise);

public slots:
    void copyExplanation();
    void copyReply();
    void reload();   // the mirror changed: read the shown orphan again

signals:
    void openCustomer(const QString& customerId, const QString& ledgerId);
    void refundRequested(const QString& ledgerId);
    void loaded();
    void statusMessage(const QString& text);

private:
    void showDetail(const items::OrphanDetail& detail);
    void showNotice(const QString& text);
    void copyText(const QString& text, const QString& message);

    items::OrphanDetailLoader* loader_;
    QString ledgerId_;
    items::OrphanDetail detail_;
    recon::RefundPromise promise_;
    bool loaded_ = false;
    QLabel* title_;
    QPlainTextEdit* explanation_;
    QPlainTextEdit* reply_;
    QPushButton* open_;
    QPushButton* copy_;
    QPushButton* copyReply_;
    QPushButton* refund_;
};

}  // namespace reconsole::ui
