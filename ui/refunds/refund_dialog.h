#pragma once
// "환불 요청…": one debit, the most that may still be refunded and what reduces it, the amount
// (prefilled with the quote's default), a reason code, a note, whether a second person must
// approve, and a sentence that says what will happen, before the request is made. The dialog
// picks one operation id when it opens and sends it with every submit, so a double click or
// a retry is one request. Every rule is the service's; a refusal is shown here in words.
#include "items/refund_preview.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace reconsole::items {
class OpsSession;
}

namespace reconsole::ui {

class RefundDialog : public QDialog {
    Q_OBJECT
public:
    RefundDialog(items::OpsSession* session, const QString& ledgerId, QWidget* parent = nullptr);

    QString operationId() const { return opId_; }
    QString ledgerId() const { return ledgerId_; }
    bool isQuoteLoaded() const { return preview_.has_value(); }
    QLineEdit* amountEdit() const { return amount_; }
    QComboBox* reasonBox() const { return reason_; }
    QPushButton* confirmButton() const { return confirm_; }
    QString statusText() const;
    QString summaryText() const;
    QString madeRequestId() const { return madeRequestId_; }

public slots:
    // Sends the request (the same operation id every time).
    void submit();

signals:
    void quoteLoaded();
    void submitted(bool ok);                 // an answer arrived (a request, or a refusal)
    void requested(const QString& requestId);

private:
    void buildForm();
    void showPreview(const items::RefundPreview& preview);
    void showRefusalOrError(const QString& text);
    void updateSummary();
    std::optional<Money> typedAmount() const;

    items::OpsSession* session_;
    QString ledgerId_, opId_;
    std::optional<items::RefundPreview> preview_;
    QString madeRequestId_;
    QLabel* title_;
    QLabel* debit_;
    QLabel* orphan_;
    QLabel* reductions_;
    QLabel* refundable_;
    QLabel* existing_;
    QLabel* existingLabel_ = nullptr;
    QLineEdit* amount_;
    QPushButton* maxButton_;
    QComboBox* reason_;
    QLineEdit* note_;
    QLabel* approval_;
    QLabel* summary_;
    QLabel* status_;
    QDialogButtonBox* buttons_;
    QPushButton* confirm_;
};

}  // namespace reconsole::ui
