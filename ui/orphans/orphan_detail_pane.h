#pragma once
// The selected orphan explained: what happened, the evidence and the likely cause (read on
// a worker), the plain sentences for a reply to the customer, "Open customer" and "Copy".
#include "items/orphan_detail_loader.h"

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
    QString customerReply() const { return detail_.customerReply; }

public slots:
    void copyReply();
    void reload();   // the mirror changed: read the shown orphan again

signals:
    void openCustomer(const QString& customerId);
    void refundRequested(const QString& ledgerId);
    void loaded();
    void statusMessage(const QString& text);

private:
    void showDetail(const items::OrphanDetail& detail);
    void showNotice(const QString& text);

    items::OrphanDetailLoader* loader_;
    QString ledgerId_;
    items::OrphanDetail detail_;
    bool loaded_ = false;
    QLabel* title_;
    QPlainTextEdit* explanation_;
    QPlainTextEdit* reply_;
    QPushButton* open_;
    QPushButton* copy_;
    QPushButton* refund_;
};

}  // namespace reconsole::ui
